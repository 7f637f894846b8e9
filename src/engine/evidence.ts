/**
 * Evidence items: one piece of evidence for one cause, from any reader (records here, the patient's age
 * in patient.ts, lab results in labs/toEvidence.ts). One declaration, EvidenceItem: what grouping, ordering and strength
 * need is read from its fields at once; the output Evidence object is built only when asked for, because
 * most items end up folded into another as a mere reference (see assemble.ts).
 *
 * This file also turns a matched record into its items, applying in one place the rules that change what
 * a record means for "now": codes and words that mean history, pregnancy dating and staleness, deceased.
 */
import type { Coding } from "fhir/r4";
import { PREGNANCY_CURRENT_WEEKS, PREGNANCY_DATING, RECORD_TYPES } from "../knowledge";
import { CHRONIC_CONDITIONS } from "../knowledge/conventions";
import type { EvidenceContext } from "./context";
import { isoDay, toMillis, visitDateOf } from "./dates";
import { MATCH_FLAGS, systemLabel } from "./lookup";
import type { ConceptMatch } from "./match";
import { gestationWeeks, isPregnancyEndTitle } from "./pregnancy";
import { str } from "./read";
import { conditionWindow, isAcuteState, isCurrent } from "./status";
import type { CauseId, Evidence, EvidenceStatus } from "./types";

/**
 * One piece of evidence for one cause, as the assembler reads it: the one declaration of its fields.
 * Readers of any kind of record make one with their own class, which builds the output Evidence.
 */
export interface EvidenceItem {
  readonly cause: CauseId;
  /** Evidence of the cause's stronger statement (kidney failure): raises the finding's strength while current. */
  readonly escalates: boolean;
  /** Names the item without the detail the cause needs (diabetes type, kind of kidney failure). */
  readonly unstated: boolean;
  /** toMillis of the date that orders evidence ("most recent first"), or -Infinity. */
  readonly sortMs: number;
  /** The record's id and type: the record is `${resourceType}/${id}` (= ref). */
  readonly id: string;
  readonly resourceType: Evidence["resourceType"];
  readonly ref: string;
  readonly ruleId: string;
  readonly status: EvidenceStatus;
  readonly current: boolean;
  readonly text: string;
  readonly recordStatus: string | undefined;
  /** The matched code as written, or the matched words in lower case: records saying the same thing share it. */
  readonly matchKey: string;
  /** On the problem list (or an order rather than a statement): shown first among equals. */
  readonly primary: boolean;
  /** The output item: built on the first call, the same object afterwards. */
  evidence(): Evidence;
}

/** The data fields of an EvidenceItem (everything but its methods). */
export type EvidenceFields = Omit<EvidenceItem, "evidence">;

/**
 * An item whose fields are given when it is made (lab results, the patient's age: a few per patient).
 * Matched records, which are many, use MatchedItem instead: it reads its fields from the record's
 * context and match rather than copying them (see there).
 */
// The class gets the fields' declarations from the interface of the same name (declaration merging) and
// their values from Object.assign: one declaration of the fields (EvidenceItem), not a second copy here.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type -- every field is assigned in the constructor
export interface ItemWithFields extends EvidenceFields {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export abstract class ItemWithFields implements EvidenceItem {
  private built: Evidence | undefined;

  constructor(fields: EvidenceFields) {
    Object.assign(this, fields);
  }

  evidence(): Evidence {
    return (this.built ??= this.build());
  }

  protected abstract build(): Evidence;
}

/** An item whose Evidence is already made (the patient's age; other readers may use it too). */
export class FixedEvidenceItem extends ItemWithFields {
  constructor(
    fields: EvidenceFields,
    private readonly fixed: Evidence,
  ) {
    super(fields);
  }

  protected build(): Evidence {
    return this.fixed;
  }
}

/** The injected time, and whether the patient is deceased. */
export interface Clock {
  now: Date;
  nowMs: number;
  /** noStatusSince(nowMs): a condition with no clinical status recorded before this is not current. */
  noStatusSinceMs: number;
  deceased: boolean;
}

/**
 * What a record says, read once and shared by all of its evidence items. A class whose fields are all
 * set at construction, in one order: every record's context has one shape, which keeps reading it fast.
 * Readers set what their record says after constructing it. The record's status is not kept here: it is
 * read only when the items are made (toEvidence), while a patient's contexts stay alive until the
 * findings are built.
 */
export class RecordContext {
  recordStatus: string | undefined = undefined;
  verificationStatus: string | undefined = undefined;
  category: string | undefined = undefined;
  /** The date that orders evidence ("most recent first"). */
  sortDate: string | undefined = undefined;
  /** The concept's own text (code.text), shown in preference to a coding display. */
  conceptText: string | undefined = undefined;
  /**
   * For a record that matches pregnancy, what dates it. Kept apart because few records need it and a
   * patient's contexts are many, alive until the findings are built.
   */
  pregnancy: PregnancyDating | undefined = undefined;
  /** A Condition with no clinicalStatus at all (Epic's encounter diagnoses): its currency has a window (status.ts). */
  noClinicalStatus = false;
  /** A MedicationRequest reported rather than ordered (a home medicine): counts whatever its intent. */
  reported = false;
  /** Why the record's status is not what its status field says (a period that ended, a stale procedure, a proposal). */
  statusNote: string | undefined = undefined;
  /** For a medicine: its dose as plain text. */
  dose: string | undefined = undefined;
  /** The record carries a modifierExtension, which may change its meaning. */
  modified = false;

