/** The card's wording (cds/card.ts): the report's words (src/report) for the engine's findings, made safe for markdown. */
import { describe, expect, it } from "vitest";
import type { LabResultDetail } from "../../src/engine/labs/types";
import type { Evidence, Finding, PatientFacts } from "../../src/engine/types";
import { SOURCE } from "../../src/knowledge";
import { findingEvidenceLine, JUDGEMENT_STATEMENT, NO_KNOWN_CAUSE } from "../../src/report";
import { cardDetail, cardFindings, cardIndicator, cardSummary, escapeMarkdown, hasCurrentCause, SUMMARY_MAX } from "../../cds/card";

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

describe("indicator: warning only when the card says something new and modifiable", () => {
  /** Leg cramps that began on 1 Sep 2026. */
  const cramps = [{ ref: "Condition/x", text: "Leg cramps", matchedBy: "code" as const, because: "active" as const, since: "2026-09-01" }];
  const medicine = (id: Finding["causeId"], authored: string | undefined, current = true): Finding => ({
    ...finding(id, "Diuretics (x)", "possible", [evidence("MedicationRequest/m", "furosemide", current, authored ? { dates: { authored } } : {})]),
    kind: "medicine",
  });

  it("a known cause on the problem list for years is not new: info (PAD known for 7 years)", () => {
    const oldPad = finding("peripheral-artery-disease", "PAD", "known-cause", [evidence("Condition/c1", "PAD", true, { dates: { onset: "2019-05-02" } })]);
    expect(cardIndicator([oldPad, htn], ALIVE, cramps)).toBe("info");
  });

  it("a linked medicine started within 180 days before the cramp record, or after it: warning; earlier: info", () => {
    expect(cardIndicator([medicine("diuretics", "2026-07-18")], ALIVE, cramps)).toBe("warning"); // 45 days before
    expect(cardIndicator([medicine("diuretics", "2026-03-05")], ALIVE, cramps)).toBe("warning"); // exactly 180 days before
    expect(cardIndicator([medicine("diuretics", "2026-03-04")], ALIVE, cramps)).toBe("info"); // 181 days before
    expect(cardIndicator([medicine("diuretics", "2026-10-20")], ALIVE, cramps)).toBe("warning"); // after
    expect(cardIndicator([medicine("diuretics", "2016-05-27")], ALIVE, cramps)).toBe("info");
  });

  it("a medicine with no start date, a stopped one, or cramps with no date: info", () => {
    expect(cardIndicator([medicine("diuretics", undefined)], ALIVE, cramps)).toBe("info");
    expect(cardIndicator([medicine("diuretics", "2026-10-20", false)], ALIVE, cramps)).toBe("info");
    expect(cardIndicator([medicine("diuretics", "2026-10-20")], ALIVE, [{ ...cramps[0]!, since: undefined }])).toBe("info");
  });

  it("the cramps are dated as the panel dates them (active record first, not the earliest), and a statement by its effective date", () => {
    // A record no longer active (Feb 2026) is the earliest; the panel dates the cramps by the active one (1 Sep 2026).
    const older = { ref: "Condition/old", text: "Leg cramps", matchedBy: "code" as const, because: "recent" as const, since: "2026-02-01" };
    expect(cardIndicator([medicine("diuretics", "2025-10-01")], ALIVE, [older, ...cramps])).toBe("info"); // 335 days before the active record
    expect(cardIndicator([medicine("diuretics", "2025-10-01")], ALIVE, [older])).toBe("warning"); // 123 days before the only one
    // A statement with only the date it was recorded is dated as the panel dates it.
    const statement: Finding = { ...finding("diuretics", "Diuretics (x)", "possible", [evidence("MedicationStatement/s", "furosemide", true, { dates: { recorded: "2026-08-01" } })]), kind: "medicine" };
    expect(cardIndicator([statement], ALIVE, cramps)).toBe("warning");
  });

  it("a current finding suggested by lab results alone (not on the problem list): warning; a past one: info", () => {
    expect(cardIndicator([thyroid, htn], ALIVE, cramps)).toBe("warning");
    const pastLab = finding("hypothyroidism", "Underactive thyroid", "sometimes-linked", [{ ...tsh("Observation/o1", 14.2, "2020-07-29"), current: false, status: "past" }], "lab");
    expect(cardIndicator([pastLab, htn], ALIVE, cramps)).toBe("info");
  });
});

