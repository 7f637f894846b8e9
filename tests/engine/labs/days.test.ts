/** Calendar arithmetic of the lab rules: day numbers, spans of partial dates, ages in months. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ageInYears, dateParts } from "../../../src/engine/dates";
import { ageInMonths, dayNumber, firstDay, lastDay, writtenDateParts } from "../../../src/engine/labs/days";

describe("day numbers", () => {
  it("agree with Date.UTC for any date, month-end roll-over included", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 3000 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        expect(dayNumber(y, m, d)).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
      }),
    );
  });

  it("a partial date spans its month or year", () => {
    expect(lastDay({ year: 2024, month: 2 }) - firstDay({ year: 2024, month: 2 })).toBe(28); // leap February
    expect(lastDay({ year: 2023, month: 2 }) - firstDay({ year: 2023, month: 2 })).toBe(27);
    expect(lastDay({ year: 2026, month: 12 }) - firstDay({ year: 2026, month: 12 })).toBe(30);
    expect(lastDay({ year: 2024 }) - firstDay({ year: 2024 })).toBe(365);
    expect(lastDay({ year: 2024, month: 3, day: 9 })).toBe(firstDay({ year: 2024, month: 3, day: 9 }));
  });
});

describe("age in months", () => {
  it("agrees with the engine's age in years (youngest possible for partial dates)", () => {
    const part = fc.record({ year: fc.integer({ min: 1900, max: 2030 }), month: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }) }).chain((p) =>
      fc.record({ year: fc.constant(p.year), month: fc.constant(p.month), day: p.month === undefined ? fc.constant(undefined) : fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined }) }),
    );
    fc.assert(
      fc.property(part, part, (birth, at) => {
        expect(Math.floor(ageInMonths(birth, at) / 12)).toBe(ageInYears(birth, at));
      }),
    );
  });

  it("counts a month only when its day is reached", () => {
    expect(ageInMonths({ year: 2026, month: 1, day: 31 }, { year: 2026, month: 7, day: 30 })).toBe(5);
    expect(ageInMonths({ year: 2026, month: 1, day: 31 }, { year: 2026, month: 7, day: 31 })).toBe(6);
  });
});

describe("reading a written date", () => {
  it("agrees with dateParts of dates.ts on any input", () => {
    const piece = fc.oneof(fc.constantFrom("-", "T", "Z", ":", "+", " ", "0", "1", "2", "9", "3", "x"), fc.string({ maxLength: 2 }));
    const near = fc.tuple(
      fc.integer({ min: 0, max: 9999 }).map((y) => String(y).padStart(4, "0")),
      fc.integer({ min: 0, max: 13 }).map((m) => String(m).padStart(2, "0")),
      fc.integer({ min: 0, max: 32 }).map((d) => String(d).padStart(2, "0")),
      fc.array(piece, { maxLength: 6 }),
      fc.constantFrom("-", "/", "T"),
    ).map(([y, m, d, rest, sep]) => `${y}-${m}${sep}${d}${rest.join("")}`);
    fc.assert(
      fc.property(fc.oneof(near, fc.string({ maxLength: 30 })), (s) => {
        expect(writtenDateParts(s)).toEqual(dateParts(s));
      }),
      { numRuns: 2000 },
    );
    for (const s of ["2026-11-26", "2026-11-26T10:00:00Z", "2026-11", "2026", "2026-13-01", "2026-02-31", " 2026-01-01", "2026-01-01T", "2026-01-01x"]) {
      expect(writtenDateParts(s), s).toEqual(dateParts(s));
    }
  });
});
