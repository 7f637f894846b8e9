/**
 * Record shapes for the clinical corpus: a compact description of each record, turned into the FHIR
 * resources the engine reads (as src/fhir would hand them over) and into one readable line for the
 * corpus document. Pure helpers: no I/O.
 */
import type { CodeableConcept, Condition, MedicationRequest, MedicationStatement, Observation, Patient, Procedure } from "fhir/r4";
import type { EngineInput, MedicationUse } from "../../src/engine/types";

/** Code systems as EHRs send them; "epic" and "cerner" are local code systems with their own URIs. */
export const SYSTEM_URI = {
  snomed: "http://snomed.info/sct",
  icd10: "http://hl7.org/fhir/sid/icd-10-cm",
  icd9: "http://hl7.org/fhir/sid/icd-9-cm",
  rxnorm: "http://www.nlm.nih.gov/research/umls/rxnorm",
  cpt: "http://www.ama-assn.org/go/cpt",
  atc: "http://www.whocc.no/atc",
  loinc: "http://loinc.org",
  epic: "urn:oid:1.2.840.114350.1.13.0.1.7.2.696871",
  cerner: "https://fhir.cerner.com/ec2458f2-1e24-41c8-b71b-0e701af7583d/nomenclature",
} as const;
export type Sys = keyof typeof SYSTEM_URI;

const SYSTEM_LABEL: Record<Sys, string> = {
  snomed: "SNOMED CT",
  icd10: "ICD-10-CM",
  icd9: "ICD-9-CM",
  rxnorm: "RxNorm",
  cpt: "CPT",
  atc: "ATC",
  loinc: "LOINC",
  epic: "Epic local",
  cerner: "Oracle Health local",
};

export interface CodingSpec {
  system: Sys;
  code: string;
  display?: string;
}

interface Base {
  /** Codings in order; a record may carry a local coding and a standard one (Epic / Oracle shapes). */
  codings?: CodingSpec[];
  /** code.text / medicationCodeableConcept.text */
  text?: string;
}

export interface ConditionSpec extends Base {
  kind: "condition";
  /** clinicalStatus code; null = absent. Default active. */
  clinical?: string | null;
  verification?: string;
  onset?: string | null;
  recorded?: string;
  abatement?: string;
  category?: "problem-list-item" | "encounter-diagnosis";
}

export interface MedicineSpec extends Base {
  kind: "request" | "statement";
  status?: string;
  intent?: string;
  authored?: string;
  effective?: string;
  periodStart?: string;
  periodEnd?: string;
  doNotPerform?: boolean;
  doseText?: string;
  /** A reported request (a home medicine): `reportedBoolean` true or false, or a `reportedReference` to the patient. */
  reported?: boolean | "reference";
}

export interface ProcedureSpec extends Base {
  kind: "procedure";
  status: string;
  performed?: string;
  periodStart?: string;
  periodEnd?: string;
}

/** A lab result (lab-results.md): a LOINC-coded Observation with a number and a unit, or the value as a string. */
export interface ObservationSpec extends Base {
  kind: "observation";
  status: string;
  effective: string;
  value?: number;
  comparator?: "<" | "<=" | ">" | ">=";
  unit?: string;
  valueString?: string;
}

export type RecordSpec = ConditionSpec | MedicineSpec | ProcedureSpec | ObservationSpec;

export interface PatientSpec {
  birthDate?: string;
  deceasedDateTime?: string;
  gender?: "female" | "male" | "other" | "unknown";
}

/** Short builders used by the corpus table. */
export const code = (system: Sys, value: string, display?: string): CodingSpec => ({ system, code: value, ...(display ? { display } : {}) });

export function cond(codings: CodingSpec | CodingSpec[] | null, opts: Omit<ConditionSpec, "kind" | "codings"> = {}): ConditionSpec {
  return { kind: "condition", codings: codings === null ? [] : Array.isArray(codings) ? codings : [codings], ...opts };
}

/** A problem-list entry with only a local code and free text (an Epic or Oracle Health problem list without a mapping). */
export function textCond(text: string, opts: Omit<ConditionSpec, "kind" | "codings" | "text"> = {}): ConditionSpec {
  return { kind: "condition", codings: [code("epic", "L" + hash(text))], text, ...opts };
}

