/**
 * What lab interpretation returns (docs/spec/lab-results.md): per cause the results that meet a rule, per
 * test the series for a chart, and the results that could not be interpreted. Pure data.
 */
import type { CauseId, Citation, LabTestId, Strength } from "../../knowledge";

export interface LabOptions {
  /** The Patient resource (id, birthDate, gender, deceased); unreadable or absent: age and sex unknown. */
  patient?: unknown;
  /** The clock, injected. */
  now: Date;
  /**
   * Start (FHIR date) of the patient's current pregnancy, when the record has one (the record side of the
   * engine knows it): hemoglobin dated on or after it uses the pregnancy cut-off. Ignored for a deceased patient.
   */
  pregnancyStart?: string;
}

export type LabComparator = "<" | "<=" | ">" | ">=";

export type LabDateSource = "effectiveDateTime" | "effectivePeriod.start" | "effectiveInstant" | "issued";

/** One result as the panel shows it with a finding. */
export interface LabResultDetail {
  test: LabTestId;
  /** "eGFR", "Hemoglobin", ... */
  testLabel: string;
  /** The LOINC code that made it this test. */
  loinc: string;
  /** As reported. */
  value: number;
  comparator?: LabComparator;
  /** The unit as the lab reported it (valueQuantity.unit, else its code). */
  unit: string;
  /** Value, comparator and unit as reported, e.g. "<5 mmol/L". */
  valueText: string;
  /** The value in the rule's unit, when the lab reported another unit and the rule converts it. */
  converted?: { value: number; unit: string; text: string };
  /** The date as written in the result, and which element it came from. */
  date: string;
  dateSource: LabDateSource;
  /** The patient's age on that date (youngest possible for partial dates); undefined without a birth date. */
  ageYears?: number;
  ageMonths?: number;
  /** "age 47", "age 14 months", "age unknown". */
  ageText: string;
  /** The cut-off applied, in the unit it was compared in. */
  cutoff: { direction: "below" | "above"; value: number; unit: string; text: string };
  /** Whether this result meets the cut-off. */
  meetsCutoff: boolean;
  /** Why it is shown: it meets the rule, it is the test's most recent result, or both. */
  role: "qualifying" | "most-recent" | "qualifying-most-recent";
  /** The published definition the rule restates, and where it comes from. */
  definition: string;
  citation: Citation;
}

/**
 * One result as evidence, shaped like the engine's Evidence (src/engine/types.ts) so the findings builder
 * takes it as it is, plus `lab`.
 */
export interface LabEvidence {
  ref: string;
  resourceType: "Observation";
  id: string;
  text: string;
  matched: { system: string; systemLabel: "LOINC"; code: string; display?: string };
  matchedBy: "code";
  ruleId: string;
  reason: string;
  status: "current" | "past" | "deceased";
  current: boolean;
  /** The Observation's status (final, amended, corrected). */
  recordStatus: string;
  dates: { effective: string };
  sortDate: string;
  /** Milliseconds of sortDate (its first instant). */
  sortMs: number;
  /** This result raises the finding to the rule's stronger strength (current G5 eGFR). */
  escalates: boolean;
  notes?: string[];
  lab: LabResultDetail;
}

/** The results that suggest one cause (one entry per cause, never two). */
export interface LabCauseEvidence {
  cause: CauseId;
  /** The rules that hold for it. */
  ruleIds: string[];
  current: boolean;
  /** The cause's strength, or the stronger one of a current rule that says so (G5: known cause). */
  strength: Strength;
  /** If the record already has a finding for one of these, the results join it instead. */
  joins?: readonly CauseId[];
  /** Note for each result when none of `joins` is in the record ("Diabetes type not recorded: ..."). */
  aloneNote?: string;
  /** Current first, then most recent first. */
  evidence: LabEvidence[];
}

/** Whether each rule holds, and why: every rule of the knowledge base, in its order. */
export interface LabRuleOutcome {
  ruleId: string;
  cause: CauseId;
  holds: boolean;
  current: boolean;
  why: string;
}

export interface LabSeriesPoint {
  ref: string;
  date: string;
  /** First instant of the date, in milliseconds (the chart's x). */
  time: number;
  /** In the test's unit (the chart's y). */
  value: number;
  comparator?: LabComparator;
  /** As reported, for the text alternative. */
  valueText: string;
  /** Converted only to place it on the chart (an HbA1c in mmol/mol): the rules compared it in its own unit. */
  approximate?: boolean;
  /** The hemoglobin cut-off that applies on that date, in the test's unit. */
  cutoff?: number;
  /** Meets the cut-off of one of the test's rules. */
  meets: boolean;
}

export interface LabSeries {
  test: LabTestId;
  label: string;
  unit: string;
  /** Oldest first. */
  points: LabSeriesPoint[];
  /** Lines to draw, in the test's unit (hemoglobin: the cut-off on the most recent result's date). */
  cutoffs: { ruleId: string; direction: "below" | "above"; value: number; label: string }[];
}

export type LabSkipReason =
  | "not-final"
  | "no-id"
  | "no-date"
  | "dated-after-now"
  | "no-value"
  | "comparator-not-recognised"
  | "unit-not-recognised"
  | "several-tests"
  | "age-not-interpretable"
  | "no-clock"
  /** Outside the values the test can take at all (LabTest.plausible): a recording or unit error. */
  | "implausible"
  /** The other eGFR of a race-specific pair from the same draw: the non-race-specific or lower one is used. */
  | "race-specific-pair";

/** A result of one of the tests that was read and not interpreted, and why. */
export interface LabSkipped {
  ref?: string;
  test: LabTestId;
  reason: LabSkipReason;
  /** Clinician-facing, e.g. "unit not recognised: mg/mmol". */
  text: string;
  date?: string;
  /**
   * Dated after the most recent result of its test that was counted: a newer result that could not be
   * read, said next to the finding that shows the older ones (lab-results.md: nothing unread is silent).
   */
  newer?: true;
}

export interface LabInterpretation {
  causes: LabCauseEvidence[];
  rules: LabRuleOutcome[];
  series: LabSeries[];
  notInterpreted: LabSkipped[];
  counts: {
    /** Observations given. */
    observations: number;
    /** Of those, results of the lab tests for this patient (cancelled and entered-in-error left out). */
    labResults: number;
    /** Of those, counted by the rules (status, date, value, unit all readable and plausible). */
    counted: number;
    /** Observations (this patient's, not cancelled) with no code in LOINC's form: the app cannot tell what they are. */
    notLoinc: number;
    /** Observations (this patient's, not cancelled) with a LOINC code of a test the app does not use. */
    otherCodes: number;
  };
}
