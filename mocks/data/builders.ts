/** Small builders for hand-made FHIR R4 demo resources. Pure: no clock, no I/O. */
import type {
  CodeableConcept,
  Coding,
  Condition,
  Medication,
  MedicationRequest,
  MedicationStatement,
  Patient,
  Procedure,
  Reference,
} from "fhir/r4";
import { SYSTEMS } from "./codes";

const DAY_MS = 86_400_000;

/** `now` minus `days`, as a FHIR date (YYYY-MM-DD, UTC). Fixtures take `now` as a parameter, never the real clock. */
export function daysBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString().slice(0, 10);
}

/** A CodeableConcept; an empty coding list is left out (FHIR forbids empty arrays). */
export function concept(codings: Coding[], text?: string): CodeableConcept {
  const out: CodeableConcept = {};
  if (codings.length > 0) out.coding = codings;
  if (text !== undefined) out.text = text;
  return out;
}

export function patientRef(patientId: string): Reference {
  return { reference: `Patient/${patientId}` };
}

export interface PatientInput {
  id: string;
  given: string[];
  family: string;
  gender: Patient["gender"];
  birthDate: string;
  deceasedDateTime?: string;
}

export function patient(p: PatientInput): Patient {
  const resource: Patient = {
    resourceType: "Patient",
    id: p.id,
    meta: { tag: [{ system: "urn:demo-ehr", code: "synthetic", display: "Synthetic demo patient" }] },
    identifier: [{ system: "urn:demo-ehr:mrn", value: `MRN-${p.id}` }],
    name: [{ use: "official", family: p.family, given: p.given }],
    gender: p.gender,
    birthDate: p.birthDate,
  };
  if (p.deceasedDateTime) resource.deceasedDateTime = p.deceasedDateTime;
  return resource;
}

export type ClinicalStatus = "active" | "recurrence" | "relapse" | "inactive" | "remission" | "resolved";
export type VerificationStatus =
  | "unconfirmed"
  | "provisional"
  | "differential"
  | "confirmed"
  | "refuted"
  | "entered-in-error";

export interface ConditionInput {
  id: string;
  patientId: string;
  codings: Coding[];
  text?: string;
  /** Omitted = no clinicalStatus element (required for entered-in-error by con-5). */
  clinical?: ClinicalStatus;
  verification?: VerificationStatus;
  category?: "problem-list-item" | "encounter-diagnosis";
  onset?: string;
  abatement?: string;
  recorded?: string;
}

export function condition(c: ConditionInput): Condition {
  const resource: Condition = {
    resourceType: "Condition",
    id: c.id,
    subject: patientRef(c.patientId),
  };
  if (c.clinical) {
    resource.clinicalStatus = { coding: [{ system: SYSTEMS.conditionClinical, code: c.clinical }] };
  }
  if (c.verification) {
    resource.verificationStatus = { coding: [{ system: SYSTEMS.conditionVerification, code: c.verification }] };
  }
  if (c.category) {
    resource.category = [{ coding: [{ system: SYSTEMS.conditionCategory, code: c.category }] }];
  }
  resource.code = concept(c.codings, c.text);
  if (c.onset) resource.onsetDateTime = c.onset;
  if (c.abatement) resource.abatementDateTime = c.abatement;
  if (c.recorded) resource.recordedDate = c.recorded;
  return resource;
}

export function medication(id: string, codings: Coding[], text?: string): Medication {
  return { resourceType: "Medication", id, code: concept(codings, text) };
}

export interface MedRequestInput {
  id: string;
  patientId: string;
  status: MedicationRequest["status"];
  intent?: MedicationRequest["intent"];
  /** Inline CodeableConcept, or a reference ("Medication/x" or "#contained"). */
  med: CodeableConcept | Reference;
  authoredOn?: string;
  doNotPerform?: boolean;
  contained?: Medication[];
  dosageText?: string;
  routeText?: string;
}

function isReference(m: CodeableConcept | Reference): m is Reference {
  return "reference" in m;
}

export function medRequest(m: MedRequestInput): MedicationRequest {
  const resource: MedicationRequest = {
    resourceType: "MedicationRequest",
    id: m.id,
    status: m.status,
    intent: m.intent ?? "order",
    subject: patientRef(m.patientId),
  };
  if (m.contained) resource.contained = m.contained;
  if (m.doNotPerform !== undefined) resource.doNotPerform = m.doNotPerform;
  if (isReference(m.med)) resource.medicationReference = m.med;
  else resource.medicationCodeableConcept = m.med;
  if (m.authoredOn) resource.authoredOn = m.authoredOn;
  if (m.dosageText || m.routeText) {
    resource.dosageInstruction = [
      {
        ...(m.dosageText ? { text: m.dosageText } : {}),
        ...(m.routeText ? { route: { text: m.routeText } } : {}),
      },
    ];
  }
  return resource;
}

export interface MedStatementInput {
  id: string;
  patientId: string;
  status: MedicationStatement["status"];
  med: CodeableConcept | Reference;
  effectiveStart?: string;
  dateAsserted?: string;
}

export function medStatement(m: MedStatementInput): MedicationStatement {
  const resource: MedicationStatement = {
    resourceType: "MedicationStatement",
    id: m.id,
    status: m.status,
    subject: patientRef(m.patientId),
  };
  if (isReference(m.med)) resource.medicationReference = m.med;
  else resource.medicationCodeableConcept = m.med;
  if (m.effectiveStart) resource.effectivePeriod = { start: m.effectiveStart };
  if (m.dateAsserted) resource.dateAsserted = m.dateAsserted;
  return resource;
}

export function procedure(p: {
  id: string;
  patientId: string;
  status: Procedure["status"];
  codings: Coding[];
  performed: string;
}): Procedure {
  return {
    resourceType: "Procedure",
    id: p.id,
    status: p.status,
    code: concept(p.codings),
    subject: patientRef(p.patientId),
    performedDateTime: p.performed,
  };
}
