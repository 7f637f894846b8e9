import { describe, expect, it } from "vitest";
import { panelToPlainText } from "../../src/ui/plainText";
import { NOW, data, evidence, finding, mixedFindings, sources, withFindings } from "./fixtures";

describe("panelToPlainText", () => {
  const text = panelToPlainText(withFindings(mixedFindings()), NOW);

  it("starts with the patient's name and date of birth", () => {
    const [, name, dob] = text.split("\n");
    expect(name).toBe("Patient: Ada Lovelace");
    expect(dob).toBe("Date of birth: 12 May 1950 (age 75); sex: Female");
  });

  it("lists findings by strength with current/past and the record behind each", () => {
    const order = ["Known causes:", "Raise the risk:", "Possible link (not proven):", "Sometimes linked:"].map((h) => text.indexOf(h));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain("- chronic kidney disease: Current");
    expect(text).toContain("- peripheral artery disease: Past");
    expect(text).toContain('"Record text for Condition/chronic-kidney-disease-1"; SNOMED CT 44054006; Condition — problem list');
    expect(text).toContain("began May 2019 (age 68 or 69)");
    expect(text).toContain('"Furosemide 40 mg tablet"; RxNorm 4603; Medication order; Current (record: active, confirmed); ordered 2 Nov 2024 (age 74); and 2 more records like this');
    expect(text).toContain("The app highlights age 65 and over. This is the app's convention: the source gives no cut-off.");
    expect(text.indexOf("chronic kidney disease")).toBeLessThan(text.indexOf("peripheral artery disease"));
  });

  it("ends with the source, knowledge version and the statement", () => {
    expect(text).toContain(
      "Source: Night leg cramps — Causes, March 02, 2023, https://www.mayoclinic.org/symptoms/night-leg-cramps/basics/causes/sym-20050813",
    );
    expect(text).toContain("Knowledge base version 2025.1, reviewed 20 May 2025.");
    expect(text).toMatch(/support, not replace, clinical judgement/);
    expect(text).toContain("Not used: laboratory results");
  });

  it("lists what could not be checked and makes no absence claim then", () => {
    const t = panelToPlainText(data({ sources: sources({ Condition: { status: "failed", count: 0, message: "timeout" } }) }), NOW);
    expect(t).toContain("Could not be checked completely");
    expect(t).toContain("- Conditions (problem list and diagnoses): Could not be checked: timeout");
    expect(t).not.toMatch(/No documented causes found/);
  });

  it("claims absence only when everything was read", () => {
    expect(panelToPlainText(data(), NOW)).toContain("No documented causes found in the records read.");
  });

  it("says a stale pregnancy and a deceased patient are not current", () => {
    const d = withFindings([
      finding("pregnancy", "raises-risk", false, [evidence("Condition/p", { status: "stale", current: false })]),
    ]);
    d.result.patient = { age: 80, ageAt: "death", deceased: true, deceasedDate: "2021-02-03" };
    const t = panelToPlainText(d, NOW);
    expect(t).toContain("(age 80 at death)");
    expect(t).toContain("Deceased 3 Feb 2021: nothing is shown as current.");
    expect(t).toContain("- pregnancy: Not current: pregnancy began over 42 weeks ago");
  });

  it("strips direction overrides and newlines from record text", () => {
    const d = withFindings([finding("anemia", "sometimes-linked", true, [evidence("Condition/a", { text: "Iron\u202E deficiency\nanemia" })])]);
    expect(panelToPlainText(d, NOW)).toContain('"Iron deficiency anemia"');
  });
});
