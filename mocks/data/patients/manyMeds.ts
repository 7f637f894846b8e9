import type { MedicationRequest, Resource } from "fhir/r4";
import type { DemoPatient } from "../demoPatient";
import { COND, MED } from "../codes";
import { concept, condition, medRequest, patient } from "../builders";

const id = "many-meds";
export const MANY_MEDS_COUNT = 2000;
const CYCLE = [MED.simvastatin20, MED.lisinopril10, MED.hctz25, MED.amlodipine5, MED.atorvastatin20] as const;
const START_MS = Date.UTC(2000, 0, 1);

/** The i-th generated order (0-based): deterministic, independent of the clock. The last 5 are active. */
export function manyMedsRequest(i: number): MedicationRequest {
  const coding = CYCLE[i % CYCLE.length]!;
  const authored = new Date(START_MS + i * 3 * 86_400_000).toISOString().slice(0, 10);
  const status: MedicationRequest["status"] =
    i >= MANY_MEDS_COUNT - CYCLE.length ? "active" : i % 7 === 0 ? "completed" : "stopped";
  return medRequest({
    id: `many-mr-${String(i + 1).padStart(4, "0")}`,
    patientId: id,
    status,
    med: concept([coding]),
    authoredOn: authored,
  });
}

/**
 * 2,000 MedicationRequests (generated in code) spread over many pages: five medicines reordered every
 * three days since 2000; only the last order of each is active. Expected causes: cholesterol-medicines,
 * blood-pressure-medicines, diuretics, hypertension (and older-age, born 1940).
 */
export const manyMeds: DemoPatient = {
  id,
  label: "Manny Meds",
  description: "2,000 MedicationRequests generated in code (100 pages at the default page size); five medicines, only the latest orders active.",
  resources: () => {
    const out: Resource[] = [
      patient({ id, given: ["Manny"], family: "Meds", gender: "male", birthDate: "1940-02-29" }),
      condition({
        id: "many-cond-htn", patientId: id, codings: [COND.htnSnomed], text: "Essential hypertension",
        clinical: "active", verification: "confirmed", onset: "1999-11-01",
      }),
    ];
    for (let i = 0; i < MANY_MEDS_COUNT; i++) out.push(manyMedsRequest(i));
    return out;
  },
};
