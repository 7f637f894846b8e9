import type { DemoPatient } from "../demoPatient";
import { COND, MED } from "../codes";
import { condition, medication, medRequest, patient } from "../builders";

const id = "epic-like";

/**
 * Epic-like shapes: medicines as medicationReference to `_include`d RxNorm-coded Medication resources;
 * conditions coded in ICD-10-CM plus SNOMED CT, each on the problem list AND again as an encounter diagnosis.
 * Expected causes: type-2-diabetes, diabetic-neuropathy, peripheral-neuropathy, chronic-kidney-disease,
 * hypertension, diuretics, blood-pressure-medicines (and older-age, born 1951).
 */
export const epicLike: DemoPatient = {
  id,
  label: "Eleanor Epicson",
  description:
    "Epic-like: medicationReference to _include'd Medications, ICD-10-CM + SNOMED codes, problem-list and encounter-diagnosis duplicates (T2DM with polyneuropathy E11.42, CKD stage 4 N18.4).",
  resources: () => {
    const dm = [COND.t2dmPolyneuropathyIcd, COND.t2dmNeuropathySnomed];
    const ckd = [COND.ckd4Icd, COND.ckd4Snomed];
    const htn = [COND.htnIcd, COND.htnSnomed];
    return [
      patient({ id, given: ["Eleanor"], family: "Epicson", gender: "female", birthDate: "1951-04-17" }),
      medication("epic-med-hctz", [MED.hctz25], "hydrochlorothiazide 25 mg tablet"),
      medication("epic-med-lisinopril", [MED.lisinopril10], "lisinopril 10 mg tablet"),
      condition({
        id: "epic-cond-dm-pl", patientId: id, codings: dm, category: "problem-list-item",
        text: "Type 2 diabetes mellitus with diabetic polyneuropathy (HCC)",
        clinical: "active", verification: "confirmed", onset: "2014-06-02", recorded: "2014-06-02",
      }),
      condition({
        id: "epic-cond-dm-ed", patientId: id, codings: dm, category: "encounter-diagnosis",
        text: "Type 2 diabetes mellitus with diabetic polyneuropathy (HCC)",
        clinical: "active", verification: "confirmed", recorded: "2023-11-20",
      }),
      condition({
        id: "epic-cond-ckd-pl", patientId: id, codings: ckd, category: "problem-list-item",
        text: "CKD (chronic kidney disease) stage 4, GFR 15-29 ml/min (HCC)",
        clinical: "active", verification: "confirmed", onset: "2021-02-09", recorded: "2021-02-09",
      }),
      condition({
        id: "epic-cond-ckd-ed", patientId: id, codings: ckd, category: "encounter-diagnosis",
        text: "CKD (chronic kidney disease) stage 4, GFR 15-29 ml/min (HCC)",
        clinical: "active", verification: "confirmed", recorded: "2023-11-20",
      }),
      condition({
        id: "epic-cond-htn-pl", patientId: id, codings: htn, category: "problem-list-item",
        text: "Essential hypertension", clinical: "active", verification: "confirmed",
        onset: "2009-09-30", recorded: "2009-09-30",
      }),
      medRequest({
        id: "epic-mr-hctz", patientId: id, status: "active", authoredOn: "2023-11-20",
        med: { reference: "Medication/epic-med-hctz", display: "hydrochlorothiazide 25 mg tablet" },
        dosageText: "Take 1 tablet by mouth every morning",
      }),
      medRequest({
        id: "epic-mr-lisinopril", patientId: id, status: "active", authoredOn: "2023-11-20",
        med: { reference: "Medication/epic-med-lisinopril", display: "lisinopril 10 mg tablet" },
        dosageText: "Take 1 tablet by mouth daily",
      }),
    ];
  },
};
