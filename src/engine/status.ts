/** How each kind of record bears on "now": the contract's status rules, as pure functions. */
import { DIALYSIS_RECENT_DAYS } from "../knowledge";
import { ACUTE_STATE_CURRENT_DAYS, ACUTE_STATES, NO_STATUS_CURRENT_MONTHS } from "../knowledge/conventions";
import { dateParts, toMillis } from "./dates";
import { isObj, str } from "./read";
import type { CauseId, EvidenceStatus } from "./types";

export type RecordStatus = EvidenceStatus | "ignored";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Condition: clinicalStatus + verificationStatus + abatement. */
export function conditionStatus(clinical: string | undefined, verification: string | undefined, abated: boolean): RecordStatus {
  if (verification === "entered-in-error" || verification === "refuted") return "ignored";
  const unconfirmed = verification === "unconfirmed" || verification === "provisional" || verification === "differential";
  switch (clinical) {
    case "active":
    case "recurrence":
    case "relapse":
      if (abated) return "past";
      return unconfirmed ? "unconfirmed" : "current";
    case "inactive":
    case "remission":
    case "resolved":
      return "past";
    default:
      return "unknown";
  }
}

/** Whether a Condition records an abatement (any abatement[x]): an active condition that has abated is past. */
export function isAbated(condition: Record<string, unknown>): boolean {
  return (
    str(condition.abatementDateTime) !== undefined ||
    isObj(condition.abatementPeriod) ||
    isObj(condition.abatementAge) ||
    isObj(condition.abatementRange) ||
    str(condition.abatementString) !== undefined ||
    condition.abatementBoolean === true
  );
}

/** MedicationRequest.status → how it bears on now (anything else: unknown). */
const MEDICATION_REQUEST: Readonly<Record<string, RecordStatus>> = {
  active: "current",
  "on-hold": "current",
  completed: "past",
  stopped: "past",
  cancelled: "ignored",
  "entered-in-error": "ignored",
  draft: "not-started",
};

/** MedicationStatement.status → how it bears on now (anything else: unknown). */
const MEDICATION_STATEMENT: Readonly<Record<string, RecordStatus>> = {
  active: "current",
  "on-hold": "current",
  completed: "past",
  stopped: "past",
  "entered-in-error": "ignored",
  "not-taken": "ignored",
  intended: "not-started",
};

function lookup(table: Readonly<Record<string, RecordStatus>>, status: string | undefined): RecordStatus {
  return status !== undefined && Object.hasOwn(table, status) ? table[status]! : "unknown";
}

export function medicationRequestStatus(status: string | undefined): RecordStatus {
  return lookup(MEDICATION_REQUEST, status);
}

export function medicationStatementStatus(status: string | undefined): RecordStatus {
  return lookup(MEDICATION_STATEMENT, status);
}

/** A status with, when the record's own status field is not the whole story, a note saying why. */
export interface StatusReading {
  readonly status: RecordStatus;
  readonly note?: string;
}

/** Shared readings without a note (most records): no allocation on the hot path. */
const PLAIN = Object.fromEntries(
  (["current", "unconfirmed", "past", "unknown", "not-started", "stale", "deceased", "ignored"] as const).map((s) => [s, { status: s }]),
) as Readonly<Record<RecordStatus, StatusReading>>;

/**
 * MedicationRequest intent (FHIR R4 medicationrequest-intent): a `proposal` (a suggestion with no
 * authorization) and an `option` (one choice of several in a request group) are not a medicine the
 * patient takes: not started. `plan` counts like an order: C-CDA on FHIR and Oracle Health carry the
 * patient's own medication list (home medicines) as active requests with intent `plan`. A reported
 * request (`reportedBoolean` true or a `reportedReference`: a medicine the patient takes at home, as
 * MEDITECH sends them with intent `proposal`) counts whatever its intent (knowledge-source.md, "Medicines
 * the patient takes at home"); an unreported proposal stays not started.
 */
export function medicationIntentStatus(status: RecordStatus, intent: string | undefined, reported = false): StatusReading {
  if (status === "ignored" || reported || (intent !== "proposal" && intent !== "option")) return PLAIN[status];
  if (status === "current" || status === "unknown") {
    return { status: "not-started", note: `A ${intent}, not an order: the patient is not recorded as taking it.` };
  }
  return PLAIN[status];
}

/** A MedicationStatement whose effective period has ended is not current, whatever its status says. */
export function statementPeriodStatus(status: RecordStatus, rawStatus: string | undefined, periodEnd: string | undefined, nowMs: number): StatusReading {
  if (status !== "current" || periodEnd === undefined) return PLAIN[status];
  const endMs = endOfMillis(periodEnd);
  if (endMs === undefined || Number.isNaN(nowMs) || endMs >= nowMs) return PLAIN[status];
  return { status: "past", note: `Recorded as ${rawStatus ?? "current"} but its period ended on ${periodEnd}: not current.` };
}

/**
 * Procedure (dialysis). Current when performed within DIALYSIS_RECENT_DAYS of now: completed and ended
 * (or done) within that window, or in progress and started within it. An in-progress record that ended,
 * or began longer ago, is a stale record: past. In progress with no date: unknown. not-done and
 * entered-in-error are ignored (the app's convention).
 */
