/** How each kind of record bears on "now": the contract's status rules, as pure functions. */
import { DIALYSIS_RECENT_DAYS } from "../knowledge";
import { toMillis } from "./dates";
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

/**
 * Procedure (dialysis): in-progress is current; completed is current when performed within
 * DIALYSIS_RECENT_DAYS of now (the app's convention), past otherwise; not-done / entered-in-error ignored.
 */
export function procedureStatus(status: string | undefined, performed: string | undefined, nowMs: number): RecordStatus {
  switch (status) {
    case "in-progress":
      return "current";
    case "completed": {
      const t = toMillis(performed);
      if (t === undefined || Number.isNaN(nowMs)) return "past";
      return nowMs - t <= DIALYSIS_RECENT_DAYS * DAY_MS ? "current" : "past";
    }
    case "stopped":
      return "past";
    case "preparation":
      return "not-started";
    case "not-done":
    case "entered-in-error":
      return "ignored";
    default:
      return "unknown";
  }
}

export function isCurrent(status: EvidenceStatus): boolean {
  return status === "current" || status === "unconfirmed";
}
