/**
 * Anemia from hemoglobin (lab-results.md): the most recent result below the WHO 2024 cut-off for the
 * patient's age and sex on that date (pregnancy 10.5, under 6 months not interpreted); current within 365 days.
 */
import { describe, expect, it } from "vitest";
import type { Patient } from "fhir/r4";
import { RULE, cause, daysAgo, obs, rule, run } from "./build";

const hb = (value: number, date: string, id?: string) => obs({ test: "hemoglobin", value, date, ...(id ? { id } : {}) });
const person = (birthDate: string, gender?: Patient["gender"]): Patient => ({
  resourceType: "Patient",
  id: "p1",
  birthDate,
  ...(gender ? { gender } : {}),
});

describe("the cut-off table (age on the result's date)", () => {
  // Result dated 2026-11-20; birth dates chosen so the age that day is the one named.
  it.each([
    ["6 months", "2026-05-20", "male", 10.5],
    ["23 months", "2024-12-20", "female", 10.5],
    ["2 years", "2024-11-20", "male", 11.0],
    ["4 years", "2021-11-21", "female", 11.0], // the day before the 5th birthday
    ["5 years", "2021-11-20", "female", 11.5],
    ["11 years", "2014-11-21", "male", 11.5],
    ["12 years", "2014-11-20", "male", 12.0],
    ["14 years", "2011-11-21", "male", 12.0],
    ["15 years, male", "2011-11-20", "male", 13.0],
    ["15 years, female", "2011-11-20", "female", 12.0],
    ["adult, other", "1970-01-01", "other", 12.0],
    ["adult, unknown", "1970-01-01", "unknown", 12.0],
    ["adult, not recorded", "1970-01-01", undefined, 12.0],
    ["adult male", "1970-01-01", "male", 13.0],
  ] as const)("%s: below %s", (_who, birthDate, gender, cutoff) => {
    const at = "2026-11-20";
    const below = run([hb(cutoff - 0.01, at)], { patient: person(birthDate, gender) });
    const at_ = run([hb(cutoff, at)], { patient: person(birthDate, gender) });
    expect(rule(below, RULE.anemia)).toEqual({ holds: true, current: true });
    expect(rule(at_, RULE.anemia).holds).toBe(false);
    expect(cause(below, "anemia")!.evidence[0]!.lab.cutoff.value).toBe(cutoff);
  });

  it("under 6 months: not interpreted, and listed", () => {
    const out = run([hb(8, "2026-11-20")], { patient: person("2026-05-21", "female") });
    expect(rule(out, RULE.anemia).holds).toBe(false);
    expect(out.notInterpreted).toEqual([expect.objectContaining({ reason: "age-not-interpretable", test: "hemoglobin" })]);
    expect(out.series[0]!.points[0]!.cutoff).toBeUndefined();
  });

  it("no birth date: not interpreted, and listed", () => {
    const out = run([hb(8, daysAgo(5))], { patient: { resourceType: "Patient", id: "p1", gender: "female" } });
    expect(rule(out, RULE.anemia).holds).toBe(false);
    expect(out.notInterpreted[0]?.text).toMatch(/birth date/);
  });

  it("a partial birth date gives the youngest possible age (14, not 15: cut-off 12.0 for a male)", () => {
    const out = run([hb(12.5, "2026-06-01")], { patient: person("2011", "male") });
    expect(rule(out, RULE.anemia).holds).toBe(false);
    expect(run([hb(11.9, "2026-06-01")], { patient: person("2011", "male") }).causes[0]!.evidence[0]!.lab.ageText).toBe("age 14");
  });

  it("age is shown in months under 2 years", () => {
    const out = run([hb(9, "2026-11-20")], { patient: person("2025-09-20", "female") });
    expect(cause(out, "anemia")!.evidence[0]!.lab.ageText).toBe("age 14 months");
  });
});

