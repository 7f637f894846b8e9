/** Turning a matched record into evidence items (one per cause), applying pregnancy and deceased rules. */
import { PREGNANCY_CURRENT_WEEKS } from "../knowledge";
import { isoDay, toMillis } from "./dates";
import { systemLabel } from "./lookup";
import type { ConceptMatch } from "./match";
import { str } from "./read";
import { isCurrent } from "./status";
import type { CauseId, Evidence, EvidenceStatus } from "./types";

/** Evidence plus what the assembler needs and the output does not carry. */
export interface RawEvidence {
  cause: CauseId;
  evidence: Evidence;
  escalates: boolean;
  /** Grouping key: same code (or matched words), same status, same kind of record. */
  groupKey: string;
  sortMs: number;
}

export interface RecordContext {
  ref: string;
  resourceType: Evidence["resourceType"];
  status: EvidenceStatus;
  recordStatus?: string;
  verificationStatus?: string;
  category?: string;
  dates: Evidence["dates"];
  sortDate?: string;
  /** The concept's own text (code.text), shown in preference to a coding display. */
  conceptText?: string;
  /** Start of a pregnancy record (onset, else recorded date). */
  pregnancyStart?: string;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export function toEvidence(m: ConceptMatch, ctx: RecordContext, nowMs: number, now: Date, deceased: boolean): RawEvidence {
  let notes: string[] | undefined;
  const note = (text: string) => (notes ??= []).push(text);
  let status = ctx.status;
  if (m.rule.note) note(m.rule.note);
  if (m.by === "code" && m.rule.confidence === "weak") {
    note("This code was verified only against weak sources: lower confidence.");
  }
  if (m.by === "name") note("Recognised from the record's text, not from a code: check the record.");
  if (m.cause === "pregnancy" && isCurrent(status)) {
    const start = ctx.pregnancyStart;
    const startMs = toMillis(start);
    if (startMs === undefined) {
      status = "unknown";
      note("Pregnancy record has no start date: it cannot be shown as current.");
    } else if (Number.isNaN(nowMs) || nowMs - startMs > PREGNANCY_CURRENT_WEEKS * WEEK_MS) {
      status = "stale";
      note(
        `Pregnancy recorded as active but began ${start}, more than ${PREGNANCY_CURRENT_WEEKS} weeks before ${isoDay(now)}: too long ago to be current.`,
      );
    }
  }
  if (deceased) status = "deceased";
  const matched =
    m.by === "code"
      ? {
          system: str(m.coding.system),
          systemLabel: systemLabel(str(m.coding.system)),
          code: str(m.coding.code),
          display: str(m.coding.display),
        }
      : { systemLabel: "Text", display: m.matchedText };
  const text = ctx.conceptText ?? matched.display ?? matched.code ?? m.rule.reason;
  const evidence: Evidence = {
    ref: ctx.ref,
    resourceType: ctx.resourceType,
    text,
    matched,
    matchedBy: m.by,
    ruleId: m.rule.id,
    reason: m.rule.reason,
    status,
    current: isCurrent(status),
    dates: ctx.dates,
  };
  if (ctx.recordStatus) evidence.recordStatus = ctx.recordStatus;
  if (ctx.verificationStatus) evidence.verificationStatus = ctx.verificationStatus;
  if (ctx.category) evidence.category = ctx.category;
  if (ctx.sortDate) evidence.sortDate = ctx.sortDate;
  if (notes) evidence.notes = notes;
  const matchKey = m.by === "code" ? (matched.code ?? "") : m.matchedText.toLowerCase();
  return {
    cause: m.cause,
    evidence,
    escalates: m.rule.escalates === true,
    // The rule fixes the code system; resource type and status complete "says the same thing".
    groupKey: `${m.rule.id} ${matchKey} ${status} ${ctx.resourceType}`,
    sortMs: toMillis(ctx.sortDate) ?? Number.NEGATIVE_INFINITY,
  };
}
