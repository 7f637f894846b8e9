/**
 * Turning a matched record into evidence items (one per cause), applying pregnancy and deceased rules.
 * What grouping and ordering need is computed at once; the output Evidence object is built only when
 * asked for, because most items end up folded into another as a mere reference (see assemble.ts).
 */
import { PREGNANCY_CURRENT_WEEKS } from "../knowledge";
import { isoDay, toMillis } from "./dates";
import { systemLabel } from "./lookup";
import type { ConceptMatch } from "./match";
import { str } from "./read";
import { isCurrent } from "./status";
import type { CauseId, Evidence, EvidenceStatus } from "./types";

/** An evidence item with what the assembler needs (grouping and ordering keys) and the output does not carry. */
export interface RawEvidence {
  readonly cause: CauseId;
  readonly escalates: boolean;
  readonly sortMs: number;
  /** The record's id: with resourceType, the record (ref is `${resourceType}/${id}`). */
  readonly id: string;
  /** The values of the same-named Evidence fields, readable without building it. */
  readonly ref: string;
  readonly resourceType: Evidence["resourceType"];
  readonly ruleId: string;
  readonly status: EvidenceStatus;
  readonly current: boolean;
  readonly text: string;
  readonly recordStatus: string | undefined;
  /** The matched code as written, or the matched words in lower case. */
  readonly matchKey: string;
  /** On the problem list (or an order rather than a statement): shown first among equals. */
  readonly primary: boolean;
  /**
   * Grouping key: same rule, same code (or matched words), same status, same kind of record, as one
   * string (rule ids have no spaces). Grouping itself compares the parts; this is for ordering ties.
   */
  groupKey(): string;
  /** The output item: built on the first call, the same object afterwards. */
  evidence(): Evidence;
}

/** The injected time, and whether the patient is deceased. */
export interface Clock {
  now: Date;
  nowMs: number;
  deceased: boolean;
}

/** What a record says, read once and shared by all of its evidence items. */
export interface RecordContext {
  id: string;
  ref: string;
  resourceType: Evidence["resourceType"];
  status: EvidenceStatus;
  recordStatus?: string;
  verificationStatus?: string;
  category?: string;
  dates: Evidence["dates"];
  sortDate?: string;
  /** toMillis(sortDate), or -Infinity when there is none. */
  sortMs: number;
  /** The concept's own text (code.text), shown in preference to a coding display. */
  conceptText?: string;
  /** Start of a pregnancy record (onset, else recorded date). */
  pregnancyStart?: string;
  /** The record carries a modifierExtension, which may change its meaning. */
  modified?: boolean;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** Why a current-looking pregnancy is not shown as current. */
type PregnancyDowngrade = "none" | "no-start" | "too-old";

export function toEvidence(m: ConceptMatch, ctx: RecordContext, clock: Clock): RawEvidence {
  return new MatchedEvidence(m, ctx, clock);
}

class MatchedEvidence implements RawEvidence {
  readonly cause: CauseId;
  readonly escalates: boolean;
  readonly sortMs: number;
  readonly id: string;
  readonly ref: string;
  readonly resourceType: Evidence["resourceType"];
  readonly ruleId: string;
  readonly status: EvidenceStatus;
  readonly current: boolean;
  readonly text: string;
  readonly recordStatus: string | undefined;
  readonly matchKey: string;
  readonly primary: boolean;
  private readonly pregnancy: PregnancyDowngrade;
  /** The matched coding's fields (code match), or the matched words as display (name match). */
  private readonly system: string | undefined;
  private readonly code: string | undefined;
  private readonly display: string | undefined;
  private built: Evidence | undefined;

  constructor(
    private readonly match: ConceptMatch,
    private readonly ctx: RecordContext,
    private readonly clock: Clock,
  ) {
    let status = ctx.status;
    let pregnancy: PregnancyDowngrade = "none";
    if (match.cause === "pregnancy" && isCurrent(status)) {
      const startMs = toMillis(ctx.pregnancyStart);
      if (startMs === undefined) {
        status = "unknown";
        pregnancy = "no-start";
      } else if (Number.isNaN(clock.nowMs) || clock.nowMs - startMs > PREGNANCY_CURRENT_WEEKS * WEEK_MS) {
        status = "stale";
        pregnancy = "too-old";
      }
    }
    if (clock.deceased) status = "deceased";
    if (match.by === "code") {
      this.system = str(match.coding.system);
      this.code = str(match.coding.code);
      this.display = str(match.coding.display);
      this.matchKey = this.code ?? "";
    } else {
      this.system = undefined;
      this.code = undefined;
      this.display = match.matchedText;
      this.matchKey = match.matchKey;
    }
    this.cause = match.cause;
    this.escalates = match.rule.escalates === true;
    this.sortMs = ctx.sortMs;
    this.id = ctx.id;
    this.ref = ctx.ref;
    this.resourceType = ctx.resourceType;
    this.ruleId = match.rule.id;
    this.status = status;
    this.current = isCurrent(status);
    this.text = ctx.conceptText ?? this.display ?? this.code ?? match.rule.reason;
    this.recordStatus = ctx.recordStatus;
    this.primary = ctx.category === "problem-list-item" || ctx.resourceType === "MedicationRequest";
    this.pregnancy = pregnancy;
  }

  groupKey(): string {
    // The rule fixes the code system; resource type and status complete "says the same thing".
    const kind = this.resourceType === "MedicationStatement" ? "MedicationRequest" : this.resourceType;
    return `${this.ruleId} ${this.matchKey} ${this.status} ${kind}`;
  }

  evidence(): Evidence {
    return (this.built ??= this.build());
  }

  private build(): Evidence {
    const { match: m, ctx } = this;
    const evidence: Evidence = {
      ref: this.ref,
      resourceType: this.resourceType,
      text: this.text,
      matched:
        m.by === "code"
          ? { system: this.system, systemLabel: systemLabel(this.system), code: this.code, display: this.display }
          : { systemLabel: "Text", display: this.display },
      matchedBy: m.by,
      ruleId: this.ruleId,
      reason: m.rule.reason,
      status: this.status,
      current: this.current,
      dates: ctx.dates,
    };
    if (ctx.recordStatus) evidence.recordStatus = ctx.recordStatus;
    if (ctx.verificationStatus) evidence.verificationStatus = ctx.verificationStatus;
    if (ctx.category) evidence.category = ctx.category;
    if (ctx.sortDate) evidence.sortDate = ctx.sortDate;
    const notes = this.notes();
    if (notes.length > 0) evidence.notes = notes;
    return evidence;
  }

  private notes(): string[] {
    const { match: m, ctx } = this;
    const notes: string[] = [];
    if (m.rule.note) notes.push(m.rule.note);
    if (m.by === "code" && m.rule.confidence === "weak") {
      notes.push("This code was verified only against weak sources: lower confidence.");
    }
    if (m.by === "name") notes.push("Recognised from the record's text, not from a code: check the record.");
    if (ctx.modified) {
      notes.push("This record carries a modifier extension the app cannot interpret; it may change the record's meaning: check it in the EHR.");
    }
    if (this.pregnancy === "no-start") {
      notes.push("Pregnancy record has no start date: it cannot be shown as current.");
    } else if (this.pregnancy === "too-old") {
      notes.push(
        `Pregnancy recorded as active but began ${ctx.pregnancyStart}, more than ${PREGNANCY_CURRENT_WEEKS} weeks before ${isoDay(this.clock.now)}: too long ago to be current.`,
      );
    }
    return notes;
  }
}
