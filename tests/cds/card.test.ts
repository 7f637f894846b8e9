/** The card's wording (cds/card.ts): the report's words (src/report) for the engine's findings, made safe for markdown. */
import { describe, expect, it } from "vitest";
import type { LabResultDetail } from "../../src/engine/labs/types";
import type { Evidence, Finding, PatientFacts } from "../../src/engine/types";
import { SOURCE } from "../../src/knowledge";
import { findingEvidenceLine, JUDGEMENT_STATEMENT, NO_KNOWN_CAUSE, STRENGTH_SCALE } from "../../src/report";
import { cardDetail, cardFindings, cardIndicator, cardSummary, escapeMarkdown, SUMMARY_MAX } from "../../cds/card";

const NOW = new Date("2026-11-26T12:00:00Z");

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

function finding(causeId: Finding["causeId"], label: string, strength: Finding["strength"], ev: Evidence[], basis: Finding["basis"] = "record"): Finding {
  return { causeId, label, kind: "condition", strength, current: ev.some((e) => e.current), basis, evidence: ev };
}

/** A TSH result as the engine describes it. */
function tsh(ref: string, value: number, date: string): Evidence {
  const lab: LabResultDetail = {
    test: "tsh",
    testLabel: "TSH",
    loinc: "3016-3",
    value,
    unit: "mIU/L",
    valueText: `${value} mIU/L`,
    date,
    dateSource: "effectiveDateTime",
    ageText: "age 61",
    cutoff: { direction: "above", value: 10, unit: "mIU/L", text: "above 10 mIU/L" },
    meetsCutoff: true,
    role: "qualifying-most-recent",
    definition: "ATA/AACE 2012 hypothyroidism guideline: TSH above 10 mIU/L",
    citation: { title: "Clinical Practice Guidelines for Hypothyroidism in Adults", date: "December 2012", url: "https://doi.org/10.1089/thy.2012.0205" },
  };
  return evidence(ref, `TSH ${value} mIU/L on ${date}`, true, { recordStatus: "final", dates: { effective: date }, lab });
}

const unescape = (s: string) => s.replace(/\\(.)/g, "$1");

const ALIVE: PatientFacts = { id: "p", age: 71, ageAt: "today", deceased: false };
const diuretic = finding("diuretics", "Diuretics (medicines that increase urine output)", "possible", [evidence("MedicationRequest/m1", "furosemide")]);
const pad = finding("peripheral-artery-disease", "Peripheral artery disease (blood flow to the legs)", "known-cause", [evidence("Condition/c1", "PAD")]);
const anemia = finding("anemia", "Anemia", "sometimes-linked", [evidence("Condition/c2", "Anemia", false, { dates: { onset: "2019-03-02" } })]);
const htn = finding("hypertension", "High blood pressure", "sometimes-linked", [evidence("Condition/c3", "Hypertension")]);
const rls = finding("restless-legs-syndrome", "Restless legs syndrome", "differential", [evidence("Condition/c4", "RLS")]);
const thyroid = finding("hypothyroidism", "Underactive thyroid", "sometimes-linked", [tsh("Observation/o1", 14.2, "2026-07-29")], "lab");

