/** Units (lab-results.md): every accepted spelling and conversion, and no guessing for any other unit. */
import { describe, expect, it } from "vitest";
import { RULE, cause, daysAgo, obs, rule, run } from "./build";

/** One hemoglobin result for a woman of 66 (cut-off 12.0 g/dL), dated last week. */
function hb(value: number, unit: string, unitText?: string) {
  return run([obs({ test: "hemoglobin", value, unit, ...(unitText ? { unitText } : {}), date: daysAgo(7) })]);
}

describe("hemoglobin: g/dL, g/L (÷ 10), mmol/L (× 1.611)", () => {
  it.each([
    [11.9, "g/dL", true],
    [12.0, "g/dL", false],
    [119, "g/L", true],
    [120, "g/L", false],
    [7.4, "mmol/L", true], // 11.92 g/dL
    [7.45, "mmol/L", false], // 12.002 g/dL
  ])("%s %s below 12.0 g/dL: %s", (value, unit, anemic) => {
    expect(rule(hb(value, unit), RULE.anemia).holds).toBe(anemic);
  });

  it("shows the value as reported and converted to g/dL", () => {
    const d = cause(hb(112, "g/L"), "anemia")!.evidence[0]!.lab;
    expect(d.valueText).toBe("112 g/L");
    expect(d.converted).toEqual({ value: 11.2, unit: "g/dL", text: "11.2 g/dL" });
    expect(d.cutoff.text).toBe("below 12.0 g/dL (15 years and older, female)");
    const m = cause(hb(7, "mmol/L"), "anemia")!.evidence[0]!.lab;
    expect(m.converted?.value).toBeCloseTo(7 * 1.611, 10);
  });

  it("no conversion shown when the lab reported g/dL", () => {
    expect(cause(hb(11, "g/dL"), "anemia")!.evidence[0]!.lab.converted).toBeUndefined();
  });

  it("case and spaces are ignored", () => {
    expect(rule(hb(110, "G / L"), RULE.anemia).holds).toBe(true);
    expect(rule(hb(11, "G/DL"), RULE.anemia).holds).toBe(true);
  });

  it("an unknown unit is listed as not recognised and never interpreted", () => {
    const out = hb(5, "mg/dL");
    expect(out.notInterpreted).toEqual([expect.objectContaining({ reason: "unit-not-recognised", text: "unit not recognised: mg/dL" })]);
    expect(out.causes).toEqual([]);
    expect(out.series).toEqual([]);
  });

  it("no unit at all is not recognised", () => {
    const o = obs({ test: "hemoglobin", value: 5, date: daysAgo(7) });
    o.valueQuantity = { value: 5 };
    expect(run([o]).notInterpreted[0]?.reason).toBe("unit-not-recognised");
  });
});

describe("UCUM code preferred, else the unit text", () => {
  it("the code decides when it is UCUM (or has no system)", () => {
    const o = obs({ test: "hemoglobin", value: 110, unit: "g/L", unitText: "g/dL", date: daysAgo(7) });
    expect(cause(run([o]), "anemia")!.evidence[0]!.lab.converted?.value).toBeCloseTo(11, 10);
    delete o.valueQuantity!.system;
    expect(cause(run([o]), "anemia")!.evidence[0]!.lab.converted?.value).toBeCloseTo(11, 10);
  });

  it("a code of another system is not read: the unit text decides", () => {
    const o = obs({ test: "hemoglobin", value: 11, unit: "GMDL", unitText: "g/dL", date: daysAgo(7) });
    o.valueQuantity!.system = "http://example.org/units";
    expect(rule(run([o]), RULE.anemia).holds).toBe(true);
  });

  it("an unrecognised UCUM code is not rescued by the text", () => {
    const o = obs({ test: "hemoglobin", value: 11, unit: "g/mL", unitText: "g/dL", date: daysAgo(7) });
    expect(run([o]).notInterpreted[0]?.reason).toBe("unit-not-recognised");
  });
});

