/** The report's fixed words: kinds of record, what was checked, the statements and the app's conventions. */
import type { SourceName, SourceReport } from "../fhir/types";
import type { KnowledgeInfo } from "../knowledge";
import { DIALYSIS_RECENT_DAYS, PREGNANCY_CURRENT_WEEKS } from "../knowledge";
import { ACUTE_STATE_CURRENT_DAYS, CONFIRM_STILL_CURRENT, LAB_TREND_CHANGE, NEAR_CRAMPS_DAYS, NO_STATUS_CURRENT_MONTHS } from "../knowledge/conventions";
import { SOURCE_STATEMENTS } from "../knowledge/sourceStatements";
import { clip, formatDate, plural } from "./format";

export const TITLE = "Night leg cramps: causes in the record";

/** The source's first point, said before any finding: the panel does not explain this patient's cramps. */
export const NO_KNOWN_CAUSE = SOURCE_STATEMENTS.noKnownCause;

/** The statement every channel ends with (the source's closing point). */
export const JUDGEMENT_STATEMENT =
  "For clinicians. These are associations documented in the source, found in this patient's record; " +
  "they support, not replace, clinical judgement and are not a diagnosis.";

const SOURCE_LABEL: Record<SourceName, string> = {
  Patient: "Patient details (age, sex, date of death)",
  Condition: "Conditions (problem list and diagnoses)",
  MedicationRequest: "Medication orders",
  MedicationStatement: "Medication statements",
  Procedure: "Procedures (such as dialysis)",
  Observation: "Lab results (eGFR, hemoglobin, HbA1c, glucose, TSH)",
};

/** Short names for one-line notes: "medication orders". */
const SOURCE_SHORT: Record<SourceName, string> = {
  Patient: "patient details",
  Condition: "conditions",
  MedicationRequest: "medication orders",
  MedicationStatement: "medication statements",
  Procedure: "procedures",
  Observation: "lab results",
};

export function sourceLabel(source: string): string {
  return SOURCE_LABEL[source as SourceName] ?? clip(source, 60);
}

export function sourceShortLabel(source: string): string {
  return SOURCE_SHORT[source as SourceName] ?? clip(source, 60);
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

/** "failed", "not authorised", … in a few words, for the one-line gap summary. */
export function sourceStatusWords(s: SourceReport): string {
  switch (s.status) {
    case "failed":
      return "could not be checked";
    case "not-authorized":
      return "not authorised";
    case "not-supported":
      return "not offered by this EHR";
    case "truncated":
      return `only the first ${s.count} read`;
    default:
      return "read";
  }
}

/**
 * What the app never reads. With lab results among the kinds read: every other result and observation
 * (blood pressure readings, other lab tests), allergies and notes; without them (a data layer that does
 * not read them), lab results too.
 */
export function notReadLine(sources: readonly SourceReport[]): string {
  const labs = sources.some((s) => s.source === "Observation");
  return labs
    ? "Not used: lab results other than eGFR, hemoglobin, HbA1c, glucose and TSH; other observations (such as blood pressure readings); allergies and intolerances; and clinical notes."
    : "Not used: laboratory results, observations (such as blood pressure readings), allergies and intolerances, and clinical notes.";
}

/** The knowledge base line for footers and notes. */
export function knowledgeLine(k: KnowledgeInfo): string {
  return `Knowledge base version ${clip(k.version, 40)}, reviewed ${formatDate(k.reviewed)}.`;
}

/** "Night leg cramps — Causes (Mayo Clinic), March 02, 2023". */
export function sourceCitation(k: KnowledgeInfo): string {
  return `${clip(k.source.title, 200)}, ${clip(k.source.date, 60)}`;
}

/** Under a condition whose record has no clinical status (knowledge-source.md): "from a visit on <date>, status not recorded". */
export const STATUS_NOT_RECORDED = "status not recorded";

/** A medicine the EHR records as reported rather than ordered (knowledge-source.md: a home medicine). */
export const REPORTED_LABEL = "reported";

/** The label the panel uses for records marked active with no recent activity (conventions.ts). */
export const CONFIRM_LABEL = "confirm still current";
const CONFIRM_HEADING = CONFIRM_LABEL[0]!.toUpperCase() + CONFIRM_LABEL.slice(1);

/** Under a record the convention applies to, in the panel (whose footer states the convention). */
export const CONFIRM_LINE = `${CONFIRM_HEADING}: still marked active, with no recent activity (see conventions below).`;

/**
 * The app's conventions where the source is silent, stated once (footer, full note). They never change
 * what counts as current except where knowledge-source.md defines it (pregnancy, dialysis).
 */
export function conventionLines(k: KnowledgeInfo): string[] {
  const { medicineYears, acuteStateYears } = CONFIRM_STILL_CURRENT;
  const acute = `${ACUTE_STATE_CURRENT_DAYS} days`;
  return [
    `Older age: the app highlights age ${k.olderAgeThreshold} and over; the source gives no cut-off.`,
    `Pregnancy: current only when an active pregnancy record began within about ${PREGNANCY_CURRENT_WEEKS} weeks.`,
    `Dialysis: a completed dialysis counts as current when done within the last ${DIALYSIS_RECENT_DAYS} days.`,
    `Dehydration, low blood sugar, acute kidney failure as an encounter diagnosis: current for ${acute} from the visit, whatever their status.`,
    `A condition with no clinical status: current when recorded in the last ${NO_STATUS_CURRENT_MONTHS} months (${acute} for the acute states above), shown as “from a visit on <date>, ${STATUS_NOT_RECORDED}”.`,
    `A medicine recorded as ${REPORTED_LABEL} (a home medicine): current while active, whatever the kind of request.`,
    `“History of”, “h/o”, “PMH”, “s/p” with a condition that does not end (diabetes, high blood pressure, kidney disease, PAD, …): still that condition, its status deciding.`,
    `Lab trends: “fell” or “rose” only for a change of at least eGFR ${LAB_TREND_CHANGE.egfr}, hemoglobin ${LAB_TREND_CHANGE.hemoglobin} g/dL, HbA1c ${LAB_TREND_CHANGE.hba1c} %, glucose ${LAB_TREND_CHANGE.glucose} mg/dL, TSH ${LAB_TREND_CHANGE.tsh} mIU/L and a doubling or halving; less is “steady”.`,
    `A condition is dated against the cramps only when it began within ${NEAR_CRAMPS_DAYS} days of them.`,
    `“${CONFIRM_HEADING}”: the record still says active, but a medicine has not been ordered or recorded for over ${plural(medicineYears, "year")}, or an acute state above has no date in the last ${acuteStateYears === 1 ? "year" : plural(acuteStateYears, "year")}. A lifelong condition is never marked for the age of its dates alone. It is still counted as current.`,
  ];
}

/** Before a notice the EHR sent with a search (OperationOutcome information): in the panel and the full note. */
export const EHR_NOTE_PREFIX = "Note from the EHR:";

/** The open group of conditions sent with no clinical status, too old to count as current (knowledge-source.md). */
export const STATUS_NOT_RECORDED_HEADING = "Status not recorded — check";
export const STATUS_NOT_RECORDED_LINE = `The EHR sent these with no clinical status (active or resolved) and were recorded more than ${NO_STATUS_CURRENT_MONTHS} months before this read, so they are not counted as current. Check in the chart whether they still apply.`;

/** The section of what was read, per kind of record. */
export const CHECKED_HEADING = "What was checked";

/** Above the items worth reviewing. */
export const REVIEW_HEADING = "Worth reviewing";

