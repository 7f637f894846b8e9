/**
 * Clinical codes used by the hand-made demo patients, each with the public source it was checked against.
 * Source tags follow docs/terminology/README.md (section 0): [SYN] synthetichealth/synthea modules,
 * [SYN-OLD] smart-on-fhir/generated-sample-data R4/SYNTHEA output, [VSAC oid] value-set expansions via
 * cqframework/ecqm-content-qicore-2024, [KT] smart-on-fhir/cumulus-library-kidney-transplant, [PEDS]
 * PEDSnet/Variable-Dictionary, [ICD] medtrack-io/icd_code, [ATC] WHO ATC index, [IDX] several independent
 * public files agree (weak).
 */
import type { Coding } from "fhir/r4";

export const SYSTEMS = {
  snomed: "http://snomed.info/sct",
  icd10cm: "http://hl7.org/fhir/sid/icd-10-cm",
  rxnorm: "http://www.nlm.nih.gov/research/umls/rxnorm",
  atc: "http://www.whocc.no/atc",
  conditionClinical: "http://terminology.hl7.org/CodeSystem/condition-clinical",
  conditionVerification: "http://terminology.hl7.org/CodeSystem/condition-ver-status",
  conditionCategory: "http://terminology.hl7.org/CodeSystem/condition-category",
  medStatementCategory: "http://terminology.hl7.org/CodeSystem/medication-statement-category",
} as const;

const snomed = (code: string, display: string): Coding => ({ system: SYSTEMS.snomed, code, display });
const icd10 = (code: string, display: string): Coding => ({ system: SYSTEMS.icd10cm, code, display });
const rxnorm = (code: string, display: string): Coding => ({ system: SYSTEMS.rxnorm, code, display });
const atc = (code: string, display: string): Coding => ({ system: SYSTEMS.atc, code, display });

/** Conditions (SNOMED CT and ICD-10-CM). */
export const COND = {
  // [VSAC 2.16.840.1.113883.3.464.1003.103.12.1001 "Diabetes"; VSAC ...1248.175 "Peripheral Neuropathy"]
  t2dmPolyneuropathyIcd: icd10("E11.42", "Type 2 diabetes mellitus with diabetic polyneuropathy"),
  // [SYN metabolic_syndrome_care.json]
  t2dmNeuropathySnomed: snomed("368581000119106", "Neuropathy due to type 2 diabetes mellitus (disorder)"),
  // [KT dx_kidney_ckd.csv]
  ckd4Icd: icd10("N18.4", "Chronic kidney disease, stage 4 (severe)"),
  // [SYN kidney_transplant.json; metabolic_syndrome/kidney_conditions.json]
  ckd4Snomed: snomed("431857002", "Chronic kidney disease stage 4 (disorder)"),
  // [KT dx_kidney_ckd.csv]
  ckd5Icd: icd10("N18.5", "Chronic kidney disease, stage 5"),
  // [KT dx_kidney_ckd.csv]
  ckd5Snomed: snomed("433146000", "Chronic kidney disease stage 5 (disorder)"),
  // [VSAC 2.16.840.1.113883.3.464.1003.104.12.1011 "Essential Hypertension"]
  htnIcd: icd10("I10", "Essential (primary) hypertension"),
  // [SYN hypertension.json]
  htnSnomed: snomed("59621000", "Essential hypertension (disorder)"),
  // [PEDS dx_2021_12_Hypothyroidism_V1.csv]
  hypothyroidIcd: icd10("E03.9", "Hypothyroidism, unspecified"),
  // [SYN hypothyroidism.json]
  hypothyroidSnomed: snomed("83664006", "Idiopathic atrophic hypothyroidism (disorder)"),
  // [SYN anemia/anemia_sub.json]
  anemiaSnomed: snomed("271737000", "Anemia (disorder)"),
  // [ICD codes_e86.ex]
  dehydrationIcd: icd10("E86.0", "Dehydration"),
  // [ICD codes_i73.ex]
  pvdIcd: icd10("I73.9", "Peripheral vascular disease, unspecified"),
  // Look-alikes (must never match a cause).
  // [SYN metabolic_syndrome_care.json via terminology README §2 diabetes: "Prediabetes 714628002 is not diabetes"]
  prediabetesSnomed: snomed("714628002", "Prediabetes (finding)"),
  // [SYN-OLD: sandbox-r4 fixtures, e.g. Ammie_Huels]
  hyperglycemiaSnomed: snomed("80394007", "Hyperglycemia (disorder)"),
  // [SYN-OLD: sandbox-r4 fixtures]
  obesitySnomed: snomed("162864005", "Body mass index 30+ - obesity (finding)"),
  // [SYN-OLD: sandbox-r4 fixtures]
  heartFailureSnomed: snomed("88805009", "Chronic congestive heart failure (disorder)"),
  // [SYN pregnancy.json]
  pregnancySnomed: snomed("72892002", "Normal pregnancy (finding)"),
  // [PEDS conditions/dx_2023_SleepDisturbance_V1.csv]
  rlsIcd: icd10("G25.81", "Restless legs syndrome"),
  // [IDX: HL7 FHIR MedicationStatement example reasonCode + other files] (weak)
  rlsSnomed: snomed("32914008", "Restless legs"),
  // [VSAC 2.16.840.1.113883.3.464.1003.110.12.1082 "Advanced Illness"]
  parkinsonsIcd: icd10("G20", "Parkinson's disease"),
  // [VSAC 2.16.840.1.113883.3.464.1003.110.12.1082 "Advanced Illness"]
  parkinsonsSnomed: snomed("49049000", "Parkinson's disease (disorder)"),
  // [VSAC 2.16.840.1.113883.3.464.1003.114.12.1012 "Neurologic impairment"]
  spinalStenosisIcd: icd10("M48.062", "Spinal stenosis, lumbar region with neurogenic claudication"),
  // [IDX] (weak)
  spinalStenosisSnomed: snomed("76107001", "Spinal stenosis (disorder)"),
  // [PEDS conditions/dx_2021_11_AddisonsDisease_V1.csv]
  addisonIcd: icd10("E27.1", "Primary adrenocortical insufficiency"),
  // [PEDS conditions/dx_2021_11_AddisonsDisease_V1.csv]
  addisonSnomed: snomed("373662000", "Primary adrenocortical insufficiency"),
} as const;

