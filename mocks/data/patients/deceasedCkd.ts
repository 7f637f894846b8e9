import type { DemoPatient } from "../demoPatient";
import { COND, MED } from "../codes";
import { concept, condition, medRequest, patient } from "../builders";

const id = "deceased-ckd";

/**
 * A deceased patient (born 1930, died 2016) whose records still say "active": CKD stage 5, hypertension,
 * an active lisinopril order. Expected causes: chronic-kidney-disease, hypertension, blood-pressure-medicines,
 * older-age — all with data-current="false", and the panel says the patient is deceased.
 */
export const deceasedCkd: DemoPatient = {
  id,
  label: "Desmond Departed",
  description: "Deceased (died 2016-08-30, born 1930) with CKD stage 5 and hypertension still marked active.",
  resources: () => [
    patient({
      id, given: ["Desmond"], family: "Departed", gender: "male", birthDate: "1930-02-11",
      deceasedDateTime: "2016-08-30T10:15:00Z",
    }),
    condition({
      id: "dc-cond-ckd5", patientId: id, codings: [COND.ckd5Icd, COND.ckd5Snomed], text: "CKD stage 5",
      clinical: "active", verification: "confirmed", category: "problem-list-item", onset: "2012-04-03",
    }),
    condition({
      id: "dc-cond-htn", patientId: id, codings: [COND.htnIcd, COND.htnSnomed], text: "Hypertension",
      clinical: "active", verification: "confirmed", category: "problem-list-item", onset: "1988-10-10",
    }),
    medRequest({
      id: "dc-mr-lisinopril", patientId: id, status: "active", med: concept([MED.lisinopril10]),
      authoredOn: "2016-02-01",
    }),
  ],
};