export function med(codings: CodingSpec | CodingSpec[] | null, opts: Omit<MedicineSpec, "kind" | "codings"> & { kind?: "request" | "statement" } = {}): MedicineSpec {
  const { kind = "request", ...rest } = opts;
  return { kind, codings: codings === null ? [] : Array.isArray(codings) ? codings : [codings], ...rest };
}

export function textMed(text: string, opts: Omit<MedicineSpec, "kind" | "codings" | "text"> & { kind?: "request" | "statement" } = {}): MedicineSpec {
  return med(code("epic", "M" + hash(text)), { ...opts, text });
}

export function proc(codings: CodingSpec | CodingSpec[], status: string, opts: Omit<ProcedureSpec, "kind" | "codings" | "status"> = {}): ProcedureSpec {
  return { kind: "procedure", codings: Array.isArray(codings) ? codings : [codings], status, ...opts };
}

/** A final lab result: LOINC code, value in a unit (UCUM code and unit alike), date. */
export function obs(loinc: string, value: number | string, unit: string | undefined, effective: string, opts: { status?: string; display?: string; comparator?: ObservationSpec["comparator"] } = {}): ObservationSpec {
  const { status = "final", display, comparator } = opts;
  return {
    kind: "observation",
    codings: [code("loinc", loinc, display)],
    status,
    effective,
    ...(typeof value === "number" ? { value } : { valueString: value }),
    ...(unit !== undefined ? { unit } : {}),
    ...(comparator ? { comparator } : {}),
  };
}

/** A stable small number for local codes (so ids do not depend on order). */
function hash(text: string): number {
  let h = 7;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) % 100_000;
  return h;
}

function concept(spec: Base): CodeableConcept {
  const coding = (spec.codings ?? []).map((c) => ({ system: SYSTEM_URI[c.system], code: c.code, ...(c.display ? { display: c.display } : {}) }));
  return { ...(coding.length > 0 ? { coding } : {}), ...(spec.text ? { text: spec.text } : {}) };
}

const DEFAULT_DATE = "2026-06-01";

/** The engine input for a case's records (resource ids r1, r2, ... in order). */
export function toInput(records: readonly RecordSpec[], patient?: PatientSpec): EngineInput {
  const input: EngineInput = { conditions: [], medications: [], procedures: [] };
  if (patient) {
    const p: Patient = { resourceType: "Patient", id: "p1" };
    if (patient.birthDate) p.birthDate = patient.birthDate;
    if (patient.deceasedDateTime) p.deceasedDateTime = patient.deceasedDateTime;
    if (patient.gender) p.gender = patient.gender;
    input.patient = p;
  }
  records.forEach((spec, i) => {
    const id = `r${i + 1}`;
    if (spec.kind === "condition") {
      const c: Condition = { resourceType: "Condition", id, subject: { reference: "Patient/p1" }, code: concept(spec) };
      const clinical = spec.clinical === undefined ? "active" : spec.clinical;
      if (clinical !== null) c.clinicalStatus = { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: clinical }] };
      c.verificationStatus = {
        coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-ver-status", code: spec.verification ?? "confirmed" }],
      };
      const onset = spec.onset === undefined ? DEFAULT_DATE : spec.onset;
      if (onset !== null) c.onsetDateTime = onset;
      if (spec.recorded) c.recordedDate = spec.recorded;
      if (spec.abatement) c.abatementDateTime = spec.abatement;
      if (spec.category) c.category = [{ coding: [{ code: spec.category }] }];
      input.conditions.push(c);
    } else if (spec.kind === "procedure") {
      const p: Procedure = { resourceType: "Procedure", id, status: spec.status as Procedure["status"], subject: { reference: "Patient/p1" }, code: concept(spec) };
      if (spec.performed) p.performedDateTime = spec.performed;
      if (spec.periodStart || spec.periodEnd) p.performedPeriod = { start: spec.periodStart, end: spec.periodEnd };
      input.procedures.push(p);
    } else if (spec.kind === "observation") {
      const o: Observation = { resourceType: "Observation", id, status: spec.status as Observation["status"], subject: { reference: "Patient/p1" }, code: concept(spec), effectiveDateTime: spec.effective };
      if (spec.value !== undefined) o.valueQuantity = { value: spec.value, ...(spec.comparator ? { comparator: spec.comparator } : {}), ...(spec.unit !== undefined ? { unit: spec.unit, system: "http://unitsofmeasure.org", code: spec.unit } : {}) };
      else if (spec.valueString !== undefined) o.valueString = spec.valueString;
      (input.observations ??= []).push(o);
    } else {
      const medicationCodeableConcept = concept(spec);
      let resource: MedicationRequest | MedicationStatement;
      if (spec.kind === "request") {
        const r: MedicationRequest = {
          resourceType: "MedicationRequest",
          id,
          status: (spec.status ?? "active") as MedicationRequest["status"],
          intent: (spec.intent ?? "order") as MedicationRequest["intent"],
          subject: { reference: "Patient/p1" },
          medicationCodeableConcept,
          authoredOn: spec.authored ?? DEFAULT_DATE,
        };
        if (spec.doNotPerform) r.doNotPerform = true;
        if (spec.reported === "reference") r.reportedReference = { reference: "Patient/p1" };
        else if (spec.reported !== undefined) r.reportedBoolean = spec.reported;
        if (spec.doseText) r.dosageInstruction = [{ text: spec.doseText }];
        resource = r;
      } else {
        const s: MedicationStatement = {
          resourceType: "MedicationStatement",
          id,
          status: (spec.status ?? "active") as MedicationStatement["status"],
          subject: { reference: "Patient/p1" },
          medicationCodeableConcept,
        };
        if (spec.periodStart || spec.periodEnd) s.effectivePeriod = { start: spec.periodStart, end: spec.periodEnd };
        else s.effectiveDateTime = spec.effective ?? DEFAULT_DATE;
        if (spec.doseText) s.dosage = [{ text: spec.doseText }];
        resource = s;
      }
      const use: MedicationUse = { resource, concept: medicationCodeableConcept, conceptSource: { kind: "inline" } };
      input.medications.push(use);
    }
  });
  return input;
}

