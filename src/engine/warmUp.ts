/**
 * A first run of the engine on a small made-up record, for a page to call while it waits for the network:
 * the browser compiles the name and context patterns and the matching code on first use, and that first
 * use would otherwise fall on the critical path, after the patient's records arrive (about 15 ms of a
 * 100 ms-latency launch on a 2-core machine; bench/load.bench.ts). Pure: no I/O, the clock is fixed, the
 * result is discarded. Nothing in it is a patient's data.
 */
import type { Condition, Observation, Patient, Procedure } from "fhir/r4";
import { LOINC_SYSTEM } from "../knowledge";
import type { EngineInput, EngineResult } from "./types";
import { matchRecords } from "./matchRecords";

const SNOMED = "http://snomed.info/sct";
const ICD10 = "http://hl7.org/fhir/sid/icd-10-cm";
const RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
const active = { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "active" }] };

function condition(id: string, code: Condition["code"]): Condition {
  return { resourceType: "Condition", id, subject: { reference: "Patient/warm-up" }, clinicalStatus: active, code, onsetDateTime: "2000-01-01" };
}

const PATIENT: Patient = { resourceType: "Patient", id: "warm-up", birthDate: "1950-01-01", gender: "female" };

/** Every kind of record and every path through matching: codes, look-alike codes, free text with context cues, a lab result. */
const WARM_UP_INPUT: EngineInput = {
  patient: PATIENT,
  conditions: [
    condition("c1", { coding: [{ system: SNOMED, code: "38341003" }], text: "Hypertension" }),
    condition("c2", { coding: [{ system: ICD10, code: "N18.3" }] }),
    condition("c3", { text: "History of peripheral arterial disease, ruled out; FH: diabetes" }),
    condition("c4", { coding: [{ system: "urn:oid:1.2.840.114350.1.13.0.1.7.2.696871", code: "12345" }], text: "Leg cramps at night" }),
  ],
  medications: [
    {
      resource: {
        resourceType: "MedicationRequest",
        id: "m1",
        status: "active",
        intent: "order",
        subject: { reference: "Patient/warm-up" },
        medicationCodeableConcept: { coding: [{ system: RXNORM, code: "310798" }], text: "Hydrochlorothiazide 25 MG Oral Tablet" },
        authoredOn: "2000-01-01",
      },
    },
    {
      resource: {
        resourceType: "MedicationStatement",
        id: "m2",
        status: "active",
        subject: { reference: "Patient/warm-up" },
        medicationCodeableConcept: { text: "atorvastatin 20 mg tablet" },
      },
    },
  ],
  procedures: [
    { resourceType: "Procedure", id: "p1", status: "completed", subject: { reference: "Patient/warm-up" }, code: { text: "Hemodialysis" }, performedDateTime: "2000-01-01" } satisfies Procedure,
  ],
  observations: [
    {
      resourceType: "Observation",
      id: "o1",
      status: "final",
      code: { coding: [{ system: LOINC_SYSTEM, code: "718-7" }] },
      subject: { reference: "Patient/warm-up" },
      effectiveDateTime: "2000-01-01",
      valueQuantity: { value: 11, unit: "g/dL", system: "http://unitsofmeasure.org", code: "g/dL" },
    } satisfies Observation,
  ],
};

const WARM_UP_NOW = new Date("2000-06-01T00:00:00Z");

/** Runs the engine once on the made-up record above, at a fixed time. */
export function warmUp(): { patient: Patient; result: EngineResult } {
  return { patient: PATIENT, result: matchRecords(WARM_UP_INPUT, { now: WARM_UP_NOW }) };
}
