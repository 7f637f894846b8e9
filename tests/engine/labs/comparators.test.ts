/**
 * Comparators (lab-results.md): `<`/`<=` is below C when value ≤ C and never above; `>`/`>=` is above C
 * when value ≥ C and never below. Checked on both sides of a "below" cut-off (glucose 54, TSH 0.1, eGFR
 * 60) and an "above" one (TSH 10, HbA1c 6.5).
 */
import { describe, expect, it } from "vitest";
import { RULE, cause, daysAgo, obs, rule, run } from "./build";

const glucose = (value: number, comparator?: string) =>
  run([obs({ test: "glucose", value, date: daysAgo(5), ...(comparator ? { comparator } : {}) })]);
const tsh = (value: number, comparator?: string) => run([obs({ test: "tsh", value, date: daysAgo(5), ...(comparator ? { comparator } : {}) })]);

describe("below a cut-off (glucose below 54 mg/dL)", () => {
  it.each([
    [undefined, 53.9, true],
    [undefined, 54, false],
    ["<", 54, true], // < 54: below
    ["<", 54.1, false], // < 54.1 could be 54.05
    ["<", 30, true],
    ["<=", 54, true], // the specification: value ≤ C counts
    ["<=", 54.1, false],
    [">", 20, false], // never below
    [">", 60, false],
    [">=", 10, false],
    [">=", 54, false],
  ])("%s %s → %s", (comparator, value, holds) => {
    expect(rule(glucose(value, comparator), RULE.hypo).holds).toBe(holds);
  });

  it("the comparator is shown with the value", () => {
    expect(cause(glucose(40, "<"), "hypoglycemia")!.evidence[0]!.lab).toEqual(expect.objectContaining({ comparator: "<", valueText: "<40 mg/dL" }));
  });
});

describe("below 0.1 mIU/L (TSH suppressed)", () => {
  it.each([
    [undefined, 0.09, true],
    [undefined, 0.1, false],
    ["<", 0.1, true],
    ["<=", 0.1, true],
    ["<", 0.2, false],
    [">", 0.01, false],
    [">=", 0.05, false],
  ])("%s %s → %s", (comparator, value, holds) => {
    expect(rule(tsh(value, comparator), RULE.hyperthyroid).holds).toBe(holds);
  });
});

describe("above a cut-off (TSH above 10 mIU/L)", () => {
  it.each([
    [undefined, 10.01, true],
    [undefined, 10, false], // above 10, strictly
    [">", 10, true], // > 10: above
    [">=", 10, true], // the specification: value ≥ C counts
    [">", 9.9, false], // could be 9.95
    [">=", 9.9, false],
    [">", 50, true],
    ["<", 100, false], // never above
    ["<=", 20, false],
  ])("%s %s → %s", (comparator, value, holds) => {
    expect(rule(tsh(value, comparator), RULE.hypothyroid).holds).toBe(holds);
  });
});

describe("at or above, inclusive (HbA1c 6.5 % or more, twice)", () => {
  const two = (value: number, comparator?: string) =>
    run([0, 120].map((ago) => obs({ test: "hba1c", value, date: daysAgo(ago), ...(comparator ? { comparator } : {}) })));
  it.each([
    [undefined, 6.5, true],
    [undefined, 6.49, false],
    [">", 6.5, true],
    [">=", 6.5, true],
    [">", 6.4, false],
    ["<", 14, false],
    ["<=", 7, false],
  ])("%s %s → %s", (comparator, value, holds) => {
    expect(rule(two(value, comparator), RULE.diabetes).holds).toBe(holds);
  });
});

describe("eGFR: '> 60' is a normal result and interrupts a run below 60", () => {
  const egfr = (value: number, ago: number, comparator?: string) => obs({ test: "egfr", value, date: daysAgo(ago), ...(comparator ? { comparator } : {}) });

  it.each([
    [">", 60, false], // normal: interrupts
    [">=", 60, false],
    [">", 90, false],
    [undefined, 60, false], // 60 or more: interrupts
    [">", 50, true], // neither below nor 60 or more: does not interrupt
    ["<", 70, true], // neither: does not interrupt
    [undefined, 59.9, true], // below: continues the run
  ])("between two lows: %s %s → CKD %s", (comparator, value, holds) => {
    const out = run([egfr(40, 300), egfr(value, 200, comparator), egfr(45, 100)]);
    expect(rule(out, RULE.ckd).holds).toBe(holds);
  });

  it.each([
    ["<", 60, true],
    ["<=", 60, true],
    ["<", 61, false],
    [">", 30, false],
  ])("as the two lows: %s %s → %s", (comparator, value, holds) => {
    const out = run([egfr(value, 300, comparator), egfr(value, 100, comparator)]);
    expect(rule(out, RULE.ckd).holds).toBe(holds);
  });

  it("a most recent '> 60' is not below 60: the finding is past", () => {
    const out = run([egfr(40, 300), egfr(45, 100), egfr(60, 10, ">")]);
    expect(rule(out, RULE.ckd)).toEqual({ holds: true, current: false });
  });
});
