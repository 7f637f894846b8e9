/** The panel's words: strength groups, status badges, kinds of record. Shared by the screen and the plain-text summary. */
import type { Evidence, EvidenceStatus, Finding, Strength } from "../engine/types";
import type { SourceName, SourceReport } from "../fhir/types";
import type { PanelData } from "./panelModel";
import { clip, formatDate, plural } from "./format";
import { PREGNANCY_CURRENT_WEEKS } from "../knowledge";

export interface StrengthGroup {
  strength: Strength;
  heading: string;
  blurb: string;
  findings: Finding[];
}

export const STRENGTHS: readonly { strength: Strength; heading: string; blurb: string }[] = [
  {
    strength: "known-cause",
    heading: "Known causes",
    blurb: "The source names these as causes. Patients usually know they have them and have other symptoms too.",
  },
  { strength: "raises-risk", heading: "Raise the risk", blurb: "The source says these make night leg cramps more likely." },
  {
    strength: "possible",
    heading: "Possible link (not proven)",
    blurb: "The source says these may be linked, but a direct link is not known.",
  },
  { strength: "sometimes-linked", heading: "Sometimes linked", blurb: "Health issues the source lists as sometimes linked." },
  {
    strength: "differential",
    heading: "Not a cause — tell apart",
    blurb: "Recorded for this patient and often confused with night leg cramps; it does not cause them.",
  },
];

/** Findings grouped by strength (strongest first), current before not current, engine order otherwise. */
export function groupFindings(findings: readonly Finding[]): StrengthGroup[] {
  return STRENGTHS.map((s) => ({
    ...s,
    findings: findings
      .filter((f) => f.strength === s.strength)
      .map((f, i) => ({ f, i }))
      .sort((a, b) => Number(b.f.current) - Number(a.f.current) || a.i - b.i)
      .map(({ f }) => f),
  })).filter((g) => g.findings.length > 0);
}

/** Causes and risk factors only (restless legs is a look-alike, not a cause). */
export function causeFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.strength !== "differential");
}

const EVIDENCE_STATUS: Record<EvidenceStatus, string> = {
  current: "Current",
  unconfirmed: "Unconfirmed",
  past: "Past",
  unknown: "Status unknown",
  "not-started": "Not started",
  stale: `Not current: pregnancy began over ${PREGNANCY_CURRENT_WEEKS} weeks ago`,
  deceased: "Not current: patient deceased",
};

export function evidenceBadge(status: EvidenceStatus): string {
  return EVIDENCE_STATUS[status] ?? "Status unknown";
}

/** The finding's badge: from its first current evidence, else from its most telling evidence. */
export function findingBadge(finding: Finding): { text: string; tone: "current" | "past" | "unsure" } {
  if (finding.current) {
    const onlyUnconfirmed = finding.evidence.filter((e) => e.current).every((e) => e.status === "unconfirmed");
    return { text: onlyUnconfirmed ? "Current, unconfirmed" : "Current", tone: "current" };
  }
  const order: EvidenceStatus[] = ["deceased", "stale", "past", "not-started", "unknown", "unconfirmed"];
  const status = order.find((s) => finding.evidence.some((e) => e.status === s)) ?? "unknown";
  return { text: evidenceBadge(status), tone: status === "past" || status === "deceased" ? "past" : "unsure" };
}

export const RESOURCE_LABEL: Record<Evidence["resourceType"], string> = {
  Condition: "Condition",
  MedicationRequest: "Medication order",
  MedicationStatement: "Medication statement",
  Procedure: "Procedure",
  Patient: "Patient details",
  Observation: "Lab result",
};

const CATEGORY: Record<string, string> = {
  "problem-list-item": "problem list",
  "encounter-diagnosis": "encounter diagnosis",
  "health-concern": "health concern",
};

/** "Condition — problem list", "Medication order". */
export function whereLabel(e: Evidence): string {
  const kind = RESOURCE_LABEL[e.resourceType] ?? "Record";
  return e.category ? `${kind} — ${CATEGORY[e.category] ?? clip(e.category, 60)}` : kind;
}