describe("summary", () => {
  it("counts the current causes and names the strongest with what the record says", () => {
    expect(cardSummary([htn, diuretic, anemia])).toBe("Night leg cramps: diuretics (furosemide) and 1 other documented cause are current");
    expect(cardSummary([htn, diuretic, pad, anemia])).toBe(
      "Night leg cramps: peripheral artery disease (PAD) and 2 other documented causes are current",
    );
    expect(cardSummary([diuretic])).toBe("Night leg cramps: diuretics (furosemide) is a current documented cause");
  });

  it("older age is named with the age; restless legs (not a cause) is not counted", () => {
    const older = finding("older-age", "Older age", "raises-risk", [evidence("Patient/p", "Born 1955", true, { matchedBy: "age" })]);
    expect(cardSummary([older, rls], ALIVE)).toBe("Night leg cramps: older age (71 years) is a current documented cause");
  });

  it("a cause suggested by lab results alone says so, with the result", () => {
    expect(cardSummary([thyroid])).toBe("Night leg cramps: underactive thyroid (suggested by lab results: TSH 14.2 mIU/L) is a current documented cause");
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

  it("a record's text in the summary is markdown-safe: no link, no HTML, no bidi control, host names defanged", () => {
    const hostile = finding("diuretics", "Diuretics (x)", "possible", [evidence("MedicationRequest/m", "[Lasix](https://evil.example) <img src=x onerror=alert(1)>\u202Exim")]);
    const s = cardSummary([hostile]);
    expect(s.length).toBeLessThanOrEqual(SUMMARY_MAX);
    expect(s).not.toMatch(/[<>\u202E]/);
    expect(s).not.toMatch(/(^|[^\\])\]\(/);
    expect(s).toContain("\\[Lasix\\]\\(https[://]evil[.]example\\)");
    expect(s).toMatch(/^Night leg cramps: diuretics \(.*\) is a current documented cause$/);
    const mail = finding("diuretics", "Diuretics (x)", "possible", [evidence("MedicationRequest/m", "ask admin@ehr.example")]);
    expect(cardSummary([mail])).toBe("Night leg cramps: diuretics (ask admin[@]ehr[.]example) is a current documented cause");
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
  it("every finding, current and past, with the panel's attributes; basis is the engine's Finding.basis", () => {
    const lab = finding("chronic-kidney-disease", "Chronic kidney disease", "sometimes-linked", [evidence("Observation/o1", "eGFR 40"), evidence("Observation/o2", "eGFR 42")], "lab");
    // The engine's word is final: the card never recomputes basis from the evidence.
    const saidRecord = finding("anemia", "Anemia", "sometimes-linked", [evidence("Observation/o3", "Hb 10")], "record");
    expect(cardFindings([pad, anemia, lab, saidRecord])).toEqual([
      { id: "peripheral-artery-disease", current: true, strength: "known-cause", basis: "record", evidence: ["Condition/c1"] },
      { id: "anemia", current: false, strength: "sometimes-linked", basis: "record", evidence: ["Condition/c2"] },
      { id: "chronic-kidney-disease", current: true, strength: "sometimes-linked", basis: "lab", evidence: ["Observation/o1", "Observation/o2"] },
      { id: "anemia", current: true, strength: "sometimes-linked", basis: "record", evidence: ["Observation/o3"] },
    ]);
    expect(cardFindings([pad], { deceased: true })[0]!.current).toBe(false);
  });
});

describe("detail", () => {
  const cramps = [{ ref: "Condition/x", text: "Leg cramps", matchedBy: "code" as const, because: "active" as const }];

  it("groups current findings under the report's strength headings, past ones on one line, labels lab-based ones, ends with the judgement statement", () => {
    const detail = cardDetail({ findings: [htn, anemia, pad, diuretic, thyroid], legCramps: cramps, patient: ALIVE, source: SOURCE, now: NOW });
    const plainText = unescape(detail);
    const headings = ["known-cause", "possible", "sometimes-linked"].map((s) => `**${STRENGTH_SCALE.find((x) => x.strength === s)!.heading}**`);
    const order = [...headings, "Not current: Anemia (onset 2 Mar 2019)."].map((h) => plainText.indexOf(h));
    expect(order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1]!))).toBe(true);
    expect(plainText).toContain(`- **Underactive thyroid** (sometimes linked): ${findingEvidenceLine(thyroid, NOW)}`);
    expect(plainText).toContain(
      "suggested by lab results — not recorded as a diagnosis: TSH 14.2 mIU/L — most recent result; meets the cut-off; measured 29 Jul 2026 (3 months ago), age 61; cut-off applied: above 10 mIU/L",
    );
    expect(plainText).toContain("Leg cramps documented: Leg cramps (active).");
    expect(plainText).toContain(NO_KNOWN_CAUSE);
    expect(plainText).toContain(JUDGEMENT_STATEMENT);
    expect(plainText).toContain("Mayo Clinic");
  });

  it("a record's text cannot add links, images, HTML or headings to the card", () => {
    const hostile = finding("hypertension", "High blood pressure", "sometimes-linked", [
      evidence("Condition/h", "[click](javascript:alert(1)) ![x](https://tracker.example/p.png) <img src=x onerror=alert(1)>\n# Heading https://evil.example"),
    ]);
    const detail = cardDetail({ findings: [hostile], legCramps: cramps, patient: ALIVE, source: SOURCE, now: NOW });
    const line = detail.split("\n").find((l) => l.startsWith("- **High blood pressure**"))!;
    expect(line).toContain("\\[click\\]\\(javascript:alert\\(1\\)\\)");
    expect(line).toContain("\\!\\[x\\]");
    expect(line).toContain("&lt;img src=x onerror=alert\\(1\\)&gt;");
    expect(line).not.toContain("<");
    expect(line).toContain("https[://]tracker[.]example");
    expect(detail).not.toMatch(/^# /m);
    expect(escapeMarkdown("a*b_c`d")).toBe("a\\*b\\_c\\`d");
  });

  it("says so when the patient has died, and nothing is current", () => {
    const dead: PatientFacts = { deceased: true, deceasedDate: "2020-01-01" };
    const detail = unescape(cardDetail({ findings: [anemia], legCramps: cramps, patient: dead, source: SOURCE, now: NOW }));
    expect(detail).toContain("The patient is recorded as deceased (1 Jan 2020): nothing is current.");
    expect(detail).not.toContain("**Weaker");
  });
});
