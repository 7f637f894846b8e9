/**
 * The discovery document (GET /cds-services): the `patient-view` service with its prefetch templates, under
 * exactly the keys of docs/spec/cds-hooks.md, and the two ordering services (`order-select`, `order-sign`)
 * that prefetch only the patient and the conditions. The searches mirror what the panel asks the FHIR server
 * for (src/fhir/load.ts): medicine orders and plans with their Medications included, and the lab results of
 * docs/spec/lab-results.md by LOINC code.
 */
import { LAB_LOINC_CODES, type RecordType } from "../src/knowledge";
import { ALL_MEDICATION_INTENTS } from "../src/fhir/sections";

export const SERVICE_ID = "night-leg-cramps";
export const HOOK = "patient-view";

/** The ordering services (docs/spec/cds-hooks.md, "Ordering hooks"): service id → hook. */
export const ORDER_SELECT_ID = "night-leg-cramps-order-select";
export const ORDER_SIGN_ID = "night-leg-cramps-order-sign";
export type OrderHook = "order-select" | "order-sign";
export const ORDER_SERVICES: Readonly<Record<typeof ORDER_SELECT_ID | typeof ORDER_SIGN_ID, OrderHook>> = {
  [ORDER_SELECT_ID]: "order-select",
  [ORDER_SIGN_ID]: "order-sign",
};
/** Every service id the discovery document lists, patient-view first. */
export const SERVICE_IDS = [SERVICE_ID, ORDER_SELECT_ID, ORDER_SIGN_ID] as const;
export type ServiceId = (typeof SERVICE_IDS)[number];
/** The prefetch keys of the ordering services: the leg-cramp record is all they need from the chart. */
export const ORDER_PREFETCH_KEYS = ["patient", "conditions"] as const satisfies readonly PrefetchKey[];

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
  // The codes without their system, as the app's own search sends them (src/fhir/sections.ts): short
  // enough for any EHR's front end, and LOINC sent under its OID matches too.
  observations: `Observation?patient=${PATIENT}&code=${LAB_LOINC_CODES.join(",")}`,
};

export interface DiscoveryService {
  hook: string;
  id: string;
  title: string;
  description: string;
  prefetch: Partial<Record<PrefetchKey, string>>;
  usageRequirements: string;
}

const ORDER_USAGE =
  "Signed JWT from a trusted client; context.draftOrders (a Bundle of MedicationRequest, with contained or referenced " +
  "Medications); prefetch or an access token with patient/*.rs (or .read) for Patient and Condition.";

function orderService(id: typeof ORDER_SELECT_ID | typeof ORDER_SIGN_ID): DiscoveryService {
  const hook = ORDER_SERVICES[id];
  return {
    hook,
    id,
    title: `Night leg cramps: medicines linked to them (${hook})`,
    description:
      `When a medicine the source links to night leg cramps (diuretics, blood pressure, cholesterol medicines, birth control pills) is ` +
      `${hook === "order-select" ? "chosen" : "signed"} for a patient whose chart documents leg cramps, says which link and how strong, ` +
      "and links to the night leg cramps panel.",
    prefetch: Object.fromEntries(ORDER_PREFETCH_KEYS.map((k) => [k, PREFETCH_TEMPLATES[k]])),
    usageRequirements: ORDER_USAGE,
  };
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
      orderService(ORDER_SELECT_ID),
      orderService(ORDER_SIGN_ID),
    ],
  };
}