describe("eGFR: any unit starting mL/min", () => {
  it.each(["mL/min/{1.73_m2}", "mL/min/1.73m2", "mL/min", "ml/min/1.73 m2", "ML/MIN/1.73M2"])("%s is accepted as is", (unit) => {
    const out = run([obs({ test: "egfr", value: 40, unit, date: daysAgo(200) }), obs({ test: "egfr", value: 41, unit, date: daysAgo(10) })]);
    expect(rule(out, RULE.ckd).holds).toBe(true);
    expect(cause(out, "chronic-kidney-disease")!.evidence[0]!.lab.converted).toBeUndefined();
  });

  it.each(["mL/s", "L/min", "min/mL", "mg/dL"])("%s is not recognised", (unit) => {
    expect(run([obs({ test: "egfr", value: 40, unit, date: daysAgo(10) })]).notInterpreted[0]?.reason).toBe("unit-not-recognised");
  });
});

describe("HbA1c: % and mmol/mol, each compared in its own unit (48 mmol/mol ≡ 6.5 %)", () => {
  it.each([
    [[6.5, 6.5], "%", true],
    [[6.49, 6.5], "%", false],
    [[48, 48], "mmol/mol", true],
    [[47.9, 48], "mmol/mol", false],
  ])("%j %s: %s", (values, unit, holds) => {
    const out = run(values.map((value, i) => obs({ test: "hba1c", value, unit, date: daysAgo(10 + i * 100) })));
    expect(rule(out, RULE.diabetes).holds).toBe(holds);
  });

  it("a mixed pair counts: 6.6 % and 50 mmol/mol", () => {
    const out = run([obs({ test: "hba1c", value: 6.6, date: daysAgo(300) }), obs({ test: "hba1c", value: 50, unit: "mmol/mol", date: daysAgo(10) })]);
    expect(rule(out, RULE.diabetes).holds).toBe(true);
    const mmol = cause(out, "type-2-diabetes")!.evidence.find((e) => e.lab.unit === "mmol/mol")!.lab;
    expect(mmol.cutoff).toEqual(expect.objectContaining({ value: 48, unit: "mmol/mol", text: "48 mmol/mol or more" }));
    expect(mmol.converted).toBeUndefined();
  });

  it("mmol/mol is placed on the % chart by the IFCC–NGSP master equation, marked approximate", () => {
    const out = run([obs({ test: "hba1c", value: 48, unit: "mmol/mol", date: daysAgo(10) })]);
    const point = out.series.find((s) => s.test === "hba1c")!.points[0]!;
    expect(point.value).toBeCloseTo(0.09148 * 48 + 2.152, 10);
    expect(point.approximate).toBe(true);
    expect(point.meets).toBe(true);
  });
});

describe("glucose: mg/dL and mmol/L, each in its own unit (3.0 mmol/L ≡ 54 mg/dL)", () => {
  it.each([
    [53.9, "mg/dL", true],
    [54, "mg/dL", false],
    [2.99, "mmol/L", true],
    [3.0, "mmol/L", false],
  ])("%s %s: %s", (value, unit, holds) => {
    expect(rule(run([obs({ test: "glucose", value, unit, date: daysAgo(5) })]), RULE.hypo).holds).toBe(holds);
  });

  it("mmol/L is charted in mg/dL (× 18)", () => {
    const out = run([obs({ test: "glucose", value: 2.5, unit: "mmol/L", date: daysAgo(5) })]);
    expect(out.series[0]!.points[0]!.value).toBe(45);
    expect(cause(out, "hypoglycemia")!.evidence[0]!.lab.cutoff.text).toBe("below 3.0 mmol/L");
  });
});

describe("TSH: mIU/L, m[IU]/L, uIU/mL, u[IU]/mL, µIU/mL, mU/L, µU/mL, uU/mL are the same", () => {
  it.each(["mIU/L", "m[IU]/L", "uIU/mL", "u[IU]/mL", "µIU/mL", "μIU/mL", "MIU/L", "mU/L", "µU/mL", "μU/mL", "uU/mL"])("%s", (unit) => {
    const out = run([obs({ test: "tsh", value: 12, unit, date: daysAgo(5) })]);
    expect(rule(out, RULE.hypothyroid)).toEqual({ holds: true, current: true });
    expect(cause(out, "hypothyroidism")!.evidence[0]!.lab.converted).toBeUndefined();
  });

  it.each(["pmol/L", "IU/L", "U/L"])("%s is not recognised", (unit) => {
    expect(run([obs({ test: "tsh", value: 12, unit, date: daysAgo(5) })]).notInterpreted[0]?.reason).toBe("unit-not-recognised");
  });
});
