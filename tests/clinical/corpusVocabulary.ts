/**
 * Clinical corpus, vocabulary of real charts (issue 20): codes that name an anemia and another cause,
 * combination products, eponyms and the shorthand of a US problem list, core codes sent without a display,
 * codes every system must read alike, small rule errors, and standard codes that say what a record is.
 * Each row: the record, the findings a clinician expects (cause, currency, strength, and the title where it
 * must say a detail is not recorded) and the clinical reason. Part of CORPUS (corpus.ts); same clock.
 */
import type { CauseId, Strength } from "../../src/engine/types";
import type { CorpusCase, ExpectedFinding } from "./corpus";
import { code, cond, med, textCond, textMed } from "./records";
import { MEDICINE_VOCABULARY_CORPUS } from "./corpusMedicines";

const KNOWN = "known-cause" as const;
const RISK = "raises-risk" as const;
const POSSIBLE = "possible" as const;
const SOMETIMES = "sometimes-linked" as const;

const DIABETES_UNSTATED = "Diabetes, type not recorded";

const cur = (cause: CauseId, strength: Strength, label?: string): ExpectedFinding => ({ cause, current: true, strength, ...(label ? { label } : {}) });

/** A medicine that is a diuretic and a blood pressure medicine (a thiazide, or a combination holding one). */
const DIURETIC_AND_BP = [cur("diuretics", POSSIBLE), cur("blood-pressure-medicines", SOMETIMES)];
const BP_AND_LIPID = [cur("blood-pressure-medicines", SOMETIMES), cur("cholesterol-medicines", SOMETIMES)];

/** One row per brand of a combination that holds a thiazide or another diuretic with a blood pressure medicine. */
const DIURETIC_COMBINATION_BRANDS: [string, string][] = [
  ["Prinzide 20-12.5 mg tablet", "lisinopril with hydrochlorothiazide (US)"],
  ["Zestoretic 20-25 mg tablet", "lisinopril with hydrochlorothiazide (US, EU)"],
  ["Vaseretic 10-25 mg tablet", "enalapril with hydrochlorothiazide"],
  ["Lotensin HCT 20-12.5 mg tablet", "benazepril with hydrochlorothiazide"],
  ["Capozide 25-15 mg tablet", "captopril with hydrochlorothiazide"],
  ["Accuretic 20-12.5 mg tablet", "quinapril with hydrochlorothiazide"],
  ["Uniretic 15-25 mg tablet", "moexipril with hydrochlorothiazide"],
  ["Lopressor HCT 50/25 tablet", "metoprolol tartrate with hydrochlorothiazide"],
  ["Dutoprol 50-12.5 mg extended-release tablet", "metoprolol succinate with hydrochlorothiazide"],
  ["Inderide 40/25 tablet", "propranolol with hydrochlorothiazide"],
  ["Corzide 40/5 tablet", "nadolol with bendroflumethiazide"],
  ["Tenoretic 50 tablet", "atenolol with chlorthalidone"],
  ["Ziac 5-6.25 mg tablet", "bisoprolol with hydrochlorothiazide"],
  ["Clorpres 0.1-15 mg tablet", "clonidine with chlorthalidone"],
  ["Hyzaar 100-25 mg tablet", "losartan with hydrochlorothiazide"],
  ["Benicar HCT 40-25 mg tablet", "olmesartan with hydrochlorothiazide"],
  ["Edarbyclor 40-12.5 mg tablet", "azilsartan with chlorthalidone"],
  ["Tekturna HCT 150-12.5 mg tablet", "aliskiren with hydrochlorothiazide"],
  ["Exforge HCT 10-320-25 mg tablet", "amlodipine, valsartan and hydrochlorothiazide"],
  ["Tribenzor 40-10-25 mg tablet", "olmesartan, amlodipine and hydrochlorothiazide"],
  ["CoAprovel 300/12.5 mg film-coated tablet", "irbesartan with hydrochlorothiazide (EU)"],
  ["Co-Diovan 160/25 mg tablet", "valsartan with hydrochlorothiazide (EU)"],
  ["Coversyl Plus 5 mg/1.25 mg tablet", "perindopril with indapamide (EU)"],
  ["Noliprel 2.5/0.625 mg tablet", "perindopril with indapamide (EU)"],
  ["Triplixam 10/2.5/10 mg tablet", "perindopril, indapamide and amlodipine (EU)"],
  ["MicardisPlus 80/12.5 mg tablet", "telmisartan with hydrochlorothiazide (EU)"],
  ["Olmetec Plus 20/12.5 mg tablet", "olmesartan with hydrochlorothiazide (EU)"],
  ["Co-tenidone 50/12.5 mg tablet", "atenolol with chlorthalidone (UK)"],
  ["Lodoz 5 mg/6.25 mg tablet", "bisoprolol with hydrochlorothiazide (EU)"],
  ["Natrixam 1.5 mg/5 mg modified-release tablet", "indapamide with amlodipine (EU)"],
  ["Rasilez HCT 300/12.5 mg tablet", "aliskiren with hydrochlorothiazide (EU)"],
  ["Moduretic 5-50 mg tablet", "amiloride with hydrochlorothiazide"],
  ["Aldactazide 25-25 mg tablet", "spironolactone with hydrochlorothiazide"],
];

