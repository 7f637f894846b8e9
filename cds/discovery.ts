/**
 * The discovery document (GET /cds-services): one `patient-view` service with its prefetch templates, under
 * exactly the keys of docs/spec/cds-hooks.md. The searches mirror what the panel asks the FHIR server for
 * (src/fhir/load.ts): medicine orders and plans with their Medications included, and the lab results of
 * docs/spec/lab-results.md by LOINC code.
 */
import { LAB_LOINC_CODES, LOINC_SYSTEM, type RecordType } from "../src/knowledge";
import { ALL_MEDICATION_INTENTS } from "../src/fhir/sections";

export const SERVICE_ID = "night-leg-cramps";
export const HOOK = "patient-view";

/** The prefetch keys of the specification, in its order. */
export const PREFETCH_KEYS = ["patient", "conditions", "medicationRequests", "medicationStatements", "procedures", "observations"] as const;
export type PrefetchKey = (typeof PREFETCH_KEYS)[number];

/** The kind of record each prefetch key holds. */
export const RECORD_TYPE_OF: Readonly<Record<PrefetchKey, RecordType>> = {
  patient: "Patient",
  conditions: "Condition",
  medicationRequests: "MedicationRequest",
  medicationStatements: "MedicationStatement",
  procedures: "Procedure",
  observations: "Observation",
};

const PATIENT = "{{context.patientId}}";

export const PREFETCH_TEMPLATES: Readonly<Record<PrefetchKey, string>> = {
  patient: `Patient/${PATIENT}`,
  conditions: `Condition?patient=${PATIENT}`,
  medicationRequests: `MedicationRequest?patient=${PATIENT}&intent=${ALL_MEDICATION_INTENTS}&_include=MedicationRequest:medication`,
  medicationStatements: `MedicationStatement?patient=${PATIENT}`,
  procedures: `Procedure?patient=${PATIENT}`,
  observations: `Observation?patient=${PATIENT}&code=${LAB_LOINC_CODES.map((c) => `${LOINC_SYSTEM}|${c}`).join(",")}`,
};

export interface DiscoveryService {
  hook: string;
  id: string;
  title: string;
  description: string;
  prefetch: Record<PrefetchKey, string>;
  usageRequirements: string;
}

export function discoveryDocument(): { services: DiscoveryService[] } {
  return {
    services: [
      {
        hook: HOOK,
        id: SERVICE_ID,
        title: "Night leg cramps: documented causes",
        description:
          "When the chart documents leg cramps, lists which documented causes of night leg cramps (conditions, medicines, " +
          "risk factors) are current in the record, and links to the night leg cramps panel.",
        prefetch: { ...PREFETCH_TEMPLATES },
        usageRequirements:
          "Signed JWT from a trusted client; prefetch or an access token with patient/*.rs (or .read) for Patient, Condition, " +
          "MedicationRequest, MedicationStatement, Procedure, Medication and Observation.",
      },
    ],
  };
}
