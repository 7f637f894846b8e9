/** How each kind of record bears on "now": the contract's status rules, as pure functions. */
import { DIALYSIS_RECENT_DAYS } from "../knowledge";
import { dateParts, toMillis } from "./dates";
import { isObj, str } from "./read";
import type { EvidenceStatus } from "./types";

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
 * patient's own medication list (home medicines) as active requests with intent `plan`.
 */
export function medicationIntentStatus(status: RecordStatus, intent: string | undefined): StatusReading {
  if (status === "ignored" || (intent !== "proposal" && intent !== "option")) return PLAIN[status];
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

export function isCurrent(status: EvidenceStatus): boolean {
  return status === "current" || status === "unconfirmed";
}
