/** Reading Conditions, medicine uses and Procedures into evidence. Malformed records are skipped. */
import type { ResourceKind } from "../knowledge";
import { leadingContext, makesEvidence } from "./context";
import { doseText } from "./dose";
import { endedByTreatment } from "./endedByTreatment";
import { MATCH_FLAGS } from "./lookup";
import { RecordContext, toEvidence, type Clock, type EvidenceItem, type TextReading } from "./evidence";
import { codedTextContext, ConceptMatches, matchConcept } from "./match";
import { conceptCode, endOf, field, isObj, joinedText, startOf, str, textOf } from "./read";
import {
  conditionStatus,
  isAbated,
  isReported,
  medicationIntentStatus,
  medicationRequestStatus,
  medicationStatementStatus,
  procedureStatus,
  statementPeriodStatus,
} from "./status";
import type { Evidence, EvidenceStatus } from "./types";

/** Reads one record and appends its evidence items (none when it matches nothing) to `out`. */
export type RecordReader = (record: unknown, clock: Clock, out: EvidenceItem[]) => void;

/** A modifier extension can change what a record means; the app cannot read them, so it says so. */
function hasModifier(resource: Record<string, unknown>): boolean {
  return Array.isArray(resource.modifierExtension) && resource.modifierExtension.length > 0;
}

/** The matches of the record being read: one list reused from record to record (see ConceptMatches). */
const MATCHES = new ConceptMatches();

/**
 * Appends the items of a record's matches, each read with the record's own words (knowledge-source.md,
 * free text): a Condition's or Procedure's own text (code.text) is read whole for each cause its code
 * matched ("Hypertension - resolved", "ESRD s/p kidney transplant", "FH: ..."); a medicine's, by its first
 * words only ("History of ...", "No ..."), since a medicine's text carries directions. Words that negate,
 * are about a relative, a screening or a suspicion give no item for the coded match.
 * @param status the record's status as its status fields give it (each match's item may change it)
 * @param kind the kind of record, for its name rules
 * @param concept the record's concept and extra text: its whole human text (joinedText) is built only
 *   when a treatment that ends a condition must be looked for in a record read by name
 */
function pushAll(
  out: EvidenceItem[],
  found: ConceptMatches,
  ctx: RecordContext,
  status: EvidenceStatus,
  clock: Clock,
  kind: ResourceKind,
  concept: unknown,
  extraText?: string,
): void {
  const own = ctx.conceptText;
  for (let i = 0; i < found.length; i++) {
    const m = found.match(i);
    let words: TextReading | undefined;
    if (m.by === "code" && own !== undefined) {
      const context = kind === "Medication" ? leadingContext(own) : codedTextContext(kind, own, m.cause);
      if (context !== undefined && !makesEvidence(context)) continue;
      if (context === "history" || context === "resolved") words = { context, endedBy: undefined };
    }
    if ((m.flags & MATCH_FLAGS.mayBeEndedByTreatment) !== 0) {
      const endedBy = endedByTreatment(m.by === "code" ? own : joinedText(concept, extraText), m.cause, m.rule.escalates === true);
      if (endedBy !== undefined) words = { context: words?.context, endedBy };
    }
    const item = toEvidence(m, found.coding(i), ctx, status, clock, words);
    if (item) out.push(item);
  }
}

