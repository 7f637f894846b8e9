/** Which Observations count (lab-results.md, "Which results are read"): status, date, subject, value, malformed input. */
import { describe, expect, it } from "vitest";
import { RULE, cause, daysAgo, obs, rule, run } from "./build";

const lowGlucose = (extra: Partial<Parameters<typeof obs>[0]> = {}) => obs({ test: "glucose", value: 40, date: daysAgo(10), ...extra });

describe("status", () => {
  it.each(["final", "amended", "corrected"])("%s counts", (status) => {
    const out = run([lowGlucose({ status })]);
    expect(out.counts.counted).toBe(1);
    expect(rule(out, RULE.hypo)).toEqual({ holds: true, current: true });
  });

  it.each(["preliminary", "registered", "unknown"])("%s is listed as not final, never interpreted", (status) => {
    const o = lowGlucose({ status });
    const out = run([o]);
    expect(out.counts).toEqual({ observations: 1, labResults: 1, counted: 0, notLoinc: 0, otherCodes: 0 });
    expect(out.notInterpreted).toEqual([expect.objectContaining({ ref: `Observation/${o.id}`, reason: "not-final", test: "glucose" })]);
    expect(rule(out, RULE.hypo).holds).toBe(false);
  });

  it.each(["cancelled", "entered-in-error"])("%s is left out silently", (status) => {
    const out = run([lowGlucose({ status })]);
    expect(out.counts.labResults).toBe(0);
    expect(out.notInterpreted).toEqual([]);
    expect(out.causes).toEqual([]);
  });

  it("a missing status is not final", () => {
    const o = lowGlucose();
    delete (o as { status?: string }).status;
    expect(run([o]).notInterpreted[0]?.reason).toBe("not-final");
  });
});

describe("date", () => {
  it.each(["effectiveDateTime", "effectivePeriod", "effectiveInstant", "issued"] as const)("is read from %s", (dateField) => {
    const date = `${daysAgo(10)}T08:00:00Z`;
    const out = run([lowGlucose({ dateField, date })]);
    const e = cause(out, "hypoglycemia")?.evidence[0];
    expect(e?.lab.date).toBe(date);
    expect(e?.lab.dateSource).toBe(dateField === "effectivePeriod" ? "effectivePeriod.start" : dateField);
    expect(e?.current).toBe(true);
  });

  it("prefers effectiveDateTime, then effectivePeriod.start, then effectiveInstant, then issued", () => {
    const o = lowGlucose({ date: `${daysAgo(200)}T00:00:00Z` });
    o.effectivePeriod = { start: `${daysAgo(5)}T00:00:00Z` };
    o.effectiveInstant = `${daysAgo(4)}T00:00:00Z`;
    o.issued = `${daysAgo(3)}T00:00:00Z`;
    expect(cause(run([o]), "hypoglycemia")?.evidence[0]?.lab.dateSource).toBe("effectiveDateTime");
    delete o.effectiveDateTime;
    expect(cause(run([o]), "hypoglycemia")?.evidence[0]?.lab.dateSource).toBe("effectivePeriod.start");
    delete o.effectivePeriod;
    expect(cause(run([o]), "hypoglycemia")?.evidence[0]?.lab.dateSource).toBe("effectiveInstant");
    delete o.effectiveInstant;
    expect(cause(run([o]), "hypoglycemia")?.evidence[0]?.lab.dateSource).toBe("issued");
  });

  it("an unreadable date falls back to the next one", () => {
    const o = lowGlucose({ date: "last Tuesday" });
    o.issued = `${daysAgo(3)}T10:00:00Z`;
    expect(cause(run([o]), "hypoglycemia")?.evidence[0]?.lab.dateSource).toBe("issued");
  });

  it("no readable date: listed, not interpreted", () => {
    const o = lowGlucose({ date: "" });
    delete o.effectiveDateTime;
    const out = run([o]);
    expect(out.notInterpreted[0]?.reason).toBe("no-date");
    expect(out.causes).toEqual([]);
  });

  it("a result dated after now is ignored (listed)", () => {
    const out = run([lowGlucose({ date: "2026-11-26T12:00:01Z" })]);
    expect(out.notInterpreted[0]?.reason).toBe("dated-after-now");
    expect(out.causes).toEqual([]);
  });

  it("a result dated exactly now counts", () => {
    expect(run([lowGlucose({ date: "2026-11-26T12:00:00Z" })]).counts.counted).toBe(1);
  });

  it("a date-only result of today counts; of tomorrow does not", () => {
    expect(run([lowGlucose({ date: "2026-11-26" })]).counts.counted).toBe(1);
    expect(run([lowGlucose({ date: "2026-11-27" })]).notInterpreted[0]?.reason).toBe("dated-after-now");
  });

  it("partial dates: a month or year that has begun counts, one that has not is after now", () => {
    expect(run([lowGlucose({ date: "2026-11" })]).counts.counted).toBe(1);
    expect(run([lowGlucose({ date: "2026" })]).counts.counted).toBe(1);
    expect(run([lowGlucose({ date: "2026-12" })]).notInterpreted[0]?.reason).toBe("dated-after-now");
    expect(run([lowGlucose({ date: "2027" })]).notInterpreted[0]?.reason).toBe("dated-after-now");
  });

  it("a partial date is read as written, in UTC, with no off-by-one day", () => {
    const out = run([lowGlucose({ date: "2026-09" })]);
    expect(cause(out, "hypoglycemia")?.evidence[0]?.text).toMatch(/on 2026-09$/);
    expect(out.series[0]?.points[0]?.time).toBe(Date.UTC(2026, 8, 1));
  });

  it("a date-time keeps the day written in its own time zone", () => {
    const out = run([lowGlucose({ date: "2026-11-20T23:30:00-05:00" })]);
    expect(cause(out, "hypoglycemia")?.evidence[0]?.text).toMatch(/on 2026-11-20$/);
  });
});

