/** The knowledge base: causes, recognition rules, look-alikes, name rules, version and changelog. */
import { CONDITION_RULES } from "./codes/conditionCodes";
import { LOOK_ALIKES } from "./codes/lookAlikes";
import { MEDICINE_RULES } from "./codes/medicineCodes";
import { PROCEDURE_RULES } from "./codes/procedureCodes";
import { LOINC_SYSTEMS } from "./labTests";
import type { CodeRule } from "./types";

export { CAUSES, causeById } from "./causes";
export { DIABETES_TYPES_CONFLICT } from "./codes/diabetesTypes";
export { FORM_VETOES, FORM_VETOES_RAW, FORM_VETOES_RAW_MEANING, FORM_VETOES_RAW_ONLY_WITH, FORM_VETOES_RAW_UNLESS, ORAL_FORM_WORDS, SYSTEMIC_ROUTE_WORDS } from "./forms";
export * as PREGNANCY_DATING from "./codes/pregnancyDating";
export * as TEXT_CONTEXT from "./textContext";
export type { TextContext } from "./textContext";
export { CHANGELOG } from "./changelog";
export { codesOf } from "./codeList";
export {
  DIALYSIS_RECENT_DAYS,
  DOSE_TEXT_MAX,
  KNOWLEDGE_INFO,
  KNOWLEDGE_VERSION,
  OLDER_AGE_THRESHOLD,
  PREGNANCY_CURRENT_WEEKS,
  SOURCE,
} from "./info";
export { NAME_RULES } from "./nameRules";
export { RECORD_TYPES, STRENGTH_ORDER, STRENGTH_RANK } from "./types";
export { RLS_GUIDE } from "./rlsGuide";
export type {
  Cause,
  CauseId,
  CauseKind,
  ChangelogEntry,
  Citation,
  CodeRule,
  KnowledgeInfo,
  LookAlike,
  NameRule,
  RecordType,
  RequiredForm,
  ResourceKind,
  Strength,
  SystemKey,
} from "./types";
export { CONDITION_RULES, LOOK_ALIKES, MEDICINE_RULES, PROCEDURE_RULES };

/** Every code rule, conditions first, then medicines, then procedures. */
export const CODE_RULES: readonly CodeRule[] = [...CONDITION_RULES, ...MEDICINE_RULES, ...PROCEDURE_RULES];

/** FHIR system URIs (and OIDs) for each system key, with the label shown to clinicians. */
export const SYSTEMS: Record<import("./types").SystemKey, { label: string; uris: string[] }> = {
  snomed: { label: "SNOMED CT", uris: ["http://snomed.info/sct", "urn:oid:2.16.840.1.113883.6.96"] },
  icd10cm: {
    label: "ICD-10-CM",
    uris: ["http://hl7.org/fhir/sid/icd-10-cm", "http://hl7.org/fhir/sid/icd-10-us", "urn:oid:2.16.840.1.113883.6.90"],
  },
  icd9cm: { label: "ICD-9-CM", uris: ["http://hl7.org/fhir/sid/icd-9-cm", "urn:oid:2.16.840.1.113883.6.103"] },
  rxnorm: { label: "RxNorm", uris: ["http://www.nlm.nih.gov/research/umls/rxnorm", "urn:oid:2.16.840.1.113883.6.88"] },
  atc: { label: "ATC", uris: ["http://www.whocc.no/atc", "urn:oid:2.16.840.1.113883.6.73"] },
  cpt: { label: "CPT", uris: ["http://www.ama-assn.org/go/cpt", "urn:oid:2.16.840.1.113883.6.12"] },
  // Lab results only: no code rule is in LOINC; its URIs and their source live in labTests.ts.
  loinc: { label: "LOINC", uris: [...LOINC_SYSTEMS] },
};
export {
  EGFR_RACE_SPECIFIC_PAIRS,
  EGFR_RACE_SPECIFIC_SOURCE,
  LAB_LOINC_CODES,
  LAB_TEST_CODES,
  LOINC_INVALID_CHECK_DIGIT_CODES,
  LOINC_SOURCES,
  LOINC_SYSTEM,
  LOINC_SYSTEMS,
  type LabTestId,
} from "./labTests";
export {
  HEMOGLOBIN_CUTOFFS,
  HEMOGLOBIN_MIN_AGE_MONTHS,
  LAB_RULES,
  LAB_TEST_ORDER,
  LAB_TESTS,
  LAB_PLAUSIBILITY_SOURCES,
  LAB_UNIT_MATCHING,
  type HemoglobinCutoffRow,
  type LabCondition,
  type LabPlausibility,
  type LabCurrency,
  type LabCutoff,
  type LabRule,
  type LabTest,
  type LabUnit,
} from "./labRules";
