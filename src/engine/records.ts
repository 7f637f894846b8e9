/** Reading Conditions, medicine uses and Procedures into evidence. Malformed records are skipped. */
import { conceptCode, conceptTexts, field, isObj, str } from "./read";
import { matchConcept } from "./match";
import { conditionStatus, medicationRequestStatus, medicationStatementStatus, procedureStatus } from "./status";
import { toEvidence, type RawEvidence, type RecordContext } from "./evidence";

export interface Clock {
  now: Date;
  nowMs: number;
  deceased: boolean;
}

function refOf(resourceType: string, r: Record<string, unknown>): string | undefined {
  const id = str(r.id);
  return id ? `${resourceType}/${id}` : undefined;
}

function periodStart(p: unknown): string | undefined {
  return str(field(p, "start"));
}
function periodEnd(p: unknown): string | undefined {
  return str(field(p, "end"));
}

export function conditionEvidence(resource: unknown, clock: Clock): RawEvidence[] {
  if (!isObj(resource)) return [];
  const ref = refOf("Condition", resource);
  if (!ref) return [];
  const clinical = conceptCode(resource.clinicalStatus);
  const verification = conceptCode(resource.verificationStatus);
  const abated =
    str(resource.abatementDateTime) !== undefined ||
    isObj(resource.abatementPeriod) ||
    isObj(resource.abatementAge) ||
    isObj(resource.abatementRange) ||
    str(resource.abatementString) !== undefined ||
    resource.abatementBoolean === true;
  const status = conditionStatus(clinical, verification, abated);
  if (status === "ignored") return [];
  const matches = matchConcept(resource.code, "Condition", () => conceptTexts(resource.code));
  if (matches.length === 0) return [];
  const onset = str(resource.onsetDateTime) ?? periodStart(resource.onsetPeriod);
  const abatement = str(resource.abatementDateTime) ?? periodEnd(resource.abatementPeriod) ?? periodStart(resource.abatementPeriod);
  const recorded = str(resource.recordedDate);
  const firstCategory = Array.isArray(resource.category) ? resource.category[0] : undefined;
  const ctx: RecordContext = {
    ref,
    resourceType: "Condition",
    status,
    recordStatus: clinical,
    verificationStatus: verification,
    category: conceptCode(firstCategory),
    dates: compact({ onset, abatement, recorded }),
    sortDate: onset ?? recorded,
    conceptText: str(field(resource.code, "text")),
    pregnancyStart: onset ?? recorded,
  };
  return matches.map((m) => toEvidence(m, ctx, clock.nowMs, clock.now, clock.deceased));
}

export function medicationEvidence(use: unknown, clock: Clock): RawEvidence[] {
  if (!isObj(use)) return [];
  const resource = use.resource;
  if (!isObj(resource)) return [];
  const type = resource.resourceType;
  if (type !== "MedicationRequest" && type !== "MedicationStatement") return [];
  if (resource.doNotPerform === true) return [];
  const ref = refOf(type, resource);
  if (!ref) return [];
  const rawStatus = str(resource.status);
  const status = type === "MedicationRequest" ? medicationRequestStatus(rawStatus) : medicationStatementStatus(rawStatus);
  if (status === "ignored") return [];
  const concept = isObj(use.concept) ? use.concept : resource.medicationCodeableConcept;
  const refDisplay = str(field(resource.medicationReference, "display"));
  const texts = () => (refDisplay ? [...conceptTexts(concept), refDisplay] : conceptTexts(concept));
  const matches = matchConcept(concept, "Medication", texts);
  if (matches.length === 0) return [];
  const authored = str(resource.authoredOn);
  const effective = str(resource.effectiveDateTime) ?? periodStart(resource.effectivePeriod);
  const end = periodEnd(resource.effectivePeriod) ?? periodEnd(field(resource.dispenseRequest, "validityPeriod"));
  const recorded = str(resource.dateAsserted);
  const ctx: RecordContext = {
    ref,
    resourceType: type,
    status,
    recordStatus: rawStatus,
    dates: compact({ authored, effective, end, recorded }),
    sortDate: authored ?? effective ?? recorded,
    conceptText: str(field(concept, "text")) ?? refDisplay,
  };
  return matches.map((m) => toEvidence(m, ctx, clock.nowMs, clock.now, clock.deceased));
}

export function procedureEvidence(resource: unknown, clock: Clock): RawEvidence[] {
  if (!isObj(resource)) return [];
  const ref = refOf("Procedure", resource);
  if (!ref) return [];
  const rawStatus = str(resource.status);
  const performedStart = str(resource.performedDateTime) ?? periodStart(resource.performedPeriod);
  const performedEnd = periodEnd(resource.performedPeriod);
  const status = procedureStatus(rawStatus, performedEnd ?? performedStart, clock.nowMs);
  if (status === "ignored") return [];
  const matches = matchConcept(resource.code, "Procedure", () => conceptTexts(resource.code));
  if (matches.length === 0) return [];
  const ctx: RecordContext = {
    ref,
    resourceType: "Procedure",
    status,
    recordStatus: rawStatus,
    dates: compact({ performed: performedStart, end: performedEnd }),
    sortDate: performedEnd ?? performedStart,
    conceptText: str(field(resource.code, "text")),
  };
  return matches.map((m) => toEvidence(m, ctx, clock.nowMs, clock.now, clock.deceased));
}

function compact<T extends Record<string, string | undefined>>(o: T): { [K in keyof T]?: string } {
  const out: { [K in keyof T]?: string } = {};
  for (const key of Object.keys(o) as (keyof T)[]) {
    const v = o[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}
