/**
 * The matching engine's contract: what goes in (records already normalised by src/fhir) and what
 * comes out (findings with their evidence). Pure data, no I/O.
 */
import type {
  CodeableConcept,
  Condition,
  MedicationRequest,
  MedicationStatement,
  Observation,
  Patient,
  Procedure,
} from "fhir/r4";
import type { CauseId, CauseKind, RecordType, Strength } from "../knowledge/types";
import type { LabInterpretation, LabResultDetail } from "./labs/types";

export type { CauseId, CauseKind, Strength };

/** A medicine use: a MedicationRequest or MedicationStatement with its medicine resolved. */
export interface MedicationUse {
  resource: MedicationRequest | MedicationStatement;
  /**
   * The medicine's concept, resolved by the data layer from the inline medicationCodeableConcept, an
   * `_include`d Medication, a contained Medication (`#id`) or a fetched one. Undefined when it could not
   * be resolved (the engine then falls back to whatever the resource itself carries).
   */
  concept?: CodeableConcept;
  /** Where `concept` came from: "inline", "contained", "included" or "fetched" (+ the Medication ref). */
  conceptSource?: { kind: "inline" | "contained" | "included" | "fetched"; reference?: string };
}

export interface EngineInput {
  patient?: Patient;
  conditions: Condition[];
  medications: MedicationUse[];
  procedures: Procedure[];
  /** Lab results (the LOINC codes of src/knowledge/labTests.ts), read by the engine's lab rules. */
  observations?: Observation[];
}

export interface EngineOptions {
  /** The clock, injected: the engine never reads the current time itself. */
  now: Date;
}

/** How a piece of evidence bears on "now". */
export type EvidenceStatus =
  | "current" // active/recurrence/relapse condition, active/on-hold medicine, recent active pregnancy
  | "unconfirmed" // current-looking but unconfirmed/provisional/differential (still counts as current per contract)
  | "past" // resolved/inactive/remission/abated condition; completed/stopped medicine; a resolved code or text; "history of" a condition that ends; an acute encounter diagnosis over 90 days old; a statement whose period ended; a stale in-progress procedure
  | "unknown" // no clinicalStatus and recorded outside its window (or undated), a status the app cannot read, or medicine status unknown
  | "not-started" // draft / intended medicine, or an unreported proposal / option: shown, not current
  | "stale" // pregnancy still marked active but begun more than ~42 weeks ago
  | "deceased"; // any evidence for a deceased patient: not current

export interface MatchedCoding {
  system?: string;
  /** Human label of the system: "SNOMED CT", "ICD-10-CM", "RxNorm", "ATC", ... */
  systemLabel: string;
  code?: string;
  display?: string;
}

export interface Evidence {
  /** "<ResourceType>/<id>" of a real resource of this patient ("Patient/<id>" for age). */
  ref: string;
  resourceType: RecordType;
  /** What the record says, as plain text (code.text, else the matched coding's display, else the code). */
  text: string;
  /** The coding that matched; for a name match, the text that matched. */
  matched: MatchedCoding;
  matchedBy: "code" | "name" | "age";
  /** Id of the knowledge-base rule that matched, and a one-line human reason. */
  ruleId: string;
  reason: string;
  status: EvidenceStatus;
  current: boolean;
  /** The raw status strings from the record, for display (e.g. "active", "confirmed", "stopped"). */
  recordStatus?: string;
  verificationStatus?: string;
  /** problem-list-item, encounter-diagnosis, health-concern, or undefined. */
  category?: string;
  /** Dates as written in the record (FHIR partial dates kept as strings). */
  dates: {
    onset?: string;
    abatement?: string;
    recorded?: string;
    authored?: string;
    effective?: string;
    performed?: string;
    end?: string;
  };
  /** The date used to order evidence ("most recent first"), a FHIR date/dateTime string. */
  sortDate?: string;
  /** Extra notes for the clinician (e.g. "diabetes type not recorded", "pregnancy began 2020-03: too long ago to be current"). */
  notes?: string[];
  /** Other records folded into this one because they say the same thing (same code, same status). */
  duplicates?: string[];
  /**
   * For a medicine: the dose as the record writes it (dosageInstruction[0].text / dosage[0].text, else
   * built from dose, frequency, route and "as needed"), plain text, clipped. Absent when none is recorded.
   */
  dose?: string;
  /** For a lab result (resourceType "Observation"): the value, unit, date, cut-off and definition (lab-results.md). */
  lab?: LabResultDetail;
  /**
   * A Condition with no clinical status (Epic's encounter diagnoses), current or not: current only when
   * recorded within the window of knowledge-source.md (12 months; 90 days for an acute state), shown as
   * "from a visit on <date>, status not recorded"; older, its status is "unknown".
   */
  statusNotRecorded?: true;
  /** A MedicationRequest reported rather than ordered (`reportedBoolean` or `reportedReference`: a home medicine): counts whatever its intent. */
  reported?: true;
  /**
   * A Condition of an acute state (dehydration, hypoglycemia, acute kidney failure: knowledge-source.md,
   * "Acute states go stale"): as an encounter diagnosis current for 90 days; on the problem list, to be
   * confirmed after a year (conventions.ts).
   */
  acuteState?: true;
}

export interface Finding {
  causeId: CauseId;
  /** The cause's label, or, when every piece of evidence leaves a detail unstated, a label that says so ("Diabetes, type not recorded"). */
  label: string;
  kind: CauseKind;
  /**
   * The strength of the documented link for this patient: the cause's own strength, raised to the
   * escalation strength (chronic kidney disease, dialysis → known cause) only while a current piece of
   * evidence says kidney failure. When nothing is current the cause's own strength applies.
   */
  strength: Strength;
  /** True when at least one evidence item is current. */
  current: boolean;
  /** "record" when at least one piece of evidence is a record other than a lab result (age counts); "lab" when it rests on lab results alone. */
  basis: "record" | "lab";
  /** Every piece of evidence, ordered: current first, then most recent. */
  evidence: Evidence[];
  /** Notes that apply to the whole finding (e.g. "known cause when the record says kidney failure"). */
  notes?: string[];
}

export interface PatientFacts {
  id?: string;
  /** Age in whole years, today or at death. Undefined when birthDate is missing or unreadable. */
  age?: number;
  ageAt?: "today" | "death";
  deceased: boolean;
  deceasedDate?: string;
  /**
   * A recorded death date that is no death date, ignored (the patient is not taken as deceased for it):
   * on or before 1900-01-01 (a database's zero date, e.g. 1899-12-30) or before the birth date.
   */
  ignoredDeathDate?: { date: string; reason: "placeholder" | "before-birth" };
}

export interface EngineResult {
  findings: Finding[];
  patient: PatientFacts;
  /** What the lab results showed: rules, the series per test (for the charts), and the results not interpreted. */
  labs?: LabInterpretation;
}
