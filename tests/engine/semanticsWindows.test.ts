/**
 * Record semantics of knowledge-source.md (2026-12-07), issues 19 and 20: currency windows for conditions
 * with no clinical status and acute states (per cause, by calendar day, from the injected clock); reported
 * home medicines whatever their intent; "history of" on chronic and ending conditions; a coded record's own
 * text read whole; a kidney transplant the text says was done.
 */
import type { Condition } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { matchRecords } from "../../src/engine";
import { mentionContext } from "../../src/engine/context";
import { endedByTreatment } from "../../src/engine/endedByTreatment";
import { codedTextContext } from "../../src/engine/match";
import type { EngineInput, Finding } from "../../src/engine/types";
import { condition, medReq, NOW } from "./build";

const run = (p: Partial<EngineInput>, now = NOW) => matchRecords({ conditions: [], medications: [], procedures: [], ...p }, { now });
const byCause = (findings: Finding[]) => Object.fromEntries(findings.map((f) => [f.causeId, f]));
const ENCOUNTER = [{ coding: [{ code: "encounter-diagnosis" }] }];
const PROBLEM = [{ coding: [{ code: "problem-list-item" }] }];

/** A condition with no clinicalStatus at all, recorded on `recordedDate`. */
function noStatus(system: "icd10cm" | "snomed", code: string, recordedDate: string | undefined, over: Partial<Condition> = {}): Condition {
  const c = condition(system, code, { category: ENCOUNTER });
  delete c.clinicalStatus;
  delete c.onsetDateTime;
  if (recordedDate) c.recordedDate = recordedDate;
  return { ...c, ...over };
}

describe("a condition with no clinical status (knowledge-source.md: 12 months, 90 days for acute states)", () => {
  it.each([
    ["I10", "2026-03-10", "current", true],
    ["I10", "2025-11-26", "current", true], // twelve months to the day
    ["I10", "2025-11-25", "unknown", false],
    ["I10", "2020-01-01", "unknown", false],
    ["E86.0", "2026-08-28", "current", true], // 90 days to the day
    ["E86.0", "2026-08-27", "unknown", false],
    ["N17.9", "2026-10-01", "current", true],
    ["E16.2", "2026-06-01", "unknown", false],
  ] as const)("%s recorded %s -> %s", (code, recorded, status, current) => {
    const [f] = run({ conditions: [noStatus("icd10cm", code, recorded)] }).findings;
    expect([f!.evidence[0]!.status, f!.current, f!.evidence[0]!.statusNotRecorded]).toEqual([status, current, true]);
  });

  it("falls back to the onset when there is no recorded date; with neither, it cannot be current", () => {
    const onsetOnly = noStatus("icd10cm", "I10", undefined, { onsetDateTime: "2026-05-01" });
    expect(run({ conditions: [onsetOnly] }).findings[0]!.current).toBe(true);
    const undated = run({ conditions: [noStatus("icd10cm", "I10", undefined)] }).findings[0]!;
    expect([undated.current, undated.evidence[0]!.status]).toEqual([false, "unknown"]);
    expect(undated.evidence[0]!.notes?.join(" ")).toMatch(/No clinical status and no date: not shown as current/);
  });

  it("reads the window from the injected clock, never today's date", () => {
    const c = noStatus("icd10cm", "I10", "2026-03-10");
    expect(run({ conditions: [c] }, new Date("2026-11-26T12:00:00Z")).findings[0]!.current).toBe(true);
    expect(run({ conditions: [c] }, new Date("2027-03-11T00:30:00Z")).findings[0]!.current).toBe(false);
    expect(run({ conditions: [c] }, new Date(Number.NaN)).findings[0]!.current).toBe(false);
  });

  it("still honours verification, abatement and refutation", () => {
    const provisional = noStatus("icd10cm", "I10", "2026-05-01", { verificationStatus: { coding: [{ code: "provisional" }] } });
    expect(run({ conditions: [provisional] }).findings[0]!.evidence[0]!.status).toBe("unconfirmed");
    const abated = noStatus("icd10cm", "I10", "2026-05-01", { abatementDateTime: "2026-07-01" });
    expect(run({ conditions: [abated] }).findings[0]!.evidence[0]!.status).toBe("past");
    const refuted = noStatus("icd10cm", "I10", "2026-05-01", { verificationStatus: { coding: [{ code: "refuted" }] } });
    expect(run({ conditions: [refuted] }).findings).toEqual([]);
  });

  it("a status present but unreadable is not 'no status': unknown, not held to the window", () => {
    const c = condition("icd10cm", "I10", { recordedDate: "2026-11-01" });
    c.clinicalStatus = { text: "Active" };
    const e = run({ conditions: [c] }).findings[0]!.evidence[0]!;
    expect([e.status, e.statusNotRecorded]).toEqual(["unknown", undefined]);
  });

  it("says in a note why an older one is not current", () => {
    const e = run({ conditions: [noStatus("icd10cm", "I10", "2024-02-02")] }).findings[0]!.evidence[0]!;
    expect(e.notes?.join(" ")).toMatch(/No clinical status, from 2024-02-02, over 12 months ago: not current/);
  });
});

