/** Shapes of the knowledge base: plain data the engine reads and the report script prints. */

/** The stable ids of docs/spec/knowledge-source.md. */
export type CauseId =
  | "acute-kidney-failure"
  | "chronic-kidney-disease"
  | "diabetic-neuropathy"
  | "peripheral-artery-disease"
  | "pregnancy"
  | "older-age"
  | "diuretics"
  | "adrenal-insufficiency"
  | "alcohol-use-disorder"
  | "anemia"
  | "cirrhosis"
  | "dehydration"
  | "dialysis"
  | "hypertension"
  | "hyperthyroidism"
  | "hypoglycemia"
  | "hypothyroidism"
  | "physical-inactivity"
  | "muscle-fatigue"
  | "parkinsons-disease"
  | "peripheral-neuropathy"
  | "spinal-stenosis"
  | "type-1-diabetes"
  | "type-2-diabetes"
  | "blood-pressure-medicines"
  | "cholesterol-medicines"
  | "birth-control-pills"
  | "restless-legs-syndrome";

/** Strength of the documented link, as the source states it. Ordered strongest first. */
export type Strength = "known-cause" | "raises-risk" | "possible" | "sometimes-linked" | "differential";

/** The strengths, strongest first: the one order findings, groups and cards follow. */
export const STRENGTH_ORDER: readonly Strength[] = ["known-cause", "raises-risk", "possible", "sometimes-linked", "differential"];

/** A strength's place in STRENGTH_ORDER (0 = strongest), for sorting. */
export const STRENGTH_RANK: Readonly<Record<Strength, number>> = Object.fromEntries(STRENGTH_ORDER.map((s, i) => [s, i])) as Record<Strength, number>;

export type CauseKind = "condition" | "medicine" | "risk-factor" | "differential";

/**
 * The kinds of FHIR record the app reads, in the order "what was checked" lists them: the one list the
 * engine (evidence), the data layer (sections) and the wording (labels) share.
 */
export const RECORD_TYPES = ["Patient", "Condition", "MedicationRequest", "MedicationStatement", "Procedure", "Observation"] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** Code systems the app knows, by short key: the code rules' systems, and LOINC (lab results only, no code rule). */
export type SystemKey = "snomed" | "icd10cm" | "icd9cm" | "rxnorm" | "atc" | "cpt" | "loinc";

/** Which resources a rule reads: Conditions, medicine uses (MedicationRequest/Statement) or Procedures. */
export type ResourceKind = "Condition" | "Medication" | "Procedure";

export interface Citation {
  title: string;
  date: string;
  url: string;
}

export interface Cause {
  id: CauseId;
  label: string;
  kind: CauseKind;
  /** Strength of the link as the source states it for the item in its own list. */
  strength: Strength;
  /** Short clinician-facing description, in the app's own words. */
  description: string;
  citation: Citation;
  /**
   * The source's "the stronger statement applies" rule: evidence from a rule marked `escalates`
   * raises the finding to this strength, with this note on the finding.
   */
  escalation?: {
    to: Strength;
    /** On the finding when current evidence escalates it. */
    note: string;
    /** On the finding when escalating evidence exists but none of it is current (it stays at the cause's own strength). */
    pastNote: string;
    /** On the finding when the only current escalating evidence is lab results (kidney failure suggested by eGFR). */
    labNote?: string;
  };
  /**
   * How a finding is titled when every piece of its evidence comes from rules marked `unstated`
   * (diabetes whose type, or kidney failure whose kind, the record does not state).
   */
  unstated?: { label: string; note: string };
  /** Notes that always apply to a finding of this cause (the app's conventions). */
  conventions?: string[];
}

/** A list of codes in one system that recognise one or more causes. */
export interface CodeRule {
  id: string;
  causes: CauseId[];
  appliesTo: ResourceKind[];
  system: SystemKey;
  /** exact: whole codes; prefix: ICD / ATC prefixes (dots and case ignored; the longest prefix wins). */
  match: "exact" | "prefix";
  /** One-line human reason shown with the evidence. */
  reason: string;
  /** Note attached to each evidence item this rule produces. */
  note?: string;
  /** "weak": verified only by weak sources (see the terminology reference): lower confidence. */
  confidence?: "weak";
  /** The medicine only counts when its text says it is taken by mouth ("oral"), or by mouth or injection ("systemic"). */
  requireForm?: RequiredForm;
  /** Evidence from this rule raises the finding to the cause's escalation strength (while it is current). */
  escalates?: boolean;
  /** The record names the item without the detail the cause needs (diabetes type, kind of kidney failure). */
  unstated?: boolean;
  /** The code itself means the condition ended ("... resolved", "in remission"): never current. (A code for "history of" a chronic condition is that condition: knowledge-source.md.) */
  history?: boolean;
  /**
   * The condition lasts only as long as a pregnancy (high blood pressure of pregnancy): its evidence is
   * current only while the record dates a current pregnancy (the pregnancy's own dating rule). Only high
   * blood pressure of pregnancy uses it today, and the engine's note on such evidence names it so.
   */
  endsWithPregnancy?: boolean;
  /** Where the codes were verified (terminology reference source tags). */
  source: string;
  /** Codes separated by single spaces. */
  codes: string;
}

/** Codes that resemble a cause but must not count for it. */
export interface LookAlike {
  id: string;
  notFor: CauseId[];
  system: SystemKey;
  match: "exact" | "prefix";
  label: string;
  source: string;
  codes: string;
}

/**
 * Last-resort matching on the record's text, when no code rule for the record's kind knows any of its codings
 * (even one whose dose form then rules it out). A look-alike code does not stop it: it only keeps the
 * causes it names from being matched by name.
 */
export interface NameRule {
  id: string;
  causes: CauseId[];
  appliesTo: ResourceKind[];
  /** Regular-expression fragments, matched case-insensitively between word boundaries. */
  patterns: string[];
  /** Abbreviations matched case-sensitively (upper case as written: "PAD", not "pad"), between word boundaries. */
  abbreviations?: string[];
  /** If any of these (case-insensitive fragments) appears in the record's text, the rule does not match. */
  veto?: string[];
  reason: string;
  note?: string;
  requireForm?: RequiredForm;
  escalates?: boolean;
  unstated?: boolean;
  /** See CodeRule.endsWithPregnancy. */
  endsWithPregnancy?: boolean;
}

/** A form a medicine's text must state for a rule to count it. */
export type RequiredForm = "oral" | "systemic";

export interface ChangelogEntry {
  version: string;
  date: string;
  changes: string[];
}

/** What the panel and other channels say about the knowledge base: version, review date, source, age threshold. */
export interface KnowledgeInfo {
  version: string;
  reviewed: string;
  source: Citation;
  /** The age the app highlights as "older age" (the app's convention; the source gives none). */
  olderAgeThreshold: number;
}
