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
  /** Lab results (LOINC-coded Observations of docs/spec/lab-results.md), read by the data layer. */
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
  | "past" // resolved/inactive/remission/abated condition; completed/stopped medicine
  | "unknown" // no clinicalStatus, or medicine status unknown
  | "not-started" // draft / intended medicine: shown, not current
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
}

export interface Finding {
  causeId: CauseId;
  label: string;
  kind: CauseKind;
  strength: Strength;
  /** True when at least one evidence item is current. */
  current: boolean;
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
}

export interface EngineResult {
  findings: Finding[];
  patient: PatientFacts;
}
