/** Shapes of the knowledge base: plain data the engine reads and the report script prints. */
import type { CauseId, CauseKind, Strength } from "../engine/types";

/** Code systems the rules know, by short key. */
export type SystemKey = "snomed" | "icd10cm" | "icd9cm" | "rxnorm" | "atc" | "cpt";

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
  escalation?: { to: Strength; note: string };
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
  /** The medicine only counts when its text says it is taken by mouth. */
  requireForm?: "oral";
  /** Evidence from this rule raises the finding to the cause's escalation strength. */
  escalates?: boolean;
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

/** Last-resort matching on the record's text, when no coding on it is recognised by any rule. */
export interface NameRule {
  id: string;
  causes: CauseId[];
  appliesTo: ResourceKind[];
  /** Regular-expression fragments, matched case-insensitively between word boundaries. */
  patterns: string[];
  /** If any of these (same syntax) appears in the text, the rule does not match. */
  veto?: string[];
  reason: string;
  note?: string;
  requireForm?: "oral";
  escalates?: boolean;
}

export interface ChangelogEntry {
  version: string;
  date: string;
  changes: string[];
}
