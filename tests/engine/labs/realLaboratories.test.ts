/**
 * What real laboratories send (lab-results.md, "What real laboratories send"): LOINC under its OID, local
 * codes labelled as LOINC, unit spellings, numbers written as text, an HbA1c without a unit, race-specific
 * eGFR pairs from one draw, values no test can take, and a newer result that could not be read.
 */
import type { Observation } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { LAB_LOINC_CODES, LOINC_INVALID_CHECK_DIGIT_CODES } from "../../../src/knowledge";
import { isLoincCode, isLoincSystem, loincCheckDigit } from "../../../src/engine/labs/loinc";
import { parseValueString } from "../../../src/engine/labs/valueString";
import { RULE, cause, daysAgo, obs, rule, run } from "./build";

/** The same result with its value written as text (and no valueQuantity). */
function asText(o: Observation, text: string, rangeUnit?: string): Observation {
  const out: Observation = { ...o, valueString: text };
  delete out.valueQuantity;
  if (rangeUnit) out.referenceRange = [{ low: { value: 60, unit: rangeUnit } }];
  return out;
}

function coded(o: Observation, system: string, code: string, display?: string): Observation {
  return { ...o, code: { coding: [{ system, code, ...(display ? { display } : {}) }] } };
}

describe("LOINC: its OID, its form and check digit", () => {
  it("the Mod 10 check digit of LOINC's Users' Guide: 12345 → 5, and every code the app reads passes", () => {
    expect(loincCheckDigit("12345")).toBe(5);
    for (const code of LAB_LOINC_CODES) expect(isLoincCode(code), code).toBe(true);
  });

  it("the 14 codes LOINC lists with a wrong check digit fail the rule but are still LOINC", () => {
    for (const code of LOINC_INVALID_CHECK_DIGIT_CODES) {
      const [body, digit] = code.split("-");
      expect(loincCheckDigit(body!), code).not.toBe(Number(digit));
      expect(isLoincCode(code), code).toBe(true);
    }
  });

  it.each(["12809", "2345-8", "2345-77", "LP12345-6", "", " 2345-7", "2345 7", "CBC-1"])("%j is not in LOINC's form", (code) => {
    expect(isLoincCode(code)).toBe(false);
  });

  it("LOINC sent as urn:oid:2.16.840.1.113883.6.1 is LOINC", () => {
    const o = coded(obs({ test: "glucose", value: 40, date: daysAgo(5) }), "urn:oid:2.16.840.1.113883.6.1", "2339-0");
    const out = run([o]);
    expect(rule(out, RULE.hypo)).toEqual({ holds: true, current: true });
    expect(cause(out, "hypoglycemia")!.evidence[0]!.matched.code).toBe("2339-0");
  });

  it.each(["http://loinc.org/", " HTTP://LOINC.ORG", "URN:OID:2.16.840.1.113883.6.1 "])("LOINC sent as %j is LOINC: systems are read like every other", (system) => {
    expect(isLoincSystem(system)).toBe(true);
    const o = coded(obs({ test: "glucose", value: 40, date: daysAgo(5) }), system, "2339-0");
    const out = run([o]);
    expect(rule(out, RULE.hypo)).toEqual({ holds: true, current: true });
  });

  it.each([undefined, "", "http://loinc.org/x", "http://snomed.info/sct"])("%j is not a LOINC system", (system) => {
    expect(isLoincSystem(system)).toBe(false);
  });

  it("a local code labelled as LOINC is not LOINC, whatever its name says: counted, never read (athenahealth's glucose 12809)", () => {
    const o = coded(obs({ test: "glucose", value: 40, date: daysAgo(5) }), "http://loinc.org", "12809", "GLUCOSE");
    const out = run([o]);
    expect(out.counts).toEqual({ observations: 1, labResults: 0, counted: 0, notLoinc: 1, otherCodes: 0 });
    expect(out.causes).toEqual([]);
  });

  it("a LOINC code of another test is 'a code the app does not use'; a local code beside a LOINC code of the tests is no obstacle", () => {
    const cholesterol = coded(obs({ test: "glucose", value: 180, date: daysAgo(5) }), "http://loinc.org", "2093-3");
    const both = obs({ test: "glucose", value: 40, date: daysAgo(5) });
    both.code.coding!.unshift({ system: "urn:oid:1.2.840.114350.1.13.0.1.7.2.768282", code: "1234" });
    const out = run([cholesterol, both]);
    expect(out.counts).toMatchObject({ observations: 2, labResults: 1, counted: 1, notLoinc: 0, otherCodes: 1 });
    expect(rule(out, RULE.hypo).holds).toBe(true);
  });
});

describe("unit spellings real laboratories use", () => {
  it.each([
    ["gm/dL", "hemoglobin", 9.5, RULE.anemia],
    ["%{HbA1c}", "hba1c", 7.1, RULE.diabetes],
    ["% of total Hgb", "hba1c", 7.1, RULE.diabetes],
  ] as const)("%s", (unit, test, value, ruleId) => {
    const out = run([obs({ test, value, unit, date: daysAgo(30) }), obs({ test, value, unit, date: daysAgo(200) })]);
    expect(rule(out, ruleId).holds).toBe(true);
    expect(out.notInterpreted).toEqual([]);
  });

  it("gm/L is not g/dL: never guessed", () => {
    expect(run([obs({ test: "hemoglobin", value: 15, unit: "gm/L", date: daysAgo(3) })]).notInterpreted[0]?.reason).toBe("unit-not-recognised");
  });
});

