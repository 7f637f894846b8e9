/**
 * Whole charts (issue 20's classes together): hand-made patients of 4 to 9 records each, as an EHR sends
 * them — problem-list items and encounter diagnoses with and without a clinical status, orders, home
 * medicines and statements with combination products, procedures and lab results — with the findings a
 * physician expects from the chart as a whole: cause, strength, currency and, where lab results take part,
 * the basis (record or lab). Part of CORPUS (corpus.ts); same clock (CORPUS_NOW, 2026-11-26).
 */
import type { CauseId, Strength } from "../../src/engine/types";
import type { CorpusCase, ExpectedFinding } from "./corpus";
import { code, cond, med, obs, proc, textCond, textMed, type PatientSpec } from "./records";

const KNOWN = "known-cause" as const;
const RISK = "raises-risk" as const;
const POSSIBLE = "possible" as const;
const SOMETIMES = "sometimes-linked" as const;

type Basis = ExpectedFinding["basis"];
const cur = (cause: CauseId, strength: Strength, basis?: Basis): ExpectedFinding => ({ cause, current: true, strength, ...(basis ? { basis } : {}) });
const past = (cause: CauseId, strength: Strength, basis?: Basis): ExpectedFinding => ({ cause, current: false, strength, ...(basis ? { basis } : {}) });

const ED = "encounter-diagnosis" as const;
const PL = "problem-list-item" as const;
const EGFR = "mL/min/{1.73_m2}";
const MAN: PatientSpec = { birthDate: "1979-07-07", gender: "male" };
const WOMAN: PatientSpec = { birthDate: "1980-03-03", gender: "female" };