  /** The record: `${resourceType}/${id}`. */
  readonly ref: string;

  constructor(
    readonly id: string,
    readonly resourceType: Evidence["resourceType"],
    readonly dates: Evidence["dates"],
  ) {
    this.ref = REF_PREFIX[resourceType] + id;
  }

  /** A Condition's visit date (visitDateOf: recorded, else onset), for its currency window (read for few records). */
  get visitDate(): string | undefined {
    return visitDateOf(this.dates);
  }
}

/** "Condition/" and the others, made once: a record's reference is then one string joined to its id, not two. */
const REF_PREFIX = Object.fromEntries(RECORD_TYPES.map((type) => [type, `${type}/`])) as Readonly<Record<Evidence["resourceType"], string>>;

/** What a pregnancy record says that dates the pregnancy. */
export interface PregnancyDating {
  /** The concept read (for dating from its codings) and all its human text (see joinedText). */
  concept: unknown;
  joinedText: string;
  /** Start of the pregnancy as recorded (onset, else recorded date). */
  start: string | undefined;
  /** The day a dating code was recorded (recordedDate, else onset). */
  recordedOn: string | undefined;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** Why a current-looking pregnancy is not shown as current. */
type PregnancyDowngrade = "none" | "no-start" | "too-old";

interface PregnancyReading {
  status: EvidenceStatus;
  downgrade: PregnancyDowngrade;
  start?: string;
  /** Weeks of gestation the record states, when it dates the pregnancy. */
  weeks?: number;
  /** For a pregnancy too old to be current: the day it is judged on (isoDay of the clock), for its note. */
  today?: string;
}

/** The pregnancy's start: the earliest of the record's own start and the start its dating implies. */
function readPregnancy(status: EvidenceStatus, ctx: RecordContext, clock: Clock): PregnancyReading {
  if (!isCurrent(status)) return { status, downgrade: "none" };
  const dating = ctx.pregnancy;
  const weeks = dating !== undefined ? gestationWeeks(dating.concept, dating.joinedText) : undefined;
  let startMs = toMillis(dating?.start);
  let start = dating?.start;
  const anchorMs = toMillis(dating?.recordedOn);
  if (weeks !== undefined && anchorMs !== undefined) {
    const dated = anchorMs - weeks * WEEK_MS;
    if (startMs === undefined || dated < startMs) {
      startMs = dated;
      start = isoDay(new Date(dated));
    }
  }
  if (startMs === undefined) return { status: "unknown", downgrade: "no-start", weeks };
  if (Number.isNaN(clock.nowMs) || clock.nowMs - startMs > PREGNANCY_CURRENT_WEEKS * WEEK_MS) {
    return { status: "stale", downgrade: "too-old", start, weeks, today: isoDay(clock.now) };
  }
  return { status, downgrade: "none", start, weeks };
}

/** Does this match record the end of a pregnancy by its title (childbirth, puerperium, postpartum, delivered)? */
function endsPregnancy(m: ConceptMatch, coding: Coding | undefined, ctx: RecordContext): boolean {
  if (m.cause !== "pregnancy" || m.by !== "code") return false;
  const title = [str(coding?.display), ctx.conceptText].filter(Boolean).join(" | ");
  return title.length > 0 && isPregnancyEndTitle(title);
}

/**
 * What a record's own words say about one of its matches (records.ts reads them): for a match by code, the
 * text's context for the match's cause (history or resolved; affirmed words change nothing; a match by name
 * carries its own); and the note of a treatment the text says was done that ends it ("ESRD s/p kidney
 * transplant").
 */
export interface TextReading {
  readonly context: EvidenceContext | undefined;
  readonly endedBy: string | undefined;
}

const CHRONIC: ReadonlySet<CauseId> = new Set(CHRONIC_CONDITIONS);

/**
 * The evidence item a matched record gives for the match's cause, or undefined when the record, read in
 * full, does not support the cause after all (a pregnancy record whose title says it ended).
 *
 * What changes a record's meaning for "now", in order: a code that itself means history or resolution;
 * the record's own words (resolved: past; history: past for a condition that ends, the condition itself
 * for a chronic one; a treatment that ended it); the currency windows of conditions with no status and of
 * acute states (status.ts); pregnancy dating; a deceased patient.
 */
export function toEvidence(
  m: ConceptMatch,
  coding: Coding | undefined,
  ctx: RecordContext,
  recordStatus: EvidenceStatus,
  clock: Clock,
  words?: TextReading,
): EvidenceItem | undefined {
  if (endsPregnancy(m, coding, ctx)) return undefined;
  let status = recordStatus;
  // Notes only where the words or a window changed something (rare): no list, and no closure, per record.
  let notes: string[] | undefined;
  if ((m.flags & MATCH_FLAGS.meansEnded) !== 0 && isCurrent(status)) status = "past";
  const context = m.by === "name" ? (m.context === "affirmed" ? undefined : m.context) : words?.context;
  if (context === "resolved" || (context === "history" && !CHRONIC.has(m.cause))) {
    if (isCurrent(status)) status = "past";
    (notes ??= []).push(`The record's words say ${context === "resolved" ? "it ended" : "this is history"}: shown as past at most.`);
  } else if (context === "history") {
    (notes ??= []).push("The record's words say “history of” a condition that does not end: still that condition; its status decides.");
  }
  if (words?.endedBy !== undefined) {
    if (isCurrent(status)) status = "past";
    (notes ??= []).push(words.endedBy);
  }
  // Only conditions with no status, and encounter diagnoses, have a window (most conditions have neither).
  if (ctx.resourceType === "Condition" && (ctx.noClinicalStatus || ctx.category === "encounter-diagnosis")) {
    const window = conditionWindow(status, m.cause, ctx, clock.nowMs, clock.noStatusSinceMs);
    status = window.status === "ignored" ? status : window.status;
    if (window.note !== undefined) (notes ??= []).push(window.note);
  }
  let pregnancy: PregnancyReading | undefined;
  // A condition that lasts only as long as a pregnancy (high blood pressure of pregnancy) is current only
  // while the record dates a current pregnancy: the pregnancy's own rule.
  if (m.cause === "pregnancy" || (m.flags & MATCH_FLAGS.endsWithPregnancy) !== 0) {
    pregnancy = readPregnancy(status, ctx, clock);
    status = pregnancy.status;
  }
  if (clock.deceased) status = "deceased";
  return new MatchedItem(m, coding, ctx, status, notes !== undefined || pregnancy !== undefined ? { notes, pregnancy } : undefined);
}

/** How the record's words, a currency window or pregnancy dating changed an item's status. */
interface StatusChange {
  /** Notes on how the record's words or a currency window changed its status. */
  readonly notes: string[] | undefined;
  /** For a pregnancy item: its dating. */
  readonly pregnancy: PregnancyReading | undefined;
}

/**
 * The start of the patient's current pregnancy, from the record evidence (the earliest start among
 * current pregnancy items), for the lab rules' pregnancy cut-off; undefined when none is current.
 */
export function currentPregnancyStart(items: readonly EvidenceItem[]): string | undefined {
  let best: { ms: number; start: string } | undefined;
  for (const item of items) {
    if (item.cause !== "pregnancy" || !item.current || !(item instanceof MatchedItem)) continue;
    const start = item.pregnancyStart;
    const ms = toMillis(start);
    if (start !== undefined && ms !== undefined && (!best || ms < best.ms)) best = { ms, start };
  }
  return best?.start;
}

/**
 * The item of a matched Condition, medicine use or Procedure. A patient has thousands of these, alive
 * until the findings are built: rather than copying the record's fields into each (which doubled the
 * memory the engine holds, and the garbage collector's work), its fields are read, when the assembler
 * asks, from the record's context (shared by the record's items) and its match. Only what the item
 * itself decides (status, currency, text) is stored.
 */
class MatchedItem implements EvidenceItem {
  // The fields the assembler reads for every item (grouping, ordering, "each record once", the list of
  // duplicates) are stored on the item, side by side, and declared first (an object's fields are laid
  // out in this order): the items are many and read once more when the findings are built, and reading
  // these through the record's context cost a further trip to memory per item. The rest is read from the
  // context and the match when asked.
  private readonly match: ConceptMatch;
  readonly status: EvidenceStatus;
  readonly current: boolean;
  /**
   * toMillis(ctx.sortDate), stored on the item: the sort compares it across kinds of items (lab results
   * have their own class), and a number got through a getter there is boxed on every comparison.
   */
  readonly sortMs: number;
  readonly resourceType: Evidence["resourceType"];
  readonly id: string;
  readonly primary: boolean;
  readonly ref: string;
  /** The coding a match by code came from (undefined for a match by name). */
  private readonly coding: Coding | undefined;
  private readonly ctx: RecordContext;
  /**
   * What changed the status beyond the record's own (rare: undefined otherwise). One field for both, and
   * no clock (what the notes need of it is in the pregnancy reading, and "deceased" is the status): the
   * items stay alive until the findings are built, and each field is paid for on thousands of them.
   */
  private readonly change: StatusChange | undefined;
  private built: Evidence | undefined = undefined;