describe("an HbA1c with no unit at all", () => {
  const unitless = (value: number, date: string) => {
    const o = obs({ test: "hba1c", value, date });
    o.valueQuantity = { value };
    return o;
  };

  it("3 to 20 is read as %, and says so", () => {
    const out = run([unitless(7.2, daysAgo(10)), unitless(6.9, daysAgo(120))]);
    expect(rule(out, RULE.diabetes).holds).toBe(true);
    const e = cause(out, "type-2-diabetes")!.evidence[0]!;
    expect(e.lab.valueText).toBe("7.2 %");
    expect(e.notes).toContain("Reported without a unit: read as % (lab-results.md: an HbA1c of 3 to 20 with no unit is a percentage).");
  });

  it("outside 3 to 20 it is not read (48 could be mmol/mol)", () => {
    expect(run([unitless(48, daysAgo(10))]).notInterpreted.map((s) => [s.reason, s.text])).toEqual([["unit-not-recognised", "unit not recognised: none"]]);
  });

  it("other tests without a unit are never read", () => {
    const o = obs({ test: "hemoglobin", value: 9, date: daysAgo(10) });
    o.valueQuantity = { value: 9 };
    expect(run([o]).notInterpreted[0]?.reason).toBe("unit-not-recognised");
  });
});

describe("a number written as text (valueString)", () => {
  it("parses a comparator, a number and a unit, and nothing vaguer", () => {
    expect(parseValueString("15.0 g/dL")).toEqual({ value: 15, unit: "g/dL" });
    expect(parseValueString("6.8 %")).toEqual({ value: 6.8, unit: "%" });
    expect(parseValueString("6.8%")).toEqual({ value: 6.8, unit: "%" });
    expect(parseValueString("<15")).toEqual({ value: 15, comparator: "<" });
    expect(parseValueString(" >= 90 mL/min/1.73m2 ")).toEqual({ value: 90, comparator: ">=", unit: "mL/min/1.73m2" });
    expect(parseValueString("≥60")).toEqual({ value: 60, comparator: ">=" });
    for (const vague of ["Positive", "12-14", "1,5", "15 20", "see note", "", "> ", "15..2"]) expect(parseValueString(vague), vague).toBeUndefined();
  });

  it("\"15.0 g/dL\" and \"6.8 %\" are the same quantities", () => {
    const hb = asText(obs({ test: "hemoglobin", value: 0, date: daysAgo(10) }), "9.8 g/dL");
    const a1 = [asText(obs({ test: "hba1c", value: 0, date: daysAgo(10) }), "6.8 %"), asText(obs({ test: "hba1c", value: 0, date: daysAgo(100) }), "7.0%")];
    const out = run([hb, ...a1]);
    expect(rule(out, RULE.anemia).holds).toBe(true);
    expect(rule(out, RULE.diabetes).holds).toBe(true);
    expect(cause(out, "anemia")!.evidence[0]!.notes).toContain('Reported as text ("9.8 g/dL"): read as a number.');
  });

  it("\"<15\" with the unit in the result's reference range is read with its comparator", () => {
    const egfr = (date: string) => asText(obs({ test: "egfr", value: 0, date }), "<15", "mL/min/1.73m2");
    const out = run([egfr(daysAgo(10)), egfr(daysAgo(200))]);
    expect(rule(out, RULE.g5)).toEqual({ holds: true, current: true });
    expect(cause(out, "chronic-kidney-disease")!.evidence[0]!.lab.valueText).toBe("<15 mL/min/1.73m2");
  });

  it("\">90\" with its unit is a normal eGFR that ends a run below 60", () => {
    const low = (date: string) => obs({ test: "egfr", value: 50, date });
    const out = run([low(daysAgo(300)), asText(obs({ test: "egfr", value: 0, date: daysAgo(200) }), ">90", "mL/min/{1.73_m2}"), low(daysAgo(10))]);
    expect(rule(out, RULE.ckd).holds).toBe(false);
  });

  it("text with a unit the test does not use, or no unit anywhere, is listed, never guessed (MEDITECH's \"15.0 gm/L\")", () => {
    const out = run([asText(obs({ test: "hemoglobin", value: 0, date: daysAgo(5) }), "15.0 gm/L"), asText(obs({ test: "tsh", value: 0, date: daysAgo(5) }), "10")]);
    expect(out.notInterpreted.map((s) => s.text).sort()).toEqual(["unit not recognised: gm/L", "unit not recognised: none"]);
  });
});