function codingsLine(spec: Base): string {
  const parts = (spec.codings ?? []).map((c) => `${SYSTEM_LABEL[c.system]} ${c.code}${c.display ? ` "${c.display}"` : ""}`);
  if (spec.text) parts.push(`text "${spec.text}"`);
  return parts.join(" + ") || "(no code, no text)";
}

/** One readable line per record, for the corpus document. */
export function describe(spec: RecordSpec): string {
  if (spec.kind === "condition") {
    const bits = [
      spec.clinical === null ? "no clinical status" : (spec.clinical ?? "active"),
      spec.verification && spec.verification !== "confirmed" ? spec.verification : "",
      spec.onset === null ? "no onset" : `onset ${spec.onset ?? DEFAULT_DATE}`,
      spec.recorded ? `recorded ${spec.recorded}` : "",
      spec.abatement ? `abated ${spec.abatement}` : "",
      spec.category ?? "",
    ].filter(Boolean);
    return `Condition: ${codingsLine(spec)} (${bits.join(", ")})`;
  }
  if (spec.kind === "procedure") {
    const when = spec.performed ? `performed ${spec.performed}` : spec.periodStart || spec.periodEnd ? `period ${spec.periodStart ?? "?"} to ${spec.periodEnd ?? "?"}` : "no date";
    return `Procedure: ${codingsLine(spec)} (${spec.status}, ${when})`;
  }
  if (spec.kind === "observation") {
    const value = spec.value !== undefined ? `${spec.comparator ?? ""}${spec.value}${spec.unit !== undefined ? ` ${spec.unit}` : ""}` : `"${spec.valueString ?? ""}"`;
    return `Observation: ${codingsLine(spec)} = ${value} (${spec.status}, ${spec.effective})`;
  }
  const bits = [
    spec.status ?? "active",
    spec.kind === "request" ? `intent ${spec.intent ?? "order"}` : "",
    spec.periodStart || spec.periodEnd ? `period ${spec.periodStart ?? "?"} to ${spec.periodEnd ?? "?"}` : "",
    spec.doNotPerform ? "doNotPerform" : "",
    spec.reported === "reference" ? "reportedReference Patient" : spec.reported !== undefined ? `reportedBoolean ${spec.reported}` : "",
  ].filter(Boolean);
  return `${spec.kind === "request" ? "MedicationRequest" : "MedicationStatement"}: ${codingsLine(spec)} (${bits.join(", ")})`;
}
