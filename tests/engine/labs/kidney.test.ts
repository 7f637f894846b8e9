/**
 * Chronic kidney disease from eGFR (lab-results.md): two results below 60 at least 90 days apart with none
 * of 60 or more between; current while the most recent is below 60; known cause by the G5 rule (below 15).
 */
import { describe, expect, it } from "vitest";
import { RULE, cause, daysAgo, obs, rule, run } from "./build";

const egfr = (value: number, date: string, id?: string) => obs({ test: "egfr", value, date, ...(id ? { id } : {}) });

describe("two results below 60, at least 90 days apart", () => {
  it("exactly 90 days apart: holds", () => {
    expect(rule(run([egfr(50, daysAgo(100)), egfr(55, daysAgo(10))]), RULE.ckd)).toEqual({ holds: true, current: true });
  });

  it("89 days apart: does not hold", () => {
    const out = run([egfr(50, daysAgo(99)), egfr(55, daysAgo(10))]);
    expect(rule(out, RULE.ckd).holds).toBe(false);
    expect(cause(out, "chronic-kidney-disease")).toBeUndefined();
  });

  it("days are calendar days of the written dates, whatever the time of day", () => {
    const out = run([egfr(50, `${daysAgo(100)}T23:59:00Z`), egfr(55, `${daysAgo(10)}T00:01:00Z`)]);
    expect(rule(out, RULE.ckd).holds).toBe(true);
  });

  it("a single low result is not enough", () => {
    expect(rule(run([egfr(20, daysAgo(10)), egfr(90, daysAgo(400))]), RULE.ckd).holds).toBe(false);
  });

  it("a result of 60 or more between them breaks the run", () => {
    const out = run([egfr(50, daysAgo(300)), egfr(60, daysAgo(200)), egfr(55, daysAgo(100))]);
    expect(rule(out, RULE.ckd).holds).toBe(false);
  });

  it("a result of 60 or more outside the pair does not matter", () => {
    const out = run([egfr(95, daysAgo(500)), egfr(50, daysAgo(300)), egfr(59.9, daysAgo(150)), egfr(55, daysAgo(100))]);
    expect(rule(out, RULE.ckd).holds).toBe(true);
  });

  it("a later run can qualify after a broken one", () => {
    const out = run([egfr(50, daysAgo(700)), egfr(70, daysAgo(650)), egfr(45, daysAgo(600)), egfr(48, daysAgo(500))]);
    expect(rule(out, RULE.ckd).holds).toBe(true);
    const refs = cause(out, "chronic-kidney-disease")!.evidence.map((e) => e.lab.value).sort();
    expect(refs).toEqual([45, 48]); // the run that qualifies (its last is also the most recent)
  });

  it("a result of 60 or more at the same instant as a low one: no claim from that instant", () => {
    const when = `${daysAgo(200)}T10:00:00Z`;
    const out = run([egfr(50, when), egfr(75, when), egfr(55, daysAgo(10))]);
    expect(rule(out, RULE.ckd).holds).toBe(false);
  });

  it("partial dates: apart only if certainly 90 days apart", () => {
    expect(rule(run([egfr(50, "2026-05"), egfr(50, "2026-08-29")]), RULE.ckd).holds).toBe(true); // May 31 to Aug 29: 90 days
    expect(rule(run([egfr(50, "2026-05"), egfr(50, "2026-08-28")]), RULE.ckd).holds).toBe(false); // could be 89 days
    expect(rule(run([egfr(50, "2026-05-01"), egfr(50, "2026-08-28")]), RULE.ckd).holds).toBe(true); // 119 days
    expect(rule(run([egfr(50, "2025"), egfr(50, "2026-03-30")]), RULE.ckd).holds).toBe(false); // Dec 31 to Mar 30: 89 days
  });
});

