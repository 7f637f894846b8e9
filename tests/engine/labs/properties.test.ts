/** Properties of interpretLabs over generated input: never throws, never interprets an unknown unit, order-free. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { interpretLabs } from "../../../src/engine/labs";
import { LAB_TEST_CODES, LAB_TESTS } from "../../../src/knowledge";
import { normalizeUnit } from "../../../src/engine/labs/units";
import { NOW, daysAgo } from "./build";

const CODES = Object.values(LAB_TEST_CODES).flat();
const KNOWN_UNITS = ["g/dL", "g/L", "mmol/L", "%", "mmol/mol", "mg/dL", "mIU/L", "uIU/mL", "mL/min/{1.73_m2}"];

/** Any JSON-ish value, to put anywhere. */
const junk = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string()), fc.dictionary(fc.string(), fc.string()));

const observationish = fc.record(
  {
    resourceType: fc.oneof(fc.constant("Observation"), junk),
    id: fc.oneof(fc.string({ minLength: 1 }), junk),
    status: fc.oneof(fc.constantFrom("final", "amended", "corrected", "preliminary", "cancelled"), junk),
    code: fc.oneof(
      fc.record({ coding: fc.array(fc.record({ system: fc.oneof(fc.constant("http://loinc.org"), junk), code: fc.oneof(fc.constantFrom(...CODES), junk) })) }),
      junk,
    ),
    subject: fc.oneof(fc.record({ reference: fc.oneof(fc.constant("Patient/p1"), fc.string()) }), junk),
    effectiveDateTime: fc.oneof(fc.integer({ min: 0, max: 4000 }).map(daysAgo), fc.string(), junk),
    issued: fc.oneof(fc.string(), junk),
    valueQuantity: fc.oneof(
      fc.record(
        {
          value: fc.oneof(fc.double(), fc.integer(), junk),
          comparator: fc.oneof(fc.constantFrom("<", "<=", ">", ">=", "ad"), junk),
          unit: fc.oneof(fc.constantFrom(...KNOWN_UNITS), fc.string(), junk),
          code: fc.oneof(fc.constantFrom(...KNOWN_UNITS), fc.string(), junk),
          system: fc.oneof(fc.constant("http://unitsofmeasure.org"), junk),
        },
        { requiredKeys: [] },
      ),
      junk,
    ),
  },
  { requiredKeys: [] },
);

const patientish = fc.oneof(
  fc.record(
    {
      resourceType: fc.constant("Patient"),
      id: fc.oneof(fc.constant("p1"), junk),
      birthDate: fc.oneof(fc.constantFrom("1950", "1990-06", "2026-07-01", "1980-02-29"), junk),
      gender: fc.oneof(fc.constantFrom("female", "male", "other", "unknown"), junk),
      deceasedBoolean: fc.oneof(fc.boolean(), junk),
    },
    { requiredKeys: [] },
  ),
  junk,
);

/** Whether a unit string is one the tests accept (any test). */
function recognised(unit: string): boolean {
  const n = normalizeUnit(unit);
  return Object.values(LAB_TESTS).some((t) => t.units.some((u) => u.spellings.includes(n) || (u.prefix !== undefined && n.startsWith(u.prefix))));
}

describe("interpretLabs over generated input", () => {
  it("never throws, and every evidence item names a counted Observation", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(observationish, junk), { maxLength: 25 }), patientish, fc.option(fc.string()), (list, patient, pregnancyStart) => {
        const out = interpretLabs(list, { patient, now: NOW, ...(pregnancyStart === null ? {} : { pregnancyStart }) });
        expect(out.counts.counted + out.notInterpreted.filter((s) => s.reason !== "age-not-interpretable").length).toBe(out.counts.labResults);
        const charted = new Set(out.series.flatMap((s) => s.points.map((p) => p.ref)));
        for (const c of out.causes) for (const e of c.evidence) expect(charted.has(e.ref)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("never interprets a result whose unit is not a recognised one", () => {
    const unknownUnit = fc.string().filter((u) => !recognised(u));
    fc.assert(
      fc.property(fc.constantFrom(...CODES), unknownUnit, fc.double({ min: 0, max: 1000, noNaN: true }), fc.integer({ min: 0, max: 3000 }), (code, unit, value, ago) => {
        const o = {
          resourceType: "Observation",
          id: "x",
          status: "final",
          code: { coding: [{ system: "http://loinc.org", code }] },
          effectiveDateTime: daysAgo(ago),
          valueQuantity: { value, unit, code: unit, system: "http://unitsofmeasure.org" },
        };
        const out = interpretLabs([o], { patient: { resourceType: "Patient", id: "p1", birthDate: "1950-01-01" }, now: NOW });
        expect(out.causes).toEqual([]);
        expect(out.series).toEqual([]);
        expect(out.counts.counted).toBe(0);
        expect(out.notInterpreted.map((s) => s.reason)).toEqual(["unit-not-recognised"]);
      }),
      { numRuns: 300 },
    );
  });

  it("does not depend on the order of the results", () => {
    const valid = fc.record({
      id: fc.integer({ min: 1, max: 30 }).map((n) => `o${n}`),
      code: fc.constantFrom("33914-3", "718-7", "4548-4", "2339-0", "3016-3"),
      value: fc.double({ min: 0, max: 200, noNaN: true }),
      ago: fc.integer({ min: 0, max: 1500 }),
    });
    const units: Record<string, string> = { "33914-3": "mL/min", "718-7": "g/dL", "4548-4": "%", "2339-0": "mg/dL", "3016-3": "mIU/L" };
    fc.assert(
      fc.property(fc.uniqueArray(valid, { selector: (v) => v.id, maxLength: 20 }), (specs) => {
        const list = specs.map((s) => ({
          resourceType: "Observation",
          id: s.id,
          status: "final",
          code: { coding: [{ system: "http://loinc.org", code: s.code }] },
          effectiveDateTime: daysAgo(s.ago),
          valueQuantity: { value: s.value, code: units[s.code] },
        }));
        const options = { patient: { resourceType: "Patient", id: "p1", birthDate: "1950-01-01", gender: "male" }, now: NOW };
        expect(interpretLabs([...list].reverse(), options)).toEqual(interpretLabs(list, options));
      }),
      { numRuns: 200 },
    );
  });
});
