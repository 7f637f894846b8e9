import type { DemoPatient } from "../demoPatient";
import { MED } from "../codes";
import { concept, medStatement, patient } from "../builders";

const id = "statements-only";

/**
 * Medicines recorded only as MedicationStatement (no MedicationRequest at all): furosemide and atorvastatin
 * active, hydrochlorothiazide not-taken (ignored). Expected causes: diuretics, cholesterol-medicines.
 */
export const statementsOnly: DemoPatient = {
  id,
  label: "Stella Statement",
  description:
    "MedicationStatement only (no MedicationRequest): active furosemide and atorvastatin, a not-taken hydrochlorothiazide.",
  resources: () => [
    patient({ id, given: ["Stella"], family: "Statement", gender: "female", birthDate: "1972-12-08" }),
    medStatement({
      id: "stmt-furosemide", patientId: id, status: "active", med: concept([MED.furosemide40]),
      effectiveStart: "2023-05-02", dateAsserted: "2024-02-10",
    }),
    medStatement({
      id: "stmt-atorvastatin", patientId: id, status: "active", med: concept([MED.atorvastatin20]),
      effectiveStart: "2021-10-19", dateAsserted: "2024-02-10",
    }),
    medStatement({
      id: "stmt-hctz-not-taken", patientId: id, status: "not-taken", med: concept([MED.hctz25]),
      dateAsserted: "2024-02-10",
    }),
  ],
};
