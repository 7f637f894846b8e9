/**
 * Draft orders as real EHRs send them in `context.draftOrders` (CDS Hooks 2.0 order-select / order-sign), and
 * the calls of the ordering services. Codes are the knowledge base's verified ones (docs/terminology/README.md):
 * RxNorm 313988 furosemide 40 MG Oral Tablet, 617310 atorvastatin 20 MG Oral Tablet, 314076 lisinopril 10 MG
 * Oral Tablet, 197885 hydrochlorothiazide 12.5 MG / lisinopril 10 MG Oral Tablet, 860975 metformin (not linked);
 * ingredients 4603 furosemide, 5487 hydrochlorothiazide, 29046 lisinopril.
 */
import { randomUUID } from "node:crypto";
import type { Bundle, BundleEntry, Coding, Condition, Medication, MedicationRequest, Resource } from "fhir/r4";
import type { MedicationUse } from "../../src/engine/types";
import { matchRecords } from "../../src/engine";
import { legCrampCondition, NOW } from "./harness";

export const RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
const rx = (code: string, display: string): Coding => ({ system: RXNORM, code, display });

export const DRUG = {
  furosemide40: rx("313988", "Furosemide 40 MG Oral Tablet"),
  atorvastatin20: rx("617310", "atorvastatin 20 MG Oral Tablet"),
  lisinopril10: rx("314076", "lisinopril 10 MG Oral Tablet"),
  lisinoprilHctz: rx("197885", "hydrochlorothiazide 12.5 MG / lisinopril 10 MG Oral Tablet"),
  metformin500: rx("860975", "24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet"),
  furosemideIngredient: rx("4603", "furosemide"),
  hctzIngredient: rx("5487", "hydrochlorothiazide"),
  lisinoprilIngredient: rx("29046", "lisinopril"),
};

export const PATIENT_ID = "order-patient";

/** A draft MedicationRequest for PATIENT_ID (status draft, intent order), with whatever names its medicine. */
export function draft(id: string | undefined, medicine: Partial<MedicationRequest>, patientId = PATIENT_ID): MedicationRequest {
  return {
    resourceType: "MedicationRequest",
    ...(id !== undefined ? { id } : {}),
    status: "draft",
    intent: "order",
    subject: { reference: `Patient/${patientId}` },
    dosageInstruction: [{ text: "1 tablet by mouth daily" }],
    ...medicine,
  } as MedicationRequest;
}

export const inline = (id: string, coding: Coding, text?: string) => draft(id, { medicationCodeableConcept: { coding: [coding], ...(text ? { text } : {}) } });

export function medication(id: string, codings: Coding[], ingredients: Coding[] = []): Medication {
  return {
    resourceType: "Medication",
    id,
    ...(codings.length > 0 ? { code: { coding: codings } } : {}),
    ...(ingredients.length > 0 ? { ingredient: ingredients.map((c) => ({ itemCodeableConcept: { coding: [c], text: c.display } })) } : {}),
  };
}

/** A draft whose medicine is a contained Medication (`#med`), coded on `code` or only on its ingredients (Oracle Health's way). */
export function contained(id: string, codings: Coding[], ingredients: Coding[] = []): MedicationRequest {
  return draft(id, { contained: [medication("med", codings, ingredients)], medicationReference: { reference: "#med" } });
}

/** The draftOrders Bundle (type collection), each entry with a fullUrl unless given one. */
export function draftBundle(resources: (Resource | BundleEntry)[]): Bundle {
  return {
    resourceType: "Bundle",
    type: "collection",
    entry: resources.map((r) => ("resource" in r && !("resourceType" in r) ? r : { fullUrl: `urn:uuid:${randomUUID()}`, resource: r as Resource })) as BundleEntry[],
  };
}

export function conditionsBundle(conditions: Condition[]): Bundle {
  return { resourceType: "Bundle", type: "searchset", total: conditions.length, entry: conditions.map((resource) => ({ resource, search: { mode: "match" } })) };
}

/** A complete prefetch: the patient and their conditions (leg cramps documented unless `cramps` is false). */
export function orderPrefetch(cramps = true, extra: Condition[] = [], patientId = PATIENT_ID): Record<string, unknown> {
  return {
    patient: { resourceType: "Patient", id: patientId, birthDate: "1950-04-01" },
    conditions: conditionsBundle([...(cramps ? [legCrampCondition(patientId)] : []), ...extra]),
  };
}

export function orderBody(
  hook: "order-select" | "order-sign",
  draftOrders: unknown,
  options: { selections?: unknown; prefetch?: Record<string, unknown> | undefined; patientId?: string; extra?: Record<string, unknown> } = {},
): Record<string, unknown> {
  const patientId = options.patientId ?? PATIENT_ID;
  return {
    hook,
    hookInstance: randomUUID(),
    context: {
      userId: "Practitioner/example",
      patientId,
      encounterId: "enc-1",
      ...(draftOrders !== undefined ? { draftOrders } : {}),
      ...(options.selections !== undefined ? { selections: options.selections } : {}),
    },
    ...("prefetch" in options ? (options.prefetch ? { prefetch: options.prefetch } : {}) : { prefetch: orderPrefetch(true, [], patientId) }),
    ...options.extra,
  };
}

/**
 * What the engine says of these orders as medicines on the chart (the panel's rules), given the concept each
 * one's medicine stands for: the medicine findings as `extension.findings` items of an ordering card.
 */
export function engineOnOrders(orders: { order: MedicationRequest; concept?: MedicationUse["concept"] }[]) {
  const medications: MedicationUse[] = orders.map(({ order, concept }) => ({ resource: { ...order, status: "active" }, ...(concept ? { concept } : {}) }));
  return matchRecords({ conditions: [], medications, procedures: [] }, { now: NOW })
    .findings.filter((f) => f.kind === "medicine")
    .map((f) => ({ id: f.causeId, current: true, strength: f.strength, basis: "draft-order", evidence: f.evidence.map((e) => e.ref) }));
}