/** "SNOMED CT 44054006" or "matched by name: “diabetes”". */
export function codeLabel(e: Evidence): string {
  if (e.matchedBy === "age") return "";
  if (e.matchedBy === "name") return `Matched by name: “${clip(e.matched.display ?? e.text, 120)}”`;
  return [e.matched.systemLabel, e.matched.code].filter(Boolean).map((s) => clip(s, 120)).join(" ");
}

/** "active, confirmed". */
export function recordStatusLabel(e: Evidence): string {
  return [e.recordStatus, e.verificationStatus].filter(Boolean).map((s) => clip(s, 60)).join(", ");
}

const DATE_LABELS: [keyof Evidence["dates"], string][] = [
  ["onset", "Began"],
  ["authored", "Ordered"],
  ["effective", "Taken"],
  ["performed", "Done"],
  ["abatement", "Ended"],
  ["end", "Ended"],
  ["recorded", "Recorded"],
];

/** The record's dates in reading order, as written. */
export function evidenceDates(e: Evidence): { label: string; value: string }[] {
  return DATE_LABELS.flatMap(([key, label]) => {
    const value = e.dates[key];
    return value ? [{ label, value }] : [];
  });
}

export const SOURCE_LABEL: Record<SourceName, string> = {
  Patient: "Patient details (age, sex, date of death)",
  Condition: "Conditions (problem list and diagnoses)",
  MedicationRequest: "Medication orders",
  MedicationStatement: "Medication statements",
  Procedure: "Procedures (such as dialysis)",
  Observation: "Lab results (eGFR, hemoglobin, HbA1c, glucose, TSH)",
};

export function sourceLabel(source: string): string {
  return SOURCE_LABEL[source as SourceName] ?? clip(source, 60);
}

/** "Read: 12 records", "Could not be checked: …", "Not authorised", "Not supported by this EHR", "Incomplete: …". */
export function sourceStatusText(s: SourceReport): string {
  const why = s.message ? `: ${clip(s.message, 200)}` : "";
  switch (s.status) {
    case "read":
      return `Read: ${plural(s.count, "record")}`;
    case "failed":
      return `Could not be checked${why || ": the server returned an error"}`;
    case "not-authorized":
      return `Not authorised${why}`;
    case "not-supported":
      return `Not supported by this EHR${why}`;
    case "truncated":
      return `Incomplete: only the first ${s.count} were read${why ? ` (${why.slice(2)})` : ""}`;
    default:
      return `Could not be checked${why}`;
  }
}

export const NOT_READ =
  "Not used: laboratory results, observations (such as blood pressure readings), allergies and intolerances, and clinical notes.";

export const DISCLAIMER =
  "For clinicians. These are associations documented in the source, found in this patient's record; " +
  "they support, not replace, clinical judgement and are not a diagnosis.";

export function olderAgeNote(threshold: number): string {
  return `The app highlights age ${threshold} and over. This is the app's convention: the source gives no cut-off.`;
}

/** "4 documented causes or risk factors in the record, 2 current" (or the words for none). */
export function summaryLine(data: PanelData, status: "ready" | "partial"): string {
  const causes = causeFindings(data.result.findings);
  if (causes.length === 0) {
    return status === "ready"
      ? "No documented causes found in the records read."
      : "Nothing found in the records that could be read; some records could not be checked (see below).";
  }
  const current = causes.filter((f) => f.current).length;
  const noun = causes.length === 1 ? "documented cause or risk factor" : "documented causes or risk factors";
  return `${causes.length} ${noun} in the record, ${current} current.`;
}

/** Sources that could not be read completely. */
export { unreadSources } from "../fhir/sourceReports";

/** The knowledge base line for footers and summaries. */
export function knowledgeLine(k: PanelData["knowledge"]): string {
  return `Knowledge base version ${clip(k.version, 40)}, reviewed ${formatDate(k.reviewed)}.`;
}
