/** Small builders for hand-made test records. */
import type { Condition, MedicationRequest, MedicationStatement, Procedure } from "fhir/r4";
import type { MedicationUse } from "../../src/engine/types";

export const URI = {
  snomed: "http://snomed.info/sct",
  icd10cm: "http://hl7.org/fhir/sid/icd-10-cm",
  icd9cm: "http://hl7.org/fhir/sid/icd-9-cm",
  rxnorm: "http://www.nlm.nih.gov/research/umls/rxnorm",
  atc: "http://www.whocc.no/atc",
  cpt: "http://www.ama-assn.org/go/cpt",
} as const;

export type Sys = keyof typeof URI;
let n = 0;
const nextId = (p: string) => `${p}-${++n}`;

export function condition(
  system: Sys | string,
  code: string,
  opts: Omit<Partial<Condition>, "text"> & { text?: string; clinical?: string; verification?: string } = {},
): Condition {
  const { text, clinical = "active", verification = "confirmed", ...rest } = opts;
  return {
    resourceType: "Condition",
    id: rest.id ?? nextId("c"),
    subject: { reference: "Patient/p" },
    clinicalStatus: clinical ? { coding: [{ code: clinical }] } : undefined,
    verificationStatus: verification ? { coding: [{ code: verification }] } : undefined,
    code: { coding: [{ system: URI[system as Sys] ?? system, code }], ...(text ? { text } : {}) },
    onsetDateTime: "2026-06-01",
    ...rest,
  };
}

export function medReq(system: Sys | string, code: string, opts: Omit<Partial<MedicationRequest>, "text"> & { text?: string } = {}): MedicationUse {
  const { text, ...rest } = opts;
  const concept = { coding: [{ system: URI[system as Sys] ?? system, code }], ...(text ? { text } : {}) };
  const resource: MedicationRequest = {
    resourceType: "MedicationRequest",
    id: rest.id ?? nextId("m"),
    status: "active",
    intent: "order",
    subject: { reference: "Patient/p" },
    medicationCodeableConcept: concept,
    authoredOn: "2026-06-01",
    ...rest,
  };
  return { resource, concept: resource.medicationCodeableConcept, conceptSource: { kind: "inline" } };
}

export function medText(text: string, opts: Partial<MedicationRequest> = {}): MedicationUse {
  const resource: MedicationRequest = {
    resourceType: "MedicationRequest",
    id: opts.id ?? nextId("m"),
    status: "active",
    intent: "order",
    subject: { reference: "Patient/p" },
    medicationCodeableConcept: { coding: [{ system: "http://example.org/local-drugs", code: "X1" }], text },
    authoredOn: "2026-06-01",
    ...opts,
  };
  return { resource, concept: resource.medicationCodeableConcept };
}

export function medStatement(system: Sys, code: string, status: MedicationStatement["status"]): MedicationUse {
  const resource: MedicationStatement = {
    resourceType: "MedicationStatement",
    id: nextId("ms"),
    status,
    subject: { reference: "Patient/p" },
    medicationCodeableConcept: { coding: [{ system: URI[system], code }] },
    effectiveDateTime: "2026-06-01",
  };
  return { resource, concept: resource.medicationCodeableConcept };
}

export function procedure(system: Sys, code: string, opts: Partial<Procedure> = {}): Procedure {
  return {
    resourceType: "Procedure",
    id: opts.id ?? nextId("pr"),
    status: "completed",
    subject: { reference: "Patient/p" },
    code: { coding: [{ system: URI[system], code }] },
    performedDateTime: "2026-11-01",
    ...opts,
  };
}

export const NOW = new Date("2026-11-26T12:00:00Z");
