/**
 * Diabetes (two HbA1c ≥ 6.5 % on different days, always current), hypoglycemia (glucose below 54 mg/dL,
 * current within 90 days of the most recent low), hypo- and hyperthyroidism (most recent TSH above 10 or
 * below 0.1 mIU/L, current within 365 days) — lab-results.md.
 */
import { describe, expect, it } from "vitest";
import { RULE, cause, daysAgo, obs, rule, run } from "./build";

const a1c = (value: number, date: string, id?: string) => obs({ test: "hba1c", value, date, ...(id ? { id } : {}) });
const glucose = (value: number, date: string, id?: string) => obs({ test: "glucose", value, date, ...(id ? { id } : {}) });
const tsh = (value: number, date: string, id?: string) => obs({ test: "tsh", value, date, ...(id ? { id } : {}) });

describe("type 2 diabetes (type not recorded) from HbA1c", () => {
  it("two results of 6.5 % or more on different days", () => {
    const out = run([a1c(6.5, daysAgo(2000), "a"), a1c(7.1, daysAgo(1999), "b")]);
    expect(rule(out, RULE.diabetes)).toEqual({ holds: true, current: true });
    const c = cause(out, "type-2-diabetes")!;
    expect(c.joins).toEqual(["type-1-diabetes", "type-2-diabetes"]);
    expect(c.aloneNote).toMatch(/type not recorded/);
    expect(c.evidence.map((e) => [e.id, e.status])).toEqual([
      ["b", "current"],
      ["a", "current"],
    ]);
  });

  it("two on the same day are not enough, even at different times", () => {
    const day = daysAgo(30);
    expect(rule(run([a1c(8, `${day}T08:00:00Z`), a1c(8.2, `${day}T17:00:00Z`)]), RULE.diabetes).holds).toBe(false);
  });

  it("same day written in two time zones counts as the day written", () => {
    const out = run([a1c(8, "2026-10-01T23:00:00-05:00"), a1c(8.2, "2026-10-02T01:00:00Z")]);
    expect(rule(out, RULE.diabetes).holds).toBe(true);
  });

  it("partial dates: different days only when certain", () => {
    expect(rule(run([a1c(8, "2026-10"), a1c(8, "2026-10-15")]), RULE.diabetes).holds).toBe(false);
    expect(rule(run([a1c(8, "2026-09"), a1c(8, "2026-10-01")]), RULE.diabetes).holds).toBe(true);
  });

  it("one high and one normal: no", () => {
    expect(rule(run([a1c(9, daysAgo(100)), a1c(6.4, daysAgo(10))]), RULE.diabetes).holds).toBe(false);
  });

  it("stays current after normal results (diabetes does not resolve); the normal most recent one is shown", () => {
    const out = run([a1c(7, daysAgo(3000), "a"), a1c(7.5, daysAgo(2500), "b"), a1c(5.5, daysAgo(5), "c")]);
    const c = cause(out, "type-2-diabetes")!;
    expect(c.current).toBe(true);
    expect(c.evidence.map((e) => [e.id, e.status, e.lab.role, e.lab.meetsCutoff])).toEqual([
      ["b", "current", "qualifying", true],
      ["a", "current", "qualifying", true],
      ["c", "past", "most-recent", false],
    ]);
  });

  it("deceased: not current", () => {
    const out = run([a1c(7, daysAgo(300)), a1c(7.5, daysAgo(200))], {
      patient: { resourceType: "Patient", id: "p1", deceasedBoolean: true },
    });
    expect(rule(out, RULE.diabetes)).toEqual({ holds: true, current: false });
    expect(cause(out, "type-2-diabetes")!.evidence.every((e) => e.status === "deceased")).toBe(true);
  });
});

describe("hypoglycemia from glucose", () => {
  it("exactly 90 days ago: current; 91: past", () => {
    expect(rule(run([glucose(50, daysAgo(90))]), RULE.hypo)).toEqual({ holds: true, current: true });
    expect(rule(run([glucose(50, daysAgo(91))]), RULE.hypo)).toEqual({ holds: true, current: false });
  });

  it("currency follows the most recent low, not the most recent glucose", () => {
    const out = run([glucose(50, daysAgo(30), "low"), glucose(90, daysAgo(1), "normal")]);
    const c = cause(out, "hypoglycemia")!;
    expect(c.current).toBe(true);
    expect(c.evidence.map((e) => [e.id, e.status, e.lab.role])).toEqual([
      ["low", "current", "qualifying"],
      ["normal", "past", "most-recent"],
    ]);
  });

  it("every low is evidence", () => {
    const out = run([glucose(50, daysAgo(400)), glucose(45, daysAgo(300)), glucose(100, daysAgo(200))]);
    expect(cause(out, "hypoglycemia")!.evidence.filter((e) => e.lab.role === "qualifying")).toHaveLength(2);
    expect(rule(out, RULE.hypo)).toEqual({ holds: true, current: false });
  });
});

describe("thyroid from TSH", () => {
  it("most recent above 10: hypothyroidism; current within 365 days", () => {
    expect(rule(run([tsh(12, daysAgo(365))]), RULE.hypothyroid)).toEqual({ holds: true, current: true });
    expect(rule(run([tsh(12, daysAgo(366))]), RULE.hypothyroid)).toEqual({ holds: true, current: false });
  });

  it("most recent below 0.1: hyperthyroidism, with the replacement note", () => {
    const out = run([tsh(3, daysAgo(100)), tsh(0.05, daysAgo(20))]);
    expect(rule(out, RULE.hyperthyroid)).toEqual({ holds: true, current: true });
    expect(cause(out, "hyperthyroidism")!.evidence[0]!.notes).toEqual([
      "Too much thyroid hormone replacement suppresses TSH the same way: check the patient's medicines.",
    ]);
    expect(rule(run([tsh(0.05, daysAgo(366))]), RULE.hyperthyroid)).toEqual({ holds: true, current: false });
  });

  it("an older abnormal TSH followed by a normal one: neither", () => {
    const out = run([tsh(15, daysAgo(200)), tsh(0.05, daysAgo(100)), tsh(2, daysAgo(10))]);
    expect(out.causes).toEqual([]);
  });

  it("the most recent decides between the two", () => {
    const out = run([tsh(0.05, daysAgo(200)), tsh(15, daysAgo(10))]);
    expect(out.causes.map((c) => c.cause)).toEqual(["hypothyroidism"]);
  });

  it("a result dated after now does not count as the most recent", () => {
    const out = run([tsh(15, daysAgo(10)), tsh(2, "2027-01-05")]);
    expect(rule(out, RULE.hypothyroid).holds).toBe(true);
  });
});
