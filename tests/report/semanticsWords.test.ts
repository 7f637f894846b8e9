/**
 * The words for knowledge-source.md's record-semantics conventions (issues 19 and 20): a condition with no
 * clinical status ("from a visit on <date>, status not recorded"), a reported home medicine ("reported"),
 * an acute state on the problem list ("confirm still current" after a year), and the footer's conventions.
 * Run on the engine's own output, with an injected clock.
 */
import type { Condition, MedicationRequest } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { matchRecords } from "../../src/engine";
import type { Finding } from "../../src/engine/types";
import { KNOWLEDGE_INFO } from "../../src/knowledge";
import { conventionLines, evidenceLine, evidenceStatusWords, findingBadge, needsConfirmation, whereLabel } from "../../src/report";

const NOW = new Date("2026-11-26T12:00:00Z");

function condition(id: string, code: string, over: Partial<Condition> = {}): Condition {
  return {
    resourceType: "Condition",
    id,
    subject: { reference: "Patient/p" },
    clinicalStatus: { coding: [{ code: "active" }] },
    code: { coding: [{ system: "http://hl7.org/fhir/sid/icd-10-cm", code }] },
    ...over,
  };
}

function request(id: string, over: Partial<MedicationRequest> = {}) {
  const resource: MedicationRequest = {
    resourceType: "MedicationRequest",
    id,
    status: "active",
    intent: "proposal",
    subject: { reference: "Patient/p" },
    medicationCodeableConcept: { coding: [{ system: "http://www.nlm.nih.gov/research/umls/rxnorm", code: "313988" }], text: "Furosemide 40 MG Oral Tablet" },
    authoredOn: "2026-10-01",
    ...over,
  };
  return { resource, concept: resource.medicationCodeableConcept };
}

function only(input: { conditions?: Condition[]; medications?: ReturnType<typeof request>[] }): Finding {
  const { findings } = matchRecords({ conditions: input.conditions ?? [], medications: input.medications ?? [], procedures: [] }, { now: NOW });
  expect(findings).toHaveLength(1);
  return findings[0]!;
}

describe("a condition with no clinical status", () => {
  it("recent: current, 'from a visit on <date>, status not recorded', badged as such", () => {
    const f = only({ conditions: [condition("c1", "I10", { clinicalStatus: undefined, recordedDate: "2026-03-10" })] });
    const e = f.evidence[0]!;
    expect([f.current, e.statusNotRecorded]).toEqual([true, true]);
    expect(evidenceStatusWords(e)).toBe("from a visit on 10 Mar 2026, status not recorded");
    expect(evidenceLine(e, NOW)).toContain("from a visit on 10 Mar 2026, status not recorded");
    expect(findingBadge(f, NOW, false)).toEqual({ text: "Current: from a visit, status not recorded", tone: "unsure" });
  });

  it("older than 12 months: not current, says why, badged 'status not recorded, check'", () => {
    const f = only({ conditions: [condition("c1", "I10", { clinicalStatus: undefined, recordedDate: "2025-11-25" })] });
    const e = f.evidence[0]!;
    expect([f.current, e.status, e.statusNotRecorded]).toEqual([false, "unknown", true]);
    expect(evidenceStatusWords(e)).toBe("from a visit on 25 Nov 2025, status not recorded: over 12 months ago, not counted as current");
    expect(findingBadge(f, NOW, false)).toEqual({ text: "Not current: status not recorded, check", tone: "unsure" });
  });

  it("an acute state: the window is 90 days, and the words say so", () => {
    const f = only({ conditions: [condition("c1", "E86.0", { clinicalStatus: undefined, recordedDate: "2026-07-29" })] });
    expect(f.current).toBe(false);
    expect(evidenceStatusWords(f.evidence[0]!)).toBe("from a visit on 29 Jul 2026, status not recorded: over 90 days ago, not counted as current");
  });

  it("no date at all: says there is none", () => {
    const f = only({ conditions: [condition("c1", "I10", { clinicalStatus: undefined })] });
    expect(evidenceStatusWords(f.evidence[0]!)).toBe("status not recorded and no date: not counted as current");
  });

  it("a condition with a status is worded as before", () => {
    const f = only({ conditions: [condition("c1", "I10", { recordedDate: "2026-03-10" })] });
    expect(f.evidence[0]!.statusNotRecorded).toBeUndefined();
    expect(evidenceStatusWords(f.evidence[0]!)).toBe("active");
    expect(findingBadge(f, NOW, false)).toBeUndefined();
  });
});

describe("a reported home medicine", () => {
  it("a reported proposal is current and shown as reported, a home medicine", () => {
    const f = only({ medications: [request("m1", { reportedBoolean: true })] });
    const e = f.evidence[0]!;
    expect([f.current, e.reported]).toEqual([true, true]);
    expect(evidenceStatusWords(e)).toBe("active, reported");
    expect(whereLabel(e)).toBe("Medication order — reported (home medicine)");
  });

  it("an unreported proposal stays not started, with no 'reported'", () => {
    const f = only({ medications: [request("m1")] });
    expect([f.current, f.evidence[0]!.reported]).toEqual([false, undefined]);
    expect(evidenceStatusWords(f.evidence[0]!)).toBe("not started (active)");
  });
});

describe("an acute state on the problem list", () => {
  it("follows its status, and is to be confirmed after a year (a chronic condition after ten)", () => {
    const problem = { category: [{ coding: [{ code: "problem-list-item" }] }] };
    const dehydration = only({ conditions: [condition("c1", "E86.0", { ...problem, onsetDateTime: "2025-10-01" })] });
    expect([dehydration.current, dehydration.evidence[0]!.acuteState]).toEqual([true, true]);
    expect(needsConfirmation(dehydration.evidence[0]!, NOW)).toBe(true);
    expect(findingBadge(dehydration, NOW, false)?.text).toBe("Active, confirm still current");
    const recent = only({ conditions: [condition("c1", "E86.0", { ...problem, onsetDateTime: "2026-01-01" })] });
    expect(needsConfirmation(recent.evidence[0]!, NOW)).toBe(false);
    const hypertension = only({ conditions: [condition("c1", "I10", { ...problem, onsetDateTime: "2025-10-01" })] });
    expect([hypertension.evidence[0]!.acuteState, needsConfirmation(hypertension.evidence[0]!, NOW)]).toEqual([undefined, false]);
  });
});

describe("the footer's conventions", () => {
  it("state the windows, home medicines and 'history of' on chronic conditions", () => {
    const text = conventionLines(KNOWLEDGE_INFO).join("\n");
    expect(text).toMatch(/encounter diagnosis: current for 90 days from the visit/);
    expect(text).toMatch(/no clinical status: current when recorded in the last 12 months \(90 days for the acute states above\)/);
    expect(text).toMatch(/“from a visit on <date>, status not recorded”/);
    expect(text).toMatch(/recorded as reported \(a home medicine\)/);
    expect(text).toMatch(/“History of”, “h\/o”, “PMH”, “s\/p” with a condition that does not end/);
    expect(text).toMatch(/no date in the last 10 years \(1 year for the acute states above\)/);
  });
});
