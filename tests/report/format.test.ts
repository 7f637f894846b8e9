import { describe, expect, it } from "vitest";
import { ageAt, clip, formatAge, formatDate, formatElapsed, formatRecency, isOlderThan, patientName, plain } from "../../src/report/format";

describe("ageAt", () => {
  it("full dates: the birthday counts on the day", () => {
    expect(ageAt("1950-05-12", "2019-05-11")).toEqual({ min: 68, max: 68 });
    expect(ageAt("1950-05-12", "2019-05-12")).toEqual({ min: 69, max: 69 });
  });

  it("a month-only date after the birthday's month is exact (no time-zone shift)", () => {
    expect(ageAt("1950-03-10", "2019-05")).toEqual({ min: 69, max: 69 });
    expect(ageAt("1950-12-31", "2019-01")).toEqual({ min: 68, max: 68 });
    expect(ageAt("1950-01-01", "2019-01")).toEqual({ min: 69, max: 69 });
  });

  it("a month-only date in the birthday's month gives both possible ages", () => {
    expect(ageAt("1950-05-12", "2019-05")).toEqual({ min: 68, max: 69 });
    expect(formatAge(ageAt("1950-05-12", "2019-05"))).toBe("68 or 69");
  });

  it("year-only dates", () => {
    expect(ageAt("1950", "2019-05-12")).toEqual({ min: 68, max: 69 });
    expect(ageAt("1950-01-01", "2019")).toEqual({ min: 69, max: 69 });
  });

  it("dateTimes use the date as written", () => {
    expect(ageAt("1950-05-12", "2019-05-12T00:30:00+14:00")).toEqual({ min: 69, max: 69 });
    expect(ageAt("1950-05-12", "2019-05-11T23:30:00-12:00")).toEqual({ min: 68, max: 68 });
  });

  it("undefined for unreadable dates or dates before birth", () => {
    expect(ageAt(undefined, "2019")).toBeUndefined();
    expect(ageAt("1950", "last spring")).toBeUndefined();
    expect(ageAt("1950-13-01", "2019")).toBeUndefined();
    expect(ageAt("2000-05-12", "2000-05-01")).toBeUndefined();
    expect(ageAt("2000-05-12", "2000")).toEqual({ min: 0, max: 0 });
  });
});

describe("formatDate", () => {
  it("keeps the precision written", () => {
    expect(formatDate("2019")).toBe("2019");
    expect(formatDate("2019-05")).toBe("May 2019");
    expect(formatDate("2019-05-02")).toBe("2 May 2019");
    expect(formatDate("2019-05-02T23:59:00-10:00")).toBe("2 May 2019");
    expect(formatDate("about 2010")).toBe("about 2010");
  });
});

describe("text helpers", () => {
  it("clip cuts long strings with an ellipsis and leaves short ones", () => {
    expect(clip("abc", 5)).toBe("abc");
    expect(clip("abcdefgh", 5)).toBe("abcde…");
    expect(clip("x".repeat(100_000)).length).toBe(401);
    expect(clip(undefined)).toBe("");
  });

  it("plain drops direction overrides and control characters", () => {
    expect(plain("a\u202Eb\u2066c\nd\u0000e")).toBe("a b c d e");
  });

  it("formatElapsed reads the injected clock", () => {
    const now = new Date("2025-06-01T10:30:00Z");
    expect(formatElapsed(new Date("2025-06-01T10:29:50Z"), now)).toBe("just now");
    expect(formatElapsed(new Date("2025-06-01T10:29:00Z"), now)).toBe("1 minute ago");
    expect(formatElapsed(new Date("2025-06-01T07:30:00Z"), now)).toBe("3 hours ago");
    expect(formatElapsed(new Date("2025-05-28T10:30:00Z"), now)).toBe("4 days ago");
  });

  it("patientName prefers the official name and falls back", () => {
    expect(patientName({ resourceType: "Patient", name: [{ use: "nickname", text: "Bo" }, { use: "official", given: ["Ann", "B"], family: "Lee" }] })).toBe(
      "Ann B Lee",
    );
    expect(patientName({ resourceType: "Patient", name: [{ text: " Mr X " }] })).toBe("Mr X");
    expect(patientName({ resourceType: "Patient" })).toBe("Name not recorded");
  });
});

describe("formatRecency (the injected clock, the precision written)", () => {
  const now = new Date(2026, 10, 26, 12, 0); // 26 Nov 2026, local time
  it("years, months, weeks and days", () => {
    expect(formatRecency("2016-05-27", now)).toBe("10 years ago");
    expect(formatRecency("2016-11-27", now)).toBe("9 years ago");
    expect(formatRecency("2016", now)).toBe("10 years ago");
    expect(formatRecency("2025-11", now)).toBe("12 months ago");
    expect(formatRecency("2026-06-30", now)).toBe("4 months ago");
    expect(formatRecency("2026-10-01", now)).toBe("8 weeks ago");
    expect(formatRecency("2026-11-23", now)).toBe("3 days ago");
    expect(formatRecency("2026-11-25T23:00:00Z", now)).toBe("yesterday");
    expect(formatRecency("2026-11-26", now)).toBe("today");
  });

  it("partial dates too close to say more, future dates, unreadable ones", () => {
    expect(formatRecency("2026", now)).toBe("this year");
    expect(formatRecency("2026-11", now)).toBe("this month");
    expect(formatRecency("2026-10", now)).toBe("last month");
    expect(formatRecency("2027-01-02", now)).toBe("a future date");
    expect(formatRecency("soon", now)).toBe("");
  });
});

describe("isOlderThan", () => {
  const now = new Date(2026, 10, 26, 12, 0);
  it("counts a partial date as late as it can be", () => {
    expect(isOlderThan("2024-11-25", 2, now)).toBe(true);
    expect(isOlderThan("2024-11-26", 2, now)).toBe(false);
    expect(isOlderThan("2024", 2, now)).toBe(false);
    expect(isOlderThan("2023", 2, now)).toBe(true);
    expect(isOlderThan("2024-10", 2, now)).toBe(true);
    expect(isOlderThan("2024-11", 2, now)).toBe(false);
    expect(isOlderThan(undefined, 2, now)).toBe(false);
  });
});