describe("current while the most recent eGFR is below 60", () => {
  it("recovered to 60 or more: shown as past with the results that made it", () => {
    const out = run([egfr(50, daysAgo(400), "a"), egfr(52, daysAgo(300), "b"), egfr(64, daysAgo(20), "c")]);
    expect(rule(out, RULE.ckd)).toEqual({ holds: true, current: false });
    const c = cause(out, "chronic-kidney-disease")!;
    expect(c.current).toBe(false);
    expect(c.strength).toBe("sometimes-linked");
    expect(c.evidence.map((e) => [e.id, e.lab.role, e.status])).toEqual([
      ["c", "most-recent", "past"],
      ["b", "qualifying", "past"],
      ["a", "qualifying", "past"],
    ]);
  });

  it("the most recent below 60 makes that result current, no matter how old", () => {
    const out = run([egfr(50, daysAgo(3000), "a"), egfr(52, daysAgo(2800), "b")]);
    const c = cause(out, "chronic-kidney-disease")!;
    expect(c.current).toBe(true);
    expect(c.evidence.map((e) => [e.id, e.lab.role, e.status])).toEqual([
      ["b", "qualifying-most-recent", "current"],
      ["a", "qualifying", "past"],
    ]);
  });

  it("every evidence item says what was applied and where it comes from", () => {
    const e = cause(run([egfr(50, daysAgo(300)), egfr(41.25, daysAgo(10))]), "chronic-kidney-disease")!.evidence[0]!;
    expect(e).toEqual(
      expect.objectContaining({
        resourceType: "Observation",
        ruleId: RULE.ckd,
        text: `eGFR 41.25 mL/min/{1.73_m2} on ${daysAgo(10)}`,
        recordStatus: "final",
        dates: { effective: daysAgo(10) },
        matched: expect.objectContaining({ systemLabel: "LOINC", code: "33914-3" }),
      }),
    );
    expect(e.lab.cutoff.text).toBe("below 60 mL/min/1.73 m²");
    expect(e.lab.definition).toMatch(/KDIGO 2024/);
    expect(e.lab.citation.url).toBe("https://doi.org/10.1016/j.kint.2023.10.018");
    expect(e.lab.ageText).toBe("age 66");
  });
});

describe("G5: kidney failure, a known cause", () => {
  it("two below 15, 90 days apart, the most recent below 15: known cause, escalating", () => {
    const out = run([egfr(12, daysAgo(200), "a"), egfr(10, daysAgo(100), "b")]);
    expect(rule(out, RULE.g5)).toEqual({ holds: true, current: true });
    const c = cause(out, "chronic-kidney-disease")!;
    expect(c.strength).toBe("known-cause");
    expect(c.ruleIds).toEqual([RULE.ckd, RULE.g5]);
    expect(c.evidence.every((e) => e.ruleId === RULE.g5 && e.escalates)).toBe(true);
    expect(c.evidence[0]!.lab.cutoff.text).toBe("below 15 mL/min/1.73 m²");
    expect(c.evidence[0]!.notes?.[0]).toMatch(/G5/);
  });

  it("most recent back at 15 or more: not G5, still chronic kidney disease", () => {
    const out = run([egfr(12, daysAgo(300)), egfr(10, daysAgo(200)), egfr(20, daysAgo(10))]);
    expect(rule(out, RULE.g5).holds).toBe(false);
    expect(rule(out, RULE.ckd)).toEqual({ holds: true, current: true });
    expect(cause(out, "chronic-kidney-disease")!.strength).toBe("sometimes-linked");
    expect(cause(out, "chronic-kidney-disease")!.evidence.some((e) => e.escalates)).toBe(false);
  });

  it("a 15-or-more result between the two lows breaks G5 but not CKD", () => {
    const out = run([egfr(12, daysAgo(300)), egfr(30, daysAgo(200)), egfr(10, daysAgo(100))]);
    expect(rule(out, RULE.g5).holds).toBe(false);
    expect(rule(out, RULE.ckd).holds).toBe(true);
  });

  it("results of both rules are one finding, each result once, G5 speaking for its own", () => {
    const out = run([egfr(40, daysAgo(400), "a"), egfr(12, daysAgo(200), "b"), egfr(10, daysAgo(100), "c")]);
    const c = cause(out, "chronic-kidney-disease")!;
    expect(out.causes.filter((x) => x.cause === "chronic-kidney-disease")).toHaveLength(1);
    expect(c.evidence.map((e) => [e.id, e.ruleId])).toEqual([
      ["c", RULE.g5],
      ["b", RULE.g5],
      ["a", RULE.ckd],
    ]);
  });

  it("deceased: nothing current, so not a known cause", () => {
    const out = run([egfr(12, daysAgo(200)), egfr(10, daysAgo(100))], {
      patient: { resourceType: "Patient", id: "p1", birthDate: "1960-03-15", deceasedDateTime: daysAgo(50) },
    });
    const c = cause(out, "chronic-kidney-disease")!;
    expect(c.current).toBe(false);
    expect(c.strength).toBe("sometimes-linked");
    expect(c.evidence.map((e) => e.status)).toEqual(["deceased", "deceased"]);
    expect(c.evidence.some((e) => e.escalates)).toBe(false);
  });
});