  constructor(
    match: ConceptMatch,
    coding: Coding | undefined,
    ctx: RecordContext,
    status: EvidenceStatus,
    change: StatusChange | undefined,
  ) {
    this.match = match;
    this.status = status;
    this.current = isCurrent(status);
    this.sortMs = toMillis(ctx.sortDate) ?? Number.NEGATIVE_INFINITY;
    this.resourceType = ctx.resourceType;
    this.id = ctx.id;
    this.primary = ctx.category === "problem-list-item" || ctx.resourceType === "MedicationRequest";
    this.ref = ctx.ref;
    this.coding = coding;
    this.ctx = ctx;
    this.change = change;
  }

  get text(): string {
    const { match, coding, ctx } = this;
    const text = ctx.conceptText ?? (match.by === "code" ? (str(coding?.display) ?? str(coding?.code)) : match.matchedText);
    return text ?? match.rule.reason;
  }

  get cause(): CauseId {
    return this.match.cause;
  }
  get escalates(): boolean {
    return this.match.rule.escalates === true;
  }
  get unstated(): boolean {
    return this.match.rule.unstated === true;
  }
  get ruleId(): string {
    return this.match.rule.id;
  }
  get recordStatus(): string | undefined {
    return this.ctx.recordStatus;
  }
  get matchKey(): string {
    return this.match.by === "code" ? (str(this.coding?.code) ?? "") : this.match.matchKey;
  }

