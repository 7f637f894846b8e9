import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/build";
import { currentFindingsSummary, findingAttributes, findingEvidenceLine, pastFindingsLine } from "../../src/report/card";
import { NOW, evidence, finding, mixedFindings, sources, withFindings } from "../ui/fixtures";

describe("CDS Hooks card words", () => {
  it("summary names the strongest current cause and counts the others, under 140 characters", () => {
    const s = currentFindingsSummary(buildReport(withFindings(mixedFindings())));
    expect(s).toBe("Night leg cramps: chronic kidney disease (Record text for Condition/chronic-kidney-disease-1) and 3 other documented causes are current");
    expect(s.length).toBeLessThan(140);
  });

  it("shortens until it fits, and never names the restless legs look-alike", () => {
    const long = finding("diuretics", "possible", true, [evidence("MedicationRequest/x", { resourceType: "MedicationRequest", text: "x".repeat(300) })]);
    long.label = "Diuretics (medicines that increase urine output)";
    const rls = finding("restless-legs-syndrome", "differential", true);
    const r = buildReport(withFindings([long, finding("anemia", "sometimes-linked", true), rls]));
    const s = currentFindingsSummary(r, 90);
    expect(s.length).toBeLessThanOrEqual(90);
    expect(s).toMatch(/^Night leg cramps: diuretics \(x+…\) and 1 other documented cause are current$/);
    expect(s).not.toContain("medicines that increase urine output");
    expect(s).toContain("1 other documented cause are current");
    expect(currentFindingsSummary(r, 20).length).toBeLessThanOrEqual(20);
  });

  it("says when nothing is current: how many causes are in the record, or that none was found in what was read", () => {
    expect(currentFindingsSummary(buildReport(withFindings([finding("anemia", "sometimes-linked", false)])))).toBe(
      "Night leg cramps: 1 documented cause in the record, none current",
    );
    expect(currentFindingsSummary(buildReport(withFindings([])))).toBe("Night leg cramps: no documented cause found in the records read");
    const failed = withFindings([], { sources: sources({ Condition: { status: "failed", count: 0 } }) });
    expect(currentFindingsSummary(buildReport(failed))).toBe("Night leg cramps: nothing found in the records that could be read");
    const dead = withFindings([finding("anemia", "sometimes-linked", false)]);
    dead.result = { ...dead.result, patient: { deceased: true } };
    expect(currentFindingsSummary(buildReport(dead))).toBe("Night leg cramps: patient recorded as deceased; no documented cause is current");
  });

  it("each finding's evidence in one line; lab-only findings say so", () => {
    const f = finding("blood-pressure-medicines", "sometimes-linked", true, [
      evidence("MedicationRequest/a", { resourceType: "MedicationRequest", text: "Amlodipine 5 MG", dates: { authored: "2025-01-10" } }),
      evidence("MedicationRequest/b", { resourceType: "MedicationRequest", text: "Lisinopril 10 MG", dates: { authored: "2024-12-01" } }),
      evidence("MedicationRequest/c", { resourceType: "MedicationRequest", text: "Atenolol 50 MG", status: "past", current: false, recordStatus: "stopped", dates: { authored: "2010-01-01" } }),
    ]);
    expect(findingEvidenceLine(f, NOW, 2)).toBe(
      "Amlodipine 5 MG — active; ordered 10 Jan 2025 (4 months ago) · Lisinopril 10 MG — active; ordered 1 Dec 2024 (6 months ago) · and 1 more record",
    );
    expect(findingEvidenceLine(f, NOW)).not.toContain("\n");
    const lab = finding("anemia", "sometimes-linked", true, [evidence("Observation/hb", { resourceType: "Observation", text: "Hemoglobin 9.1 g/dL", dates: { effective: "2025-04-02" } })]);
    expect(findingEvidenceLine(lab, NOW)).toBe("suggested by lab results — not recorded as a diagnosis: Hemoglobin 9.1 g/dL — active; measured 2 Apr 2025 (8 weeks ago)");
  });

  it("past findings in one line", () => {
    expect(pastFindingsLine(buildReport(withFindings(mixedFindings())), NOW)).toBe(
      "Not current: peripheral artery disease (onset May 2019), type 2 diabetes (onset May 2019).",
    );
    expect(pastFindingsLine(buildReport(withFindings([finding("anemia", "sometimes-linked", true)])), NOW)).toBe("");
  });

  it("the panel-contract attributes, for the card's extension", () => {
    const [ckd] = mixedFindings().filter((f) => f.causeId === "chronic-kidney-disease");
    expect(findingAttributes(ckd!)).toEqual({
      id: "chronic-kidney-disease",
      current: true,
      strength: "known-cause",
      basis: "record",
      evidence: ["Condition/chronic-kidney-disease-1"],
    });
    expect(findingAttributes(ckd!, true).current).toBe(false);
  });
});
