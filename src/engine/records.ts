/** Reading Conditions, medicine uses and Procedures into evidence. Malformed records are skipped. */
import { toMillis } from "./dates";
import { conceptCode, field, isObj, str } from "./read";
import { matchConcept, type ConceptMatch } from "./match";
import { conditionStatus, medicationRequestStatus, medicationStatementStatus, procedureStatus } from "./status";
import { toEvidence, type Clock, type RawEvidence, type RecordContext } from "./evidence";
import type { Evidence } from "./types";

/** Reads one record and appends its evidence items (none when it matches nothing) to `out`. */
export type RecordReader = (record: unknown, clock: Clock, out: RawEvidence[]) => void;

function periodStart(p: unknown): string | undefined {
  return str(field(p, "start"));
}
function periodEnd(p: unknown): string | undefined {
  return str(field(p, "end"));
}

/** A modifier extension can change what a record means; the app cannot read them, so it says so. */
function hasModifier(resource: Record<string, unknown>): boolean {
  return Array.isArray(resource.modifierExtension) && resource.modifierExtension.length > 0;
}

function sortMsOf(sortDate: string | undefined): number {
  return toMillis(sortDate) ?? Number.NEGATIVE_INFINITY;
}

function pushAll(out: RawEvidence[], matches: readonly ConceptMatch[], ctx: RecordContext, clock: Clock): void {
  for (const m of matches) out.push(toEvidence(m, ctx, clock));
}

export const conditionEvidence: RecordReader = (resource, clock, out) => {
  if (!isObj(resource)) return;
  const id = str(resource.id);
  if (!id) return;
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
  if (status === "ignored") return;
  const matches = matchConcept(resource.code, "Condition");
  if (matches.length === 0) return;
  const onset = str(resource.onsetDateTime) ?? periodStart(resource.onsetPeriod);
  const abatement = str(resource.abatementDateTime) ?? periodEnd(resource.abatementPeriod) ?? periodStart(resource.abatementPeriod);
  const recorded = str(resource.recordedDate);
  const firstCategory = Array.isArray(resource.category) ? resource.category[0] : undefined;
  const dates: Evidence["dates"] = {};
  if (onset !== undefined) dates.onset = onset;
  if (abatement !== undefined) dates.abatement = abatement;
  if (recorded !== undefined) dates.recorded = recorded;
  const ctx: RecordContext = {
    modified: hasModifier(resource),
    id,
    ref: `Condition/${id}`,
    resourceType: "Condition",
    status,
    recordStatus: clinical,
    verificationStatus: verification,
    category: conceptCode(firstCategory),
    dates,
    sortDate: onset ?? recorded,
    sortMs: sortMsOf(onset ?? recorded),
    conceptText: str(field(resource.code, "text")),
    pregnancyStart: onset ?? recorded,
  };
  pushAll(out, matches, ctx, clock);
};

export const medicationEvidence: RecordReader = (use, clock, out) => {
  if (!isObj(use)) return;
  const resource = use.resource;
  if (!isObj(resource)) return;
  const type = resource.resourceType;
  if (type !== "MedicationRequest" && type !== "MedicationStatement") return;
  if (resource.doNotPerform === true) return;
  const id = str(resource.id);
  if (!id) return;
  const rawStatus = str(resource.status);
  const status = type === "MedicationRequest" ? medicationRequestStatus(rawStatus) : medicationStatementStatus(rawStatus);
  if (status === "ignored") return;
  const concept = isObj(use.concept) ? use.concept : resource.medicationCodeableConcept;
  const refDisplay = str(field(resource.medicationReference, "display"));
  const matches = matchConcept(concept, "Medication", refDisplay);
  if (matches.length === 0) return;
  const authored = str(resource.authoredOn);
  const effective = str(resource.effectiveDateTime) ?? periodStart(resource.effectivePeriod);
  const end = periodEnd(resource.effectivePeriod) ?? periodEnd(field(resource.dispenseRequest, "validityPeriod"));
  const recorded = str(resource.dateAsserted);
  const dates: Evidence["dates"] = {};
  if (authored !== undefined) dates.authored = authored;
  if (effective !== undefined) dates.effective = effective;
  if (end !== undefined) dates.end = end;
  if (recorded !== undefined) dates.recorded = recorded;
  const ctx: RecordContext = {
    modified: hasModifier(resource),
    id,
    ref: `${type}/${id}`,
    resourceType: type,
    status,
    recordStatus: rawStatus,
    dates,
    sortDate: authored ?? effective ?? recorded,
    sortMs: sortMsOf(authored ?? effective ?? recorded),
    conceptText: str(field(concept, "text")) ?? refDisplay,
  };
  pushAll(out, matches, ctx, clock);
};

export const procedureEvidence: RecordReader = (resource, clock, out) => {
  if (!isObj(resource)) return;
  const id = str(resource.id);
  if (!id) return;
  const rawStatus = str(resource.status);
  const performedStart = str(resource.performedDateTime) ?? periodStart(resource.performedPeriod);
  const performedEnd = periodEnd(resource.performedPeriod);
  const status = procedureStatus(rawStatus, performedEnd ?? performedStart, clock.nowMs);
  if (status === "ignored") return;
  const matches = matchConcept(resource.code, "Procedure");
  if (matches.length === 0) return;
  const dates: Evidence["dates"] = {};
  if (performedStart !== undefined) dates.performed = performedStart;
  if (performedEnd !== undefined) dates.end = performedEnd;
  const ctx: RecordContext = {
    modified: hasModifier(resource),
    id,
    ref: `Procedure/${id}`,
    resourceType: "Procedure",
    status,
    recordStatus: rawStatus,
    dates,
    sortDate: performedEnd ?? performedStart,
    sortMs: sortMsOf(performedEnd ?? performedStart),
    conceptText: str(field(resource.code, "text")),
  };
  pushAll(out, matches, ctx, clock);
};
