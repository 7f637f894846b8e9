/**
 * Record semantics, round three (issues 19 and 20; knowledge-source.md's paragraphs on a coded record's own
 * text, "history of" on chronic and ending conditions, acute states going stale, conditions with no clinical
 * status, and medicines the patient takes at home). Part of CORPUS (corpus.ts), same clock (CORPUS_NOW,
 * 2026-11-26): most rows failed before these rules; the rest pin the other side of each rule.
 */
import type { CauseId, Strength } from "../../src/engine/types";
import type { CorpusCase, ExpectedFinding } from "./corpus";
import { code, cond, med, textCond } from "./records";

const KNOWN = "known-cause" as const;
const RISK = "raises-risk" as const;
const POSSIBLE = "possible" as const;
const SOMETIMES = "sometimes-linked" as const;

const cur = (cause: CauseId, strength: Strength): ExpectedFinding => ({ cause, current: true, strength });
const past = (cause: CauseId, strength: Strength): ExpectedFinding => ({ cause, current: false, strength });

const ED = "encounter-diagnosis" as const;
const PL = "problem-list-item" as const;

export const CORPUS_SEMANTICS: CorpusCase[] = [
  // ---------------------------------------------------------------- a coded record's own text, read whole
  { id: "rt-n186-sp-transplant", class: "record-text", records: [cond(code("icd10", "N18.6", "End stage renal disease"), { text: "ESRD s/p kidney transplant" })], expect: [past("chronic-kidney-disease", SOMETIMES)], reason: "The code says end-stage kidney disease, the record's own words say a transplant ended it: past, not a known cause today." },
  { id: "rt-snomed-esrd-status-post", class: "record-text", records: [cond(code("snomed", "46177005", "End-stage renal disease"), { text: "End-stage renal disease, status post renal transplant 2015" })], expect: [past("chronic-kidney-disease", SOMETIMES)], reason: "Same, written out, after a comma." },
  { id: "rt-z992-sp-transplant", class: "record-text", records: [cond(code("icd10", "Z99.2", "Dependence on renal dialysis"), { text: "Dialysis dependence - s/p kidney transplant" })], expect: [past("dialysis", SOMETIMES)], reason: "A kidney transplant ends dialysis too." },
  { id: "rt-n186-failed-transplant", class: "record-text", records: [cond(code("icd10", "N18.6"), { text: "ESRD due to failed kidney transplant, on hemodialysis" })], expect: [cur("chronic-kidney-disease", KNOWN)], reason: "A failed transplant ends nothing: kidney failure is current." },
  { id: "rt-n186-awaiting-transplant", class: "record-text", records: [cond(code("icd10", "N18.6"), { text: "ESRD awaiting kidney transplant" })], expect: [cur("chronic-kidney-disease", KNOWN)], reason: "Awaiting a transplant is still kidney failure." },
  { id: "rt-n1830-sp-transplant", class: "record-text", records: [cond(code("icd10", "N18.30", "Chronic kidney disease, stage 3 unspecified"), { text: "CKD stage 3 s/p kidney transplant" })], expect: [cur("chronic-kidney-disease", SOMETIMES)], reason: "A transplant ends kidney failure, not chronic kidney disease: a transplanted kidney at stage 3 is current CKD." },
  { id: "rt-name-esrd-sp-transplant", class: "record-text", records: [textCond("ESRD s/p kidney transplant")], expect: [past("chronic-kidney-disease", SOMETIMES)], reason: "The same words on a record read by name." },
  { id: "rt-name-eskd-sp-ddkt", class: "record-text", records: [textCond("ESKD s/p DDKT 2019")], expect: [past("chronic-kidney-disease", SOMETIMES)], reason: "Deceased-donor kidney transplant, abbreviated." },
  { id: "rt-i10-resolved", class: "record-text", records: [cond(code("icd10", "I10", "Essential (primary) hypertension"), { text: "Hypertension - resolved" })], expect: [past("hypertension", SOMETIMES)], reason: "The code says hypertension, the record's own words say it resolved: past." },
  { id: "rt-i10-resolved-parenthesis", class: "record-text", records: [cond(code("icd10", "I10"), { text: "Essential hypertension (resolved)" })], expect: [past("hypertension", SOMETIMES)], reason: "Resolved, in parentheses." },
  { id: "rt-i10-resolved-unnamed", class: "record-text", records: [cond(code("icd10", "I10"), { text: "High BP - resolved" })], expect: [past("hypertension", SOMETIMES)], reason: "Words no name rule reads, closed by a status that says it ended." },
  { id: "rt-e119-remission", class: "record-text", records: [cond(code("icd10", "E11.9", "Type 2 diabetes mellitus without complications"), { text: "Type 2 diabetes mellitus - in remission" })], expect: [past("type-2-diabetes", SOMETIMES)], reason: "In remission after treatment: not current." },
  { id: "rt-f1020-remission", class: "record-text", records: [cond(code("icd10", "F10.20", "Alcohol dependence, uncomplicated"), { text: "Alcohol dependence, in remission" })], expect: [past("alcohol-use-disorder", SOMETIMES)], reason: "The code says dependence; the record says in remission." },
  { id: "rt-n179-resolved", class: "record-text", records: [cond(code("icd10", "N17.9", "Acute kidney failure, unspecified"), { text: "AKI, resolved" })], expect: [past("acute-kidney-failure", KNOWN)], reason: "Resolved acute kidney injury: past." },
  { id: "rt-i10-not-well-controlled", class: "record-text", records: [cond(code("icd10", "I10"), { text: "Not well controlled hypertension" })], expect: [cur("hypertension", SOMETIMES)], reason: "\"Not well controlled\" qualifies the control: read whole, the text affirms hypertension (its first word alone seemed a negation)." },
  { id: "rt-i10-mother", class: "record-text", records: [cond(code("icd10", "I10"), { text: "Hypertension in mother" })], expect: [], reason: "About the patient's mother, wherever the text says so." },
  { id: "rt-e119-ruled-out", class: "record-text", records: [cond(code("icd10", "E11.9"), { text: "Type 2 diabetes mellitus - ruled out" })], expect: [], reason: "Negated after the name." },
  { id: "rt-i10-screening", class: "record-text", records: [cond(code("icd10", "I10"), { text: "Hypertension screening" })], expect: [], reason: "A screening, not a diagnosis, whatever the mapped code." },
  { id: "rt-e162-suspected", class: "record-text", records: [cond(code("icd10", "E16.2", "Hypoglycemia, unspecified"), { text: "Hypoglycemia - suspected" })], expect: [], reason: "A suspicion, written after the name." },
  { id: "rt-g20-affirmed", class: "record-text", records: [cond(code("icd10", "G20", "Parkinson's disease"), { text: "Parkinson's disease, on carbidopa-levodopa" })], expect: [cur("parkinsons-disease", SOMETIMES)], reason: "Words that affirm the code change nothing." },

  // ---------------------------------------------------------------- "history of" on chronic and ending conditions
  { id: "hc-history-of-htn", class: "history-chronic", records: [textCond("History of HTN")], expect: [cur("hypertension", SOMETIMES)], reason: "Hypertension does not end: \"history of HTN\" is hypertension, active on this list." },
  { id: "hc-pmh-htn-ckd3", class: "history-chronic", records: [textCond("PMH: HTN, CKD 3")], expect: [cur("hypertension", SOMETIMES), cur("chronic-kidney-disease", SOMETIMES)], reason: "A past medical history of chronic conditions lists conditions the patient still has." },
  { id: "hc-sp-fempop", class: "history-chronic", records: [textCond("s/p fem-pop bypass")], expect: [cur("peripheral-artery-disease", KNOWN)], reason: "A bypass treats PAD; the disease remains: a current known cause." },
  { id: "hc-ho-t2dm", class: "history-chronic", records: [textCond("h/o type 2 diabetes mellitus")], expect: [cur("type-2-diabetes", SOMETIMES)], reason: "Diabetes does not end." },
  { id: "hc-history-parkinsons", class: "history-chronic", records: [textCond("History of Parkinson's disease")], expect: [cur("parkinsons-disease", SOMETIMES)], reason: "Parkinson's disease does not end." },
  { id: "hc-hx-cirrhosis", class: "history-chronic", records: [textCond("Hx of cirrhosis")], expect: [cur("cirrhosis", SOMETIMES)], reason: "Cirrhosis does not end." },
  { id: "hc-history-spinal-stenosis", class: "history-chronic", records: [textCond("History of lumbar spinal stenosis")], expect: [cur("spinal-stenosis", SOMETIMES)], reason: "Spinal stenosis does not end." },
  { id: "hc-pmh-hypothyroidism", class: "history-chronic", records: [textCond("PMH: hypothyroidism")], expect: [cur("hypothyroidism", SOMETIMES)], reason: "Hypothyroidism does not end." },
  { id: "hc-history-neuropathy", class: "history-chronic", records: [textCond("History of peripheral neuropathy")], expect: [cur("peripheral-neuropathy", SOMETIMES)], reason: "Neuropathy does not end." },
  { id: "hc-coded-hx-t2dm", class: "history-chronic", records: [cond(code("snomed", "44054006", "Diabetes mellitus type 2"), { text: "Hx of diabetes mellitus type 2" })], expect: [cur("type-2-diabetes", SOMETIMES)], reason: "A coded record worded \"Hx of\": still diabetes, the record's active status decides." },
  { id: "hc-coded-pad-sp-bypass", class: "history-chronic", records: [cond(code("icd10", "I73.9", "Peripheral vascular disease, unspecified"), { text: "PAD s/p fem-pop bypass" })], expect: [cur("peripheral-artery-disease", KNOWN)], reason: "\"s/p\" a treatment of a chronic condition: still that condition." },
  { id: "hc-history-gestational-htn", class: "history-chronic", records: [textCond("History of gestational hypertension")], expect: [], reason: "Hypertension of pregnancy ends with the pregnancy: not the chronic condition, and not a current pregnancy." },
  { id: "hc-history-htn-resolved-status", class: "history-chronic", records: [textCond("History of hypertension", { clinical: "resolved" })], expect: [past("hypertension", SOMETIMES)], reason: "The record's own status decides: resolved." },
  { id: "hc-coded-history-htn-inactive", class: "history-chronic", records: [cond(code("icd10", "I10"), { text: "History of hypertension", clinical: "inactive" })], expect: [past("hypertension", SOMETIMES)], reason: "Inactive: not current." },
  { id: "hc-pmh-htn-dehydration", class: "history-chronic", records: [textCond("PMH: hypertension, dehydration")], expect: [cur("hypertension", SOMETIMES), past("dehydration", SOMETIMES)], reason: "One history list, two kinds of condition: hypertension stays, dehydration ended." },
  { id: "hc-history-dehydration", class: "history-chronic", records: [textCond("History of dehydration")], expect: [past("dehydration", SOMETIMES)], reason: "Dehydration ends: history of it is past." },
  { id: "hc-ho-aki", class: "history-chronic", records: [textCond("h/o acute kidney injury")], expect: [past("acute-kidney-failure", KNOWN)], reason: "Acute kidney failure ends." },
  { id: "hc-pmh-hypoglycemia", class: "history-chronic", records: [textCond("PMH: hypoglycemia")], expect: [past("hypoglycemia", SOMETIMES)], reason: "Hypoglycemia ends." },
  { id: "hc-history-hyperthyroidism", class: "history-chronic", records: [textCond("History of hyperthyroidism")], expect: [past("hyperthyroidism", SOMETIMES)], reason: "Hyperthyroidism ends (treated, or burnt out)." },
  { id: "hc-hyperthyroidism-sp-rai", class: "history-chronic", records: [textCond("Hyperthyroidism s/p radioactive iodine")], expect: [past("hyperthyroidism", SOMETIMES)], reason: "\"s/p\" a treatment of a condition that ends: past." },
  { id: "hc-history-aud-remission", class: "history-chronic", records: [textCond("History of alcohol use disorder, in remission")], expect: [past("alcohol-use-disorder", SOMETIMES)], reason: "Alcohol use disorder in remission ends." },
  { id: "hc-history-hemodialysis", class: "history-chronic", records: [textCond("History of hemodialysis")], expect: [past("dialysis", SOMETIMES)], reason: "Dialysis is not among the chronic conditions that do not end: past." },

  // ---------------------------------------------------------------- acute states go stale
  { id: "as-ed-dehydration-3y", class: "acute-stale", records: [cond(code("icd10", "E86.0", "Dehydration"), { category: ED, onset: "2023-10-14", recorded: "2023-10-14" })], expect: [past("dehydration", SOMETIMES)], reason: "An emergency-department dehydration three years ago, still marked active: an acute state, not current after 90 days." },
  { id: "as-ed-dehydration-37d", class: "acute-stale", records: [cond(code("icd10", "E86.0", "Dehydration"), { category: ED, onset: "2026-10-20", recorded: "2026-10-20" })], expect: [cur("dehydration", SOMETIMES)], reason: "Five weeks ago: current." },
  { id: "as-ed-dehydration-day-90", class: "acute-stale", records: [cond(code("icd10", "E86.0"), { category: ED, onset: "2026-08-28", recorded: "2026-08-28" })], expect: [cur("dehydration", SOMETIMES)], reason: "90 days ago, to the day: still current." },
  { id: "as-ed-dehydration-day-91", class: "acute-stale", records: [cond(code("icd10", "E86.0"), { category: ED, onset: "2026-08-27", recorded: "2026-08-27" })], expect: [past("dehydration", SOMETIMES)], reason: "91 days ago: no longer current." },
  { id: "as-ed-dehydration-onset-only", class: "acute-stale", records: [cond(code("icd9", "276.51", "Dehydration"), { category: ED, onset: "2023-01-05" })], expect: [past("dehydration", SOMETIMES)], reason: "Dated by its onset alone, years ago." },
  { id: "as-ed-hypoglycemia-old", class: "acute-stale", records: [cond(code("icd10", "E16.2", "Hypoglycemia, unspecified"), { category: ED, onset: "2025-02-01", recorded: "2025-02-01" })], expect: [past("hypoglycemia", SOMETIMES)], reason: "A hypoglycemia visit almost two years ago." },
  { id: "as-ed-aki-old", class: "acute-stale", records: [cond(code("icd10", "N17.9", "Acute kidney failure, unspecified"), { category: ED, onset: "2024-03-01", recorded: "2024-03-02" })], expect: [past("acute-kidney-failure", KNOWN)], reason: "An admission for acute kidney injury in 2024: not a current known cause." },
  { id: "as-ed-aki-recent", class: "acute-stale", records: [cond(code("icd10", "N17.9"), { category: ED, onset: "2026-11-01", recorded: "2026-11-01" })], expect: [cur("acute-kidney-failure", KNOWN)], reason: "This month: current." },
  { id: "as-ed-aki-on-ckd-old", class: "acute-stale", records: [textCond("AKI on CKD stage 3", { category: ED, onset: "2024-05-01", recorded: "2024-05-01" })], expect: [past("acute-kidney-failure", KNOWN), cur("chronic-kidney-disease", SOMETIMES)], reason: "One old record, two conditions: the acute one went stale, the chronic one follows its status." },
  { id: "as-ed-dehydration-resolved-recent", class: "acute-stale", records: [cond(code("icd10", "E86.0"), { category: ED, clinical: "resolved", onset: "2026-11-01", recorded: "2026-11-01", abatement: "2026-11-03" })], expect: [past("dehydration", SOMETIMES)], reason: "The window never makes a resolved record current." },
  { id: "as-pl-dehydration-old", class: "acute-stale", records: [cond(code("icd10", "E86.0", "Dehydration"), { category: PL, onset: "2023-10-14", recorded: "2023-10-14" })], expect: [cur("dehydration", SOMETIMES)], reason: "On the problem list an acute state follows its status (the panel asks to confirm it after a year)." },
  { id: "as-ed-htn-old", class: "acute-stale", records: [cond(code("icd10", "I10"), { category: ED, onset: "2023-10-14", recorded: "2023-10-14" })], expect: [cur("hypertension", SOMETIMES)], reason: "Hypertension is not an acute state: an old active encounter diagnosis follows its status." },

  // ---------------------------------------------------------------- conditions with no clinical status
  { id: "ns-i10-recent", class: "no-status", records: [cond(code("icd10", "I10", "Essential (primary) hypertension"), { clinical: null, category: ED, onset: null, recorded: "2026-03-10" })], expect: [cur("hypertension", SOMETIMES)], reason: "Epic's encounter diagnosis without a status, from a visit this year: current, and the panel says the status is not recorded." },
  { id: "ns-snomed-primary-htn", class: "no-status", records: [cond(code("snomed", "59621000", "Essential hypertension"), { clinical: null, category: ED, text: "Primary hypertension", onset: "2026-08-14", recorded: "2026-08-14" })], expect: [cur("hypertension", SOMETIMES)], reason: "\"Primary hypertension\" as Epic sends it, three months ago." },
  { id: "ns-i10-12-months", class: "no-status", records: [cond(code("icd10", "I10"), { clinical: null, category: ED, onset: null, recorded: "2025-11-26" })], expect: [cur("hypertension", SOMETIMES)], reason: "Twelve months ago to the day: still within the window." },
  { id: "ns-i10-over-12-months", class: "no-status", records: [cond(code("icd10", "I10"), { clinical: null, category: ED, onset: null, recorded: "2025-11-25" })], expect: [past("hypertension", SOMETIMES)], reason: "A day more than twelve months ago: not current (shown under \"status not recorded — check\")." },
  { id: "ns-n186-recent", class: "no-status", records: [cond(code("icd10", "N18.6", "End stage renal disease"), { clinical: null, category: ED, onset: null, recorded: "2026-09-01" })], expect: [cur("chronic-kidney-disease", KNOWN)], reason: "End-stage kidney disease at a visit three months ago: current, a known cause." },
  { id: "ns-e860-60d", class: "no-status", records: [cond(code("icd10", "E86.0", "Dehydration"), { clinical: null, category: ED, onset: null, recorded: "2026-09-27" })], expect: [cur("dehydration", SOMETIMES)], reason: "An acute state with no status, 60 days ago: within its 90 days." },
  { id: "ns-e860-120d", class: "no-status", records: [cond(code("icd10", "E86.0", "Dehydration"), { clinical: null, category: ED, onset: null, recorded: "2026-07-29" })], expect: [past("dehydration", SOMETIMES)], reason: "120 days: past the acute state's 90 days, though within 12 months." },
  { id: "ns-e039-provisional", class: "no-status", records: [cond(code("icd10", "E03.9", "Hypothyroidism, unspecified"), { clinical: null, verification: "provisional", category: ED, onset: null, recorded: "2026-05-01" })], expect: [cur("hypothyroidism", SOMETIMES)], reason: "Unconfirmed but recent: counts as current (panel contract)." },
  { id: "ns-no-date", class: "no-status", records: [cond(code("icd10", "I10"), { clinical: null, category: ED, onset: null })], expect: [past("hypertension", SOMETIMES)], reason: "No status and no date: it cannot be shown as current." },
  { id: "ns-abated", class: "no-status", records: [cond(code("icd10", "I10"), { clinical: null, category: ED, onset: "2026-05-01", abatement: "2026-07-01" })], expect: [past("hypertension", SOMETIMES)], reason: "An abatement date ends it, status or not." },
  { id: "ns-z3a12", class: "no-status", records: [cond(code("icd10", "Z3A.12", "12 weeks gestation of pregnancy"), { clinical: null, category: ED, onset: null, recorded: "2026-11-01" })], expect: [cur("pregnancy", RISK)], reason: "A pregnancy dated at a visit this month, no status: current." },
  { id: "ns-deceased", class: "no-status", patient: { birthDate: "1980-02-02", deceasedDateTime: "2026-10-01" }, records: [cond(code("icd10", "I10"), { clinical: null, category: ED, onset: null, recorded: "2026-09-01" })], expect: [past("hypertension", SOMETIMES)], reason: "Nothing is current for a deceased patient." },

  // ---------------------------------------------------------------- free text written after the name (review of 1.5.0)
  { id: "fa-dm-mom", class: "free-text", records: [textCond("DM (mom)")], expect: [], reason: "A relative in brackets after the name: the mother's diabetes." },
  { id: "fa-htn-dash-father", class: "free-text", records: [textCond("HTN - dad")], expect: [], reason: "A relative alone after a dash: the father's hypertension." },
  { id: "fa-mom-dash-dm", class: "free-text", records: [textCond("Mom - DM")], expect: [], reason: "A relative written before the name." },
  { id: "fa-hx-dm-in-family", class: "free-text", records: [textCond("Hx of DM in family")], expect: [], reason: "Diabetes in the family, not in the patient." },
  { id: "fa-aspvd-family", class: "free-text", records: [textCond("ASPVD - family")], expect: [], reason: "\"Family\" alone after the name: a family history, not the patient's PAD (a wrong known cause)." },
  { id: "fa-ckd-paternal", class: "free-text", records: [textCond("CKD (paternal)")], expect: [], reason: "The father's side of the family." },
  { id: "fa-htn-mgm", class: "free-text", records: [textCond("HTN (MGM)")], expect: [], reason: "MGM: maternal grandmother." },
  { id: "fa-pad-fathers-side", class: "free-text", records: [textCond("PAD - father's side")], expect: [], reason: "A relative alone after the name, with \"'s side\"." },
  { id: "fa-dm-mother-also", class: "free-text", records: [textCond("DM, mother also diabetic")], expect: [cur("type-2-diabetes", SOMETIMES)], reason: "The patient has diabetes; the clause after it says something of its own about the mother." },
  { id: "fa-dm-per-mother", class: "free-text", records: [textCond("DM, per mother")], expect: [cur("type-2-diabetes", SOMETIMES)], reason: "The mother gave the history: the diabetes is the patient's." },
  { id: "fa-pad-brother-cad", class: "free-text", records: [textCond("PAD - s/p stent; brother has CAD")], expect: [cur("peripheral-artery-disease", KNOWN)], reason: "The brother's coronary disease does not make the patient's PAD a relative's." },
  { id: "fa-htn-no-meds", class: "free-text", records: [textCond("HTN, no meds")], expect: [cur("hypertension", SOMETIMES)], reason: "Hypertension not treated with medicines is still hypertension." },
  { id: "fa-ckd-3a-vs-3b", class: "free-text", records: [textCond("CKD 3a vs 3b")], expect: [cur("chronic-kidney-disease", SOMETIMES)], reason: "The stage is in doubt, not the disease." },
  { id: "fa-dm-colon-no", class: "free-text", records: [textCond("DM: no")], expect: [], reason: "A checklist answer: no diabetes." },
  { id: "fa-dm-denies", class: "free-text", records: [textCond("DM - denies")], expect: [], reason: "The patient denies diabetes." },
  { id: "fa-cirrhosis-none", class: "free-text", records: [textCond("Cirrhosis (none)")], expect: [], reason: "Negated, written after the name in brackets." },
  { id: "fa-ckd-3-equals-no", class: "free-text", records: [textCond("CKD 3 = no")], expect: [], reason: "A checklist answer written with \"=\": no chronic kidney disease." },
  { id: "fa-htn-equals-yes", class: "free-text", records: [textCond("HTN = yes")], expect: [cur("hypertension", SOMETIMES)], reason: "The same checklist answered yes." },
  { id: "fa-esrd-hd-both-parents", class: "free-text", records: [textCond("ESRD on HD - both parents")], expect: [], reason: "Kidney failure on dialysis in both parents: a family history, not the patient's known cause." },
  { id: "fa-ckd-no-dialysis", class: "free-text", records: [textCond("CKD, no dialysis")], expect: [cur("chronic-kidney-disease", SOMETIMES)], reason: "Only dialysis is negated." },
  { id: "fa-htn-denies-headache", class: "free-text", records: [textCond("HTN, denies headache")], expect: [cur("hypertension", SOMETIMES)], reason: "Only the headache is denied." },
  { id: "fa-question-dm", class: "free-text", records: [textCond("?DM")], expect: [], reason: "A question mark before the name is a suspicion." },
  { id: "fa-dm-vs-stress", class: "free-text", records: [textCond("DM vs stress hyperglycemia")], expect: [], reason: "A differential diagnosis: diabetes is not established." },
  { id: "fa-anemia-ida-vs-acd", class: "free-text", records: [textCond("Iron deficiency anemia vs anemia of chronic disease")], expect: [cur("anemia", SOMETIMES)], reason: "Anemia named on both sides of the differential: only its kind is in doubt, not the anemia." },
  { id: "fa-anemia-ida-vs-acd-coded", class: "free-text", records: [cond(code("icd10", "D50.9"), { text: "Anemia: IDA vs ACD" })], expect: [cur("anemia", SOMETIMES)], reason: "A coded anemia whose own words weigh two kinds of it is still anemia." },
  { id: "fa-pad-versus", class: "free-text", records: [textCond("PAD versus neuropathic pain")], expect: [], reason: "A differential: a suspected known cause must not show as one." },
  { id: "fa-aki-query", class: "free-text", records: [textCond("AKI (query)")], expect: [], reason: "Queried, written after the name." },
  { id: "fa-anemia-dash-ro", class: "free-text", records: [textCond("Anemia - r/o")], expect: [], reason: "To be ruled out, written after the name." },
  { id: "fa-anemia-ro-iron", class: "free-text", records: [textCond("Anemia, r/o iron deficiency")], expect: [cur("anemia", SOMETIMES)], reason: "The anemia is established; only its cause is being ruled out." },
  { id: "fa-dm-pregnancy-type-2", class: "free-text", records: [textCond("Diabetes in pregnancy, type 2")], expect: [cur("pregnancy", RISK), cur("type-2-diabetes", SOMETIMES)], reason: "Pre-existing type 2 diabetes in a pregnancy is type 2 diabetes, and a pregnancy." },
  { id: "fa-dm-pregnancy-type-1", class: "free-text", records: [textCond("Diabetes mellitus complicating pregnancy, type 1")], expect: [cur("pregnancy", RISK), cur("type-1-diabetes", SOMETIMES)], reason: "The same for type 1." },
  { id: "fa-newborn-screen-scd", class: "free-text", records: [textCond("Newborn screen: sickle cell disease")], expect: [], reason: "A screening result, not a diagnosis (knowledge-source.md: a screening never makes a finding)." },

  // ---------------------------------------------------------------- medicines the patient takes at home
  { id: "hm-meditech-furosemide", class: "home-medicines", records: [med(code("rxnorm", "313988", "Furosemide 40 MG Oral Tablet"), { intent: "proposal", reported: true })], expect: [cur("diuretics", POSSIBLE)], reason: "MEDITECH's home medicine: active, intent proposal, reported. The patient takes it." },
  { id: "hm-meditech-lisinopril", class: "home-medicines", records: [med(code("rxnorm", "314076", "lisinopril 10 MG Oral Tablet"), { intent: "proposal", reported: true })], expect: [cur("blood-pressure-medicines", SOMETIMES)], reason: "Same, a blood pressure medicine." },
  { id: "hm-reported-reference", class: "home-medicines", records: [med(code("rxnorm", "313988"), { intent: "proposal", reported: "reference" })], expect: [cur("diuretics", POSSIBLE)], reason: "Reported by the patient (reportedReference): a home medicine." },
  { id: "hm-option-reported", class: "home-medicines", records: [med(code("rxnorm", "314076"), { intent: "option", reported: true })], expect: [cur("blood-pressure-medicines", SOMETIMES)], reason: "Reported, whatever the intent." },
  { id: "hm-oracle-plan-reported", class: "home-medicines", records: [med(code("rxnorm", "314076"), { intent: "plan", reported: true })], expect: [cur("blood-pressure-medicines", SOMETIMES)], reason: "Oracle Health's home medicine, intent plan." },
  { id: "hm-proposal-not-reported", class: "home-medicines", records: [med(code("rxnorm", "313988"), { intent: "proposal" })], expect: [past("diuretics", POSSIBLE)], reason: "A proposal that is not reported is a suggestion: not started." },
  { id: "hm-proposal-reported-false", class: "home-medicines", records: [med(code("rxnorm", "313988"), { intent: "proposal", reported: false })], expect: [past("diuretics", POSSIBLE)], reason: "reportedBoolean false: not a home medicine." },
  { id: "hm-reported-stopped", class: "home-medicines", records: [med(code("rxnorm", "313988"), { intent: "proposal", reported: true, status: "stopped" })], expect: [past("diuretics", POSSIBLE)], reason: "A reported medicine the patient stopped." },
];