/** Procedures. */
export const PROC = {
  // [SYN dialysis.json]
  dialysis: snomed("265764009", "Renal dialysis (procedure)"),
} as const;

/** Medicines (RxNorm products unless stated). */
export const MED = {
  // [SYN medications/hypertension_medication.json; VSAC 2.16.840.1.113762.1.4.1078.8 Thiazide diuretics]
  hctz25: rxnorm("310798", "Hydrochlorothiazide 25 MG Oral Tablet"),
  // [SYN medications/ace_arb.json; VSAC 2.16.840.1.113883.3.600.1476 HTN drugs]
  lisinopril10: rxnorm("314076", "lisinopril 10 MG Oral Tablet"),
  // [SYN-OLD legacy product; VSAC 2.16.840.1.113883.3.600.1476 HTN drugs]
  amlodipine5: rxnorm("197361", "Amlodipine 5 MG Oral Tablet"),
  // [SYN medications/statin.json; VSAC 2.16.840.1.113883.3.526.3.1575]
  simvastatin20: rxnorm("312961", "Simvastatin 20 MG Oral Tablet"),
  // [SYN medications/statin.json; VSAC 2.16.840.1.113883.3.526.3.1575]
  atorvastatin20: rxnorm("617310", "atorvastatin 20 MG Oral Tablet"),
  // [SYN heart/chf_meds.json; VSAC 2.16.840.1.113762.1.4.1078.898 Loop diuretics]
  furosemide40: rxnorm("313988", "Furosemide 40 MG Oral Tablet"),
  // [SYN contraceptives/intrauterine_device.json]
  mirenaIud: rxnorm("807283", "levonorgestrel 0.000833 MG/HR Intrauterine System [Mirena]"),
  // [IDX: several public medication lists pair 863669 with this name] (weak); ATC G04CA02 (urological alpha blocker)
  tamsulosin04: rxnorm("863669", "tamsulosin hydrochloride 0.4 MG Oral Capsule"),
  // [SYN glaucoma / intraocular-pressure module, per terminology README §3.2 beta blockers]
  dorzolamideTimololEye: rxnorm("1923432", "dorzolamide 20 MG/ML / timolol 5 MG/ML Ophthalmic Solution"),
  // [ATC S01ED01 timolol, ophthalmic beta blocker]
  timololEyeAtc: atc("S01ED01", "timolol"),
  // [ATC S01EC03 dorzolamide, ophthalmic carbonic anhydrase inhibitor]
  dorzolamideEyeAtc: atc("S01EC03", "dorzolamide"),
} as const;