describe("pregnancy: 10.5 g/dL for results dated on or after it began", () => {
  const woman = person("1995-02-02", "female");

  it("after the start: 10.5", () => {
    const out = run([hb(11.0, daysAgo(10))], { patient: woman, pregnancyStart: daysAgo(100) });
    expect(rule(out, RULE.anemia).holds).toBe(false);
    const low = run([hb(10.4, daysAgo(10))], { patient: woman, pregnancyStart: daysAgo(100) });
    const d = cause(low, "anemia")!.evidence[0]!;
    expect(d.lab.cutoff.text).toBe("below 10.5 g/dL (during a current pregnancy, results dated on or after its start)");
    expect(d.notes).toContain("Pregnancy cut-off: the result is dated after the current pregnancy began.");
  });

  it("on the day it began: 10.5", () => {
    expect(rule(run([hb(11.0, daysAgo(100))], { patient: woman, pregnancyStart: daysAgo(100) }), RULE.anemia).holds).toBe(false);
  });

  it("before the start: the usual 12.0", () => {
    expect(rule(run([hb(11.0, daysAgo(101))], { patient: woman, pregnancyStart: daysAgo(100) }), RULE.anemia).holds).toBe(true);
  });

  it("no pregnancy given, a start in the future, an unreadable one, or a deceased patient: the usual cut-off", () => {
    for (const pregnancyStart of [undefined, "2027-01-01", "soon"]) {
      const options = pregnancyStart === undefined ? { patient: woman } : { patient: woman, pregnancyStart };
      expect(rule(run([hb(11.0, daysAgo(10))], options), RULE.anemia).holds).toBe(true);
    }
    const dead = { ...woman, deceasedDateTime: daysAgo(1) };
    expect(rule(run([hb(11.0, daysAgo(10))], { patient: dead, pregnancyStart: daysAgo(100) }), RULE.anemia)).toEqual({ holds: true, current: false });
  });
});

describe("the most recent result decides; current within 365 days", () => {
  const woman = person("1960-03-15", "female");

  it("an old low result followed by a normal one: no anemia", () => {
    expect(rule(run([hb(9, daysAgo(400)), hb(13, daysAgo(10))], { patient: woman }), RULE.anemia).holds).toBe(false);
  });

  it("exactly 365 days ago: current; 366: past", () => {
    expect(rule(run([hb(10, daysAgo(365))], { patient: woman }), RULE.anemia)).toEqual({ holds: true, current: true });
    expect(rule(run([hb(10, daysAgo(366))], { patient: woman }), RULE.anemia)).toEqual({ holds: true, current: false });
  });

  it("past anemia is shown with its result", () => {
    const c = cause(run([hb(10, daysAgo(800), "old")], { patient: woman }), "anemia")!;
    expect(c.current).toBe(false);
    expect(c.evidence.map((e) => [e.id, e.status, e.lab.role])).toEqual([["old", "past", "qualifying-most-recent"]]);
  });

  it("two results at the same latest instant that disagree: no claim", () => {
    const when = `${daysAgo(30)}T09:00:00Z`;
    const out = run([hb(15, when), hb(10, when)], { patient: woman });
    expect(rule(out, RULE.anemia).holds).toBe(false);
    expect(out.rules.find((r) => r.ruleId === RULE.anemia)!.why).toMatch(/disagree/);
  });

  it("two low results at the same latest instant: both are evidence", () => {
    const when = `${daysAgo(30)}T09:00:00Z`;
    expect(cause(run([hb(10, when), hb(10.5, when)], { patient: woman }), "anemia")!.evidence).toHaveLength(2);
  });

  it("later on the same day is more recent", () => {
    const day = daysAgo(30);
    expect(rule(run([hb(10, `${day}T08:00:00Z`), hb(13, `${day}T18:00:00Z`)], { patient: woman }), RULE.anemia).holds).toBe(false);
    expect(rule(run([hb(13, `${day}T08:00:00Z`), hb(10, `${day}T18:00:00Z`)], { patient: woman }), RULE.anemia).holds).toBe(true);
  });
});
