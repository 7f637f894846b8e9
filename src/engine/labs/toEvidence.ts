/**
 * Lab evidence as items of the findings builder (RawEvidence of src/engine/evidence.ts): the few lines
 * that tie interpretLabs to buildFindings. Each result is its own item (never folded with another record:
 * each qualifying result stays an evidence element of its own).
 */
import type { RawEvidence } from "../evidence";
import type { CauseId, Evidence } from "../types";
import type { LabEvidence, LabInterpretation, LabResultDetail } from "./types";

/** An engine Evidence item that carries its lab result. */
export interface LabFindingEvidence extends Evidence {
  lab: LabResultDetail;
}

/**
 * One RawEvidence per result and finding. `recordCauses`: the causes the record's own evidence has. A
 * cause with `joins` (HbA1c) goes under each joined cause the record has, else under its own cause with
 * its `aloneNote`.
 */
export function labRawEvidence(labs: LabInterpretation, recordCauses: ReadonlySet<CauseId>): RawEvidence[] {
  const out: RawEvidence[] = [];
  for (const c of labs.causes) {
    const joined = (c.joins ?? []).filter((j) => recordCauses.has(j));
    const targets: CauseId[] = joined.length > 0 ? joined : [c.cause];
    const note = joined.length === 0 ? c.aloneNote : undefined;
    for (const target of targets) for (const e of c.evidence) out.push(rawItem(target, e, note));
  }
  return out;
}

function rawItem(cause: CauseId, e: LabEvidence, extraNote: string | undefined): RawEvidence {
  let built: LabFindingEvidence | undefined;
  return {
    cause,
    escalates: e.escalates,
    sortMs: e.sortMs,
    id: e.id,
    ref: e.ref,
    resourceType: e.resourceType,
    ruleId: e.ruleId,
    status: e.status,
    current: e.current,
    text: e.text,
    recordStatus: e.recordStatus,
    matchKey: `lab ${e.id}`,
    primary: false,
    groupKey: () => `${e.ruleId} lab:${e.id} ${e.status} Observation`,
    evidence: () => (built ??= toEvidence(e, extraNote)),
  };
}

export function toEvidence(e: LabEvidence, extraNote?: string): LabFindingEvidence {
  const notes = [...(extraNote ? [extraNote] : []), ...(e.notes ?? [])];
  const evidence: LabFindingEvidence = {
    ref: e.ref,
    resourceType: e.resourceType,
    text: e.text,
    matched: { ...e.matched },
    matchedBy: e.matchedBy,
    ruleId: e.ruleId,
    reason: e.reason,
    status: e.status,
    current: e.current,
    recordStatus: e.recordStatus,
    dates: { ...e.dates },
    sortDate: e.sortDate,
    lab: e.lab,
  };
  if (notes.length > 0) evidence.notes = notes;
  return evidence;
}