describe("acute states go stale (knowledge-source.md)", () => {
  it("as an encounter diagnosis: current for 90 days whatever the status says, then past with a note", () => {
    const old = condition("icd10cm", "E86.0", { category: ENCOUNTER, onsetDateTime: "2023-10-14", recordedDate: "2023-10-14" });
    const f = run({ conditions: [old] }).findings[0]!;
    expect([f.current, f.evidence[0]!.status, f.evidence[0]!.acuteState]).toEqual([false, "past", true]);
    expect(f.evidence[0]!.notes?.join(" ")).toMatch(/An acute encounter diagnosis, from 2023-10-14, over 90 days ago: not current/);
    const recent = condition("icd10cm", "E86.0", { category: ENCOUNTER, onsetDateTime: "2026-10-01", recordedDate: "2026-10-01" });
    expect(run({ conditions: [recent] }).findings[0]!.current).toBe(true);
  });

  it("on the problem list (or with no category) they follow their status", () => {
    const listed = condition("icd10cm", "E16.2", { category: PROBLEM, onsetDateTime: "2023-10-14" });
    const uncategorised = condition("icd10cm", "N17.9", { onsetDateTime: "2023-10-14" });
    const r = byCause(run({ conditions: [listed, uncategorised] }).findings);
    expect([r.hypoglycemia!.current, r["acute-kidney-failure"]!.current]).toEqual([true, true]);
  });

  it("the window is per cause: one record of an acute and a chronic condition", () => {
    const c = condition("icd10cm", "X", { category: ENCOUNTER, onsetDateTime: "2024-05-01", recordedDate: "2024-05-01", text: "AKI on CKD stage 3" });
    c.code = { coding: [{ system: "urn:local", code: "L1" }], text: "AKI on CKD stage 3" };
    const r = byCause(run({ conditions: [c] }).findings);
    expect([r["acute-kidney-failure"]!.current, r["chronic-kidney-disease"]!.current]).toEqual([false, true]);
    expect(r["chronic-kidney-disease"]!.evidence[0]!.acuteState).toBeUndefined();
  });

  it("never makes a resolved acute state current", () => {
    const c = condition("icd10cm", "E86.0", { clinical: "resolved", category: ENCOUNTER, onsetDateTime: "2026-11-20" });
    expect(run({ conditions: [c] }).findings[0]!.current).toBe(false);
  });

  it("nothing is current for a deceased patient, window or not", () => {
    const patient = { resourceType: "Patient" as const, id: "p", birthDate: "1980-01-01", deceasedDateTime: "2026-11-01" };
    const f = run({ patient, conditions: [noStatus("icd10cm", "E86.0", "2026-10-20")] }).findings[0]!;
    expect([f.current, f.evidence[0]!.status, f.evidence[0]!.statusNotRecorded]).toEqual([false, "deceased", true]);
  });
});

describe("medicines the patient takes at home (reported MedicationRequests)", () => {
  it.each([
    ["proposal", { reportedBoolean: true }, "current", true],
    ["plan", { reportedBoolean: true }, "current", true],
    ["option", { reportedReference: { reference: "Patient/p" } }, "current", true],
    ["proposal", { reportedReference: { reference: "Practitioner/x" } }, "current", true],
    ["proposal", {}, "not-started", undefined],
    ["proposal", { reportedBoolean: false }, "not-started", undefined],
    ["order", {}, "current", undefined],
  ] as const)("intent %s with %j -> %s", (intent, reported, status, flag) => {
    const f = run({ medications: [medReq("rxnorm", "313988", { intent, ...reported })] }).findings[0]!;
    expect([f.evidence[0]!.status, f.evidence[0]!.reported === true ? true : undefined]).toEqual([status, flag]);
  });

  it("a reported medicine keeps its own status: stopped is past, cancelled is ignored", () => {
    expect(run({ medications: [medReq("rxnorm", "313988", { intent: "proposal", reportedBoolean: true, status: "stopped" })] }).findings[0]!.current).toBe(false);
    expect(run({ medications: [medReq("rxnorm", "313988", { intent: "proposal", reportedBoolean: true, status: "cancelled" })] }).findings).toEqual([]);
  });
});