export const conditionEvidence: RecordReader = (resource, clock, out) => {
  if (!isObj(resource)) return;
  const id = str(resource.id);
  if (!id) return;
  const clinical = conceptCode(resource.clinicalStatus);
  const verification = conceptCode(resource.verificationStatus);
  // No clinical status at all (Epic's encounter diagnoses): read as active, then held to its window
  // (status.ts, conditionWindow) per cause; a status present but unreadable stays unknown.
  const noClinicalStatus = resource.clinicalStatus === undefined || resource.clinicalStatus === null;
  const status = conditionStatus(noClinicalStatus ? "active" : clinical, verification, isAbated(resource));
  if (status === "ignored") return;
  matchConcept(resource.code, "Condition", undefined, MATCHES);
  if (MATCHES.length === 0) return;
  const onset = str(resource.onsetDateTime) ?? startOf(resource.onsetPeriod);
  const abatement = str(resource.abatementDateTime) ?? endOf(resource.abatementPeriod) ?? startOf(resource.abatementPeriod);
  const recorded = str(resource.recordedDate);
  const firstCategory = Array.isArray(resource.category) ? resource.category[0] : undefined;
  const dates: Evidence["dates"] = {};
  if (onset !== undefined) dates.onset = onset;
  if (abatement !== undefined) dates.abatement = abatement;
  if (recorded !== undefined) dates.recorded = recorded;
  // Pregnancy dating is read for a pregnancy, and for a condition that lasts only as long as one.
  const pregnancy = MATCHES.has("pregnancy") || MATCHES.endsWithPregnancy();
  const ctx = new RecordContext(id, "Condition", dates);
  ctx.modified = hasModifier(resource);
  ctx.recordStatus = clinical;
  ctx.verificationStatus = verification;
  ctx.category = conceptCode(firstCategory);
  ctx.sortDate = onset ?? recorded;
  ctx.conceptText = textOf(resource.code);
  ctx.noClinicalStatus = noClinicalStatus;
  if (pregnancy) {
    // Pregnancy dating reads the concept and all its text; other causes do not need them.
    ctx.pregnancy = { concept: resource.code, joinedText: joinedText(resource.code, undefined), start: onset ?? recorded, recordedOn: recorded ?? onset };
  }
  pushAll(out, MATCHES, ctx, status, clock, "Condition", resource.code);
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
  const end = endOf(resource.effectivePeriod) ?? endOf(field(resource.dispenseRequest, "validityPeriod"));
  const reported = type === "MedicationRequest" && isReported(resource);
  const reading =
    type === "MedicationRequest"
      ? medicationIntentStatus(medicationRequestStatus(rawStatus), str(resource.intent), reported)
      : statementPeriodStatus(medicationStatementStatus(rawStatus), rawStatus, endOf(resource.effectivePeriod), clock.nowMs);
  if (reading.status === "ignored") return;
  const concept = isObj(use.concept) ? use.concept : resource.medicationCodeableConcept;
  const refDisplay = isObj(resource.medicationReference) ? str(resource.medicationReference.display) : undefined;
  matchConcept(concept, "Medication", refDisplay, MATCHES);
  if (MATCHES.length === 0) return;
  const authored = str(resource.authoredOn);
  const effective = str(resource.effectiveDateTime) ?? startOf(resource.effectivePeriod);
  const recorded = str(resource.dateAsserted);
  const dates: Evidence["dates"] = {};
  if (authored !== undefined) dates.authored = authored;
  if (effective !== undefined) dates.effective = effective;
  if (end !== undefined) dates.end = end;
  if (recorded !== undefined) dates.recorded = recorded;
  const ctx = new RecordContext(id, type, dates);
  ctx.modified = hasModifier(resource);
  ctx.recordStatus = rawStatus;
  ctx.sortDate = authored ?? effective ?? recorded;
  ctx.conceptText = textOf(concept) ?? refDisplay;
  ctx.statusNote = reading.note;
  ctx.dose = doseText(resource);
  ctx.reported = reported;
  pushAll(out, MATCHES, ctx, reading.status, clock, "Medication", concept, refDisplay);
};

export const procedureEvidence: RecordReader = (resource, clock, out) => {
  if (!isObj(resource)) return;
  const id = str(resource.id);
  if (!id) return;
  const rawStatus = str(resource.status);
  const performedStart = str(resource.performedDateTime) ?? startOf(resource.performedPeriod);
  const performedEnd = endOf(resource.performedPeriod);
  const reading = procedureStatus(rawStatus, performedStart, performedEnd, clock.nowMs);
  if (reading.status === "ignored") return;
  matchConcept(resource.code, "Procedure", undefined, MATCHES);
  if (MATCHES.length === 0) return;
  const dates: Evidence["dates"] = {};
  if (performedStart !== undefined) dates.performed = performedStart;
  if (performedEnd !== undefined) dates.end = performedEnd;
  const ctx = new RecordContext(id, "Procedure", dates);
  ctx.modified = hasModifier(resource);
  ctx.recordStatus = rawStatus;
  ctx.sortDate = performedEnd ?? performedStart;
  ctx.conceptText = textOf(resource.code);
  ctx.statusNote = reading.note;
  pushAll(out, MATCHES, ctx, reading.status, clock, "Procedure", resource.code);
};
