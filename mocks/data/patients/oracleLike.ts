import type { DemoPatient } from "../demoPatient";
import { COND, MED } from "../codes";
import { condition, medication, medRequest, patient } from "../builders";

const id = "oracle-like";

/**
 * Oracle-Health-like shapes: a contained Medication (`#med1`), and a medicationReference to a Medication
 * that the server does NOT return with `_include` (this patient's searches ignore `_include`): the client
 * must GET Medication/oracle-med-simvastatin. Also a condition with no clinicalStatus (unknown, not current).
 * Expected causes: blood-pressure-medicines (amlodipine), cholesterol-medicines (simvastatin), hypothyroidism;
 * peripheral-artery-disease only as not current (unconfirmed, no clinical status).
 */
export const oracleLike: DemoPatient = {
  id,
  label: "Oscar Oraclefield",
  description:
    "Oracle-Health-like: contained Medication (#med1), a medicationReference that must be fetched with GET Medication/<id> (no _include support), a condition with no clinicalStatus.",
  ignoresInclude: true,
  resources: () => [
    patient({ id, given: ["Oscar"], family: "Oraclefield", gender: "male", birthDate: "1968-09-03" }),
    // Not returned by _include for this patient; reachable only by GET Medication/oracle-med-simvastatin.
    medication("oracle-med-simvastatin", [MED.simvastatin20], "simvastatin 20 mg oral tablet"),
    medRequest({
      id: "oracle-mr-amlodipine", patientId: id, status: "active", authoredOn: "2024-01-15",
      contained: [{ ...medication("med1", [MED.amlodipine5], "amLODIPine 5 mg oral tablet") }],
      med: { reference: "#med1" },
      dosageText: "5 mg, Oral, Daily",
    }),
    medRequest({
      id: "oracle-mr-simvastatin", patientId: id, status: "active", authoredOn: "2024-01-15",
      med: { reference: "Medication/oracle-med-simvastatin" },
      dosageText: "20 mg, Oral, At bedtime",
    }),
    condition({
      id: "oracle-cond-hypothyroid", patientId: id, codings: [COND.hypothyroidIcd],
      text: "Hypothyroidism", category: "problem-list-item", clinical: "active", verification: "confirmed",
      onset: "2018-03-01T00:00:00.000Z",
    }),
    condition({
      id: "oracle-cond-pvd-unknown", patientId: id, codings: [COND.pvdIcd],
      text: "Peripheral vascular disease", category: "problem-list-item", verification: "unconfirmed",
      recorded: "2022-07-11T15:20:00.000Z",
    }),
  ],
};