export const CORPUS_CHARTS: CorpusCase[] = [
  {
    id: "ch-older-htn-combinations", class: "whole-charts", patient: { birthDate: "1950-02-11", gender: "male" },
    records: [
      cond(code("icd10", "I10", "Essential (primary) hypertension"), { category: PL, onset: "2012-04-01" }),
      cond(code("icd10", "E78.5", "Hyperlipidemia, unspecified"), { category: PL, onset: "2012-04-01" }),
      textMed("lisinopril-hydrochlorothiazide (ZESTORETIC) 20-12.5 MG per tablet"),
      textMed("amlodipine-atorvastatin (CADUET) 5-10 MG per tablet"),
      textMed("aspirin 81 MG EC tablet"),
    ],
    expect: [cur("older-age", RISK), cur("hypertension", SOMETIMES), cur("blood-pressure-medicines", SOMETIMES), cur("diuretics", POSSIBLE), cur("cholesterol-medicines", SOMETIMES)],
    reason: "Two combination products hold a blood pressure medicine, a diuretic and a statin; hyperlipidemia itself is not a cause, aspirin is nothing.",
  },
  {
    id: "ch-dm-dpn-ckd-by-labs", class: "whole-charts", patient: MAN,
    records: [
      textCond("DM2 w/ DPN", { category: PL, onset: "2019-01-01" }),
      textMed("metFORMIN (GLUCOPHAGE) 1000 MG tablet"),
      textMed("gabapentin (NEURONTIN) 300 MG capsule"),
      obs("4548-4", 8.1, "%", "2026-03-10"), obs("4548-4", 7.9, "%", "2026-09-14"),
      obs("33914-3", 55, EGFR, "2026-03-10"), obs("33914-3", 52, EGFR, "2026-09-14"),
    ],
    expect: [cur("type-2-diabetes", SOMETIMES, "record"), cur("diabetic-neuropathy", KNOWN), cur("peripheral-neuropathy", SOMETIMES), cur("chronic-kidney-disease", SOMETIMES, "lab")],
    reason: "Shorthand for type 2 diabetes with diabetic peripheral neuropathy; the HbA1c results join the recorded diabetes; two eGFR results below 60 six months apart suggest CKD that is not on the problem list.",
  },
  {
    id: "ch-esrd-transplant-graft-ckd", class: "whole-charts", patient: WOMAN,
    records: [
      cond(code("icd10", "N18.6", "End stage renal disease"), { text: "ESRD s/p living donor kidney transplant 2019", category: PL, onset: "2014-01-01" }),
      cond(code("icd10", "Z94.0", "Kidney transplant status"), { category: PL, onset: "2019-05-01" }),
      textMed("tacrolimus (PROGRAF) 1 MG capsule"),
      obs("33914-3", 48, EGFR, "2026-02-01"), obs("33914-3", 50, EGFR, "2026-08-01"),
      obs("718-7", 11.2, "g/dL", "2026-08-01"),
    ],
    expect: [cur("chronic-kidney-disease", SOMETIMES, "record"), cur("anemia", SOMETIMES, "lab")],
    reason: "The transplant ended kidney failure (past evidence, no known cause today), but the graft's eGFR keeps CKD current and only sometimes linked; a hemoglobin under 12 g/dL in a woman suggests anemia from the lab alone.",
  },
  {
    id: "ch-stale-acute-encounters", class: "whole-charts", patient: MAN,
    records: [
      cond(code("icd10", "E86.0", "Dehydration"), { category: ED, onset: "2025-03-02" }),
      cond(code("icd10", "N17.9", "Acute kidney failure, unspecified"), { category: ED, onset: "2026-10-15" }),
      cond(code("icd10", "E16.2", "Hypoglycemia, unspecified"), { category: ED, onset: "2024-07-09" }),
      cond(code("icd10", "I10", "Essential (primary) hypertension"), { category: PL, onset: "2015-01-01" }),
      med(code("rxnorm", "197361", "amlodipine 5 MG Oral Tablet")),
    ],
    expect: [past("dehydration", SOMETIMES), cur("acute-kidney-failure", KNOWN), past("hypoglycemia", SOMETIMES), cur("hypertension", SOMETIMES), cur("blood-pressure-medicines", SOMETIMES)],
    reason: "Encounter diagnoses of acute states left active: the AKI of last month is current, the dehydration and hypoglycemia of past years are not; the problem-list hypertension follows its status.",
  },
  {
    id: "ch-epic-no-status", class: "whole-charts", patient: WOMAN,
    records: [
      cond(code("icd10", "E03.9", "Hypothyroidism, unspecified"), { clinical: null, category: ED, onset: null, recorded: "2026-05-20" }),
      cond(code("icd10", "G20", "Parkinson's disease"), { clinical: null, category: ED, onset: null, recorded: "2024-02-02" }),
      cond(code("icd10", "E86.0", "Dehydration"), { clinical: null, category: ED, onset: null, recorded: "2026-11-01" }),
      cond(code("icd10", "E16.2", "Hypoglycemia, unspecified"), { clinical: null, category: ED, onset: null, recorded: "2026-06-01" }),
      textMed("levothyroxine (SYNTHROID) 75 MCG tablet"),
      textMed("carbidopa-levodopa (SINEMET) 25-100 MG per tablet"),
    ],
    expect: [cur("hypothyroidism", SOMETIMES), past("parkinsons-disease", SOMETIMES), cur("dehydration", SOMETIMES), past("hypoglycemia", SOMETIMES)],
    reason: "No clinical status: current when recorded within 12 months (hypothyroidism), 90 days for an acute state (dehydration this month, not hypoglycemia in June); Parkinson's from 2024 is not current. The medicines themselves are not causes.",
  },
  {
    id: "ch-history-chronic-and-ending", class: "whole-charts", patient: MAN,
    records: [
      textCond("History of hypertension", { category: PL }),
      textCond("H/O hyperthyroidism s/p RAI", { category: PL }),
      textCond("PMH: DM2, CKD 3a", { category: PL }),
      textCond("Hx of AKI 2021", { category: PL }),
      textCond("h/o Parkinson's disease", { category: PL }),
    ],
    expect: [cur("hypertension", SOMETIMES), past("hyperthyroidism", SOMETIMES), cur("type-2-diabetes", SOMETIMES), cur("chronic-kidney-disease", SOMETIMES), past("acute-kidney-failure", KNOWN), cur("parkinsons-disease", SOMETIMES)],
    reason: "History of a chronic condition is that condition, current on an active list; history of one that ends (hyperthyroidism treated with radioiodine, an AKI) is past.",
  },
  {
    id: "ch-home-medicines", class: "whole-charts", patient: WOMAN,
    records: [
      med(code("rxnorm", "313988", "Furosemide 40 MG Oral Tablet"), { intent: "proposal", reported: true }),
      textMed("chlorthalidone 25 MG tablet", { intent: "plan", reported: "reference" }),
      textMed("atorvastatin 40 MG tablet", { intent: "proposal" }),
      textMed("Norgestimate-ethinyl estradiol (SPRINTEC) 0.25-35 MG-MCG tablet", { kind: "statement" }),
    ],
    expect: [cur("diuretics", POSSIBLE), cur("blood-pressure-medicines", SOMETIMES), past("cholesterol-medicines", SOMETIMES), cur("birth-control-pills", SOMETIMES)],
    reason: "Home medicines reported as MEDITECH (proposal) and Oracle Health (plan) send them are current; a proposal nobody reported is not started; a combined pill taken is a birth control pill.",
  },
  {
    id: "ch-pregnant-anemic", class: "whole-charts", patient: { birthDate: "1996-05-05", gender: "female" },
    records: [
      cond(code("icd10", "Z3A.24", "24 weeks gestation of pregnancy"), { category: ED, onset: "2026-11-01", recorded: "2026-11-01" }),
      cond(code("icd10", "O99.012", "Anemia complicating pregnancy, second trimester"), { category: ED, onset: "2026-11-01" }),
      textMed("Prenatal vitamin tablet"),
      textMed("ferrous sulfate 325 MG tablet"),
      obs("718-7", 10.2, "g/dL", "2026-11-01"),
    ],
    expect: [cur("pregnancy", RISK), cur("anemia", SOMETIMES, "record")],
    reason: "24 weeks this month: a current pregnancy; the coded anemia of pregnancy and a hemoglobin under the pregnancy cut-off (10.5 g/dL) make one anemia finding that rests on the record.",
  },
  {
    id: "ch-postpartum-pill-anemia", class: "whole-charts", patient: { birthDate: "1994-01-01", gender: "female" },
    records: [
      cond(code("icd10", "Z3A.39", "39 weeks gestation of pregnancy"), { category: ED, onset: "2026-09-01", recorded: "2026-09-01" }),
      cond(code("icd10", "O80", "Encounter for full-term uncomplicated delivery"), { category: ED, onset: "2026-09-02" }),
      textMed("norethindrone (CAMILA) 0.35 MG tablet"),
      obs("718-7", 11.5, "g/dL", "2026-11-10"),
    ],
    expect: [past("pregnancy", RISK), cur("birth-control-pills", SOMETIMES), cur("anemia", SOMETIMES, "lab")],
    reason: "Delivered in September: the 39-week record dates a pregnancy begun over 42 weeks ago; after it the non-pregnant cut-off (12 g/dL) applies; a progestin-only pill is a birth control pill.",
  },
  {
    id: "ch-deceased-dialysis", class: "whole-charts", patient: { birthDate: "1940-01-01", gender: "male", deceasedDateTime: "2025-02-10" },
    records: [
      cond(code("icd10", "N18.5", "Chronic kidney disease, stage 5"), { onset: "2022-01-01" }),
      med(code("rxnorm", "313988", "Furosemide 40 MG Oral Tablet"), { authored: "2024-12-01" }),
      proc(code("snomed", "302497006", "Hemodialysis"), "completed", { performed: "2025-01-20" }),
      obs("718-7", 9.1, "g/dL", "2025-01-20"),
    ],
    expect: [past("chronic-kidney-disease", SOMETIMES), past("diuretics", POSSIBLE), past("dialysis", SOMETIMES), past("older-age", RISK), past("anemia", SOMETIMES, "lab")],
    reason: "A deceased patient: nothing is current and nothing escalates to a known cause, records and lab results alike.",
  },
  {
    id: "ch-coded-records-own-words", class: "whole-charts", patient: MAN,
    records: [
      cond(code("icd10", "I10", "Essential (primary) hypertension"), { text: "Hypertension - resolved" }),
      cond(code("icd10", "E11.9", "Type 2 diabetes mellitus without complications"), { text: "DM2 - resolved after gastric bypass" }),
      cond(code("icd10", "I10"), { text: "FH: hypertension" }),
      cond(code("icd10", "E05.90"), { text: "Hyperthyroidism s/p thyroidectomy" }),
    ],
    expect: [past("hypertension", SOMETIMES), past("type-2-diabetes", SOMETIMES), past("hyperthyroidism", SOMETIMES)],
    reason: "Each code is judged by its record's own words: resolved, about the family, or ended by surgery.",
  },
  {
    id: "ch-atc-and-brands", class: "whole-charts", patient: MAN,
    records: [
      med(code("atc", "C09DA01", "losartan and diuretics")),
      med(code("atc", "C10BX03", "atorvastatin and amlodipine")),
      med(code("atc", "C07BB07", "bisoprolol and thiazides")),
      textMed("Exforge HCT 10-320-25 mg tablet"),
      textMed("Vytorin 10/40 tablet"),
    ],
    expect: [cur("blood-pressure-medicines", SOMETIMES), cur("diuretics", POSSIBLE), cur("cholesterol-medicines", SOMETIMES)],
    reason: "ATC groups and US brands of combination products count for every class they hold.",
  },
  {
    id: "ch-dialysis-anemia-of-ckd", class: "whole-charts", patient: { birthDate: "1958-01-01", gender: "female" },
    records: [
      cond(code("icd10", "Z99.2", "Dependence on renal dialysis")),
      cond(code("icd10", "N18.6", "End stage renal disease")),
      cond(code("icd10", "D63.1", "Anemia in chronic kidney disease")),
      proc(code("snomed", "302497006", "Hemodialysis"), "completed", { performed: "2026-11-24" }),
      textMed("sevelamer carbonate (RENVELA) 800 MG tablet"),
      obs("718-7", 9.8, "g/dL", "2026-11-24"),
    ],
    expect: [cur("older-age", RISK), cur("dialysis", KNOWN), cur("chronic-kidney-disease", KNOWN), cur("anemia", SOMETIMES, "record")],
    reason: "On hemodialysis this week: kidney failure is a known cause; anemia of CKD is coded and the hemoglobin joins it.",
  },
  {
    id: "ch-older-mixed-statuses", class: "whole-charts", patient: { birthDate: "1944-04-04", gender: "female" },
    records: [
      cond(code("snomed", "38341003", "Hypertensive disorder, systemic arterial (disorder)"), { onset: "1999-01-01" }),
      cond(code("snomed", "44054006", "Diabetes mellitus type 2"), { onset: "2005-01-01" }),
      cond(code("icd10", "N18.31", "Chronic kidney disease, stage 3a"), { clinical: null, category: ED, onset: null, recorded: "2023-01-01" }),
      med(code("rxnorm", "314076", "lisinopril 10 MG Oral Tablet")),
      med(code("rxnorm", "310798", "Hydrochlorothiazide 25 MG Oral Tablet"), { status: "stopped", authored: "2020-01-01" }),
      obs("33914-3", 41, EGFR, "2026-02-01"), obs("33914-3", 44, EGFR, "2026-08-01"),
    ],
    expect: [cur("older-age", RISK), cur("hypertension", SOMETIMES), cur("type-2-diabetes", SOMETIMES), cur("chronic-kidney-disease", SOMETIMES, "record"), cur("blood-pressure-medicines", SOMETIMES), past("diuretics", POSSIBLE)],
    reason: "An old encounter diagnosis of CKD with no status is not current by itself, but this year's eGFR results keep CKD current; the stopped thiazide leaves a past diuretic.",
  },
  {
    id: "ch-pregnancy-loss-myxedema", class: "whole-charts", patient: { birthDate: "1992-06-06", gender: "female" },
    records: [
      cond(code("icd10", "Z33.1", "Pregnant state, incidental"), { text: "Pregnant - miscarriage 10/2026", category: PL, onset: "2026-09-05" }),
      textCond("Myxedema", { category: PL, onset: "2019-03-01" }),
      textMed("levothyroxine 100 MCG tablet"),
      obs("718-7", 11.4, "g/dL", "2026-10-20"),
      obs("3016-3", 6.2, "mIU/L", "2026-10-20"),
    ],
    expect: [cur("hypothyroidism", SOMETIMES), cur("anemia", SOMETIMES, "lab")],
    reason: "The pregnancy record's own words say it ended in a miscarriage, so it is not current and the non-pregnant hemoglobin cut-off (12 g/dL) applies; myxedema is hypothyroidism; a TSH of 6.2 is not above 10.",
  },
];
