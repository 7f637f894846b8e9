/**
 * The patient-view card's revised rules (docs/spec/cds-hooks.md, "When there is a card", after a physician's
 * review): a card only when something is current; `warning` only when the card says something new and
 * modifiable — a medicine the source links started within 180 days before the leg-cramp record or after
 * it, or a current finding that rests on lab results alone (nothing on the problem list says it); a detail
 * short enough for a side panel; and the override reasons the EHR offers. Pure: `now` is an argument.
 */
import type { LegCrampRecord } from "../engine/legCramps";
import { NEW_MEDICINE_DAYS } from "../knowledge/conventions";
import { toMillis } from "../engine/dates";
import type { Finding } from "../engine/types";
import { shortLabel } from "./card";
import { legCrampAnchor } from "./crampAnchor";
import { causeFindings, findingBasis, readingOrder } from "./facts";
import { formatDate, plural } from "./format";
import { medicineStartDate } from "./medicineStart";
import type { Report } from "./types";

const DAY_MS = 86_400_000;

/** The reasons an EHR offers for overriding the card (CDS Hooks 2.0 `overrideReasons`, Codings). */
export const OVERRIDE_REASON_SYSTEM = "urn:night-leg-cramps:cds:override-reason";
export const OVERRIDE_REASONS = [
  { code: "already-reviewed", system: OVERRIDE_REASON_SYSTEM, display: "Already reviewed" },
  { code: "not-relevant", system: OVERRIDE_REASON_SYSTEM, display: "Not relevant for this patient" },
] as const;

/** The current causes (restless legs, not a cause, left out); none for a deceased patient. */
export function currentCauses(report: Pick<Report, "findings" | "patient">): Finding[] {
  return causeFindings(readingOrder(report).current);
}

/**
 * When the cramps began, as a time: the date of the record the panel dates the cramps by (legCrampAnchor:
 * active first, then the problem list, then the earliest), so card and panel set a medicine against the
 * same day.
 */
export function crampAnchor(legCramps: readonly LegCrampRecord[]): number | undefined {
  return toMillis(legCrampAnchor({ legCramps })?.since);
}

/** The earliest start of the finding's current records, when every one of them has a date. */
export function medicineStart(f: Finding): string | undefined {
  const starts = f.evidence.filter((e) => e.current).map(medicineStartDate);
  if (starts.length === 0 || starts.some((s) => toMillis(s) === undefined)) return undefined;
  return starts.reduce((a, b) => (toMillis(a)! <= toMillis(b)! ? a : b));
}

/** Why a current finding is new and modifiable, or undefined: "medicine" (started near or after the cramps) or "lab". */
export function newAndModifiable(f: Finding, anchor: number | undefined): "medicine" | "lab" | undefined {
  if (!f.current) return undefined;
  if (findingBasis(f) === "lab") return "lab";
  if (f.kind !== "medicine" || anchor === undefined) return undefined;
  const start = toMillis(medicineStart(f));
  return start !== undefined && start >= anchor - NEW_MEDICINE_DAYS * DAY_MS ? "medicine" : undefined;
}

/** `warning` when a current finding is new and modifiable, else `info`. */
export function cardIndicatorFor(report: Pick<Report, "findings" | "patient">, legCramps: readonly LegCrampRecord[]): "warning" | "info" {
  const anchor = crampAnchor(legCramps);
  return currentCauses(report).some((f) => newAndModifiable(f, anchor) !== undefined) ? "warning" : "info";
}

/**
 * For a medicine that is new: "started 29 Jul 2026, 45 days before the leg cramps" (or "after"). Empty
 * otherwise.
 */
export function newMedicineWords(f: Finding, anchor: number | undefined): string {
  if (newAndModifiable(f, anchor) !== "medicine" || anchor === undefined) return "";
  const start = medicineStart(f)!;
  const days = Math.round((toMillis(start)! - anchor) / DAY_MS);
  const relation = days === 0 ? "the day the leg cramps began" : days < 0 ? `${plural(-days, "day")} before the leg cramps` : `${plural(days, "day")} after the leg cramps began`;
  return `started ${formatDate(start)}, ${relation}`;
}

/** "Diuretics" from "Diuretics (medicines that increase urine output)": a finding's short label at the head of a line. */
export function lineLabel(f: Finding): string {
  const short = shortLabel(f.label);
  return short.charAt(0).toUpperCase() + short.slice(1);
}

/** "Not current: anemia, pregnancy and 2 more (see the panel)." or "". */
export function pastInOneLine(report: Pick<Report, "findings" | "patient">, max = 3): string {
  const past = causeFindings(readingOrder(report).past);
  if (past.length === 0) return "";
  const names = past.slice(0, max).map((f) => shortLabel(f.label));
  const rest = past.length - names.length;
  return `Not current: ${names.join(", ")}${rest > 0 ? ` and ${rest} more` : ""} (see the panel).`;
}
