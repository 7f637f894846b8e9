/** The card's wording (cds/card.ts): pure functions of the engine's findings. */
import { describe, expect, it } from "vitest";
import type { Evidence, Finding, PatientFacts } from "../../src/engine/types";
import { SOURCE } from "../../src/knowledge";
import { cardDetail, cardFindings, cardIndicator, cardSummary, escapeMarkdown, findingBasis, SUMMARY_MAX } from "../../cds/card";

function evidence(ref: string, text: string, current = true, extra: Partial<Evidence> = {}): Evidence {
  const resourceType = ref.split("/")[0] as Evidence["resourceType"];
  return {
    ref,
    resourceType,
    text,
    matched: { systemLabel: "SNOMED CT", code: "1" },
    matchedBy: "code",
    ruleId: "r",
    reason: "r",
    status: current ? "current" : "past",
    current,
    dates: {},
    ...extra,
  };
}

function finding(causeId: Finding["causeId"], label: string, strength: Finding["strength"], ev: Evidence[]): Finding {
  return { causeId, label, kind: "condition", strength, current: ev.some((e) => e.current), basis: ev.some((e) => e.resourceType !== "Observation") ? "record" : "lab", evidence: ev };
}

const ALIVE: PatientFacts = { id: "p", age: 71, ageAt: "today", deceased: false };
const diuretic = finding("diuretics", "Diuretics (medicines that increase urine output)", "possible", [evidence("MedicationRequest/m1", "furosemide")]);
const pad = finding("peripheral-artery-disease", "Peripheral artery disease (blood flow to the legs)", "known-cause", [evidence("Condition/c1", "PAD")]);
const anemia = finding("anemia", "Anemia", "sometimes-linked", [evidence("Condition/c2", "Anemia", false)]);
const htn = finding("hypertension", "High blood pressure", "sometimes-linked", [evidence("Condition/c3", "Hypertension")]);
const rls = finding("restless-legs-syndrome", "Restless legs syndrome", "differential", [evidence("Condition/c4", "RLS")]);

describe("summary", () => {
  it("counts the current causes and names the strongest with what the record says", () => {
    expect(cardSummary([htn, diuretic, anemia])).toBe("Night leg cramps: diuretics (furosemide) and 1 other documented cause are current");
    expect(cardSummary([htn, diuretic, pad, anemia])).toBe(
      "Night leg cramps: peripheral artery disease (PAD) and 2 other documented causes are current",
    );
    expect(cardSummary([diuretic])).toBe("Night leg cramps: diuretics (furosemide) is a current documented cause");
  });

  it("older age is named with the age; restless legs (not a cause) is not counted", () => {
    const older = finding("older-age", "Older age", "raises-risk", [evidence("Patient/p", "Born 1955")]);
    expect(cardSummary([older, rls], ALIVE)).toBe("Night leg cramps: older age (71 years) is a current documented cause");
  });

  it("with nothing current, says how many are documented", () => {
    expect(cardSummary([anemia])).toBe("Night leg cramps: 1 documented cause in the record, none current");
    expect(cardSummary([])).toBe("Night leg cramps: no documented cause found in the records read");
  });

  it("stays under 140 characters and on one line whatever the record's text", () => {
    const long = finding("diuretics", "Diuretics (x)", "possible", [evidence("MedicationRequest/m", `furosemide\n${"very long text ".repeat(30)}`)]);
    const s = cardSummary([long, htn, anemia, pad]);
    expect(s.length).toBeLessThanOrEqual(SUMMARY_MAX);
    expect(s).not.toMatch(/\n/);
    expect(s).toMatch(/and 2 other documented causes are current$/);
  });
});

describe("indicator", () => {
  it("warning only when a known cause is current", () => {
    expect(cardIndicator([pad, diuretic])).toBe("warning");
    expect(cardIndicator([diuretic, htn])).toBe("info");
    const pastPad = finding("peripheral-artery-disease", "PAD", "known-cause", [evidence("Condition/c1", "PAD", false)]);
    expect(cardIndicator([pastPad, diuretic])).toBe("info");
  });
});

describe("extension.findings", () => {
  it("every finding, current and past, with the panel's attributes; basis lab only when all evidence is lab results", () => {
    const lab = finding("chronic-kidney-disease", "Chronic kidney disease", "sometimes-linked", [evidence("Observation/o1", "eGFR 40"), evidence("Observation/o2", "eGFR 42")]);
    const mixed = finding("anemia", "Anemia", "sometimes-linked", [evidence("Observation/o3", "Hb 10"), evidence("Condition/c9", "Anemia")]);
    expect(findingBasis(lab)).toBe("lab");
    expect(findingBasis(mixed)).toBe("record");
    expect(cardFindings([pad, anemia, lab])).toEqual([
      { id: "peripheral-artery-disease", current: true, strength: "known-cause", basis: "record", evidence: ["Condition/c1"] },
      { id: "anemia", current: false, strength: "sometimes-linked", basis: "record", evidence: ["Condition/c2"] },
      { id: "chronic-kidney-disease", current: true, strength: "sometimes-linked", basis: "lab", evidence: ["Observation/o1", "Observation/o2"] },
    ]);
  });
});

describe("detail", () => {
  const cramps = [{ ref: "Condition/x", text: "Leg cramps", matchedBy: "code" as const, because: "active" as const }];

  it("groups current findings by strength, lists past ones on one line, labels lab-based ones, ends with the judgement statement", () => {
    const lab = finding("hypothyroidism", "Underactive thyroid", "sometimes-linked", [evidence("Observation/o1", "TSH 14 mIU/L")]);
    const detail = cardDetail({ findings: [htn, anemia, pad, diuretic, lab], legCramps: cramps, patient: ALIVE, source: SOURCE });
    const order = ["**Known cause**", "**Possible link (not proven)**", "**Sometimes linked**", "**Not current:** Anemia."].map((h) => detail.indexOf(h));
    expect(order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1]!))).toBe(true);
    expect(detail).toContain("- **Underactive thyroid**: TSH 14 mIU/L (lab result, current) — suggested by lab results, not recorded as a diagnosis");
    expect(detail).toContain("Leg cramps documented: Leg cramps (active).");
    expect(detail).toMatch(/support, and do not replace, clinical judgement/);
    expect(detail).toContain("Mayo Clinic");
  });

  it("a record's text cannot add links, images, HTML or headings to the card", () => {
    const hostile = finding("hypertension", "High blood pressure", "sometimes-linked", [
      evidence("Condition/h", "[click](javascript:alert(1)) ![x](https://tracker.example/p.png) <img src=x onerror=alert(1)>\n# Heading https://evil.example"),
    ]);
    const detail = cardDetail({ findings: [hostile], legCramps: cramps, patient: ALIVE, source: SOURCE });
    const line = detail.split("\n").find((l) => l.startsWith("- **High blood pressure**"))!;
    expect(line).toContain("\\[click\\]\\(javascript\\:alert\\(1\\)\\)");
    expect(line).toContain("\\!\\[x\\]");
    expect(line).toContain("\\<img");
    expect(line).toContain("https\\://tracker\\.example");
    expect(detail).not.toMatch(/^# /m);
    expect(escapeMarkdown("a*b_c`d")).toBe("a\\*b\\_c\\`d");
  });

  it("says so when the patient has died", () => {
    const dead: PatientFacts = { deceased: true, deceasedDate: "2020-01-01" };
    expect(cardDetail({ findings: [anemia], legCramps: cramps, patient: dead, source: SOURCE })).toContain("the patient has died");
  });
});