export function procedureStatus(status: string | undefined, start: string | undefined, end: string | undefined, nowMs: number): StatusReading {
  const windowMs = DIALYSIS_RECENT_DAYS * DAY_MS;
  switch (status) {
    case "in-progress": {
      const endMs = end === undefined ? undefined : endOfMillis(end);
      if (endMs !== undefined && !Number.isNaN(nowMs) && endMs < nowMs) {
        return { status: "past", note: `Recorded as in progress but its period ended on ${end}: not current.` };
      }
      const startMs = toMillis(start);
      if (startMs === undefined) return { status: "unknown", note: "Recorded as in progress with no date: it cannot be shown as current." };
      if (Number.isNaN(nowMs)) return PLAIN.unknown;
      if (nowMs - startMs <= windowMs) return PLAIN.current;
      return {
        status: "past",
        note: `Recorded as in progress since ${start}, more than ${DIALYSIS_RECENT_DAYS} days ago: a stale record, not counted as current (the app's convention).`,
      };
    }
    case "completed": {
      const t = toMillis(end ?? start);
      if (t === undefined || Number.isNaN(nowMs)) return PLAIN.past;
      return nowMs - t <= windowMs ? PLAIN.current : PLAIN.past;
    }
    case "stopped":
      return PLAIN.past;
    case "preparation":
      return PLAIN["not-started"];
    case "not-done":
    case "entered-in-error":
      return PLAIN.ignored;
    default:
      return PLAIN.unknown;
  }
}

/** The last instant of a FHIR date or dateTime ("2026-11" ends when November ends). */
function endOfMillis(value: string): number | undefined {
  const p = dateParts(value);
  if (!p) return undefined;
  if (/T/.test(value)) return toMillis(value);
  if (p.day !== undefined) return Date.UTC(p.year, p.month! - 1, p.day + 1) - 1;
  if (p.month !== undefined) return Date.UTC(p.year, p.month, 1) - 1;
  return Date.UTC(p.year + 1, 0, 1) - 1;
}

/** Whether a MedicationRequest is reported (knowledge-source.md, home medicines): `reportedBoolean` true or a `reportedReference`. */
export function isReported(request: Record<string, unknown>): boolean {
  return request.reportedBoolean === true || isObj(request.reportedReference);
}

/** The instant NO_STATUS_CURRENT_MONTHS calendar months before now (NaN for an unreadable clock). */
export function noStatusSince(nowMs: number): number {
  if (Number.isNaN(nowMs)) return Number.NaN;
  const d = new Date(nowMs);
  d.setUTCMonth(d.getUTCMonth() - NO_STATUS_CURRENT_MONTHS);
  return d.getTime();
}

const ACUTE: ReadonlySet<CauseId> = new Set(ACUTE_STATES);

/** An acute state of knowledge-source.md ("Acute states go stale"): dehydration, hypoglycemia, acute kidney failure. */
export function isAcuteState(cause: CauseId): boolean {
  return ACUTE.has(cause);
}

/** What a Condition's currency window needs to know (see conditionWindow). */
export interface WindowFacts {
  /** The record has no clinicalStatus at all. */
  readonly noClinicalStatus: boolean;
  readonly category: string | undefined;
  /** visitDateOf the record. */
  readonly visitDate: string | undefined;
}

/**
 * The staleness rules of knowledge-source.md for a current-looking Condition, per cause (one record can
 * name an acute state and a chronic condition):
 * - no clinical status: current when recorded within NO_STATUS_CURRENT_MONTHS (ACUTE_STATE_CURRENT_DAYS for
 *   an acute state); older, or undated, "unknown" (not current; the panel asks to check it);
 * - an acute state recorded as an encounter diagnosis: current for ACUTE_STATE_CURRENT_DAYS from the
 *   encounter (or recorded) date, whatever the clinical status says; older, past.
 * Only ever takes currency away: a status that is not current is returned as it is.
 */
export function conditionWindow(status: EvidenceStatus, cause: CauseId, facts: WindowFacts, nowMs: number, sinceMs: number): StatusReading {
  if (!isCurrent(status)) return PLAIN[status];
  const acute = isAcuteState(cause);
  const encounterAcute = acute && facts.category === "encounter-diagnosis";
  if (!facts.noClinicalStatus && !encounterAcute) return PLAIN[status];
  const visitMs = toMillis(facts.visitDate);
  const what = facts.noClinicalStatus ? "No clinical status" : "An acute encounter diagnosis";
  if (visitMs === undefined || Number.isNaN(nowMs)) return { status: "unknown", note: `${what} and no date: not shown as current.` };
  // By calendar day (UTC): a visit on 28 August is current through 26 November, 90 days later, all day.
  const visitDay = Math.floor(visitMs / DAY_MS);
  const inWindow = acute ? Math.floor(nowMs / DAY_MS) - visitDay <= ACUTE_STATE_CURRENT_DAYS : visitDay >= Math.floor(sinceMs / DAY_MS);
  if (inWindow) return PLAIN[status];
  return {
    status: facts.noClinicalStatus ? "unknown" : "past",
    note: `${what}, from ${facts.visitDate}, over ${acute ? `${ACUTE_STATE_CURRENT_DAYS} days` : `${NO_STATUS_CURRENT_MONTHS} months`} ago: not current (the app's convention).`,
  };
}

export function isCurrent(status: EvidenceStatus): boolean {
  return status === "current" || status === "unconfirmed";
}
