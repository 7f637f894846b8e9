import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/build";
import { activeFacts, distinctFacts, evidenceHomes, factText, findingBasis, findingLineFacts, readingOrder } from "../../src/report/facts";
import { data, evidence, finding, mixedFindings, withFindings } from "../ui/fixtures";

const report = (d = withFindings(mixedFindings())) => buildReport(d);

describe("reading order", () => {
  it("current by strength, then the rest; all of a deceased patient's findings are past", () => {
    const order = readingOrder(report());
    expect(order.current.map((f) => f.causeId)).toEqual(["chronic-kidney-disease", "older-age", "diuretics", "hypertension"]);
    expect(order.past.map((f) => f.causeId)).toEqual(["peripheral-artery-disease", "type-2-diabetes"]);
    const d = withFindings(mixedFindings());
    d.result.patient = { ...d.result.patient, deceased: true };
    expect(readingOrder(buildReport(d)).current).toEqual([]);
    expect(activeFacts(buildReport(d))).toEqual([]);
  });
});

describe("distinct facts", () => {
  const shared = evidence("MedicationRequest/hctz", { resourceType: "MedicationRequest", text: "Hydrochlorothiazide 25 MG" });
  const fs = [
    finding("diuretics", "possible", true, [shared]),
    finding("blood-pressure-medicines", "sometimes-linked", true, [
      shared,
      evidence("MedicationRequest/lis", { resourceType: "MedicationRequest", text: "Lisinopril 10 MG" }),
      // Another record saying the same words is the same fact.
      evidence("MedicationStatement/lis2", { resourceType: "MedicationStatement", text: "lisinopril  10 mg" }),
    ]),
    finding("hypertension", "sometimes-linked", true),
  ];

  it("one record supporting several causes is one fact; the same words twice are one fact", () => {
    const facts = distinctFacts(fs);
    expect(facts.map((f) => [f.evidence.ref, f.causes])).toEqual([
      ["MedicationRequest/hctz", ["diuretics", "blood-pressure-medicines"]],
      ["MedicationRequest/lis", ["blood-pressure-medicines"]],
      ["Condition/hypertension-1", ["hypertension"]],
    ]);
    expect(facts[1]!.refs).toEqual(["MedicationRequest/lis", "MedicationStatement/lis2"]);
  });

  it("active facts leave out past records and the restless legs look-alike", () => {
    const r = buildReport(withFindings([...fs, finding("restless-legs-syndrome", "differential", true), finding("anemia", "sometimes-linked", false)]));
    expect(activeFacts(r).map((f) => f.evidence.ref)).toEqual(["MedicationRequest/hctz", "MedicationRequest/lis", "Condition/hypertension-1"]);
  });

  it("age reads as the patient's age", () => {
    const r = report();
    const age = activeFacts(r).find((f) => f.kind === "age")!;
    expect(factText(age, r.patient)).toBe("Age 75");
  });

  it("each record's home is the first finding in reading order that lists it", () => {
    const homes = evidenceHomes(readingOrder(buildReport(withFindings(fs))));
    expect(homes.get("MedicationRequest/hctz")).toEqual(["diuretics", "blood-pressure-medicines"]);
  });
});

describe("a finding's one line", () => {
  const past = (n: number) =>
    Array.from({ length: n }, (_, i) => evidence(`Condition/p${i}`, { text: `Past condition ${i}`, status: "past", current: false }));
  it("a current finding shows every current fact and counts the past ones", () => {
    const line = findingLineFacts(finding("hypertension", "sometimes-linked", true, [evidence("Condition/now"), ...past(2)]));
    expect(line.shown.map((f) => f.evidence.ref)).toEqual(["Condition/now"]);
    expect(line.more).toBe("2 past");
  });

  it("a past finding shows its first three facts and counts the rest", () => {
    const line = findingLineFacts(finding("hypertension", "sometimes-linked", false, past(5)));
    expect(line.shown.map((f) => f.evidence.ref)).toEqual(["Condition/p0", "Condition/p1", "Condition/p2"]);
    expect(line.more).toBe("2 more");
    expect(findingLineFacts(finding("hypertension", "sometimes-linked", false, past(3))).more).toBe("");
  });
});

describe("basis", () => {
  it("record when any evidence is not a lab result (age included), lab otherwise", () => {
    const obs = evidence("Observation/o", { resourceType: "Observation" });
    expect(findingBasis(finding("anemia", "sometimes-linked", true, [obs]))).toBe("lab");
    expect(findingBasis(finding("anemia", "sometimes-linked", true, [obs, evidence("Condition/a")]))).toBe("record");
    expect(findingBasis(finding("older-age", "raises-risk", true, [evidence("Patient/p1", { resourceType: "Patient" })]))).toBe("record");
    expect(report(data()).findings).toEqual([]);
  });
});