describe("race-specific eGFR pairs from one draw", () => {
  const BLACK_MDRD = "48643-1";
  const NON_BLACK_MDRD = "48642-3";
  const egfr = (code: string, value: number, date: string) => coded(obs({ test: "egfr", value, date: `${date}T08:00:00Z` }), "http://loinc.org", code);
  const pair = (black: number, nonBlack: number, date: string) => [egfr(BLACK_MDRD, black, date), egfr(NON_BLACK_MDRD, nonBlack, date)];

  it("the pair never cancels itself: the lower value of each draw, once — CKD from two draws 100 days apart", () => {
    const out = run([...pair(65, 54, daysAgo(110)), ...pair(66, 55, daysAgo(10))]);
    expect(rule(out, RULE.ckd)).toEqual({ holds: true, current: true });
    const c = cause(out, "chronic-kidney-disease")!;
    expect(c.evidence.map((e) => e.lab.value)).toEqual([55, 54]);
    expect(out.counts.counted).toBe(2);
    expect(out.notInterpreted.map((s) => s.reason)).toEqual(["race-specific-pair", "race-specific-pair"]);
  });

  it("a non-race-specific eGFR of the same draw is used, and both race-specific ones are set aside", () => {
    const date = daysAgo(10);
    const out = run([...pair(66, 55, date), obs({ test: "egfr", value: 58, date: `${date}T08:00:00Z` })]);
    expect(cause(out, "chronic-kidney-disease")).toBeUndefined();
    expect(out.series[0]!.points.map((p) => p.value)).toEqual([58]);
    expect(out.notInterpreted.map((s) => s.text)).toEqual([
      "66 among Black patients (MDRD): the draw's non-race-specific eGFR is used",
      "55 among non-Black patients (MDRD): the draw's non-race-specific eGFR is used",
    ]);
  });

  it("results of different draws are not a pair", () => {
    const out = run([egfr(BLACK_MDRD, 65, daysAgo(110)), egfr(NON_BLACK_MDRD, 55, daysAgo(10))]);
    expect(out.counts.counted).toBe(2);
    expect(out.notInterpreted).toEqual([]);
  });
});

describe("values a test cannot take are flagged, never interpreted", () => {
  it.each([
    ["hba1c", 3.03, "%"],
    ["hba1c", 19, "mmol/mol"],
    ["hba1c", 22, "%"],
    ["hemoglobin", 2.5, "g/dL"],
    ["hemoglobin", 260, "g/L"],
    ["egfr", 0, "mL/min/{1.73_m2}"],
    ["glucose", 0, "mg/dL"],
    ["tsh", 0, "m[IU]/L"],
  ] as const)("%s %s %s", (test, value, unit) => {
    const out = run([obs({ test, value, unit, date: daysAgo(5) })]);
    expect(out.counts.counted).toBe(0);
    expect(out.notInterpreted[0]).toEqual(expect.objectContaining({ reason: "implausible", text: expect.stringMatching(/is not a value this test can take$/) }));
  });

  it.each([
    ["hba1c", 4, "%"],
    ["hba1c", 20, "mmol/mol"],
    ["hemoglobin", 3, "g/dL"],
    ["egfr", 1, "mL/min/{1.73_m2}"],
    ["glucose", 20, "mg/dL"],
    ["tsh", 0.005, "m[IU]/L"],
  ] as const)("%s %s %s is plausible", (test, value, unit) => {
    expect(run([obs({ test, value, unit, date: daysAgo(5) })]).counts.counted).toBe(1);
  });

  it("HbA1c 3.03 % after two of 7.4 and 7.5: diabetes from the plausible ones, the implausible newer ones flagged newer", () => {
    const out = run([
      obs({ test: "hba1c", value: 7.4, date: daysAgo(900) }),
      obs({ test: "hba1c", value: 7.5, date: daysAgo(700) }),
      obs({ test: "hba1c", value: 3.03, date: daysAgo(100) }),
    ]);
    expect(rule(out, RULE.diabetes).holds).toBe(true);
    expect(out.series[0]!.points.map((p) => p.value)).toEqual([7.4, 7.5]);
    expect(out.notInterpreted).toEqual([expect.objectContaining({ reason: "implausible", newer: true, test: "hba1c" })]);
  });
});

describe("a newer result that could not be read", () => {
  it("is marked newer than the most recent result counted; an older one is not", () => {
    const out = run([
      obs({ test: "egfr", value: 45, date: daysAgo(300) }),
      obs({ test: "egfr", value: 44, date: daysAgo(100) }),
      obs({ id: "newer", test: "egfr", value: 0.9, unit: "mL/s/{1.73_m2}", date: daysAgo(5) }),
      obs({ id: "older", test: "egfr", value: 0.8, unit: "mL/s/{1.73_m2}", date: daysAgo(400) }),
    ]);
    expect(rule(out, RULE.ckd).holds).toBe(true);
    expect(out.notInterpreted.map((s) => [s.ref, s.reason, s.newer])).toEqual([
      ["Observation/older", "unit-not-recognised", undefined],
      ["Observation/newer", "unit-not-recognised", true],
    ]);
  });

  it("without any result counted there is nothing to be newer than", () => {
    const out = run([obs({ test: "tsh", value: 12, unit: "pmol/L", date: daysAgo(5) })]);
    expect(out.notInterpreted[0]?.newer).toBeUndefined();
  });
});