describe('"history of" on chronic and ending conditions', () => {
  const text = (t: string, over: Partial<Omit<Condition, "text">> = {}): Condition => ({
    ...condition("icd10cm", "X", over),
    code: { coding: [{ system: "urn:local", code: t.length.toString() }], text: t },
  });

  it("a chronic condition stays that condition, its record's status deciding, with a note", () => {
    const active = run({ conditions: [text("History of HTN")] }).findings[0]!;
    expect([active.causeId, active.current]).toEqual(["hypertension", true]);
    expect(active.evidence[0]!.notes?.join(" ")).toMatch(/a condition that does not end: still that condition/);
    expect(run({ conditions: [text("History of HTN", { clinicalStatus: { coding: [{ code: "resolved" }] } })] }).findings[0]!.current).toBe(false);
  });

  it("a condition that ends is past, with a note", () => {
    const f = run({ conditions: [text("History of dehydration")] }).findings[0]!;
    expect([f.causeId, f.current]).toEqual(["dehydration", false]);
    expect(f.evidence[0]!.notes?.join(" ")).toMatch(/say this is history: shown as past at most/);
  });

  it('"s/p" after the name: a treatment of the condition', () => {
    const r = byCause(run({ conditions: [text("PAD s/p fem-pop bypass"), text("Hyperthyroidism s/p thyroidectomy")] }).findings);
    expect([r["peripheral-artery-disease"]!.current, r.hyperthyroidism!.current]).toEqual([true, false]);
  });

  it('words that say it ended make even a chronic condition past ("resolved", "in remission")', () => {
    for (const t of ["Hypertension - resolved", "Resolved: hypertension", "Hypertension (resolved)"]) {
      expect(run({ conditions: [text(t)] }).findings[0]!.current, t).toBe(false);
    }
  });

  it("a coded record: the code for history of CKD is CKD; the code for resolved CKD is past", () => {
    const ho = run({ conditions: [condition("snomed", "768681000000100")] }).findings[0]!;
    const resolved = run({ conditions: [condition("snomed", "939211000000104")] }).findings[0]!;
    expect([ho.current, resolved.current]).toEqual([true, false]);
  });
});

describe("a coded record's own text, read whole", () => {
  it.each([
    ["Hypertension - resolved", "hypertension", "resolved"],
    ["Essential HTN (benign), resolved", "hypertension", "resolved"],
    ["High BP - resolved", "hypertension", "resolved"],
    ["Not well controlled hypertension", "hypertension", undefined],
    ["Hypertension in mother", "hypertension", "other-person"],
    ["Hypertension screening", "hypertension", "test"],
    ["Type 2 diabetes mellitus - ruled out", "type-2-diabetes", "negated"],
    ["Type 2 diabetes mellitus - in remission", "type-2-diabetes", "resolved"],
    ["History of type 2 diabetes", "type-2-diabetes", "history"],
    ["ESRD s/p kidney transplant", "chronic-kidney-disease", "history"],
    ["Diabetic polyneuropathy", "type-2-diabetes", undefined],
    ["Essential hypertension", "hypertension", undefined],
  ] as const)("%s (for %s): %s", (t, cause, context) => {
    expect(codedTextContext("Condition", t, cause)).toBe(context);
  });

  it("a name followed only by its own tail is qualified by the next clause", () => {
    const t = "Type 2 diabetes mellitus - ruled out";
    expect(mentionContext(t, 0, "Type 2 diabetes".length)).toBe("negated");
    const u = "Hypertension stage 2, resolved";
    expect(mentionContext(u, 0, "Hypertension".length)).toBe("resolved");
    const v = "Hypertension well controlled on two drugs, CKD ruled out";
    expect(mentionContext(v, 0, "Hypertension".length)).toBe("affirmed");
  });

  it("a medicine's text is read by its first words only (its directions are not a context)", () => {
    const m = medReq("rxnorm", "314076", { text: "Lisinopril 10 mg daily; check potassium test in 2 weeks" });
    expect(run({ medications: [m] }).findings[0]!.current).toBe(true);
    const h = medReq("rxnorm", "314076", { text: "History of lisinopril use" });
    expect(run({ medications: [h] }).findings[0]!.current).toBe(false);
  });
});

describe("a kidney transplant the record's text says was done", () => {
  it.each([
    ["ESRD s/p kidney transplant", true],
    ["End-stage renal disease, status post renal transplant 2015", true],
    ["ESKD s/p DDKT", true],
    ["ESRD, kidney transplant recipient", true],
    ["ESRD with functioning kidney transplant", true],
    ["ESRD awaiting kidney transplant", false],
    ["ESRD, kidney transplant evaluation", false],
    ["ESRD due to failed kidney transplant", false],
    ["ESRD s/p kidney transplant, chronic rejection, back on HD", false],
    ["Kidney failure s/p renal transplant", true],
    ["ESRD s/p AV fistula creation", false],
  ] as const)("%s: ends kidney failure %s", (t, ends) => {
    expect(endedByTreatment(t, "chronic-kidney-disease", true) !== undefined).toBe(ends);
  });

  it("ends kidney failure and dialysis, not CKD short of failure nor acute kidney failure", () => {
    const t = "ESRD s/p kidney transplant";
    expect(endedByTreatment(t, "dialysis", true)).toBeDefined();
    expect(endedByTreatment(t, "chronic-kidney-disease", false)).toBeUndefined();
    expect(endedByTreatment(t, "acute-kidney-failure", true)).toBeUndefined();
  });

  it("on a coded record: past, not a known cause today, with the note", () => {
    const c = condition("icd10cm", "N18.6", { text: "ESRD s/p kidney transplant" });
    const f = run({ conditions: [c] }).findings[0]!;
    expect([f.causeId, f.current, f.strength]).toEqual(["chronic-kidney-disease", false, "sometimes-linked"]);
    expect(f.evidence[0]!.notes?.join(" ")).toMatch(/kidney transplant was done/);
  });
});
