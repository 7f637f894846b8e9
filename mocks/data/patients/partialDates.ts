import type { DemoPatient } from "../demoPatient";
import { COND, MED } from "../codes";
import { concept, condition, medRequest, patient } from "../builders";

const id = "partial-dates";

/**
 * Searches return OperationOutcome entries (search.mode "outcome", severity warning) next to the matches,
 * and dates are partial: onset "2019", recorded "2019-05", an abatement "2019-05", an order authored "2019-05".
 * Also a condition with only code.text and one with no code at all. Expected causes: hypothyroidism (current),
 * anemia (current), dehydration (resolved: not current), cholesterol-medicines (current).
 */
export const partialDates: DemoPatient = {
  id,
  label: "Paula Partial",
  description:
    "Bundles carry OperationOutcome warning entries (search.mode outcome); partial dates (\"2019\", \"2019-05\"); a condition with no code.",
  searchWarnings: {
    Condition: ["Some conditions are not shown because they are marked confidential."],
    MedicationRequest: ["Medication history from an outside pharmacy could not be retrieved."],
  },
  resources: () => [
    patient({ id, given: ["Paula"], family: "Partial", gender: "female", birthDate: "1980-05" }),
    condition({
      id: "pd-cond-hypothyroid", patientId: id, codings: [COND.hypothyroidSnomed], clinical: "active",
      verification: "confirmed", category: "problem-list-item", onset: "2019", recorded: "2019-05",
    }),
    condition({
      id: "pd-cond-anemia", patientId: id, codings: [COND.anemiaSnomed], clinical: "active",
      verification: "confirmed", category: "problem-list-item", onset: "2019-05",
    }),
    condition({
      id: "pd-cond-dehydration", patientId: id, codings: [COND.dehydrationIcd], clinical: "resolved",
      verification: "confirmed", category: "encounter-diagnosis", onset: "2019-05", abatement: "2019-05",
    }),
    condition({
      id: "pd-cond-text-only", patientId: id, codings: [], text: "Follow-up visit, no diagnosis coded",
      clinical: "active", category: "encounter-diagnosis", recorded: "2019",
    }),
    { resourceType: "Condition", id: "pd-cond-no-code", subject: { reference: `Patient/${id}` }, recordedDate: "2019" },
    medRequest({
      id: "pd-mr-atorvastatin", patientId: id, status: "active", med: concept([MED.atorvastatin20]),
      authoredOn: "2019-05",
    }),
  ],
};