  evidence(): Evidence {
    return (this.built ??= this.build());
  }

  /** When this is a pregnancy item: the pregnancy's start as the record (or its dating) gives it. */
  get pregnancyStart(): string | undefined {
    return this.change?.pregnancy?.start;
  }

  private build(): Evidence {
    const { match: m, coding, ctx } = this;
    const system = m.by === "code" ? str(coding?.system) : undefined;
    const code = m.by === "code" ? str(coding?.code) : undefined;
    const display = m.by === "code" ? str(coding?.display) : m.matchedText;
    const evidence: Evidence = {
      ref: this.ref,
      resourceType: this.resourceType,
      text: this.text,
      matched: m.by === "code" ? { system, systemLabel: systemLabel(system), code, display } : { systemLabel: "Text", display },
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
    if (ctx.dose) evidence.dose = ctx.dose;
    if (ctx.noClinicalStatus) evidence.statusNotRecorded = true;
    if (ctx.reported) evidence.reported = true;
    if (ctx.resourceType === "Condition" && isAcuteState(m.cause)) evidence.acuteState = true;
    const notes = this.notes();
    if (notes.length > 0) evidence.notes = notes;
    return evidence;
  }

  private notes(): string[] {
    const { match: m, ctx } = this;
    const statusNotes = this.change?.notes;
    const pregnancy = this.change?.pregnancy;
    const out: string[] = [];
    if (m.rule.note) out.push(m.rule.note);
    if (m.cause !== "pregnancy" && (m.flags & MATCH_FLAGS.endsWithPregnancy) !== 0) out.push(PREGNANCY_DATING.PREGNANCY_BOUND_NOTE);
    if (m.by === "code" && m.rule.confidence === "weak") out.push("This code was verified only against weak sources: lower confidence.");
    if (m.by === "name") out.push("Recognised from the record's text, not from a code: check the record.");
    if (statusNotes) out.push(...statusNotes);
    if (ctx.statusNote) out.push(ctx.statusNote);
    if (ctx.modified) {
      out.push("This record carries a modifier extension the app cannot interpret; it may change the record's meaning: check it in the EHR.");
    }
    if (pregnancy?.weeks !== undefined && pregnancy.start) {
      out.push(`The record dates the pregnancy (at least ${pregnancy.weeks} weeks on ${ctx.pregnancy?.recordedOn ?? "the day recorded"}): began by ${pregnancy.start}.`);
    }
    if (pregnancy?.downgrade === "no-start") {
      out.push("Pregnancy record has no start date: it cannot be shown as current.");
    } else if (pregnancy?.downgrade === "too-old") {
      out.push(
        `Pregnancy recorded as active but began ${pregnancy.start}, more than ${PREGNANCY_CURRENT_WEEKS} weeks before ${pregnancy.today}: too long ago to be current (a stale record).`,
      );
    }
    // A deceased patient's items all have the status "deceased" (toEvidence), and only theirs.
    if (this.escalates && !this.current && this.status !== "deceased") {
      out.push("Past evidence of kidney failure or dialysis: it does not make this a known cause today.");
    }
    return out;
  }
}
