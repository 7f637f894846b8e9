/**
 * Lab evidence as items of the findings builder (EvidenceItem of src/engine/evidence.ts): the few lines
 * that tie interpretLabs to buildFindings. Each result is its own item (never folded with another record:
 * each qualifying result stays an evidence element of its own).
 */
import { ItemWithFields, type EvidenceItem } from "../evidence";
import type { CauseId, Evidence } from "../types";
import type { LabEvidence, LabInterpretation, LabResultDetail } from "./types";

/** An engine Evidence item that carries its lab result. */
export interface LabFindingEvidence extends Evidence {
  lab: LabResultDetail;
}

/**
 * One item per result and finding. `recordCauses`: the causes the record's own evidence has. A cause with
 * `joins` (HbA1c) goes under each joined cause the record has, else under its own cause, titled as the
 * cause's "not recorded" detail (diabetes whose type is not recorded).
 */
export function labEvidenceItems(labs: LabInterpretation, recordCauses: ReadonlySet<CauseId>): EvidenceItem[] {
  const out: EvidenceItem[] = [];
  for (const c of labs.causes) {
    const joined = (c.joins ?? []).filter((j) => recordCauses.has(j));
    const alone = joined.length === 0 && (c.joins?.length ?? 0) > 0;
    const targets: CauseId[] = joined.length > 0 ? joined : [c.cause];
    for (const target of targets) for (const e of c.evidence) out.push(new LabItem(target, e, alone));
  }
  return out;
}

class LabItem extends ItemWithFields {
  constructor(
    cause: CauseId,
    private readonly result: LabEvidence,
    alone: boolean,
  ) {
    super({
      cause,
      escalates: result.escalates,
      unstated: alone,
      sortMs: result.sortMs,
      id: result.id,
      resourceType: result.resourceType,
      ref: result.ref,
      ruleId: result.ruleId,
      status: result.status,
      current: result.current,
      text: result.text,
      recordStatus: result.recordStatus,
      matchKey: `lab ${result.id}`,
      primary: false,
    });
  }

  protected build(): LabFindingEvidence {
    return findingEvidence(this.result);
  }
}

/** A result's output Evidence: its Evidence fields (not id, sortMs, escalates), with its own copies of matched, dates and notes. */
function findingEvidence(e: LabEvidence): LabFindingEvidence {
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
  if (e.notes && e.notes.length > 0) evidence.notes = [...e.notes];
  return evidence;
}
