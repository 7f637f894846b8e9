/**
 * One record behind a finding, in words: what it says (with dose), its status, its labelled dates with
 * how long ago they were, whether to confirm it is still current, and the technical details (code, id).
 */
import type { Evidence, EvidenceStatus, Finding } from "../engine/types";
import type { RecordType } from "../knowledge";
import { PREGNANCY_CURRENT_WEEKS } from "../knowledge";
import { visitDateOf } from "../engine/dates";
import { ACUTE_STATE_CURRENT_DAYS, CONFIRM_STILL_CURRENT, NO_STATUS_CURRENT_MONTHS } from "../knowledge/conventions";
import { ageAt, clip, formatAge, formatDate, formatRecency, isOlderThan, plain } from "./format";
import { CONFIRM_LABEL, REPORTED_LABEL, STATUS_NOT_RECORDED } from "./labels";
import { hasLab, labDateLabel, labEvidenceLine, labStatusWords, labValueWords } from "./labs";
import type { ReportEvidence } from "./types";

const RESOURCE_LABEL: Record<RecordType, string> = {
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

/** "Condition — problem list", "Medication order", "Medication order — reported (home medicine)". */
export function whereLabel(e: Evidence): string {
  const kind = RESOURCE_LABEL[e.resourceType] ?? "Record";
  if (e.reported) return `${kind} — ${REPORTED_LABEL} (home medicine)`;
  return e.category ? `${kind} — ${CATEGORY[e.category] ?? clip(e.category, 60)}` : kind;
}

/** The window a condition with no clinical status is current for: 12 months, or 90 days for an acute state. */
function noStatusWindow(e: Evidence): string {
  return e.acuteState ? `${ACUTE_STATE_CURRENT_DAYS} days` : `${NO_STATUS_CURRENT_MONTHS} months`;
}

/**
 * A condition with no clinical status (knowledge-source.md): "from a visit on 3 Mar 2026, status not
 * recorded", and why it is not counted as current when it is not.
 */
function statusNotRecordedWords(e: Evidence): string {
  const visit = visitDateOf(e.dates);
  const from = visit ? `from a visit on ${formatDate(visit)}, ${STATUS_NOT_RECORDED}` : STATUS_NOT_RECORDED;
  switch (e.status) {
    case "current":
    case "deceased":
      return from;
    case "unconfirmed":
      return `${from}, unconfirmed${e.verificationStatus ? ` (${clip(e.verificationStatus, 40)})` : ""}`;
    case "unknown":
      return visit ? `${from}: over ${noStatusWindow(e)} ago, not counted as current` : `${from} and no date: not counted as current`;
    default:
      return `${from}; ended`;
  }
}


/** "SNOMED CT 44054006" or "Matched by name: “diabetes”"; "" for age. */
export function codeLabel(e: Evidence): string {
  if (e.matchedBy === "age") return "";
  if (e.matchedBy === "name") return `Matched by name: “${clip(e.matched.display ?? e.text, 120)}”`;
  return [e.matched.systemLabel, e.matched.code].filter(Boolean).map((s) => clip(s, 120)).join(" ");
}

/** The record's own status words: "active, confirmed". */
export function recordStatusLabel(e: Evidence): string {
  return [e.recordStatus, e.verificationStatus].filter(Boolean).map((s) => clip(s, 60)).join(", ");
}

/** Dose and directions as written, when the engine provides them. */
function evidenceDose(e: ReportEvidence): string {
  return e.dose ? clip(e.dose, 160) : "";
}

/** The status of one record in a few words, from the engine's reading of it. */
export function evidenceStatusWords(e: Evidence): string {
  if (hasLab(e)) return labStatusWords(e.lab, e.recordStatus);
  if (e.statusNotRecorded) return statusNotRecordedWords(e);
  const words = recordStatusWords(e);
  return e.reported ? `${words}, ${REPORTED_LABEL}` : words;
}

function recordStatusWords(e: Evidence): string {
  const raw = clip(e.recordStatus, 40);
  switch (e.status) {
    case "current":
      return raw || "current";
    case "unconfirmed":
      return `${raw || "active"}, unconfirmed${e.verificationStatus ? ` (${clip(e.verificationStatus, 40)})` : ""}`;
    case "past":
      return raw || "past";
    case "not-started":
      return `not started${raw ? ` (${raw})` : ""}`;
    case "stale":
      return `marked ${raw || "active"}, but began over ${PREGNANCY_CURRENT_WEEKS} weeks ago: not current`;
    case "deceased":
      return raw ? `recorded as ${raw}` : "recorded";
    case "unknown":
    default:
      return raw ? `status “${raw}”: not known to be current` : "status not recorded";
  }
}

/** Finding-level badge words for each status. */
const STATUS_BADGE: Record<EvidenceStatus, string> = {
  current: "Current",
  unconfirmed: "Current, unconfirmed",
  past: "Past",
  unknown: "Status unknown",
  "not-started": "Not started",
  stale: `Not current: pregnancy began over ${PREGNANCY_CURRENT_WEEKS} weeks ago`,
  deceased: "Not current: patient deceased",
};

/** Which status a finding that is not current is badged with: the first its evidence has, in this order. */
const NOT_CURRENT_ORDER: EvidenceStatus[] = ["stale", "past", "not-started", "unknown", "unconfirmed"];

export interface FindingBadge {
  text: string;
  tone: "confirm" | "past" | "unsure";
}

/**
 * The status worth a badge on a finding's row: nothing for a plainly current finding (nor for a deceased
 * patient, said once at the top); "Active, confirm still current" or "Current, unconfirmed" for a
 * current one that needs it; why it is not current for the rest.
 */
export function findingBadge(f: Finding, now: Date, deceased: boolean): FindingBadge | undefined {
  if (deceased) return undefined;
  if (f.current) {
    if (findingNeedsConfirmation(f, now)) return { text: `Active, ${CONFIRM_LABEL}`, tone: "confirm" };
    const current = f.evidence.filter((e) => e.current);
    if (current.every((e) => e.statusNotRecorded)) return { text: `Current: from a visit, ${STATUS_NOT_RECORDED}`, tone: "unsure" };
    return current.every((e) => e.status === "unconfirmed") ? { text: STATUS_BADGE.unconfirmed, tone: "unsure" } : undefined;
  }
  const status = NOT_CURRENT_ORDER.find((s) => f.evidence.some((e) => e.status === s)) ?? "unknown";
  if (status === "unknown" && f.evidence.some((e) => e.status === "unknown" && e.statusNotRecorded)) {
    return { text: `Not current: ${STATUS_NOT_RECORDED}, check`, tone: "unsure" };
  }
  return { text: STATUS_BADGE[status] ?? "Status unknown", tone: status === "past" ? "past" : "unsure" };
}

type DateKey = keyof Evidence["dates"];

/** How each date reads for each kind of record ("onset", "ordered", "done"), in reading order. */
const DATE_WORDS: Record<RecordType, [DateKey, string][]> = {
  Condition: [
    ["onset", "onset"],
    ["recorded", "recorded"],
    ["abatement", "ended"],
  ],
  MedicationRequest: [
    ["authored", "ordered"],
    ["effective", "taken"],
    ["recorded", "recorded"],
    ["end", "valid until"],
  ],
  MedicationStatement: [
    ["effective", "taken"],
    ["recorded", "reported"],
    ["authored", "ordered"],
    ["end", "until"],
  ],
  Procedure: [
    ["performed", "done"],
    ["end", "ended"],
  ],
  Observation: [
    ["effective", "measured"],
    ["recorded", "reported"],
  ],
  Patient: [],
};

/** Keys any record may carry, for a kind of record the table above does not know. */
const FALLBACK: [DateKey, string][] = [
  ["onset", "onset"],
  ["authored", "ordered"],
  ["effective", "taken"],
  ["performed", "done"],
  ["abatement", "ended"],
  ["end", "ended"],
  ["recorded", "recorded"],
];

export interface LabelledDate {
  key: DateKey;
  /** "onset", "ordered", "last ordered", "done", … */
  label: string;
  /** As written, e.g. "2016-05-27". */
  value: string;
  /** "27 May 2016". */
  date: string;
  /** "10 years ago" (from the injected now). */
  ago: string;
}

/** The record's dates, labelled, in reading order, each with how long ago it was (a "recorded" date on the same day as another is left out). */
export function evidenceDates(e: Evidence, now: Date): LabelledDate[] {
  const words = DATE_WORDS[e.resourceType] ?? FALLBACK;
  const folded = (e.duplicates?.length ?? 0) > 0;
  const days = new Set(words.filter(([key]) => key !== "recorded").map(([key]) => e.dates[key]?.slice(0, 10)));
  return words.flatMap(([key, word]) => {
    const value = e.dates[key];
    if (!value) return [];
    // "recorded" the same day as another date says nothing more.
    if (key === "recorded" && days.has(value.slice(0, 10))) return [];
    // Records folded under this one are older orders of the same medicine: this is the last one.
    const label = folded && key === "authored" ? "last ordered" : e.lab && key === "effective" ? labDateLabel(e.lab) : word;
    return [{ key, label, value, date: formatDate(value), ago: formatRecency(value, now) }];
  });
}

/** "10 years ago, age 67": how long ago a date was and the patient's age then ("" when neither is known). */
export function dateAside(d: LabelledDate, birthDate: string | undefined): string {
  const age = formatAge(ageAt(birthDate, d.value));
  return [d.ago, age && `age ${age}`].filter(Boolean).join(", ");
}

/**
 * The dates worth a line: the start (onset, ordered, taken, done) and, when there is one, the end; a
 * "recorded" date only when nothing else dates the record.
 */
export function keyDates(e: Evidence, now: Date): LabelledDate[] {
  const all = evidenceDates(e, now);
  const ends = new Set<DateKey>(["abatement", "end"]);
  const start = all.find((d) => !ends.has(d.key) && d.key !== "recorded") ?? all.find((d) => d.key === "recorded");
  const end = e.current ? undefined : all.find((d) => ends.has(d.key));
  return [start, end].filter((d): d is LabelledDate => !!d);
}

/** "last ordered 27 May 2016 (10 years ago)"; "no date recorded" for records without one (not for age). */
export function whenText(e: Evidence, now: Date): string {
  if (e.resourceType === "Patient") return "";
  const dates = keyDates(e, now);
  if (dates.length === 0) return "no date recorded";
  return dates.map((d) => `${d.label} ${d.date}${d.ago ? ` (${d.ago})` : ""}`).join("; ");
}

/** The dates that show activity on a record, for the "confirm still current" convention. */
const ACTIVITY: Partial<Record<RecordType, DateKey[]>> = {
  Condition: ["onset", "recorded"],
  MedicationRequest: ["authored", "effective", "recorded", "end"],
  MedicationStatement: ["effective", "recorded", "authored", "end"],
};

/**
 * The app's convention (knowledge/conventions.ts): a record still marked active, with no activity for a
 * long time, is to be confirmed. Never for past records, age, procedures or lab results, and never when
 * the record carries no date at all (nothing to measure). Does not change `current`.
 */
export function needsConfirmation(e: Evidence, now: Date): boolean {
  if (!e.current) return false;
  const keys = ACTIVITY[e.resourceType];
  if (!keys) return false;
  const years =
    e.resourceType !== "Condition"
      ? CONFIRM_STILL_CURRENT.medicineYears
      : e.acuteState
        ? CONFIRM_STILL_CURRENT.acuteStateYears
        : CONFIRM_STILL_CURRENT.conditionYears;
  const dates = keys.map((k) => e.dates[k]).filter((d): d is string => !!d);
  return dates.length > 0 && dates.every((d) => isOlderThan(d, years, now));
}

/** A current finding all of whose current records are to be confirmed (the convention above). */
export function findingNeedsConfirmation(f: { evidence: readonly Evidence[] }, now: Date): boolean {
  const current = f.evidence.filter((e) => e.current);
  return current.length > 0 && current.every((e) => needsConfirmation(e, now));
}

/** What the record says, with the dose when known: "Lisinopril 10 MG Oral Tablet, 1 tablet daily". */
export function evidenceWhat(e: ReportEvidence): string {
  if (hasLab(e)) return labValueWords(e.lab);
  const dose = evidenceDose(e);
  return dose ? `${clip(e.text, 200)}, ${dose}` : clip(e.text, 200);
}

/** Records folded under one that the technical details name; the others are counted. */
export const SHOWN_DUPLICATES = 10;

/** Technical details in one line: where, code (with its display when it differs), why, id, folded records. */
export function technicalLine(e: Evidence): string {
  const code = codeLabel(e);
  const display = e.matchedBy === "code" && e.matched.display && e.matched.display !== e.text ? ` “${plain(e.matched.display, 160)}”` : "";
  const dups = e.duplicates ?? [];
  return [
    plain(whereLabel(e), 120),
    code && `${plain(code, 160)}${display}`,
    recordStatusLabel(e) && `status: ${plain(recordStatusLabel(e), 120)}`,
    `why: ${plain(e.reason, 300)}`,
    plain(e.ref, 120),
    dups.length > 0 && `and ${dups.length} more like it: ${dups.slice(0, SHOWN_DUPLICATES).map((r) => plain(r, 120)).join(", ")}${dups.length > SHOWN_DUPLICATES ? ` and ${dups.length - SHOWN_DUPLICATES} others` : ""}`,
  ]
    .filter(Boolean)
    .join("; ");
}

/**
 * One record in one plain line: what it says (with dose), its status, its labelled dates with how long
 * ago, and the convention's "confirm still current": `Lisinopril 10 MG Oral Tablet — active; last
 * ordered 27 May 2016 (10 years ago); confirm still current`. Plain text (controls stripped, clipped):
 * a markdown channel escapes it.
 */
export function evidenceLine(e: ReportEvidence, now: Date): string {
  if (hasLab(e)) return labEvidenceLine(e, now);
  const when = whenText(e, now);
  const status = e.resourceType === "Patient" ? "" : evidenceStatusWords(e);
  const tail = [status, when, needsConfirmation(e, now) ? CONFIRM_LABEL : ""].filter(Boolean).join("; ");
  return plain(`${evidenceWhat(e)}${tail ? ` — ${tail}` : ""}`, 600);
}
