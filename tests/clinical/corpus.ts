/**
 * The clinical corpus: real-world record shapes (coded and free text, every status, look-alikes,
 * negations, history and family history, stale statuses, Epic- and Oracle-style local codes) with the
 * findings a clinician expects from them — cause, currency, strength (and the title when it must say a
 * detail is not recorded) — and a one-line clinical reason. The same table drives the test
 * (corpus.test.ts) and the reviewable document (docs/clinical-corpus.md, scripts/knowledge-report.ts).
 *
 * The expected findings of a case are exact: a finding the engine gives that is not listed fails the case.
 * The clock is fixed at CORPUS_NOW.
 */
import type { CauseId, Strength } from "../../src/engine/types";
import { CONDITION_VOCABULARY_CORPUS } from "./corpusConditionVocabulary";
import { CORPUS_CHARTS } from "./corpusCharts";
import { CORPUS_SEMANTICS } from "./corpusSemantics";
import { VOCABULARY_CORPUS } from "./corpusVocabulary";
import { code, cond, med, proc, textCond, textMed, type PatientSpec, type RecordSpec } from "./records";

export const CORPUS_NOW = "2026-11-26T12:00:00Z";

export type CorpusClass =
  | "kidney-failure-unstated"
  | "free-text"
  | "strength-current"
  | "pregnancy"
  | "wrong-groups"
  | "gaps"
  | "record-semantics"
  | "record-text"
  | "history-chronic"
  | "acute-stale"
  | "no-status"
  | "home-medicines"
  | "coverage"
  | "anemia-named"
  | "combination-products"
  | "eponyms-shorthand"
  | "core-codes"
  | "rule-errors"
  | "standard-code"
  | "medicine-shorthand"
  | "medicine-look-alikes"
  | "whole-charts";

export const CLASS_TITLES: Record<CorpusClass, string> = {
  "kidney-failure-unstated": "Kidney failure of unstated kind",
  "free-text": "Free text read like a clinician",
  "strength-current": "Strength from current evidence only",
  pregnancy: "Pregnancy: ended, dated and stale records",
  "wrong-groups": "Wrong groups: hormone therapy, alcohol, eye drops and topical minoxidil",
  gaps: "Gaps: PAD, CKD, ICD-9-CM, medicine codes and brand names",
  "record-semantics": "Record semantics: statuses, intents, periods, stale procedures",
  "record-text": "A coded record's own text, read whole",
  "history-chronic": "\"History of\", h/o, PMH and s/p: chronic conditions stay, ending ones are past",
  "acute-stale": "Acute states go stale: encounter diagnoses current for 90 days",
  "no-status": "Conditions with no clinical status: current within 12 months (90 days for acute states)",
  "home-medicines": "Medicines the patient takes at home: reported requests, whatever the intent",
  coverage: "Every cause, every status, EHR shapes",
  "anemia-named": "Codes that name an anemia and another cause; a look-alike blocks only the cause it names",
  "combination-products": "Combination products: every class they hold, by code, ATC group and brand",
  "eponyms-shorthand": "Eponyms and the shorthand of a US problem list",
  "core-codes": "Core codes sent without a display; codes every system reads alike",
  "rule-errors": "Small rule errors: forms, doses, thyroiditis, two diabetes types on one record",
  "standard-code": "A standard code says what the record is",
  "medicine-shorthand": "Medicines as real lists write them: shorthand, misspellings, EU spellings and class names",
  "medicine-look-alikes": "Medicine look-alikes: a gel or inhaled form, a supplement, an allergy",
  "whole-charts": "Whole charts: a patient's conditions, medicines, procedures and lab results together",
};

export interface ExpectedFinding {
  cause: CauseId;
  current: boolean;
  strength: Strength;
  /** Checked when given: the finding's title (for details the record does not state). */
  label?: string;
  /** Checked when given: "lab" when the finding rests on lab results alone, "record" otherwise (lab-results.md). */
  basis?: "record" | "lab";
}

export interface CorpusCase {
  id: string;
  class: CorpusClass;
  records: RecordSpec[];
  patient?: PatientSpec;
  expect: ExpectedFinding[];
  reason: string;
}

const KNOWN = "known-cause" as const;
const RISK = "raises-risk" as const;
const POSSIBLE = "possible" as const;
const SOMETIMES = "sometimes-linked" as const;
const DIFF = "differential" as const;

const KIDNEY_UNSTATED = "Kidney failure (kind not recorded)";
const DIABETES_UNSTATED = "Diabetes, type not recorded";

/** Shorthands for expected findings. */
const cur = (cause: CauseId, strength: Strength, label?: string): ExpectedFinding => ({ cause, current: true, strength, ...(label ? { label } : {}) });
const past = (cause: CauseId, strength: Strength, label?: string): ExpectedFinding => ({ cause, current: false, strength, ...(label ? { label } : {}) });

