import type { DemoPatient } from "../demoPatient";
import { COND, MED } from "../codes";
import { concept, condition, medRequest, patient } from "../builders";

const id = "look-alikes";

/**
 * Look-alikes and ignored records only. Nothing here is a documented cause:
 * prediabetes and hyperglycemia (not diabetes / hypoglycemia), obesity (not lack of activity), heart failure
 * (not PAD), tamsulosin (urinary alpha blocker, not a blood pressure medicine), timolol / dorzolamide eye drops
 * (ophthalmic, not systemic), a levonorgestrel IUD (not a pill), entered-in-error CKD, refuted hypertension,
 * a cancelled and a doNotPerform diuretic. Born 1985, so age is not a finding either.
 * Expected causes: none.
 */
export const lookAlikes: DemoPatient = {
  id,
  label: "Lola Lookalike",
  description:
    "Look-alikes only (prediabetes, hyperglycemia, obesity, heart failure, tamsulosin, eye drops, IUD) plus entered-in-error, refuted, cancelled and do-not-perform records: no findings expected.",
  resources: () => [
    patient({ id, given: ["Lola"], family: "Lookalike", gender: "female", birthDate: "1985-10-21" }),
    condition({
      id: "la-cond-prediabetes", patientId: id, codings: [COND.prediabetesSnomed], text: "Prediabetes",
      clinical: "active", verification: "confirmed", category: "problem-list-item", onset: "2022-03-04",
    }),
    condition({
      id: "la-cond-hyperglycemia", patientId: id, codings: [COND.hyperglycemiaSnomed], text: "Hyperglycemia",
      clinical: "active", verification: "confirmed", category: "encounter-diagnosis", onset: "2022-03-04",
    }),
    condition({
      id: "la-cond-obesity", patientId: id, codings: [COND.obesitySnomed], text: "Obesity (BMI 30+)",
      clinical: "active", verification: "confirmed", category: "problem-list-item", onset: "2019-08-12",
    }),
    condition({
      id: "la-cond-heart-failure", patientId: id, codings: [COND.heartFailureSnomed], text: "Chronic congestive heart failure",
      clinical: "active", verification: "confirmed", category: "problem-list-item", onset: "2023-01-30",
    }),
    // con-5: entered-in-error has no clinicalStatus.
    condition({
      id: "la-cond-ckd-error", patientId: id, codings: [COND.ckd4Icd, COND.ckd4Snomed], text: "CKD stage 4",
      verification: "entered-in-error", category: "problem-list-item", recorded: "2023-06-01",
    }),
    condition({
      id: "la-cond-htn-refuted", patientId: id, codings: [COND.htnIcd, COND.htnSnomed], text: "Hypertension",
      clinical: "inactive", verification: "refuted", category: "encounter-diagnosis", recorded: "2023-06-01",
    }),
    medRequest({
      id: "la-mr-tamsulosin", patientId: id, status: "active", med: concept([MED.tamsulosin04]),
      authoredOn: "2024-02-01", dosageText: "0.4 mg by mouth daily",
    }),
    medRequest({
      id: "la-mr-timolol-eye", patientId: id, status: "active",
      med: concept([MED.timololEyeAtc], "timolol 0.5% ophthalmic solution (eye drops)"),
      authoredOn: "2024-02-01", dosageText: "1 drop in each eye twice daily", routeText: "Ophthalmic",
    }),
    medRequest({
      id: "la-mr-dorzolamide-eye", patientId: id, status: "active",
      med: concept([MED.dorzolamideEyeAtc], "dorzolamide 2% ophthalmic solution (eye drops)"),
      authoredOn: "2024-02-01", dosageText: "1 drop in the affected eye three times daily", routeText: "Ophthalmic",
    }),
    medRequest({
      id: "la-mr-dorzolamide-timolol-eye", patientId: id, status: "active",
      med: concept([MED.dorzolamideTimololEye]), authoredOn: "2024-03-15", routeText: "Ophthalmic",
    }),
    medRequest({
      id: "la-mr-iud", patientId: id, status: "active", med: concept([MED.mirenaIud]), authoredOn: "2021-09-09",
    }),
    medRequest({
      id: "la-mr-furosemide-cancelled", patientId: id, status: "cancelled", med: concept([MED.furosemide40]),
      authoredOn: "2024-04-02",
    }),
    medRequest({
      id: "la-mr-hctz-do-not-perform", patientId: id, status: "active", doNotPerform: true,
      med: concept([MED.hctz25]), authoredOn: "2024-04-02", dosageText: "Do not give: hyponatremia",
    }),
  ],
};
