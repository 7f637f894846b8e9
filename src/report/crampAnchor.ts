/**
 * The leg-cramp record that anchors the panel ("Leg cramps on the problem list since Sep 2026") and the
 * words that date a medicine or a diagnosis against it ("about 6 weeks before the cramps").
 * docs/spec/panel-contract.md, "Reading aids": data-leg-cramps.
 */
import type { LegCrampRecord } from "../engine/legCramps";
import { stripTags } from "./clinicalWords";
import { clip, daysBetween, formatDate, formatMonth, parsePartialDate, plural } from "./format";
import type { Report } from "./types";

export interface CrampAnchor {
  /** "Condition/<id>": the value of data-leg-cramps. */
  ref: string;
  /** The record's own name, tags stripped: "Nocturnal leg cramps". */
  name: string;
  /** Since when (onset, else recorded), as written; absent when the record carries no date. */
  since?: string;
  /** "Leg cramps on the problem list since Sep 2026". */
  words: string;
}

/** Active records first, then problem-list entries, then the earliest dated: the record the cramps are dated by. */
function rank(r: LegCrampRecord): number[] {
  const day = parsePartialDate(r.since);
  return [r.because === "active" ? 0 : 1, r.category === "problem-list-item" ? 0 : 1, day ? day.y * 10000 + (day.m ?? 1) * 100 + (day.d ?? 1) : 99999999];
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** The anchor, when the record documents leg cramps; undefined otherwise. The CDS card dates the cramps by it too (cardRules.ts crampAnchor). */
export function legCrampAnchor(report: Pick<Report, "legCramps">): CrampAnchor | undefined {
  const records = [...(report.legCramps ?? [])].sort((a, b) => compare(rank(a), rank(b)));
  const r = records[0];
  if (!r) return undefined;
  const since = r.since;
  const month = since ? formatMonth(since) : "";
  let words: string;
  if (r.because === "recent") words = `Leg cramps recorded ${since ? formatDate(since) : "recently"}, no longer marked active`;
  else if (r.category === "problem-list-item") words = since ? `Leg cramps on the problem list since ${month}` : "Leg cramps on the problem list (no date recorded)";
  else if (r.category === "encounter-diagnosis") words = since ? `Leg cramps recorded at a visit on ${formatDate(since)}` : "Leg cramps recorded at a visit (no date recorded)";
  else words = since ? `Leg cramps in the record since ${month}` : "Leg cramps in the record (no date recorded)";
  return { ref: r.ref, name: clip(stripTags(r.text), 120), ...(since ? { since } : {}), words };
}

/**
 * How a date stands against the cramps: "about 6 weeks before the cramps", "3 years before the cramps",
 * "about 2 months after the cramps were first recorded", "the same week as the cramps"; "" without an
 * anchor date, or when either date is known only to the year.
 */
export function relativeToCramps(date: string | undefined, anchor: Pick<CrampAnchor, "since"> | undefined): string {
  const days = anchor?.since ? daysBetween(date, anchor.since) : undefined;
  if (days === undefined) return "";
  const coarse = parsePartialDate(date)?.d === undefined || parsePartialDate(anchor?.since)?.d === undefined;
  const span = Math.abs(days);
  if (span < (coarse ? 31 : 7)) return coarse ? "the same month as the cramps" : "the same week as the cramps";
  const size =
    span < 84 && !coarse
      ? `about ${plural(Math.round(span / 7), "week")}`
      : span < 730
        ? `about ${plural(Math.max(1, Math.round(span / 30.44)), "month")}`
        : plural(Math.floor(span / 365.25), "year");
  return days > 0 ? `${size} before the cramps` : `${size} after the cramps were first recorded`;
}