export const CORPUS: CorpusCase[] = [
  // ---------------------------------------------------------------- kidney failure of unstated kind
  { id: "kf-n19", class: "kidney-failure-unstated", records: [cond(code("icd10", "N19", "Unspecified kidney failure"))], expect: [cur("chronic-kidney-disease", KNOWN, KIDNEY_UNSTATED)], reason: "Kidney failure is a known cause; its kind is not recorded, so it is shown under CKD (convention) and titled so." },
  { id: "kf-n19-no-display", class: "kidney-failure-unstated", records: [cond(code("icd10", "N19"))], expect: [cur("chronic-kidney-disease", KNOWN, KIDNEY_UNSTATED)], reason: "The code alone is enough: no display needed." },
  { id: "kf-icd9-586", class: "kidney-failure-unstated", records: [cond(code("icd9", "586", "Renal failure, unspecified"))], expect: [cur("chronic-kidney-disease", KNOWN, KIDNEY_UNSTATED)], reason: "ICD-9-CM 586 is renal failure of unstated kind." },
  { id: "kf-snomed-syndrome", class: "kidney-failure-unstated", records: [cond(code("snomed", "42399005", "Renal failure syndrome (disorder)"))], expect: [cur("chronic-kidney-disease", KNOWN, KIDNEY_UNSTATED)], reason: "SNOMED CT renal failure syndrome does not say acute or chronic." },
  { id: "kf-snomed-hypertensive", class: "kidney-failure-unstated", records: [cond(code("snomed", "49220004", "Hypertensive renal failure (disorder)"))], expect: [cur("chronic-kidney-disease", KNOWN, KIDNEY_UNSTATED)], reason: "Hypertensive renal failure names failure without its kind." },
  { id: "kf-text-epic", class: "kidney-failure-unstated", records: [textCond("Renal failure")], expect: [cur("chronic-kidney-disease", KNOWN, KIDNEY_UNSTATED)], reason: "An Epic problem-list entry with only a local code and the words \"renal failure\"." },
  { id: "kf-text-kidney-failure-oracle", class: "kidney-failure-unstated", records: [cond(code("cerner", "4711", "Kidney failure"))], expect: [cur("chronic-kidney-disease", KNOWN, KIDNEY_UNSTATED)], reason: "Oracle Health nomenclature code with display \"Kidney failure\": read by name." },
  { id: "kf-resolved", class: "kidney-failure-unstated", records: [cond(code("icd10", "N19"), { clinical: "resolved", onset: "2024-01-10", abatement: "2025-02-01" })], expect: [past("chronic-kidney-disease", SOMETIMES, KIDNEY_UNSTATED)], reason: "Resolved kidney failure does not make a known cause today; CKD's own strength applies." },
  { id: "kf-with-ckd3", class: "kidney-failure-unstated", records: [cond(code("icd10", "N19")), cond(code("icd10", "N18.30", "Chronic kidney disease, stage 3 unspecified"))], expect: [cur("chronic-kidney-disease", KNOWN, "Chronic kidney disease")], reason: "With a staged CKD record the finding keeps its own title; the failure record still makes it a known cause." },
  { id: "kf-text-acute", class: "kidney-failure-unstated", records: [textCond("Acute renal failure")], expect: [cur("acute-kidney-failure", KNOWN)], reason: "\"Acute\" states the kind: acute kidney failure, not the unstated rule." },
  { id: "kf-text-chronic-after", class: "kidney-failure-unstated", records: [textCond("Renal failure, chronic")], expect: [cur("chronic-kidney-disease", KNOWN, "Chronic kidney disease")], reason: "The kind written after the name is read too." },
  { id: "kf-deceased", class: "kidney-failure-unstated", patient: { birthDate: "1975-03-02", deceasedDateTime: "2024-05-01" }, records: [cond(code("icd10", "N19"), { onset: "2023-09-12" })], expect: [past("chronic-kidney-disease", SOMETIMES, KIDNEY_UNSTATED)], reason: "Nothing is current for a deceased patient, so nothing escalates." },

  // ---------------------------------------------------------------- free text
  { id: "ft-fh-hypertension", class: "free-text", records: [textCond("FH: hypertension")], expect: [], reason: "Family history is about a relative." },
  { id: "ft-family-history-dm", class: "free-text", records: [textCond("Family history of type 2 diabetes mellitus")], expect: [], reason: "Family history is about a relative." },
  { id: "ft-mother-ckd", class: "free-text", records: [textCond("Mother has chronic kidney disease")], expect: [], reason: "About the patient's mother." },
  { id: "ft-father-parkinson", class: "free-text", records: [textCond("Father: Parkinson disease")], expect: [], reason: "About the patient's father." },
  { id: "ft-fhx-anemia", class: "free-text", records: [textCond("FHx anemia, sister")], expect: [], reason: "FHx (family history) and a sister." },
  { id: "ft-no-pad", class: "free-text", records: [textCond("No peripheral arterial disease")], expect: [], reason: "Negated." },
  { id: "ft-aki-ruled-out", class: "free-text", records: [textCond("AKI ruled out")], expect: [], reason: "Negated after the name." },
  { id: "ft-aki-comma-ruled-out", class: "free-text", records: [textCond("Acute kidney injury, ruled out")], expect: [], reason: "Negation in the clause that follows the name." },
  { id: "ft-negative-anemia", class: "free-text", records: [textCond("Negative for anemia")], expect: [], reason: "Negated." },
  { id: "ft-denies-alcohol", class: "free-text", records: [textCond("Denies alcohol abuse")], expect: [], reason: "Negated." },
  { id: "ft-without-neuropathy", class: "free-text", records: [textCond("Type 2 diabetes mellitus without peripheral neuropathy")], expect: [cur("type-2-diabetes", SOMETIMES, "Type 2 diabetes")], reason: "Diabetes is affirmed; the neuropathy is negated by \"without\"." },
  { id: "ft-rule-out-hypothyroid", class: "free-text", records: [textCond("Rule out hypothyroidism")], expect: [], reason: "A suspicion being worked up, not a diagnosis." },
  { id: "ft-suspected-parkinson", class: "free-text", records: [textCond("Suspected Parkinson's disease")], expect: [], reason: "A suspicion: no finding from text." },
  { id: "ft-possible-pad", class: "free-text", records: [textCond("Possible PAD")], expect: [], reason: "A suspicion of a known cause must not show as one." },
  { id: "ft-pad-question", class: "free-text", records: [textCond("PAD?")], expect: [], reason: "A question mark after the name is a suspicion." },
  { id: "ft-screening-dm", class: "free-text", records: [textCond("Screening for diabetes mellitus")], expect: [], reason: "A screening, not a diagnosis." },
  { id: "ft-pregnancy-test", class: "free-text", records: [textCond("Pregnancy test negative")], expect: [], reason: "A test result, not a pregnancy." },
  { id: "ft-at-risk-dehydration", class: "free-text", records: [textCond("At risk for dehydration")], expect: [], reason: "A risk, not the condition." },
  { id: "ft-diabetic-foot-exam", class: "free-text", records: [textCond("Diabetic foot exam")], expect: [], reason: "An examination entry, not a diagnosis (no safe rule for \"diabetic\" alone)." },
  { id: "ft-prehypertension", class: "free-text", records: [textCond("Prehypertension")], expect: [], reason: "A precursor, not hypertension." },
  { id: "ft-pre-hypertension-hyphen", class: "free-text", records: [textCond("Pre-hypertension")], expect: [], reason: "A precursor, written with a hyphen." },
  { id: "ft-prediabetes", class: "free-text", records: [textCond("Pre-diabetes")], expect: [], reason: "Prediabetes is not diabetes." },
  { id: "ft-borderline-dm", class: "free-text", records: [textCond("Borderline diabetes")], expect: [], reason: "A precursor." },
  { id: "ft-pre-dialysis-ckd", class: "free-text", records: [textCond("Pre-dialysis CKD stage 4")], expect: [cur("chronic-kidney-disease", SOMETIMES, "Chronic kidney disease")], reason: "CKD short of failure is present; pre-dialysis is not dialysis." },
  { id: "ft-bp-reading-text", class: "free-text", records: [textCond("Elevated blood pressure reading without diagnosis of hypertension")], expect: [], reason: "A reading, not a diagnosis." },
  { id: "ft-white-coat", class: "free-text", records: [textCond("White coat hypertension")], expect: [], reason: "White-coat readings are not hypertension." },
  { id: "ft-history-of-htn", class: "free-text", records: [textCond("History of hypertension")], expect: [cur("hypertension", SOMETIMES)], reason: "Hypertension does not end: \"history of\" it is hypertension, and the record's active status makes it current." },
  { id: "ft-ho-alcohol", class: "free-text", records: [textCond("H/O alcohol dependence")], expect: [past("alcohol-use-disorder", SOMETIMES)], reason: "H/O = history of." },
  { id: "ft-pmh-list", class: "free-text", records: [textCond("PMH: HTN, CKD stage 3")], expect: [cur("hypertension", SOMETIMES), cur("chronic-kidney-disease", SOMETIMES)], reason: "Everything after \"PMH:\" is history; chronic conditions that do not end stay those conditions." },
  { id: "ft-remission", class: "free-text", records: [textCond("Alcohol dependence, in remission")], expect: [past("alcohol-use-disorder", SOMETIMES)], reason: "In remission is past." },
  { id: "ft-esrd-resolved-text", class: "free-text", records: [textCond("ESRD - resolved after kidney transplant")], expect: [past("chronic-kidney-disease", SOMETIMES)], reason: "Resolved ESRD is past: no known cause today." },
  { id: "ft-htn-not-controlled", class: "free-text", records: [textCond("Hypertension, not well controlled")], expect: [cur("hypertension", SOMETIMES)], reason: "\"Not well controlled\" qualifies the control, it does not negate the disease." },
  { id: "ft-not-well-controlled-before", class: "free-text", records: [textCond("Not well controlled hypertension")], expect: [cur("hypertension", SOMETIMES)], reason: "Same, written before the name." },
  { id: "ft-t2dm-no-complication", class: "free-text", records: [textCond("Type 2 diabetes mellitus without complications")], expect: [cur("type-2-diabetes", SOMETIMES, "Type 2 diabetes")], reason: "\"Without complications\" does not negate the diabetes." },
  { id: "ft-diabetes-unstated", class: "free-text", records: [textCond("Diabetes mellitus")], expect: [cur("type-2-diabetes", SOMETIMES, DIABETES_UNSTATED)], reason: "Type not recorded: shown under type 2 and titled so." },
  { id: "ft-non-diabetic-hypoglycemia", class: "free-text", records: [textCond("Non-diabetic hypoglycemia")], expect: [cur("hypoglycemia", SOMETIMES)], reason: "Hypoglycemia is affirmed; \"non-diabetic\" negates diabetes." },
  { id: "ft-april", class: "free-text", records: [textMed("Vitamin D3 1000 unit capsule, started April")], expect: [], reason: "\"April\" is a month, not an ACE inhibitor." },
  { id: "ft-neurogenic-claudication", class: "free-text", records: [textCond("Neurogenic claudication")], expect: [cur("spinal-stenosis", SOMETIMES)], reason: "Neurogenic claudication belongs to spinal stenosis, not PAD." },
  { id: "ft-pseudoclaudication", class: "free-text", records: [textCond("Pseudoclaudication of both legs")], expect: [cur("spinal-stenosis", SOMETIMES)], reason: "Pseudoclaudication is neurogenic." },
  { id: "ft-intermittent-claudication", class: "free-text", records: [textCond("Intermittent claudication, left calf")], expect: [cur("peripheral-artery-disease", KNOWN)], reason: "Intermittent claudication is PAD." },
  { id: "ft-vascular-claudication", class: "free-text", records: [textCond("Vascular claudication")], expect: [cur("peripheral-artery-disease", KNOWN)], reason: "Vascular claudication is PAD." },
  { id: "ft-claudication", class: "free-text", records: [textCond("Claudication")], expect: [cur("peripheral-artery-disease", KNOWN)], reason: "Unqualified claudication is PAD." },
  { id: "ft-jaw-claudication", class: "free-text", records: [textCond("Jaw claudication")], expect: [], reason: "Jaw claudication (giant cell arteritis) is not blood flow to the legs." },
  { id: "ft-pad-abbrev", class: "free-text", records: [textCond("PAD")], expect: [cur("peripheral-artery-disease", KNOWN)], reason: "PAD written as an abbreviation." },
  { id: "ft-pvd-abbrev", class: "free-text", records: [textCond("PVD, bilateral lower extremities")], expect: [cur("peripheral-artery-disease", KNOWN)], reason: "PVD of the legs." },
  { id: "ft-pvd-eye", class: "free-text", records: [textCond("Posterior vitreous detachment (PVD), right eye")], expect: [], reason: "PVD also means posterior vitreous detachment." },
  { id: "ft-pad-lowercase", class: "free-text", records: [textCond("Irritation from heating pad")], expect: [], reason: "\"pad\" in lower case is a thing, not PAD." },
  { id: "ft-rls", class: "free-text", records: [textCond("RLS")], expect: [cur("restless-legs-syndrome", DIFF)], reason: "RLS recorded: shown to tell apart, not as a cause." },
  { id: "ft-rls-ruled-out", class: "free-text", records: [textCond("Restless legs syndrome - ruled out")], expect: [], reason: "Negated after the name." },
  { id: "ft-hashimoto", class: "free-text", records: [textCond("Hashimoto's thyroiditis")], expect: [], reason: "Hashimoto's thyroiditis is not, by itself, hypothyroidism: the thyroid may still work." },
  { id: "ft-alcohol-abuse", class: "free-text", records: [textCond("Alcohol abuse")], expect: [cur("alcohol-use-disorder", SOMETIMES)], reason: "Abuse is alcohol use disorder." },
  { id: "ft-etoh-abuse", class: "free-text", records: [textCond("ETOH abuse")], expect: [cur("alcohol-use-disorder", SOMETIMES)], reason: "EtOH is alcohol." },
  { id: "ft-alcohol-use", class: "free-text", records: [textCond("Alcohol use")], expect: [], reason: "Use is not a use disorder." },
  { id: "ft-hypothyroid-adjective", class: "free-text", records: [textCond("Hypothyroid")], expect: [cur("hypothyroidism", SOMETIMES)], reason: "The adjective alone names the condition." },
  { id: "ft-hx-aki", class: "free-text", records: [textCond("Hx of AKI")], expect: [past("acute-kidney-failure", KNOWN)], reason: "Past AKI: shown, not current." },
  { id: "ft-htn-resolved-parenthesis", class: "free-text", records: [textCond("Hypertension (resolved)")], expect: [past("hypertension", SOMETIMES)], reason: "Resolved, in parentheses after the name." },
  { id: "ft-pre-esrd", class: "free-text", records: [textCond("Pre-ESRD")], expect: [cur("chronic-kidney-disease", SOMETIMES)], reason: "Approaching end stage: CKD, but not failure." },
  { id: "ft-ckd5-not-on-dialysis", class: "free-text", records: [textCond("CKD stage 5, not on dialysis")], expect: [cur("chronic-kidney-disease", KNOWN)], reason: "Stage 5 is failure; dialysis is negated." },
  { id: "ft-aki-on-ckd", class: "free-text", records: [textCond("AKI on CKD stage 3")], expect: [cur("acute-kidney-failure", KNOWN), cur("chronic-kidney-disease", SOMETIMES)], reason: "Acute on chronic: both." },
  { id: "ft-anemia-of-ckd", class: "free-text", records: [textCond("Anemia of chronic kidney disease")], expect: [cur("anemia", SOMETIMES), cur("chronic-kidney-disease", SOMETIMES)], reason: "Both named." },
  { id: "ft-dm2-abbreviation", class: "free-text", records: [textCond("DM2")], expect: [cur("type-2-diabetes", SOMETIMES, "Type 2 diabetes")], reason: "On a US problem list DM2 is type 2 diabetes (myotonic dystrophy type 2 is read only when the record says so)." },
  { id: "ft-ocular-htn", class: "free-text", records: [textCond("Ocular hypertension, both eyes")], expect: [], reason: "Eye pressure, not blood pressure." },
  { id: "ft-gestational-dm-text", class: "free-text", records: [textCond("Gestational diabetes")], expect: [], reason: "Gestational diabetes counts for neither type (and names no pregnancy date)." },
  { id: "ft-coded-fh-text", class: "free-text", records: [cond(code("icd10", "I10", "Essential (primary) hypertension"), { text: "Family history of hypertension" })], expect: [], reason: "The record's own words say it is about the family, whatever the mapped code." },
  { id: "ft-coded-history-text", class: "free-text", records: [cond(code("icd10", "E11.9"), { text: "History of type 2 diabetes" })], expect: [cur("type-2-diabetes", SOMETIMES)], reason: "The record's own words say history, but diabetes does not end: its active status decides." },

  // ---------------------------------------------------------------- strength from current evidence
  { id: "st-esrd-resolved-transplant", class: "strength-current", records: [cond(code("snomed", "46177005", "End-stage renal disease"), { clinical: "resolved", onset: "2015-05-01", abatement: "2022-03-01" }), cond(code("snomed", "161665007", "History of renal transplant"))], expect: [past("chronic-kidney-disease", SOMETIMES)], reason: "ESRD resolved after a transplant stays as past evidence, not a known cause today." },
  { id: "st-esrd-resolved-ckd3-active", class: "strength-current", records: [cond(code("snomed", "46177005"), { clinical: "resolved" }), cond(code("snomed", "433144002", "Chronic kidney disease stage 3"))], expect: [cur("chronic-kidney-disease", SOMETIMES)], reason: "Current CKD stage 3, past ESRD: sometimes linked." },
  { id: "st-esrd-active", class: "strength-current", records: [cond(code("snomed", "46177005", "End-stage renal disease"))], expect: [cur("chronic-kidney-disease", KNOWN)], reason: "Current ESRD is kidney failure." },
  { id: "st-n186-abated", class: "strength-current", records: [cond(code("icd10", "N18.6"), { onset: "2019-02-01", abatement: "2021-09-30" })], expect: [past("chronic-kidney-disease", SOMETIMES)], reason: "Active but abated: past." },
  { id: "st-dialysis-2019", class: "strength-current", records: [proc(code("snomed", "265764009", "Renal dialysis"), "completed", { performed: "2019-03-01" })], expect: [past("dialysis", SOMETIMES)], reason: "A dialysis session years ago does not make a known cause today." },
  { id: "st-dialysis-recent", class: "strength-current", records: [proc(code("snomed", "302497006", "Hemodialysis"), "completed", { performed: "2026-11-20" })], expect: [cur("dialysis", KNOWN)], reason: "Dialysis this week: on dialysis." },
  { id: "st-z992-resolved", class: "strength-current", records: [cond(code("icd10", "Z99.2"), { clinical: "resolved" })], expect: [past("dialysis", SOMETIMES)], reason: "Dependence on dialysis resolved." },
  { id: "st-z992-active", class: "strength-current", records: [cond(code("icd10", "Z99.2", "Dependence on renal dialysis"))], expect: [cur("dialysis", KNOWN)], reason: "Current dependence on dialysis." },
  { id: "st-esrd-dialysis-resolved-ckd2", class: "strength-current", records: [cond(code("snomed", "236435004"), { clinical: "resolved" }), cond(code("snomed", "431856006"))], expect: [cur("chronic-kidney-disease", SOMETIMES), past("dialysis", SOMETIMES)], reason: "Past ESRD on dialysis; current CKD stage 2." },
  { id: "st-esrd-provisional", class: "strength-current", records: [cond(code("icd10", "N18.6"), { verification: "provisional" })], expect: [cur("chronic-kidney-disease", KNOWN)], reason: "Unconfirmed but active counts as current (panel contract)." },
  { id: "st-esrd-no-status", class: "strength-current", records: [cond(code("icd10", "N18.6"), { clinical: null, category: "encounter-diagnosis", onset: "2024-06-01" })], expect: [past("chronic-kidney-disease", SOMETIMES)], reason: "No clinical status, from a visit over 12 months ago: not current, so not escalated." },
  { id: "st-deceased-esrd", class: "strength-current", patient: { birthDate: "1950-01-01", deceasedDateTime: "2023-02-01" }, records: [cond(code("icd10", "N18.6"), { onset: "2021-07-01" })], expect: [past("chronic-kidney-disease", SOMETIMES), past("older-age", RISK)], reason: "Deceased: nothing current, nothing escalated; age at death 73." },
  { id: "st-ckd-g5a3", class: "strength-current", records: [cond(code("snomed", "950311000000102", "CKD G5A3 - chronic kidney disease with glomerular filtration rate category G5 and albuminuria category A3"))], expect: [cur("chronic-kidney-disease", KNOWN)], reason: "GFR category G5 is kidney failure, whatever the albuminuria category." },
  { id: "st-ckd-g5a1-text", class: "strength-current", records: [textCond("CKD stage G5A1")], expect: [cur("chronic-kidney-disease", KNOWN)], reason: "Same, in text." },
  { id: "st-ckd-g4a3", class: "strength-current", records: [cond(code("snomed", "950231000000104"))], expect: [cur("chronic-kidney-disease", SOMETIMES)], reason: "G4 is not failure." },
  { id: "st-history-esrd-text", class: "strength-current", records: [textCond("History of end-stage renal disease")], expect: [cur("chronic-kidney-disease", KNOWN)], reason: "Kidney disease does not end: \"history of\" it is that condition, active on this list (a transplant that ended it would have to be written: see \"s/p kidney transplant\")." },
  { id: "st-ho-ckd-code", class: "strength-current", records: [cond(code("snomed", "768681000000100", "H/O: chronic kidney disease"))], expect: [cur("chronic-kidney-disease", SOMETIMES)], reason: "The code means history of a condition that does not end: chronic kidney disease, current while the record is active." },
  { id: "st-ckd-resolved-code", class: "strength-current", records: [cond(code("snomed", "939211000000104", "Chronic kidney disease resolved"))], expect: [past("chronic-kidney-disease", SOMETIMES)], reason: "The code itself means resolved." },
  { id: "st-dialysis-past-and-current", class: "strength-current", records: [proc(code("snomed", "265764009"), "completed", { performed: "2018-01-10" }), cond(code("icd10", "Z99.2"))], expect: [cur("dialysis", KNOWN)], reason: "A current record escalates even when older ones are past." },

  // ---------------------------------------------------------------- pregnancy
  { id: "pg-o72-pph", class: "pregnancy", records: [cond(code("icd10", "O72.1", "Other immediate postpartum hemorrhage"), { onset: "2026-11-10" })], expect: [], reason: "Postpartum hemorrhage records the pregnancy's end." },
  { id: "pg-o9903-anemia-puerperium", class: "pregnancy", records: [cond(code("icd10", "O99.03", "Anemia complicating the puerperium"), { onset: "2026-11-10" })], expect: [cur("anemia", SOMETIMES)], reason: "Anemia yes; a puerperium code is not a current pregnancy." },
  { id: "pg-o99013-anemia-pregnancy", class: "pregnancy", records: [cond(code("icd10", "O99.013", "Anemia complicating pregnancy, third trimester"), { onset: "2026-11-10" })], expect: [cur("anemia", SOMETIMES), cur("pregnancy", RISK)], reason: "In pregnancy, third trimester, recent: current pregnancy." },
  { id: "pg-puerperium-title", class: "pregnancy", records: [cond(code("icd10", "O99.43", "Diseases of the circulatory system complicating the puerperium"), { onset: "2026-11-10" })], expect: [], reason: "A title saying puerperium ends the pregnancy, even outside the listed ranges." },
  { id: "pg-o90-puerperium", class: "pregnancy", records: [cond(code("icd10", "O90.89", "Other complications of the puerperium, not elsewhere classified"), { onset: "2026-11-10" })], expect: [], reason: "O85–O92 are the puerperium." },
  { id: "pg-o80-delivery", class: "pregnancy", records: [cond(code("icd10", "O80", "Encounter for full-term uncomplicated delivery"), { onset: "2026-11-10" })], expect: [], reason: "Delivery ends the pregnancy." },
  { id: "pg-o75-labour", class: "pregnancy", records: [cond(code("icd10", "O75.2"), { onset: "2026-11-10" })], expect: [], reason: "O60–O77 labour and delivery complications." },
  { id: "pg-o03-miscarriage", class: "pregnancy", records: [cond(code("icd10", "O03.9", "Complete or unspecified spontaneous abortion without complication"), { onset: "2026-11-01" })], expect: [], reason: "Miscarriage ends the pregnancy." },
  { id: "pg-o00-ectopic", class: "pregnancy", records: [cond(code("icd10", "O00.101", "Right tubal pregnancy without intrauterine pregnancy"), { onset: "2026-11-01" })], expect: [], reason: "Ectopic pregnancy: not a current pregnancy (ICD-10-CM)." },
  { id: "pg-snomed-tubal", class: "pregnancy", records: [cond(code("snomed", "79586000", "Tubal pregnancy"), { onset: "2026-11-01" })], expect: [], reason: "Ectopic pregnancy treated the same way in SNOMED CT." },
  { id: "pg-o96-death", class: "pregnancy", records: [cond(code("icd10", "O96.0"), { onset: "2026-11-01" })], expect: [], reason: "O94–O97 sequelae and late obstetric death." },
  { id: "pg-z3a36-dates-start", class: "pregnancy", records: [cond(code("icd10", "Z3A.36", "36 weeks gestation of pregnancy"), { onset: "2026-10-01", recorded: "2026-10-01" })], expect: [past("pregnancy", RISK)], reason: "36 weeks on 2026-10-01 means it began in January: over 42 weeks ago now." },
  { id: "pg-z3a12-current", class: "pregnancy", records: [cond(code("icd10", "Z3A.12", "12 weeks gestation of pregnancy"), { onset: "2026-11-01", recorded: "2026-11-01" })], expect: [cur("pregnancy", RISK)], reason: "12 weeks on 2026-11-01: current." },
  { id: "pg-z3a30-stale", class: "pregnancy", records: [cond(code("icd10", "Z3A.30"), { onset: "2026-03-01", recorded: "2026-03-02" })], expect: [past("pregnancy", RISK)], reason: "30 weeks in March: delivered long since." },
  { id: "pg-third-trimester-bound", class: "pregnancy", records: [cond(code("icd10", "O09.93", "Supervision of high risk pregnancy, unspecified, third trimester"), { onset: "2026-06-01" })], expect: [past("pregnancy", RISK)], reason: "Third trimester in June means at least 28 weeks then: over 42 weeks by now." },
  { id: "pg-first-trimester", class: "pregnancy", records: [cond(code("icd10", "O09.91", "Supervision of high risk pregnancy, unspecified, first trimester"), { onset: "2026-06-01" })], expect: [cur("pregnancy", RISK)], reason: "First trimester in June: can still be current." },
  { id: "pg-snomed-third-trimester", class: "pregnancy", records: [cond(code("snomed", "41587001", "Third trimester pregnancy"), { onset: "2026-07-01" })], expect: [past("pregnancy", RISK)], reason: "SNOMED CT trimester findings date the pregnancy too." },
  { id: "pg-normal-stale", class: "pregnancy", records: [cond(code("snomed", "72892002", "Normal pregnancy"), { onset: "2020-10-18" })], expect: [past("pregnancy", RISK)], reason: "Still marked active but begun years ago: stale." },
  { id: "pg-normal-current", class: "pregnancy", records: [cond(code("snomed", "72892002", "Normal pregnancy"), { onset: "2026-05-01" })], expect: [cur("pregnancy", RISK)], reason: "Begun within 42 weeks." },
  { id: "pg-normal-resolved", class: "pregnancy", records: [cond(code("snomed", "72892002"), { clinical: "resolved", onset: "2025-01-01", abatement: "2025-09-30" })], expect: [past("pregnancy", RISK)], reason: "Ended." },
  { id: "pg-no-start", class: "pregnancy", records: [cond(code("snomed", "77386006", "Pregnant"), { onset: null })], expect: [past("pregnancy", RISK)], reason: "No start date: cannot be shown as current." },
  { id: "pg-o88-in-pregnancy", class: "pregnancy", records: [cond(code("icd10", "O88.113", "Amniotic fluid embolism in pregnancy, third trimester"), { onset: "2026-11-01" })], expect: [cur("pregnancy", RISK)], reason: "An \"in pregnancy\" code inside O85–O92 is not lost." },
  { id: "pg-o60-without-delivery", class: "pregnancy", records: [cond(code("icd10", "O60.03", "Preterm labor without delivery, third trimester"), { onset: "2026-11-15" })], expect: [cur("pregnancy", RISK)], reason: "Preterm labour without delivery: still pregnant." },
  { id: "pg-o91-breast-in-pregnancy", class: "pregnancy", records: [cond(code("icd10", "O91.113", "Abscess of breast associated with pregnancy, third trimester"), { onset: "2026-11-01" })], expect: [cur("pregnancy", RISK)], reason: "Associated with pregnancy, not lactation." },
  { id: "pg-o24313", class: "pregnancy", records: [cond(code("icd10", "O24.313", "Unspecified pre-existing diabetes mellitus in pregnancy, third trimester"), { onset: "2026-10-15" })], expect: [cur("pregnancy", RISK), cur("type-2-diabetes", SOMETIMES, DIABETES_UNSTATED)], reason: "Pre-existing diabetes of unstated type: under type 2, titled so." },
  { id: "pg-o24113", class: "pregnancy", records: [cond(code("icd10", "O24.113"), { onset: "2026-10-15" })], expect: [cur("pregnancy", RISK), cur("type-2-diabetes", SOMETIMES, "Type 2 diabetes")], reason: "Pre-existing type 2 diabetes in pregnancy." },
  { id: "pg-o24012", class: "pregnancy", records: [cond(code("icd10", "O24.012"), { onset: "2026-08-15" })], expect: [cur("pregnancy", RISK), cur("type-1-diabetes", SOMETIMES)], reason: "Pre-existing type 1 diabetes in pregnancy, second trimester." },
  { id: "pg-gdm", class: "pregnancy", records: [cond(code("icd10", "O24.410", "Gestational diabetes mellitus in pregnancy, diet controlled"), { onset: "2026-10-01" })], expect: [cur("pregnancy", RISK)], reason: "Gestational diabetes counts for neither diabetes type." },
  { id: "pg-o2413-puerperium", class: "pregnancy", records: [cond(code("icd10", "O24.13", "Pre-existing type 2 diabetes mellitus, in the puerperium"), { onset: "2026-11-01" })], expect: [cur("type-2-diabetes", SOMETIMES)], reason: "Diabetes yes; the puerperium is not a pregnancy." },
  { id: "pg-text-weeks", class: "pregnancy", records: [textCond("Pregnant, 30 weeks", { onset: "2026-11-20", recorded: "2026-11-20" })], expect: [cur("pregnancy", RISK)], reason: "Free text dating: 30 weeks now." },
  { id: "pg-text-weeks-stale", class: "pregnancy", records: [textCond("Intrauterine pregnancy, 20 weeks", { onset: "2026-01-15", recorded: "2026-01-15" })], expect: [past("pregnancy", RISK)], reason: "20 weeks in January: over 42 weeks ago." },
  { id: "pg-text-postpartum", class: "pregnancy", records: [textCond("Postpartum state", { onset: "2026-11-10" })], expect: [], reason: "Postpartum: not pregnant." },
  { id: "pg-text-history-ectopic", class: "pregnancy", records: [textCond("Supervision of pregnancy with history of ectopic pregnancy", { onset: "2026-10-01" })], expect: [cur("pregnancy", RISK)], reason: "A past ectopic does not end this pregnancy." },
  { id: "pg-text-recurrent-miscarriage", class: "pregnancy", records: [textCond("High risk pregnancy due to recurrent miscarriage", { onset: "2026-10-01" })], expect: [cur("pregnancy", RISK)], reason: "Recurrent miscarriage is the risk, not this pregnancy's end." },
  { id: "pg-o9943-code-only", class: "pregnancy", records: [cond(code("icd10", "O99.43"), { onset: "2026-11-10" })], expect: [], reason: "Circulatory disease complicating the puerperium, code only." },
  { id: "pg-o9a13", class: "pregnancy", records: [cond(code("icd10", "O9A.13"), { onset: "2026-11-10" })], expect: [], reason: "Malignant neoplasm complicating the puerperium." },
  { id: "pg-o903-peripartum", class: "pregnancy", records: [cond(code("icd10", "O90.3", "Peripartum cardiomyopathy"), { onset: "2026-11-10" })], expect: [], reason: "O85–O92: the puerperium." },
  { id: "pg-z3403", class: "pregnancy", records: [cond(code("icd10", "Z34.03", "Encounter for supervision of normal first pregnancy, third trimester"), { onset: "2026-11-10" })], expect: [cur("pregnancy", RISK)], reason: "Supervision of a normal pregnancy, recent." },
  { id: "pg-icd9-v222", class: "pregnancy", records: [cond(code("icd9", "V22.2", "Pregnant state, incidental"), { onset: "2026-11-10" })], expect: [cur("pregnancy", RISK)], reason: "ICD-9-CM pregnant state." },
  { id: "pg-z3a01", class: "pregnancy", records: [cond(code("icd10", "Z3A.01"), { onset: "2026-11-25", recorded: "2026-11-25" })], expect: [cur("pregnancy", RISK)], reason: "Under 8 weeks yesterday." },
  { id: "pg-o10-htn", class: "pregnancy", records: [cond(code("icd10", "O10.013", "Pre-existing essential hypertension complicating pregnancy, third trimester"), { onset: "2026-10-15" })], expect: [cur("hypertension", SOMETIMES), cur("pregnancy", RISK)], reason: "Hypertension in pregnancy, recent third trimester." },

  // ---------------------------------------------------------------- wrong groups
  { id: "wg-femhrt", class: "wrong-groups", records: [med(code("rxnorm", "1090992", "ethinyl estradiol 0.005 MG / norethindrone acetate 1 MG Oral Tablet"))], expect: [], reason: "Menopausal hormone therapy (5 micrograms), though the contraceptive value set lists it." },
  { id: "wg-femhrt-pack", class: "wrong-groups", records: [med(code("rxnorm", "1251334"))], expect: [], reason: "The 2.5-microgram pack, code only." },
  { id: "wg-jinteli-text", class: "wrong-groups", records: [textMed("Jinteli 1 mg-5 mcg tablet")], expect: [], reason: "A hormone therapy brand." },
  { id: "wg-estradiol-tablet", class: "wrong-groups", records: [textMed("estradiol 1 MG Oral Tablet")], expect: [], reason: "Estradiol (not ethinyl estradiol) is hormone therapy." },
  { id: "wg-activella", class: "wrong-groups", records: [textMed("Activella 1 mg-0.5 mg tablet (estradiol/norethindrone acetate)")], expect: [], reason: "Estradiol-based hormone therapy." },
  { id: "wg-aygestin", class: "wrong-groups", records: [med(code("rxnorm", "1000405", "norethindrone acetate 5 MG Oral Tablet"))], expect: [], reason: "Norethindrone acetate 5 mg alone treats bleeding disorders; it is not a pill for contraception." },
  { id: "wg-yaz", class: "wrong-groups", records: [med(code("rxnorm", "748856"))], expect: [cur("birth-control-pills", SOMETIMES)], reason: "Yaz is a birth control pill." },
  { id: "wg-lo-loestrin-text", class: "wrong-groups", records: [textMed("Lo Loestrin Fe")], expect: [cur("birth-control-pills", SOMETIMES)], reason: "Brand pill by name, no form words needed." },
  { id: "wg-natazia", class: "wrong-groups", records: [med(code("rxnorm", "978950"))], expect: [cur("birth-control-pills", SOMETIMES)], reason: "Estradiol valerate with dienogest is a pill (Natazia)." },
  { id: "wg-mirena-text", class: "wrong-groups", records: [textMed("Mirena 52 mg IUD")], expect: [], reason: "An IUD is not a pill." },
  { id: "wg-f10920", class: "wrong-groups", records: [cond(code("icd10", "F10.920", "Alcohol use, unspecified with intoxication, uncomplicated"))], expect: [], reason: "Intoxication without a use disorder." },
  { id: "wg-f1099", class: "wrong-groups", records: [cond(code("icd10", "F10.99"))], expect: [], reason: "Alcohol use, unspecified, with an unspecified alcohol-induced disorder." },
  { id: "wg-f10129", class: "wrong-groups", records: [cond(code("icd10", "F10.129", "Alcohol abuse with intoxication, unspecified"))], expect: [cur("alcohol-use-disorder", SOMETIMES)], reason: "Abuse is a use disorder, with or without intoxication." },
  { id: "wg-f1020", class: "wrong-groups", records: [cond(code("icd10", "F10.20"))], expect: [cur("alcohol-use-disorder", SOMETIMES)], reason: "Dependence." },
  { id: "wg-snomed-intoxication-delirium", class: "wrong-groups", records: [cond(code("snomed", "18653004", "Alcohol intoxication delirium"))], expect: [], reason: "Intoxication, no use disorder stated." },
  { id: "wg-snomed-alcohol-induced", class: "wrong-groups", records: [cond(code("snomed", "41083005", "Sleep disorder caused by ingestible alcohol"))], expect: [], reason: "An alcohol-induced problem without abuse or dependence." },
  { id: "wg-alcohol-intoxication-text", class: "wrong-groups", records: [textCond("Alcohol intoxication")], expect: [], reason: "Intoxication alone." },
  { id: "wg-timolol-eye-code", class: "wrong-groups", records: [med(code("rxnorm", "10600"), { text: "timolol maleate 0.5 % Ophthalmic Solution" })], expect: [], reason: "Eye drops are not a blood pressure medicine." },
  { id: "wg-timolol-ingredient-only", class: "wrong-groups", records: [med(code("rxnorm", "10600", "timolol"))], expect: [], reason: "Coded by ingredient only: the form cannot be trusted." },
  { id: "wg-timolol-tablet-text", class: "wrong-groups", records: [textMed("Timolol 10 mg tablet")], expect: [cur("blood-pressure-medicines", SOMETIMES)], reason: "Oral timolol is a beta blocker for blood pressure." },
  { id: "wg-cosopt", class: "wrong-groups", records: [textMed("Dorzolamide-timolol (Cosopt) 1 drop both eyes twice daily")], expect: [], reason: "Eye drops: neither a diuretic nor a BP medicine." },
  { id: "wg-minoxidil-topical", class: "wrong-groups", records: [textMed("Minoxidil 5% topical foam")], expect: [], reason: "Topical minoxidil is for hair." },
  { id: "wg-minoxidil-ingredient-only", class: "wrong-groups", records: [med(code("rxnorm", "6984", "minoxidil"))], expect: [], reason: "Ingredient only: most minoxidil is topical." },
  { id: "wg-minoxidil-oral", class: "wrong-groups", records: [med(code("rxnorm", "197986", "minoxidil 10 MG Oral Tablet"))], expect: [cur("blood-pressure-medicines", SOMETIMES)], reason: "Oral minoxidil is a direct vasodilator for blood pressure." },
  { id: "wg-premarin", class: "wrong-groups", records: [textMed("Premarin 0.625 mg tablet")], expect: [], reason: "Conjugated estrogens: hormone therapy." },
  { id: "wg-depo-provera", class: "wrong-groups", records: [textMed("Depo-Provera 150 mg/mL injection")], expect: [], reason: "An injection is other hormonal contraception, not a pill." },
  { id: "wg-betoptic", class: "wrong-groups", records: [textMed("Betoptic S 0.25% eye drops")], expect: [], reason: "Betaxolol eye drops." },
  { id: "wg-spironolactone-cream", class: "wrong-groups", records: [textMed("Spironolactone 5% cream")], expect: [], reason: "Topical spironolactone is not a diuretic." },
  { id: "wg-tamsulosin", class: "wrong-groups", records: [textMed("Tamsulosin 0.4 mg capsule")], expect: [], reason: "A prostate alpha blocker, not a BP medicine." },
  { id: "wg-acetazolamide-oral", class: "wrong-groups", records: [med(code("rxnorm", "167", "acetazolamide"), { text: "Acetazolamide 250 mg tablet" })], expect: [cur("diuretics", POSSIBLE)], reason: "Systemic carbonic anhydrase inhibitor: a diuretic." },

  // ---------------------------------------------------------------- gaps
  { id: "gp-i7092", class: "gaps", records: [cond(code("icd10", "I70.92", "Chronic total occlusion of artery of the extremities"))], expect: [cur("peripheral-artery-disease", KNOWN)], reason: "Chronic total occlusion of a limb artery." },
  { id: "gp-i743", class: "gaps", records: [cond(code("icd10", "I74.3"))], expect: [cur("peripheral-artery-disease", KNOWN)], reason: "Embolism and thrombosis of leg arteries." },
  { id: "gp-i742-arm", class: "gaps", records: [cond(code("icd10", "I74.2", "Embolism and thrombosis of arteries of the upper extremities"))], expect: [], reason: "Arm arteries: not blood flow to the legs." },
  { id: "gp-i731", class: "gaps", records: [cond(code("icd10", "I73.1", "Thromboangiitis obliterans [Buerger's disease]"))], expect: [cur("peripheral-artery-disease", KNOWN)], reason: "Buerger's disease." },
  { id: "gp-z95820", class: "gaps", records: [cond(code("icd10", "Z95.820", "Peripheral vascular angioplasty status with implants and grafts"))], expect: [cur("peripheral-artery-disease", KNOWN)], reason: "Angioplasty status of limb arteries implies PAD." },
  { id: "gp-z9862", class: "gaps", records: [cond(code("icd10", "Z98.62"))], expect: [cur("peripheral-artery-disease", KNOWN)], reason: "Peripheral angioplasty status." },
  { id: "gp-snomed-paod", class: "gaps", records: [cond(code("snomed", "399957001", "Peripheral arterial occlusive disease"))], expect: [cur("peripheral-artery-disease", KNOWN)], reason: "The SNOMED CT peripheral arterial occlusive disease concept." },
  { id: "gp-buerger-text", class: "gaps", records: [textCond("Buerger's disease")], expect: [cur("peripheral-artery-disease", KNOWN)], reason: "By name." },
  { id: "gp-fempop-text", class: "gaps", records: [textCond("S/p fem-pop bypass")], expect: [cur("peripheral-artery-disease", KNOWN)], reason: "Status post bypass: the PAD it treated does not end, so a current known cause." },
  { id: "gp-icd9-4439", class: "gaps", records: [cond(code("icd9", "443.9", "Peripheral vascular disease, unspecified"))], expect: [cur("peripheral-artery-disease", KNOWN)], reason: "ICD-9-CM PVD." },
  { id: "gp-icd9-44021", class: "gaps", records: [cond(code("icd9", "440.21"))], expect: [cur("peripheral-artery-disease", KNOWN)], reason: "ICD-9-CM atherosclerosis of leg arteries with claudication." },
  { id: "gp-icd9-2449", class: "gaps", records: [cond(code("icd9", "244.9", "Unspecified acquired hypothyroidism"))], expect: [cur("hypothyroidism", SOMETIMES)], reason: "ICD-9-CM hypothyroidism." },
  { id: "gp-icd9-24200", class: "gaps", records: [cond(code("icd9", "242.00"))], expect: [cur("hyperthyroidism", SOMETIMES)], reason: "ICD-9-CM toxic diffuse goiter." },
  { id: "gp-icd9-2859", class: "gaps", records: [cond(code("icd9", "285.9", "Anemia, unspecified"))], expect: [cur("anemia", SOMETIMES)], reason: "ICD-9-CM anemia." },
  { id: "gp-icd9-2825-trait", class: "gaps", records: [cond(code("icd9", "282.5", "Sickle-cell trait"))], expect: [], reason: "A carrier state, not anemia." },
  { id: "gp-icd9-2512", class: "gaps", records: [cond(code("icd9", "251.2"))], expect: [cur("hypoglycemia", SOMETIMES)], reason: "ICD-9-CM hypoglycemia." },
  { id: "gp-icd9-27651", class: "gaps", records: [cond(code("icd9", "276.51", "Dehydration"))], expect: [cur("dehydration", SOMETIMES)], reason: "ICD-9-CM dehydration." },
  { id: "gp-icd9-3320", class: "gaps", records: [cond(code("icd9", "332.0", "Paralysis agitans"))], expect: [cur("parkinsons-disease", SOMETIMES)], reason: "ICD-9-CM Parkinson's disease." },
  { id: "gp-icd9-3321", class: "gaps", records: [cond(code("icd9", "332.1", "Secondary parkinsonism"))], expect: [], reason: "Secondary parkinsonism is not Parkinson's disease: not in the list, and its words do not name Parkinson's disease." },
  { id: "gp-icd9-3572", class: "gaps", records: [cond(code("icd9", "357.2", "Polyneuropathy in diabetes"))], expect: [cur("diabetic-neuropathy", KNOWN), cur("peripheral-neuropathy", SOMETIMES)], reason: "Diabetic polyneuropathy." },
  { id: "gp-icd9-72402", class: "gaps", records: [cond(code("icd9", "724.02", "Spinal stenosis, lumbar region"))], expect: [cur("spinal-stenosis", SOMETIMES)], reason: "ICD-9-CM lumbar stenosis." },
  { id: "gp-icd9-33394", class: "gaps", records: [cond(code("icd9", "333.94", "Restless legs syndrome (RLS)"))], expect: [cur("restless-legs-syndrome", DIFF)], reason: "ICD-9-CM RLS." },
  { id: "gp-icd9-25541", class: "gaps", records: [cond(code("icd9", "255.41", "Glucocorticoid deficiency"))], expect: [cur("adrenal-insufficiency", SOMETIMES)], reason: "ICD-9-CM corticoadrenal insufficiency." },
  { id: "gp-icd9-5715", class: "gaps", records: [cond(code("icd9", "571.5"))], expect: [cur("cirrhosis", SOMETIMES)], reason: "ICD-9-CM cirrhosis without alcohol." },
  { id: "gp-icd9-25000", class: "gaps", records: [cond(code("icd9", "250.00", "Diabetes mellitus without mention of complication, type II or unspecified type"))], expect: [cur("type-2-diabetes", SOMETIMES, DIABETES_UNSTATED)], reason: "ICD-9-CM cannot tell type 2 from unspecified: titled so." },
  { id: "gp-icd9-25001", class: "gaps", records: [cond(code("icd9", "250.01"))], expect: [cur("type-1-diabetes", SOMETIMES)], reason: "ICD-9-CM fifth digit 1 is type I." },
  { id: "gp-icd9-4011", class: "gaps", records: [cond(code("icd9", "401.9", "Unspecified essential hypertension"))], expect: [cur("hypertension", SOMETIMES)], reason: "ICD-9-CM hypertension." },
  { id: "gp-eplerenone-in", class: "gaps", records: [med(code("rxnorm", "298869"))], expect: [cur("diuretics", POSSIBLE)], reason: "Eplerenone ingredient code." },
  { id: "gp-inspra", class: "gaps", records: [med(code("rxnorm", "402105", "eplerenone 50 MG Oral Tablet [Inspra]"))], expect: [cur("diuretics", POSSIBLE)], reason: "Inspra product code." },
  { id: "gp-amiloride-text", class: "gaps", records: [textMed("Amiloride 5 mg tablet")], expect: [cur("diuretics", POSSIBLE)], reason: "Amiloride by name." },
  { id: "gp-guanfacine", class: "gaps", records: [med(code("rxnorm", "862010"))], expect: [cur("blood-pressure-medicines", SOMETIMES)], reason: "Guanfacine product code." },
  { id: "gp-nicardipine-text", class: "gaps", records: [textMed("Nicardipine 20 mg capsule")], expect: [cur("blood-pressure-medicines", SOMETIMES)], reason: "Nicardipine by name." },
  { id: "gp-isradipine", class: "gaps", records: [med(code("rxnorm", "197848"))], expect: [cur("blood-pressure-medicines", SOMETIMES)], reason: "Isradipine product code." },
  { id: "gp-repatha", class: "gaps", records: [med(code("rxnorm", "1665895"))], expect: [cur("cholesterol-medicines", SOMETIMES)], reason: "Evolocumab (PCSK9) product code." },
  { id: "gp-praluent-text", class: "gaps", records: [textMed("Praluent 75 mg/mL pen injector")], expect: [cur("cholesterol-medicines", SOMETIMES)], reason: "Alirocumab brand by name: an injection is still a cholesterol medicine." },
  { id: "gp-ezetimibe", class: "gaps", records: [med(code("rxnorm", "349556"))], expect: [cur("cholesterol-medicines", SOMETIMES)], reason: "Ezetimibe alone." },
  { id: "gp-fenofibrate-text", class: "gaps", records: [textMed("Fenofibrate 145 mg tablet")], expect: [cur("cholesterol-medicines", SOMETIMES)], reason: "A fibrate." },
  { id: "gp-welchol", class: "gaps", records: [textMed("Welchol 625 mg tablet")], expect: [cur("cholesterol-medicines", SOMETIMES)], reason: "A bile-acid sequestrant by brand." },
  { id: "gp-nexletol", class: "gaps", records: [textMed("Nexletol 180 mg tablet")], expect: [cur("cholesterol-medicines", SOMETIMES)], reason: "Bempedoic acid by brand." },
  { id: "gp-norvasc", class: "gaps", records: [textMed("Norvasc 5 mg")], expect: [cur("blood-pressure-medicines", SOMETIMES)], reason: "Amlodipine by brand." },
  { id: "gp-zestril", class: "gaps", records: [textMed("Zestril 10 mg")], expect: [cur("blood-pressure-medicines", SOMETIMES)], reason: "Lisinopril by brand." },
  { id: "gp-lipitor", class: "gaps", records: [textMed("Lipitor 20mg")], expect: [cur("cholesterol-medicines", SOMETIMES)], reason: "Atorvastatin by brand." },
  { id: "gp-zetia", class: "gaps", records: [textMed("Zetia")], expect: [cur("cholesterol-medicines", SOMETIMES)], reason: "Ezetimibe by brand." },
  { id: "gp-entresto", class: "gaps", records: [textMed("Entresto 24-26 mg tablet")], expect: [cur("blood-pressure-medicines", SOMETIMES)], reason: "Sacubitril/valsartan by brand." },
  { id: "gp-caduet", class: "gaps", records: [textMed("Caduet 5-10 mg (amlodipine and atorvastatin)")], expect: [cur("blood-pressure-medicines", SOMETIMES), cur("cholesterol-medicines", SOMETIMES)], reason: "A combination supports both." },
  { id: "gp-maxzide", class: "gaps", records: [textMed("Maxzide 37.5-25")], expect: [cur("diuretics", POSSIBLE), cur("blood-pressure-medicines", SOMETIMES)], reason: "Triamterene/HCTZ by brand: thiazide is both." },

  // ---------------------------------------------------------------- record semantics
  { id: "rs-proposal", class: "record-semantics", records: [med(code("rxnorm", "314076", "lisinopril 10 MG Oral Tablet"), { intent: "proposal" })], expect: [past("blood-pressure-medicines", SOMETIMES)], reason: "A proposal is not an order: not current." },
  { id: "rs-option", class: "record-semantics", records: [med(code("rxnorm", "314076"), { intent: "option" })], expect: [past("blood-pressure-medicines", SOMETIMES)], reason: "An option is not an order." },
  { id: "rs-plan", class: "record-semantics", records: [med(code("rxnorm", "314076"), { intent: "plan" })], expect: [cur("blood-pressure-medicines", SOMETIMES)], reason: "Plan = the patient's medication list in C-CDA on FHIR / Oracle Health: current." },
  { id: "rs-statement-ended", class: "record-semantics", records: [med(code("rxnorm", "314076"), { kind: "statement", periodStart: "2015-01-01", periodEnd: "2016-06-30" })], expect: [past("blood-pressure-medicines", SOMETIMES)], reason: "Active statement whose period ended years ago." },
  { id: "rs-statement-ended-month", class: "record-semantics", records: [med(code("rxnorm", "197361", "amlodipine 5 MG Oral Tablet"), { kind: "statement", periodStart: "2026-01-01", periodEnd: "2026-10" })], expect: [past("blood-pressure-medicines", SOMETIMES)], reason: "Ended last month." },
  { id: "rs-statement-future-end", class: "record-semantics", records: [med(code("rxnorm", "314076"), { kind: "statement", periodStart: "2026-01-01", periodEnd: "2027-01-01" })], expect: [cur("blood-pressure-medicines", SOMETIMES)], reason: "Period still running." },
  { id: "rs-statement-open", class: "record-semantics", records: [med(code("rxnorm", "310798", "Hydrochlorothiazide 25 MG Oral Tablet"), { kind: "statement", periodStart: "2020-01-01" })], expect: [cur("diuretics", POSSIBLE), cur("blood-pressure-medicines", SOMETIMES)], reason: "Open period, active." },
  { id: "rs-proc-in-progress-stale", class: "record-semantics", records: [proc(code("snomed", "265764009"), "in-progress", { periodStart: "2021-04-01" })], expect: [past("dialysis", SOMETIMES)], reason: "In progress for years: a stale record." },
  { id: "rs-proc-in-progress-recent", class: "record-semantics", records: [proc(code("snomed", "265764009"), "in-progress", { periodStart: "2026-11-10" })], expect: [cur("dialysis", KNOWN)], reason: "Started within 90 days." },
  { id: "rs-proc-in-progress-undated", class: "record-semantics", records: [proc(code("cpt", "90935"), "in-progress")], expect: [past("dialysis", SOMETIMES)], reason: "No date: status unknown, not current." },
  { id: "rs-proc-in-progress-ended", class: "record-semantics", records: [proc(code("snomed", "302497006"), "in-progress", { periodStart: "2026-10-01", periodEnd: "2026-10-02" })], expect: [past("dialysis", SOMETIMES)], reason: "Its period ended." },
  { id: "rs-med-stopped", class: "record-semantics", records: [med(code("rxnorm", "314231", "Simvastatin 10 MG Oral Tablet"), { status: "stopped" })], expect: [past("cholesterol-medicines", SOMETIMES)], reason: "Stopped." },
  { id: "rs-med-cancelled", class: "record-semantics", records: [med(code("rxnorm", "314231"), { status: "cancelled" })], expect: [], reason: "Cancelled orders are ignored." },
  { id: "rs-statement-not-taken", class: "record-semantics", records: [med(code("rxnorm", "314231"), { kind: "statement", status: "not-taken" })], expect: [], reason: "Not taken." },
  { id: "rs-med-on-hold", class: "record-semantics", records: [med(code("rxnorm", "313988", "Furosemide 40 MG Oral Tablet"), { status: "on-hold" })], expect: [cur("diuretics", POSSIBLE)], reason: "On hold counts as current (panel contract)." },
  { id: "rs-med-draft", class: "record-semantics", records: [med(code("rxnorm", "313988"), { status: "draft" })], expect: [past("diuretics", POSSIBLE)], reason: "A draft is not started." },
  { id: "rs-do-not-perform", class: "record-semantics", records: [med(code("rxnorm", "313988"), { doNotPerform: true })], expect: [], reason: "An instruction not to give it." },
  { id: "rs-cond-entered-in-error", class: "record-semantics", records: [cond(code("icd10", "I10"), { verification: "entered-in-error" })], expect: [], reason: "Entered in error." },
  { id: "rs-cond-refuted", class: "record-semantics", records: [cond(code("icd10", "E03.9"), { verification: "refuted" })], expect: [], reason: "Refuted." },
  { id: "rs-cond-inactive", class: "record-semantics", records: [cond(code("icd10", "E86.0"), { clinical: "inactive" })], expect: [past("dehydration", SOMETIMES)], reason: "Inactive." },
  { id: "rs-cond-remission", class: "record-semantics", records: [cond(code("icd10", "F10.20"), { clinical: "remission" })], expect: [past("alcohol-use-disorder", SOMETIMES)], reason: "Clinical status remission." },
  { id: "rs-cond-recurrence", class: "record-semantics", records: [cond(code("icd10", "E16.2"), { clinical: "recurrence" })], expect: [cur("hypoglycemia", SOMETIMES)], reason: "Recurrence is current." },
  { id: "rs-f1021-code", class: "record-semantics", records: [cond(code("icd10", "F10.21", "Alcohol dependence, in remission"))], expect: [past("alcohol-use-disorder", SOMETIMES)], reason: "The code itself says in remission." },
  { id: "rs-statement-completed", class: "record-semantics", records: [med(code("rxnorm", "314076"), { kind: "statement", status: "completed" })], expect: [past("blood-pressure-medicines", SOMETIMES)], reason: "Completed." },
  { id: "rs-procedure-local-text", class: "record-semantics", records: [proc(code("epic", "P1", "Hemodialysis session"), "completed", { performed: "2026-11-20" })], expect: [cur("dialysis", KNOWN)], reason: "A local procedure code read by its words." },
  { id: "rs-procedure-access-only", class: "record-semantics", records: [proc(code("epic", "P2", "Creation of AV fistula for dialysis access"), "completed", { performed: "2026-11-20" })], expect: [], reason: "Access surgery is not dialysis." },
  { id: "rs-dose-text", class: "record-semantics", records: [med(code("rxnorm", "314076"), { doseText: "1 tablet by mouth daily" })], expect: [cur("blood-pressure-medicines", SOMETIMES)], reason: "A dose does not change the finding (it is shown with the evidence)." },

  // ---------------------------------------------------------------- coverage: every cause, statuses, EHR shapes
  { id: "cv-older-age", class: "coverage", patient: { birthDate: "1950-04-10" }, records: [], expect: [cur("older-age", RISK)], reason: "76 today: older age raises the risk." },
  { id: "cv-younger", class: "coverage", patient: { birthDate: "1990-04-10" }, records: [], expect: [], reason: "36 today: nothing." },
  { id: "cv-akf", class: "coverage", records: [cond(code("icd10", "N17.9", "Acute kidney failure, unspecified"))], expect: [cur("acute-kidney-failure", KNOWN)], reason: "Acute kidney failure is a known cause." },
  { id: "cv-akf-resolved", class: "coverage", records: [cond(code("snomed", "14669001"), { clinical: "resolved" })], expect: [past("acute-kidney-failure", KNOWN)], reason: "Past AKI keeps the source's strength for the item; it is just not current." },
  { id: "cv-injury-of-kidney", class: "coverage", records: [cond(code("snomed", "40095003", "Injury of kidney"))], expect: [], reason: "An injury, not kidney failure." },
  { id: "cv-ckd1", class: "coverage", records: [cond(code("snomed", "431855005", "Chronic kidney disease stage 1"))], expect: [cur("chronic-kidney-disease", SOMETIMES)], reason: "CKD short of failure: sometimes linked." },
  { id: "cv-dn", class: "coverage", records: [cond(code("icd10", "E11.42", "Type 2 diabetes mellitus with diabetic polyneuropathy"))], expect: [cur("type-2-diabetes", SOMETIMES), cur("diabetic-neuropathy", KNOWN), cur("peripheral-neuropathy", SOMETIMES)], reason: "One record, three causes." },
  { id: "cv-dn-unstated-snomed", class: "coverage", records: [cond(code("snomed", "230572002", "Neuropathy due to diabetes mellitus"))], expect: [cur("diabetic-neuropathy", KNOWN), cur("type-2-diabetes", SOMETIMES, DIABETES_UNSTATED)], reason: "Diabetic neuropathy, diabetes type not recorded." },
  { id: "cv-pad-e1151", class: "coverage", records: [cond(code("icd10", "E11.51"))], expect: [cur("type-2-diabetes", SOMETIMES), cur("peripheral-artery-disease", KNOWN)], reason: "Type 2 diabetes with peripheral angiopathy." },
  { id: "cv-heart-failure", class: "coverage", records: [cond(code("icd10", "I50.9", "Heart failure, unspecified"))], expect: [], reason: "Heart failure is not PAD." },
  { id: "cv-adrenal", class: "coverage", records: [cond(code("icd10", "E27.1", "Primary adrenocortical insufficiency"))], expect: [cur("adrenal-insufficiency", SOMETIMES)], reason: "Addison's disease." },
  { id: "cv-alcoholism", class: "coverage", records: [cond(code("snomed", "7200002", "Alcoholism"))], expect: [cur("alcohol-use-disorder", SOMETIMES)], reason: "Synthea's alcoholism code." },
  { id: "cv-anemia", class: "coverage", records: [cond(code("icd10", "D64.9", "Anemia, unspecified"))], expect: [cur("anemia", SOMETIMES)], reason: "Anemia." },
  { id: "cv-cirrhosis", class: "coverage", records: [cond(code("icd10", "K74.60", "Unspecified cirrhosis of liver"))], expect: [cur("cirrhosis", SOMETIMES)], reason: "Cirrhosis." },
  { id: "cv-liver-fibrosis", class: "coverage", records: [cond(code("snomed", "62484002", "Hepatic fibrosis"))], expect: [], reason: "Fibrosis without cirrhosis." },
  { id: "cv-dehydration", class: "coverage", records: [cond(code("icd10", "E86.0", "Dehydration"))], expect: [cur("dehydration", SOMETIMES)], reason: "Dehydration." },
  { id: "cv-dialysis-snomed-proc", class: "coverage", records: [proc(code("snomed", "265764009", "Renal dialysis (procedure)"), "completed", { performed: "2026-11-24" })], expect: [cur("dialysis", KNOWN)], reason: "Synthea's dialysis procedure, this week." },
  { id: "cv-htn", class: "coverage", records: [cond(code("snomed", "59621000", "Essential hypertension (disorder)"))], expect: [cur("hypertension", SOMETIMES)], reason: "Hypertension." },
  { id: "cv-pulm-htn", class: "coverage", records: [cond(code("icd10", "I27.20", "Pulmonary hypertension, unspecified"))], expect: [], reason: "Pulmonary hypertension is not high blood pressure." },
  { id: "cv-hyperthyroid", class: "coverage", records: [cond(code("icd10", "E05.90", "Thyrotoxicosis, unspecified without thyrotoxic crisis or storm"))], expect: [cur("hyperthyroidism", SOMETIMES)], reason: "Overactive thyroid." },
  { id: "cv-borderline-thyrotoxicosis", class: "coverage", records: [cond(code("snomed", "237503005", "Borderline thyrotoxicosis"))], expect: [], reason: "Borderline: a precursor." },
  { id: "cv-hypoglycemia", class: "coverage", records: [cond(code("icd10", "E16.2", "Hypoglycemia, unspecified"))], expect: [cur("hypoglycemia", SOMETIMES)], reason: "Hypoglycemia." },
  { id: "cv-hyperglycemia", class: "coverage", records: [cond(code("snomed", "80394007", "Hyperglycemia"))], expect: [], reason: "Hyperglycemia is neither hypoglycemia nor diabetes." },
  { id: "cv-hypothyroid", class: "coverage", records: [cond(code("snomed", "83664006", "Idiopathic atrophic hypothyroidism"))], expect: [cur("hypothyroidism", SOMETIMES)], reason: "Hypothyroidism." },
  { id: "cv-inactivity", class: "coverage", records: [cond(code("icd10", "Z72.3", "Lack of physical exercise"))], expect: [cur("physical-inactivity", SOMETIMES)], reason: "Lack of physical activity." },
  { id: "cv-obesity", class: "coverage", records: [cond(code("snomed", "162864005", "Body mass index 30+ - obesity"))], expect: [], reason: "Obesity is not lack of activity." },
  { id: "cv-muscle-fatigue", class: "coverage", records: [cond(code("snomed", "80449002", "Muscle fatigue"))], expect: [cur("muscle-fatigue", SOMETIMES)], reason: "Muscle fatigue." },
  { id: "cv-general-fatigue", class: "coverage", records: [cond(code("snomed", "84229001", "Fatigue"))], expect: [], reason: "General tiredness is not muscle fatigue." },
  { id: "cv-parkinson", class: "coverage", records: [cond(code("icd10", "G20", "Parkinson's disease"))], expect: [cur("parkinsons-disease", SOMETIMES)], reason: "Parkinson's disease." },
  { id: "cv-pn", class: "coverage", records: [cond(code("icd10", "G62.9", "Polyneuropathy, unspecified"))], expect: [cur("peripheral-neuropathy", SOMETIMES)], reason: "Peripheral neuropathy." },
  { id: "cv-stenosis", class: "coverage", records: [cond(code("icd10", "M48.062", "Spinal stenosis, lumbar region with neurogenic claudication"))], expect: [cur("spinal-stenosis", SOMETIMES)], reason: "Lumbar stenosis with neurogenic claudication: spinal stenosis, not PAD." },
  { id: "cv-cord-lesion", class: "coverage", records: [cond(code("snomed", "698754002", "Chronic paralysis due to lesion of spinal cord"))], expect: [], reason: "A cord lesion is not stenosis." },
  { id: "cv-t1dm", class: "coverage", records: [cond(code("icd10", "E10.9", "Type 1 diabetes mellitus without complications"))], expect: [cur("type-1-diabetes", SOMETIMES)], reason: "Type 1 diabetes." },
  { id: "cv-t2dm-snomed", class: "coverage", records: [cond(code("snomed", "44054006", "Diabetes mellitus type 2"))], expect: [cur("type-2-diabetes", SOMETIMES, "Type 2 diabetes")], reason: "Type 2 diabetes." },
  { id: "cv-e13", class: "coverage", records: [cond(code("icd10", "E13.9", "Other specified diabetes mellitus without complications"))], expect: [], reason: "Other specified diabetes counts for neither type." },
  { id: "cv-prediabetes-code", class: "coverage", records: [cond(code("snomed", "714628002", "Prediabetes"))], expect: [], reason: "Prediabetes is not diabetes." },
  { id: "cv-rls", class: "coverage", records: [cond(code("icd10", "G25.81", "Restless legs syndrome"))], expect: [cur("restless-legs-syndrome", DIFF)], reason: "Differential." },
  { id: "cv-loop", class: "coverage", records: [med(code("rxnorm", "313988", "Furosemide 40 MG Oral Tablet"))], expect: [cur("diuretics", POSSIBLE)], reason: "A loop diuretic: possible link." },
  { id: "cv-hctz", class: "coverage", records: [med(code("rxnorm", "310798", "Hydrochlorothiazide 25 MG Oral Tablet"))], expect: [cur("diuretics", POSSIBLE), cur("blood-pressure-medicines", SOMETIMES)], reason: "A thiazide is both." },
  { id: "cv-statin", class: "coverage", records: [med(code("rxnorm", "259255", "atorvastatin 80 MG Oral Tablet"))], expect: [cur("cholesterol-medicines", SOMETIMES)], reason: "A statin." },
  { id: "cv-bcp-pack", class: "coverage", records: [med(code("rxnorm", "748962", "{28 (norethindrone 0.35 MG Oral Tablet) } Pack [Camila 28 Day]"))], expect: [cur("birth-control-pills", SOMETIMES)], reason: "A progestin-only pill pack." },
  { id: "cv-nitrate-digoxin", class: "coverage", records: [textMed("Nitroglycerin 0.4 mg sublingual tablet"), textMed("Digoxin 0.125 mg tablet")], expect: [], reason: "Nitrates and digoxin are neither." },
  { id: "cv-epic-dual-coding", class: "coverage", records: [cond([code("epic", "1234567", "Essential hypertension"), code("icd10", "I10", "Essential (primary) hypertension")], { category: "problem-list-item" })], expect: [cur("hypertension", SOMETIMES)], reason: "Epic problem list: local code plus ICD-10-CM." },
  { id: "cv-oracle-dual-coding", class: "coverage", records: [cond([code("cerner", "9876543", "Chronic kidney disease stage 3"), code("snomed", "433144002")])], expect: [cur("chronic-kidney-disease", SOMETIMES)], reason: "Oracle Health nomenclature plus SNOMED CT." },
  { id: "cv-icd10-only-encounter", class: "coverage", records: [cond(code("icd10", "E03.9"), { clinical: null, category: "encounter-diagnosis", onset: "2023-06-01" })], expect: [past("hypothyroidism", SOMETIMES)], reason: "An encounter diagnosis with no clinical status, from a visit over 12 months ago, is not current." },
  { id: "cv-local-unknown-text", class: "coverage", records: [textCond("Sprain of ankle")], expect: [], reason: "Nothing related." },
  { id: "cv-mixed-profile", class: "coverage", patient: { birthDate: "1948-09-09" }, records: [cond(code("icd10", "I10")), cond(code("icd10", "N18.4")), med(code("rxnorm", "314076")), med(code("rxnorm", "313988"), { status: "stopped" })], expect: [cur("older-age", RISK), cur("hypertension", SOMETIMES), cur("chronic-kidney-disease", SOMETIMES), cur("blood-pressure-medicines", SOMETIMES), past("diuretics", POSSIBLE)], reason: "A typical older patient: current and past findings together." },
  ...VOCABULARY_CORPUS,
  ...CORPUS_SEMANTICS,
  ...CONDITION_VOCABULARY_CORPUS,
  ...CORPUS_CHARTS,
];
