import type { DemoPatient } from "../demoPatient";
import { COND, PROC } from "../codes";
import { condition, daysBefore, patient, procedure } from "../builders";

const id = "pregnancy-rls";

/**
 * A current pregnancy (SNOMED 72892002, active, onset 8 weeks before `now`), restless legs syndrome,
 * Parkinson's disease, lumbar spinal stenosis M48.062, a dialysis Procedure 3 days before `now`, and
 * Addison's disease E27.1. Deliberately implausible as a person; it exercises one code path each.
 * Dates are relative to the `now` passed in (the demo passes the real date; tests pass a fixed one).
 * Expected causes: pregnancy (current), restless-legs-syndrome, parkinsons-disease, spinal-stenosis, dialysis,
 * adrenal-insufficiency.
 */
export const pregnancyRls: DemoPatient = {
  id,
  label: "Priya Pregnant",
  description:
    "Current pregnancy (onset 8 weeks before today) + restless legs (G25.81), Parkinson's, spinal stenosis M48.062, dialysis procedure, Addison's E27.1.",
  resources: (now) => [
    patient({ id, given: ["Priya"], family: "Pregnant", gender: "female", birthDate: "1991-07-14" }),
    condition({
      id: "prg-cond-pregnancy", patientId: id, codings: [COND.pregnancySnomed], text: "Pregnancy",
      clinical: "active", verification: "confirmed", category: "problem-list-item",
      onset: daysBefore(now, 56), recorded: daysBefore(now, 50),
    }),
    condition({
      id: "prg-cond-rls", patientId: id, codings: [COND.rlsIcd, COND.rlsSnomed], text: "Restless legs syndrome",
      clinical: "active", verification: "confirmed", category: "problem-list-item", onset: "2020-10-02",
    }),
    condition({
      id: "prg-cond-parkinsons", patientId: id, codings: [COND.parkinsonsIcd, COND.parkinsonsSnomed],
      text: "Parkinson's disease", clinical: "active", verification: "confirmed", category: "problem-list-item",
      onset: "2022-01-18",
    }),
    condition({
      id: "prg-cond-spinal-stenosis", patientId: id, codings: [COND.spinalStenosisIcd, COND.spinalStenosisSnomed],
      text: "Lumbar spinal stenosis with neurogenic claudication", clinical: "active", verification: "confirmed",
      category: "problem-list-item", onset: "2021-05-27",
    }),
    condition({
      id: "prg-cond-addison", patientId: id, codings: [COND.addisonIcd, COND.addisonSnomed], text: "Addison's disease",
      clinical: "active", verification: "confirmed", category: "problem-list-item", onset: "2017-03-09",
    }),
    procedure({
      id: "prg-proc-dialysis", patientId: id, status: "completed", codings: [PROC.dialysis],
      performed: daysBefore(now, 3),
    }),
  ],
};