/** ATC combination groups holding a diuretic (every one also holds a blood pressure medicine). */
const DIURETIC_ATC: [string, string][] = [
  ["C09BA03", "lisinopril and diuretics"],
  ["C09BA04", "perindopril and diuretics"],
  ["C09DA01", "losartan and diuretics"],
  ["C09DA06", "candesartan and diuretics"],
  ["C07BB07", "bisoprolol and thiazides"],
  ["C07BB02", "metoprolol and thiazides"],
  ["C07CB03", "atenolol and other diuretics"],
  ["C07DB01", "atenolol, thiazides and other diuretics"],
  ["C08GA02", "amlodipine and diuretics"],
  ["C09XA52", "aliskiren and hydrochlorothiazide"],
  ["C09DX01", "valsartan, amlodipine and hydrochlorothiazide"],
  ["C09BX01", "perindopril, amlodipine and indapamide"],
  ["C02LC01", "clonidine and diuretics"],
  ["C03EA01", "hydrochlorothiazide and potassium-sparing agents"],
];

export const VOCABULARY_CORPUS: CorpusCase[] = [
  // ---------------------------------------------------------------- codes that name an anemia (item 1)
  { id: "an-o9081", class: "anemia-named", records: [cond(code("icd10", "O90.81", "Anemia of the puerperium"), { onset: "2026-11-02" })], expect: [cur("anemia", SOMETIMES)], reason: "Postpartum anemia is anemia; the puerperium code only says the pregnancy has ended (it blocks pregnancy, nothing else)." },
  { id: "an-o9081-no-display", class: "anemia-named", records: [cond(code("icd10", "O90.81"), { onset: "2026-11-02" })], expect: [cur("anemia", SOMETIMES)], reason: "The code alone names the anemia: no display needed." },
  { id: "an-pre-esrd-epo", class: "anemia-named", records: [cond(code("snomed", "1801000119106"))], expect: [cur("anemia", SOMETIMES), cur("chronic-kidney-disease", SOMETIMES)], reason: "Anemia of pre-end-stage kidney disease on erythropoietin: anemia, and chronic kidney disease short of failure." },
  { id: "an-ckd-anemia-snomed", class: "anemia-named", records: [cond(code("snomed", "707323002", "Anemia in chronic kidney disease"))], expect: [cur("anemia", SOMETIMES), cur("chronic-kidney-disease", SOMETIMES)], reason: "The code names both the anemia and its cause." },
  { id: "an-ckd5-anemia-snomed", class: "anemia-named", records: [cond(code("snomed", "691411000119101"))], expect: [cur("anemia", SOMETIMES), cur("chronic-kidney-disease", KNOWN)], reason: "Anemia in CKD stage 5: anemia, and kidney failure (a known cause)." },
  { id: "an-crf-anemia-snomed", class: "anemia-named", records: [cond(code("snomed", "191270002", "Anemia secondary to chronic renal failure"))], expect: [cur("anemia", SOMETIMES), cur("chronic-kidney-disease", KNOWN)], reason: "Anemia of chronic renal failure: both causes." },
  { id: "an-alcoholism-anemia", class: "anemia-named", records: [cond(code("snomed", "86325007", "Non megaloblastic anemia due to alcoholism"))], expect: [cur("anemia", SOMETIMES), cur("alcohol-use-disorder", SOMETIMES)], reason: "Anemia due to alcoholism names both." },
  { id: "an-postpartum-thyroiditis-words", class: "anemia-named", records: [cond(code("icd10", "O90.5", "Postpartum thyroiditis"), { text: "Postpartum thyroiditis, hypothyroid phase", onset: "2026-10-01" })], expect: [cur("hypothyroidism", SOMETIMES)], reason: "A puerperium code blocks only pregnancy: the record's own words (hypothyroid) are still read." },
  { id: "an-fetal-anemia-text", class: "anemia-named", records: [textCond("Fetal anemia, monitoring")], expect: [], reason: "The fetus's anemia is not the patient's." },

  // ---------------------------------------------------------------- combination products (item 2)
  ...DIURETIC_COMBINATION_BRANDS.map(([text, what], i): CorpusCase => ({
    id: `cb-brand-${i + 1}`,
    class: "combination-products",
    records: [textMed(text)],
    expect: DIURETIC_AND_BP,
    reason: `${what}: a diuretic and a blood pressure medicine, by brand name.`,
  })),
  { id: "cb-hctz-lower", class: "combination-products", records: [textMed("lisinopril-hctz 20-12.5 mg tablet")], expect: DIURETIC_AND_BP, reason: "\"hctz\" written in lower case is still hydrochlorothiazide." },
  { id: "cb-hct-losartan", class: "combination-products", records: [textMed("Losartan-HCT 100-25 mg tablet")], expect: DIURETIC_AND_BP, reason: "\"HCT\" after an angiotensin receptor blocker is hydrochlorothiazide." },
  { id: "cb-hctz-alone-lower", class: "combination-products", records: [textMed("hctz 25 mg daily")], expect: DIURETIC_AND_BP, reason: "A thiazide alone, written in lower case." },
  { id: "cb-caduet", class: "combination-products", records: [textMed("Caduet 10-20 mg tablet")], expect: BP_AND_LIPID, reason: "Amlodipine with atorvastatin by brand: a blood pressure and a cholesterol medicine." },
  { id: "cb-amlodipine-atorvastatin", class: "combination-products", records: [textMed("amlodipine-atorvastatin 5-10 mg tablet")], expect: BP_AND_LIPID, reason: "The generic combination names both." },
  { id: "cb-triveram", class: "combination-products", records: [textMed("Triveram 20 mg/5 mg/5 mg film-coated tablet")], expect: BP_AND_LIPID, reason: "Atorvastatin, perindopril and amlodipine (EU): both." },
  { id: "cb-vytorin", class: "combination-products", records: [textMed("Vytorin 10-40 mg tablet")], expect: [cur("cholesterol-medicines", SOMETIMES)], reason: "Ezetimibe with simvastatin: cholesterol medicines only." },
  { id: "cb-lotrel", class: "combination-products", records: [textMed("Lotrel 5-20 mg capsule")], expect: [cur("blood-pressure-medicines", SOMETIMES)], reason: "Amlodipine with benazepril holds no diuretic." },
  { id: "cb-advicor", class: "combination-products", records: [textMed("Advicor 500-20 mg tablet")], expect: [cur("cholesterol-medicines", SOMETIMES)], reason: "Niacin (lipid dose) with lovastatin." },
  { id: "cb-lasilactone", class: "combination-products", records: [textMed("Lasilactone 50/20 mg capsule")], expect: [cur("diuretics", POSSIBLE)], reason: "Spironolactone with furosemide (UK): diuretics; no thiazide." },
  { id: "cb-zestoretic-rxnorm", class: "combination-products", records: [med(code("rxnorm", "823986", "hydrochlorothiazide 12.5 MG / lisinopril 10 MG Oral Tablet [Zestoretic]"))], expect: DIURETIC_AND_BP, reason: "By RxNorm code: both classes." },
  ...DIURETIC_ATC.map(([atc, what]): CorpusCase => ({
    id: `cb-atc-${atc.toLowerCase()}`,
    class: "combination-products",
    records: [med(code("atc", atc))],
    expect: DIURETIC_AND_BP,
    reason: `ATC ${atc} (${what}), code only: it holds a diuretic and a blood pressure medicine.`,
  })),
  { id: "cb-atc-c10bx03", class: "combination-products", records: [med(code("atc", "C10BX03"))], expect: BP_AND_LIPID, reason: "ATC C10BX03 atorvastatin and amlodipine: a cholesterol and a blood pressure medicine." },
  { id: "cb-atc-c10bx04", class: "combination-products", records: [med(code("atc", "C10BX04", "simvastatin, acetylsalicylic acid and ramipril"))], expect: BP_AND_LIPID, reason: "A statin with ramipril." },
  { id: "cb-atc-c09db01", class: "combination-products", records: [med(code("atc", "C09DB01", "valsartan and amlodipine"))], expect: [cur("blood-pressure-medicines", SOMETIMES)], reason: "An angiotensin receptor blocker with a calcium channel blocker holds no diuretic." },
  { id: "cb-atc-c10ba02", class: "combination-products", records: [med(code("atc", "C10BA02", "simvastatin and ezetimibe"))], expect: [cur("cholesterol-medicines", SOMETIMES)], reason: "Two cholesterol medicines, no blood pressure medicine." },
  { id: "cb-atc-c03eb01", class: "combination-products", records: [med(code("atc", "C03EB01", "furosemide and potassium-sparing agents"))], expect: [cur("diuretics", POSSIBLE)], reason: "A loop diuretic with a potassium-sparing one: diuretics, no thiazide." },

  // medicines of real charts, round three: tests/clinical/corpusMedicines.ts
  ...MEDICINE_VOCABULARY_CORPUS,

  // ---------------------------------------------------------------- eponyms and shorthand (item 3)
  { id: "ep-parkinsons", class: "eponyms-shorthand", records: [textCond("Parkinson's")], expect: [cur("parkinsons-disease", SOMETIMES)], reason: "The eponym alone names the disease." },
  { id: "ep-parkinsons-no-apostrophe", class: "eponyms-shorthand", records: [textCond("Parkinsons")], expect: [cur("parkinsons-disease", SOMETIMES)], reason: "Without the apostrophe." },
  { id: "ep-parkinsons-curly", class: "eponyms-shorthand", records: [textCond("Parkinson’s disease, on carbidopa-levodopa")], expect: [cur("parkinsons-disease", SOMETIMES)], reason: "A typographic apostrophe, as word processors write it." },
  { id: "ep-wpw", class: "eponyms-shorthand", records: [textCond("Wolff-Parkinson-White syndrome")], expect: [], reason: "Wolff-Parkinson-White is a heart rhythm disorder, not Parkinson's disease." },
  { id: "ep-parkinsons-plus", class: "eponyms-shorthand", records: [textCond("Parkinson's plus syndrome")], expect: [], reason: "Atypical parkinsonism is not Parkinson's disease." },
  { id: "ep-addisons", class: "eponyms-shorthand", records: [textCond("Addison's")], expect: [cur("adrenal-insufficiency", SOMETIMES)], reason: "The eponym alone names the disease." },
  { id: "ep-addisons-curly", class: "eponyms-shorthand", records: [textCond("Addison’s disease on hydrocortisone")], expect: [cur("adrenal-insufficiency", SOMETIMES)], reason: "A typographic apostrophe." },
  { id: "ep-addisons-anemia", class: "eponyms-shorthand", records: [textCond("Addison's anemia")], expect: [cur("anemia", SOMETIMES)], reason: "Addison's anemia is pernicious anemia, not adrenal insufficiency." },
  { id: "ep-no-addisons", class: "eponyms-shorthand", records: [textCond("No Addison's")], expect: [], reason: "Negated, as any name." },
  { id: "ep-graves", class: "eponyms-shorthand", records: [textCond("Graves'")], expect: [cur("hyperthyroidism", SOMETIMES)], reason: "Graves' disease is the commonest overactive thyroid." },
  { id: "ep-leriche", class: "eponyms-shorthand", records: [textCond("Leriche syndrome")], expect: [cur("peripheral-artery-disease", KNOWN)], reason: "Aortoiliac occlusion: a problem with blood flow to the legs." },
  { id: "ep-buerger", class: "eponyms-shorthand", records: [textCond("Buerger's")], expect: [cur("peripheral-artery-disease", KNOWN)], reason: "Thromboangiitis obliterans by its eponym alone." },
  { id: "ep-cmt", class: "eponyms-shorthand", records: [textCond("Charcot-Marie-Tooth disease type 1A")], expect: [cur("peripheral-neuropathy", SOMETIMES)], reason: "A hereditary peripheral neuropathy." },
  { id: "ep-cidp", class: "eponyms-shorthand", records: [textCond("CIDP")], expect: [cur("peripheral-neuropathy", SOMETIMES)], reason: "Chronic inflammatory demyelinating polyneuropathy." },
  { id: "ep-guillain-barre", class: "eponyms-shorthand", records: [textCond("Guillain-Barré syndrome")], expect: [cur("peripheral-neuropathy", SOMETIMES)], reason: "An acute polyneuropathy." },
  { id: "sh-dm2", class: "eponyms-shorthand", records: [textCond("DM2")], expect: [cur("type-2-diabetes", SOMETIMES, "Type 2 diabetes")], reason: "On a US problem list DM2 is type 2 diabetes." },
  { id: "sh-t2d", class: "eponyms-shorthand", records: [textCond("T2D")], expect: [cur("type-2-diabetes", SOMETIMES, "Type 2 diabetes")], reason: "T2D is type 2 diabetes." },
  { id: "sh-dm-ii", class: "eponyms-shorthand", records: [textCond("DM II, on metformin")], expect: [cur("type-2-diabetes", SOMETIMES, "Type 2 diabetes")], reason: "Roman numerals." },
  { id: "sh-type-ii-dm", class: "eponyms-shorthand", records: [textCond("Type II DM")], expect: [cur("type-2-diabetes", SOMETIMES, "Type 2 diabetes")], reason: "Type written first." },
  { id: "sh-dm-type-2", class: "eponyms-shorthand", records: [textCond("DM type 2, uncontrolled")], expect: [cur("type-2-diabetes", SOMETIMES, "Type 2 diabetes")], reason: "Type written after." },
  { id: "sh-dm1", class: "eponyms-shorthand", records: [textCond("DM1 on insulin pump")], expect: [cur("type-1-diabetes", SOMETIMES)], reason: "DM1 is type 1 diabetes." },
  { id: "sh-t1d", class: "eponyms-shorthand", records: [textCond("T1D")], expect: [cur("type-1-diabetes", SOMETIMES)], reason: "T1D is type 1 diabetes." },
  { id: "sh-dm2-myotonic", class: "eponyms-shorthand", records: [textCond("DM2 (myotonic dystrophy type 2)")], expect: [], reason: "Here DM2 is myotonic dystrophy, as the record says." },
  { id: "sh-fh-dm2", class: "eponyms-shorthand", records: [textCond("FH: DM2")], expect: [], reason: "Family history, as any name." },
  { id: "sh-screening-dm2", class: "eponyms-shorthand", records: [textCond("Screening for DM2")], expect: [], reason: "A screening, as any name." },
  { id: "sh-dm2-neuropathy", class: "eponyms-shorthand", records: [textCond("DM2 with neuropathy")], expect: [cur("type-2-diabetes", SOMETIMES, "Type 2 diabetes"), cur("diabetic-neuropathy", KNOWN)], reason: "Diabetes \"with\" neuropathy is nerve damage from diabetes (peripheral not stated)." },
  { id: "sh-t2dm-w-pn", class: "eponyms-shorthand", records: [textCond("T2DM w/ peripheral neuropathy")], expect: [cur("type-2-diabetes", SOMETIMES, "Type 2 diabetes"), cur("diabetic-neuropathy", KNOWN), cur("peripheral-neuropathy", SOMETIMES)], reason: "Diabetes with peripheral neuropathy: all three." },
  { id: "sh-ckd3a", class: "eponyms-shorthand", records: [textCond("CKD3a")], expect: [cur("chronic-kidney-disease", SOMETIMES)], reason: "CKD stage 3a, written without a space." },
  { id: "sh-ckd-3b", class: "eponyms-shorthand", records: [textCond("CKD 3b (eGFR 38)")], expect: [cur("chronic-kidney-disease", SOMETIMES)], reason: "Stage 3b." },
  { id: "sh-ckd-iv", class: "eponyms-shorthand", records: [textCond("CKD IV")], expect: [cur("chronic-kidney-disease", SOMETIMES)], reason: "Roman numerals; stage 4 is not failure." },
  { id: "sh-ckd5d", class: "eponyms-shorthand", records: [textCond("CKD5D")], expect: [cur("chronic-kidney-disease", KNOWN), cur("dialysis", KNOWN)], reason: "Stage 5 on dialysis: kidney failure and dialysis." },
  { id: "sh-esrd-on-hd", class: "eponyms-shorthand", records: [textCond("ESRD on HD MWF")], expect: [cur("chronic-kidney-disease", KNOWN), cur("dialysis", KNOWN)], reason: "End-stage kidney disease on hemodialysis: both." },
  { id: "sh-eskd-on-pd", class: "eponyms-shorthand", records: [textCond("ESKD on PD")], expect: [cur("chronic-kidney-disease", KNOWN), cur("dialysis", KNOWN)], reason: "On peritoneal dialysis." },
  { id: "sh-atn", class: "eponyms-shorthand", records: [textCond("ATN")], expect: [cur("acute-kidney-failure", KNOWN)], reason: "Acute tubular necrosis is acute kidney injury." },
  { id: "sh-acute-tubular-necrosis", class: "eponyms-shorthand", records: [textCond("Acute tubular necrosis")], expect: [cur("acute-kidney-failure", KNOWN)], reason: "Written out." },
  { id: "sh-prerenal-azotemia", class: "eponyms-shorthand", records: [textCond("Prerenal azotemia")], expect: [cur("acute-kidney-failure", KNOWN)], reason: "Prerenal acute kidney injury." },
  { id: "sh-small-fiber", class: "eponyms-shorthand", records: [textCond("Small fiber neuropathy")], expect: [cur("peripheral-neuropathy", SOMETIMES)], reason: "A peripheral neuropathy of the small nerve fibres." },
  { id: "sh-neuropathy-feet", class: "eponyms-shorthand", records: [textCond("Neuropathy of both feet")], expect: [cur("peripheral-neuropathy", SOMETIMES)], reason: "Neuropathy of the feet is peripheral." },
  { id: "sh-htn", class: "eponyms-shorthand", records: [textCond("HTN")], expect: [cur("hypertension", SOMETIMES)], reason: "HTN is hypertension." },
  { id: "sh-benign-essential-htn", class: "eponyms-shorthand", records: [textCond("Benign essential HTN")], expect: [cur("hypertension", SOMETIMES)], reason: "Essential hypertension, shortened." },
  { id: "sh-high-bp", class: "eponyms-shorthand", records: [textCond("High BP")], expect: [cur("hypertension", SOMETIMES)], reason: "High blood pressure, shortened." },
  { id: "sh-pulmonary-htn", class: "eponyms-shorthand", records: [textCond("Pulmonary HTN")], expect: [], reason: "Pulmonary hypertension is not high blood pressure, abbreviated or not." },
  { id: "sh-no-htn", class: "eponyms-shorthand", records: [textCond("No HTN")], expect: [], reason: "Negated." },
  { id: "sh-ida", class: "eponyms-shorthand", records: [textCond("IDA")], expect: [cur("anemia", SOMETIMES)], reason: "Iron-deficiency anemia." },
  { id: "sh-diabetic-nephropathy", class: "eponyms-shorthand", records: [textCond("Diabetic nephropathy")], expect: [cur("chronic-kidney-disease", SOMETIMES), cur("type-2-diabetes", SOMETIMES, DIABETES_UNSTATED)], reason: "Diabetic kidney disease is chronic kidney disease (as E1x.21 and SNOMED CT 127013003); diabetes of unstated type." },
  { id: "sh-hypertensive-nephrosclerosis", class: "eponyms-shorthand", records: [textCond("Hypertensive nephrosclerosis")], expect: [cur("hypertension", SOMETIMES), cur("chronic-kidney-disease", SOMETIMES)], reason: "Kidney disease from high blood pressure: both (as ICD-10-CM I12)." },
  { id: "sh-l45-stenosis", class: "eponyms-shorthand", records: [textCond("L4-5 stenosis")], expect: [cur("spinal-stenosis", SOMETIMES)], reason: "Stenosis at a lumbar level is spinal stenosis." },
  { id: "sh-ocp", class: "eponyms-shorthand", records: [textMed("OCP")], expect: [cur("birth-control-pills", SOMETIMES)], reason: "OCP means an oral contraceptive pill: no other word for the form is needed." },
  { id: "sh-bcp", class: "eponyms-shorthand", records: [textMed("BCP daily")], expect: [cur("birth-control-pills", SOMETIMES)], reason: "BCP means a birth control pill." },

  // ---------------------------------------------------------------- core codes and codes every system reads alike (item 7)
  { id: "cc-snomed-pad", class: "core-codes", records: [cond(code("snomed", "840580004"))], expect: [cur("peripheral-artery-disease", KNOWN)], reason: "Peripheral arterial disease, by code alone: a known cause." },
  { id: "cc-snomed-hyperthyroidism", class: "core-codes", records: [cond(code("snomed", "34486009"))], expect: [cur("hyperthyroidism", SOMETIMES)], reason: "Hyperthyroidism, by code alone." },
  { id: "cc-snomed-lumbar-stenosis", class: "core-codes", records: [cond(code("snomed", "18347007"))], expect: [cur("spinal-stenosis", SOMETIMES)], reason: "Spinal stenosis of the lumbar region, by code alone." },
  { id: "cc-snomed-peripheral-neuropathy", class: "core-codes", records: [cond(code("snomed", "302226006"))], expect: [cur("peripheral-neuropathy", SOMETIMES)], reason: "Peripheral neuropathy, by code alone." },
  { id: "cc-i1a0", class: "core-codes", records: [cond(code("icd10", "I1A.0"))], expect: [cur("hypertension", SOMETIMES)], reason: "Resistant hypertension (ICD-10-CM 2023)." },
  { id: "cc-e16a1", class: "core-codes", records: [cond(code("icd10", "E16.A1"))], expect: [cur("hypoglycemia", SOMETIMES)], reason: "Hypoglycemia level 1 (ICD-10-CM 2025)." },
  { id: "cc-e16a3", class: "core-codes", records: [cond(code("icd10", "E16.A3"))], expect: [cur("hypoglycemia", SOMETIMES)], reason: "Hypoglycemia level 3." },
  { id: "cc-d609", class: "core-codes", records: [cond(code("icd10", "D60.9"))], expect: [cur("anemia", SOMETIMES)], reason: "Acquired pure red cell aplasia is an anemia." },
  { id: "cc-d619", class: "core-codes", records: [cond(code("icd10", "D61.9"))], expect: [cur("anemia", SOMETIMES)], reason: "Aplastic anemia." },
  { id: "cc-d6101", class: "core-codes", records: [cond(code("icd10", "D61.01"))], expect: [cur("anemia", SOMETIMES)], reason: "Constitutional red cell aplasia." },
  { id: "cc-d61818-pancytopenia", class: "core-codes", records: [cond(code("icd10", "D61.818"))], expect: [], reason: "Pancytopenia is not counted as anemia (as ICD-9-CM 284.1 is not)." },
  { id: "cc-d464", class: "core-codes", records: [cond(code("icd10", "D46.4"))], expect: [cur("anemia", SOMETIMES)], reason: "Refractory anemia." },
  { id: "cc-d4621", class: "core-codes", records: [cond(code("icd10", "D46.21"))], expect: [cur("anemia", SOMETIMES)], reason: "Refractory anemia with excess of blasts." },
  { id: "cc-e02", class: "core-codes", records: [cond(code("icd10", "E02"))], expect: [cur("hypothyroidism", SOMETIMES)], reason: "Subclinical iodine-deficiency hypothyroidism." },
  { id: "cc-k767", class: "core-codes", records: [cond(code("icd10", "K76.7"))], expect: [cur("acute-kidney-failure", KNOWN)], reason: "Hepatorenal syndrome is kidney failure of liver disease, as O90.41 and SNOMED CT 1285574007 are read." },
  { id: "cc-k767-text", class: "core-codes", records: [textCond("Hepatorenal syndrome")], expect: [cur("acute-kidney-failure", KNOWN)], reason: "The same in words." },
  { id: "cc-o1413", class: "core-codes", records: [cond(code("icd10", "O14.13", "Severe pre-eclampsia, third trimester"), { onset: "2026-11-10" })], expect: [cur("pregnancy", RISK), cur("hypertension", SOMETIMES)], reason: "Pre-eclampsia is high blood pressure of pregnancy, as SNOMED CT 398254007 and 46764007 are read." },
  { id: "cc-o1423", class: "core-codes", records: [cond(code("icd10", "O14.23"), { onset: "2026-11-10" })], expect: [cur("pregnancy", RISK), cur("hypertension", SOMETIMES)], reason: "HELLP syndrome, as SNOMED CT 95605009." },
  { id: "cc-o1503", class: "core-codes", records: [cond(code("icd10", "O15.03"), { onset: "2026-11-10" })], expect: [cur("pregnancy", RISK), cur("hypertension", SOMETIMES)], reason: "Eclampsia in pregnancy." },
  { id: "cc-e1121", class: "core-codes", records: [cond(code("icd10", "E11.21"))], expect: [cur("type-2-diabetes", SOMETIMES, "Type 2 diabetes"), cur("chronic-kidney-disease", SOMETIMES)], reason: "Type 2 diabetes with diabetic nephropathy: diabetic kidney disease is chronic kidney disease, as SNOMED CT 127013003 is read." },
  { id: "cc-e1021", class: "core-codes", records: [cond(code("icd10", "E10.21"))], expect: [cur("type-1-diabetes", SOMETIMES), cur("chronic-kidney-disease", SOMETIMES)], reason: "The same for type 1." },
  { id: "cc-icd9-25040", class: "core-codes", records: [cond(code("icd9", "250.40"))], expect: [cur("type-2-diabetes", SOMETIMES, DIABETES_UNSTATED), cur("chronic-kidney-disease", SOMETIMES)], reason: "ICD-9-CM diabetes with renal manifestations reads as ICD-10-CM E1x.21." },
  { id: "cc-snomed-diabetic-kidney", class: "core-codes", records: [cond(code("snomed", "127013003"))], expect: [cur("chronic-kidney-disease", SOMETIMES), cur("type-2-diabetes", SOMETIMES, DIABETES_UNSTATED)], reason: "SNOMED CT disorder of kidney due to diabetes: the reading the other systems now share." },

  // ---------------------------------------------------------------- small rule errors (item 8)
  { id: "re-mannitol-iv", class: "rule-errors", records: [textMed("Mannitol 20 % intravenous solution")], expect: [cur("diuretics", POSSIBLE)], reason: "A strength in percent is not an eye drop when the medicine is given intravenously." },
  { id: "re-mannitol-bag", class: "rule-errors", records: [textMed("Mannitol 20% 500 mL bag")], expect: [cur("diuretics", POSSIBLE)], reason: "Mannitol is never an eye drop: an osmotic diuretic." },
  { id: "re-nicardipine-premix", class: "rule-errors", records: [textMed("Nicardipine 20 mg in 0.86% sodium chloride 200 mL premixed infusion")], expect: [cur("blood-pressure-medicines", SOMETIMES)], reason: "The percent is the infusion's salt water: intravenous nicardipine is a blood pressure medicine." },
  { id: "re-timolol-percent", class: "rule-errors", records: [textMed("Timolol 0.5% solution")], expect: [], reason: "A percent strength with no systemic form is still an eye drop." },
  { id: "re-hashimoto", class: "rule-errors", records: [textCond("Hashimoto thyroiditis")], expect: [], reason: "Hashimoto's thyroiditis is not hypothyroidism until the thyroid fails." },
  { id: "re-hashimoto-hypothyroidism", class: "rule-errors", records: [textCond("Hypothyroidism due to Hashimoto's thyroiditis")], expect: [cur("hypothyroidism", SOMETIMES)], reason: "When the record says hypothyroidism, it is." },
  { id: "re-dm-both-codes", class: "rule-errors", records: [cond([code("icd10", "E10.9", "Type 1 diabetes mellitus without complications"), code("icd10", "E11.9", "Type 2 diabetes mellitus without complications")])], expect: [cur("type-2-diabetes", SOMETIMES, DIABETES_UNSTATED)], reason: "One record coded both ways is one diabetes of unclear type: shown once, under type 2, saying the type is not recorded." },
  { id: "re-dm-both-codes-text-t1", class: "rule-errors", records: [cond([code("icd10", "E10.9"), code("icd10", "E11.9")], { text: "Type 1 diabetes mellitus" })], expect: [cur("type-1-diabetes", SOMETIMES)], reason: "The record's own words settle the type." },
  { id: "re-dm-both-codes-text-t2", class: "rule-errors", records: [cond([code("snomed", "44054006", "Diabetes mellitus type 2"), code("icd10", "E10.65")], { text: "Type 2 diabetes mellitus with hyperglycemia" })], expect: [cur("type-2-diabetes", SOMETIMES, "Type 2 diabetes")], reason: "The words say type 2: the stray type 1 code does not add a second diabetes." },
  { id: "re-dm-both-neuropathy", class: "rule-errors", records: [cond([code("icd10", "E10.42"), code("icd10", "E11.42")])], expect: [cur("type-2-diabetes", SOMETIMES, DIABETES_UNSTATED), cur("diabetic-neuropathy", KNOWN), cur("peripheral-neuropathy", SOMETIMES)], reason: "The neuropathy stays; the diabetes is shown once." },
  { id: "re-dm-unstated-and-t1", class: "rule-errors", records: [cond([code("snomed", "73211009", "Diabetes mellitus"), code("icd10", "E10.9")])], expect: [cur("type-1-diabetes", SOMETIMES)], reason: "Diabetes of unstated type beside a type 1 code is type 1." },
  { id: "re-niacin-vitamin", class: "rule-errors", records: [textMed("Niacin 50 mg tablet")], expect: [], reason: "50 mg of niacin is a vitamin dose, not a lipid medicine." },
  { id: "re-niacin-100-code", class: "rule-errors", records: [med(code("rxnorm", "7393", "niacin"), { text: "niacin 100 MG Oral Tablet" })], expect: [], reason: "Coded as niacin, but at a vitamin dose." },
  { id: "re-niacin-b-complex", class: "rule-errors", records: [textMed("Vitamin B complex with niacin, 1 tablet daily")], expect: [], reason: "Niacin inside a vitamin B complex." },
  { id: "re-niacin-er-500", class: "rule-errors", records: [textMed("Niacin ER 500 mg tablet at bedtime")], expect: [cur("cholesterol-medicines", SOMETIMES)], reason: "500 mg extended-release niacin is a lipid dose." },
  { id: "re-niaspan", class: "rule-errors", records: [textMed("Niaspan 1000 mg")], expect: [cur("cholesterol-medicines", SOMETIMES)], reason: "Niaspan is prescription lipid-dose niacin." },
  { id: "re-acetazolamide-atc-tablet", class: "rule-errors", records: [med(code("atc", "S01EC01", "acetazolamide"), { text: "Acetazolamide 250 mg tablet" })], expect: [cur("diuretics", POSSIBLE)], reason: "Acetazolamide tablets are a systemic diuretic, whatever its antiglaucoma ATC code." },
  { id: "re-acetazolamide-atc-injection", class: "rule-errors", records: [med(code("atc", "S01EC01"), { text: "Acetazolamide sodium 500 mg injection" })], expect: [cur("diuretics", POSSIBLE)], reason: "Given by injection: systemic." },
  { id: "re-acetazolamide-atc-no-form", class: "rule-errors", records: [med(code("atc", "S01EC01"))], expect: [], reason: "The code alone does not say the form: not counted." },
  { id: "re-dorzolamide-atc", class: "rule-errors", records: [med(code("atc", "S01EC03", "dorzolamide"), { text: "Dorzolamide 2% ophthalmic solution" })], expect: [], reason: "Dorzolamide is an eye drop only." },

  // ---------------------------------------------------------------- a standard code says what the record is (item 10)
  { id: "sc-n882-display", class: "standard-code", records: [cond(code("icd10", "N88.2", "Cervical stenosis (uterus)"))], expect: [], reason: "Stenosis of the cervix of the uterus is not spinal stenosis." },
  { id: "sc-n882-text", class: "standard-code", records: [cond(code("icd10", "N88.2"), { text: "Cervical stenosis" })], expect: [], reason: "The record's words are ambiguous; its ICD-10-CM code says the uterus." },
  { id: "sc-uterine-text", class: "standard-code", records: [textCond("Cervical stenosis (uterus)")], expect: [], reason: "Without a code, the words say the uterus." },
  { id: "sc-cervical-os", class: "standard-code", records: [textCond("Stenosis of external cervical os")], expect: [], reason: "The cervical os is the uterus." },
  { id: "sc-carotid", class: "standard-code", records: [textCond("Cervical carotid stenosis, left")], expect: [], reason: "A narrowed artery in the neck is neither spinal stenosis nor disease of the leg arteries." },
  { id: "sc-cervical-spinal", class: "standard-code", records: [textCond("Cervical spinal stenosis C5-C6")], expect: [cur("spinal-stenosis", SOMETIMES)], reason: "Cervical spinal stenosis is spinal stenosis." },
  { id: "sc-m4802", class: "standard-code", records: [cond(code("icd10", "M48.02", "Spinal stenosis, cervical region"), { text: "Cervical stenosis" })], expect: [cur("spinal-stenosis", SOMETIMES)], reason: "Here the code says the spine." },
];
