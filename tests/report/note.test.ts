import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/build";
import { fullNote, shortNote } from "../../src/report/note";
import { NOW, data, evidence, finding, mixedFindings, sources, withFindings } from "../ui/fixtures";

const lines = (text: string) => text.split("\n");

describe("short note (Copy summary)", () => {
  const note = shortNote(buildReport(withFindings(mixedFindings())), NOW);

  it("2 to 4 lines: current findings by strength, what is not current, completeness, the source and its first point", () => {
    const l = lines(note);
    expect(l.length).toBeGreaterThanOrEqual(2);
    expect(l.length).toBeLessThanOrEqual(4);
    expect(l[0]).toBe(
      "Night leg cramps, documented causes active in the record: known cause — chronic kidney disease (known cause: kidney failure); raises the risk — older age; possible link — diuretics (Furosemide 40 mg tablet); sometimes linked — hypertension.",
    );
    expect(l[1]).toBe("Not current: peripheral artery disease (onset May 2019), type 2 diabetes (onset May 2019).");
    expect(l[2]).toMatch(/^All records read at \d\d:\d\d on 1 Jun 2025: patient details, conditions, medication orders, medication statements, procedures\.$/);
    expect(l[3]).toBe(
      "Source: Night leg cramps — Causes, March 02, 2023. Most night leg cramps have no known cause. These are associations, not a diagnosis.",
    );
    expect(note).not.toMatch(/SNOMED|Condition\/|MedicationRequest\//);
  });

  it("names each medicine with its dose, and flags records to confirm", () => {
    const meds = finding("cholesterol-medicines", "sometimes-linked", true, [
      evidence("MedicationRequest/a", { resourceType: "MedicationRequest", text: "Atorvastatin 20 MG", dates: { authored: "2016-06-02" }, dose: "1 tablet at night" }),
      evidence("MedicationRequest/s", { resourceType: "MedicationRequest", text: "Simvastatin 20 MG", dates: { authored: "2016-05-21" } }),
    ]);
    const t = shortNote(buildReport(withFindings([meds])), NOW);
    expect(lines(t)[0]).toContain("cholesterol medicines (Atorvastatin 20 MG, 1 tablet at night, Simvastatin 20 MG) [confirm still current]");
  });

  it("says what was incomplete and the EHR's warnings, so the note never implies a complete review", () => {
    const d = withFindings(mixedFindings(), {
      sources: sources({
        MedicationRequest: { status: "failed", count: 0 },
        Condition: { warnings: ["Some conditions are not shown because they are marked confidential."] },
      }),
    });
    const t = shortNote(buildReport(d), NOW);
    expect(lines(t).length).toBeLessThanOrEqual(4);
    expect(t).toContain("Not checked completely, so nothing can be ruled out there: medication orders (could not be checked).");
    expect(t).toContain("Warning with conditions: Some conditions are not shown because they are marked confidential.");
    expect(t).not.toContain("All records read");
  });

  it("claims absence only when everything was read, and flags an empty problem list", () => {
    expect(lines(shortNote(buildReport(data()), NOW))[0]).toBe("Night leg cramps: no documented causes found in the records read.");
    const partial = shortNote(buildReport(data({ sources: sources({ Condition: { status: "failed", count: 0 } }) })), NOW);
    expect(partial).not.toMatch(/no documented causes found/i);
    const empty = shortNote(buildReport(data({ sources: sources({ Condition: { count: 0 } }) })), NOW);
    expect(empty).toContain("The EHR returned no conditions at all for this patient");
  });

  it("a deceased patient: said once, nothing current", () => {
    const d = withFindings([finding("hypertension", "sometimes-linked", false, [evidence("Condition/h", { status: "deceased", current: false })])]);
    d.result.patient = { age: 80, ageAt: "death", deceased: true, deceasedDate: "2021-02-03" };
    const t = shortNote(buildReport(d), NOW);
    expect(lines(t)[0]).toBe("Night leg cramps: The patient is recorded as deceased (3 Feb 2021): nothing is current. In the record: hypertension (onset May 2019).");
    expect(t.match(/deceased/g)).toHaveLength(1);
    expect(t).not.toMatch(/active in the record/);
  });
});

describe("full detail (Copy full detail)", () => {
  const text = fullNote(buildReport(withFindings(mixedFindings())), NOW);

  it("starts with the patient's name and date of birth", () => {
    const [, name, dob] = lines(text);
    expect(name).toBe("Patient: Ada Lovelace");
    expect(dob).toBe("Date of birth: 12 May 1950 (age 75); sex: Female");
  });

  it("current findings by strength, then the past ones, each record with labelled dates and technical details", () => {
    const order = ["Known cause:", "Raises the risk:", "Possible link, not proven:", "Weaker: sometimes linked:", "Past / not current (2):"].map((h) => text.indexOf(h));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain("- chronic kidney disease (known cause: kidney failure): current");
    expect(text).toContain("- peripheral artery disease: not current");
    expect(text).toContain("  - Record text for Condition/chronic-kidney-disease-1 — active; onset May 2019 (6 years ago)");
    expect(text).toContain("  - Furosemide 40 mg tablet — active; last ordered 2 Nov 2024 (6 months ago)");
    expect(text).toContain("    Technical: Medication order; RxNorm 4603; status: active, confirmed; why: SNOMED CT code for type 2 diabetes; MedicationRequest/m1; and 2 more like it");
    expect(text).toContain("Active in the record now: Record text for Condition/chronic-kidney-disease-1; Age 75; Furosemide 40 mg tablet; Record text for Condition/hypertension-1.");
  });

  it("gaps near the top; what was checked, conventions once, source, version and statement at the end", () => {
    const t = fullNote(buildReport(data({ sources: sources({ Condition: { status: "failed", count: 0, message: "timeout" } }) })), NOW);
    expect(t.indexOf("Not checked completely")).toBeLessThan(t.indexOf("Most night leg cramps have no known cause."));
    expect(t).toContain("- Conditions (problem list and diagnoses): Could not be checked: timeout");
    expect(t).not.toMatch(/No documented causes found/);
    expect(text).toContain("Source: Night leg cramps — Causes, March 02, 2023, https://www.mayoclinic.org/symptoms/night-leg-cramps/basics/causes/sym-20050813");
    expect(text).toContain("Knowledge base version 2025.1, reviewed 20 May 2025.");
    expect(text).toMatch(/support, not replace, clinical judgement/);
    expect(text.match(/highlights age 65/g)).toHaveLength(1);
  });

  it("strips direction overrides and newlines from record text", () => {
    const d = withFindings([finding("anemia", "sometimes-linked", true, [evidence("Condition/a", { text: "Iron\u202E deficiency\nanemia" })])]);
    expect(fullNote(buildReport(d), NOW)).toContain("Iron deficiency anemia — active");
    expect(shortNote(buildReport(d), NOW)).not.toMatch(/[\u202E]/);
  });
});