describe("a card only when a documented cause is current", () => {
  it("none when only past findings, only restless legs, or a deceased patient", () => {
    expect(hasCurrentCause([anemia], ALIVE)).toBe(false);
    expect(hasCurrentCause([rls, anemia], ALIVE)).toBe(false);
    expect(hasCurrentCause([pad], { deceased: true })).toBe(false);
    expect(hasCurrentCause([pad, anemia], ALIVE)).toBe(true);
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

describe("detail: about 8 lines for a side panel", () => {
  const cramps = [{ ref: "Condition/x", text: "Leg cramps", matchedBy: "code" as const, because: "active" as const, clinicalStatus: "active", since: "2026-09-01" }];
  const lines = (md: string) => md.split("\n").filter((l) => l.trim() !== "");

  it("the current findings one line each, strongest first; the cramp record and what is past on one line; the source once", () => {
    const detail = cardDetail({ findings: [htn, anemia, pad, diuretic, thyroid], legCramps: cramps, patient: ALIVE, source: SOURCE, now: NOW });
    const plainText = unescape(detail);
    const shown = lines(detail).filter((l) => l.startsWith("- "));
    expect(shown.map((l) => unescape(l).replace(/\*\*/g, "").split(" (")[0])).toEqual(["- Peripheral artery disease", "- Diuretics", "- High blood pressure", "- Underactive thyroid"]);
    expect(plainText).toContain(`- **Underactive thyroid** (sometimes linked): ${findingEvidenceLine(thyroid, NOW, 1).slice(0, 60)}`);
    expect(plainText).toContain("suggested by lab results — not recorded as a diagnosis: TSH 14.2 mIU/L");
    expect(plainText).toContain("Leg cramps documented: Leg cramps (active, since 1 Sep 2026). Not current: anemia (see the panel).");
    expect(plainText).toContain(NO_KNOWN_CAUSE);
    expect(plainText).toContain(JUDGEMENT_STATEMENT);
    expect(plainText.split("Mayo Clinic")).toHaveLength(2);
    expect(lines(detail).length).toBeLessThanOrEqual(8);
  });

  it("many current findings: at most 8 lines, the rest counted", () => {
    const many = Array.from({ length: 12 }, (_, i) => finding("hypertension", `Cause ${i}`, "sometimes-linked", [evidence(`Condition/h${i}`, `Record ${i} ${"long words ".repeat(20)}`)]));
    const detail = cardDetail({ findings: many, legCramps: [...cramps, ...cramps, ...cramps], patient: ALIVE, source: SOURCE, now: NOW });
    expect(lines(detail).length).toBeLessThanOrEqual(8);
    expect(unescape(detail)).toContain("- and 7 more current (see the panel)");
    expect(Math.max(...lines(detail).filter((l) => l.startsWith("- ")).map((l) => unescape(l).length))).toBeLessThan(200);
  });

  it("a new medicine says when it started against the cramps", () => {
    const newDiuretic: Finding = { ...finding("diuretics", "Diuretics (x)", "possible", [evidence("MedicationRequest/m", "furosemide", true, { dates: { authored: "2026-07-18" } })]), kind: "medicine" };
    expect(unescape(cardDetail({ findings: [newDiuretic], legCramps: cramps, patient: ALIVE, source: SOURCE, now: NOW }))).toContain(
      "started 18 Jul 2026, 45 days before the leg cramps",
    );
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
});