describe("subject", () => {
  it("another patient's result is left out silently", () => {
    const out = run([lowGlucose({ subject: "Patient/someone-else" })]);
    expect(out.counts.labResults).toBe(0);
    expect(out.causes).toEqual([]);
    expect(out.notInterpreted).toEqual([]);
  });

  it.each(["Patient/p1", "https://ehr.example/fhir/Patient/p1", "Patient/p1/_history/3"])("%s is this patient", (subject) => {
    expect(run([lowGlucose({ subject })]).counts.counted).toBe(1);
  });

  it("a Group subject is not this patient", () => {
    expect(run([lowGlucose({ subject: "Group/p1" })]).counts.labResults).toBe(0);
  });

  it("without a known patient id, or a subject reference, the result is kept (the search was by patient)", () => {
    expect(run([lowGlucose({ subject: "Patient/x" })], { patient: { resourceType: "Patient" } }).counts.counted).toBe(1);
    const o = lowGlucose();
    delete o.subject;
    expect(run([o]).counts.counted).toBe(1);
  });
});

describe("value, comparator, code", () => {
  it("a result without a numeric value is listed", () => {
    const o = lowGlucose();
    o.valueQuantity = { unit: "mg/dL" };
    const o2 = lowGlucose();
    delete o2.valueQuantity;
    (o2 as unknown as Record<string, unknown>).valueString = "Hemolyzed, see note";
    const o3 = lowGlucose();
    (o3.valueQuantity as Record<string, unknown>).value = "40";
    const out = run([o, o2, o3]);
    expect(out.notInterpreted.map((s) => s.reason)).toEqual(["no-value", "no-value", "no-value"]);
    expect(out.causes).toEqual([]);
  });

  it("a number written as text without any unit is not guessed at (glucose has no unit-less reading)", () => {
    const o = lowGlucose();
    delete o.valueQuantity;
    (o as unknown as Record<string, unknown>).valueString = "40";
    expect(run([o]).notInterpreted.map((s) => [s.reason, s.text])).toEqual([["unit-not-recognised", "unit not recognised: none"]]);
  });

  it("a negative value is not a measurement", () => {
    expect(run([lowGlucose({ value: -3 })]).notInterpreted[0]?.reason).toBe("no-value");
  });

  it("an unknown comparator (ad) is listed, never interpreted", () => {
    const out = run([lowGlucose({ comparator: "ad" })]);
    expect(out.notInterpreted[0]?.reason).toBe("comparator-not-recognised");
    expect(out.causes).toEqual([]);
  });

  it("codes outside the lab tests are counted, never read: another LOINC test, and a non-LOINC system", () => {
    const other = lowGlucose();
    other.code = { coding: [{ system: "http://loinc.org", code: "8867-4" }] };
    const local = lowGlucose();
    local.code = { coding: [{ system: "http://example.org/local", code: "2339-0" }] };
    const out = run([other, local]);
    expect(out.counts).toEqual({ observations: 2, labResults: 0, counted: 0, notLoinc: 1, otherCodes: 1 });
    expect(out.notInterpreted).toEqual([]);
  });

  it("a result coded as two different tests is listed, never interpreted", () => {
    const o = lowGlucose();
    o.code.coding!.push({ system: "http://loinc.org", code: "718-7" });
    expect(run([o]).notInterpreted[0]?.reason).toBe("several-tests");
  });

  it("a result without an id cannot be evidence: listed", () => {
    const o = lowGlucose();
    delete o.id;
    const out = run([o]);
    expect(out.notInterpreted[0]).toEqual(expect.objectContaining({ reason: "no-id" }));
    expect(out.notInterpreted[0]?.ref).toBeUndefined();
  });

  it("the same Observation twice counts once", () => {
    const o = lowGlucose({ id: "dup" });
    const out = run([o, structuredClone(o)]);
    expect(out.counts.counted).toBe(1);
    expect(cause(out, "hypoglycemia")?.evidence).toHaveLength(1);
  });
});

describe("malformed input never throws", () => {
  it.each([
    ["not a list", "nope"],
    ["null", null],
    ["junk entries", [null, 3, "x", [], {}, { resourceType: "Patient" }, { resourceType: "Observation", code: 5 }]],
    ["junk fields", [{ resourceType: "Observation", id: 7, status: 1, code: { coding: "x" }, valueQuantity: [] }]],
  ])("%s", (_label, input) => {
    const out = run(input as unknown[]);
    expect(out.causes).toEqual([]);
    expect(out.counts.counted).toBe(0);
  });

  it("a throwing getter skips that resource only", () => {
    const bad = { resourceType: "Observation" } as Record<string, unknown>;
    Object.defineProperty(bad, "code", {
      get() {
        throw new Error("boom");
      },
    });
    const out = run([bad, lowGlucose()]);
    expect(out.counts.counted).toBe(1);
  });

  it("bad options: no patient, no clock", () => {
    expect(run([lowGlucose()], { patient: "x" }).counts.counted).toBe(1);
    const noClock = run([lowGlucose()], { now: new Date("garbage") });
    expect(noClock.counts.counted).toBe(0);
    expect(noClock.notInterpreted[0]?.reason).toBe("no-clock");
    expect(noClock.causes).toEqual([]);
  });

  it("an unreadable patient only loses age and sex", () => {
    const out = run([obs({ test: "hemoglobin", value: 9, date: daysAgo(3) })], { patient: { resourceType: "Patient", id: "p1", birthDate: 1960 } });
    expect(out.notInterpreted[0]?.reason).toBe("age-not-interpretable");
    expect(out.causes).toEqual([]);
  });
});
