/**
 * Lab results that tell the whole story under a finding (docs/spec/panel-contract.md, "Reading aids"): the
 * latest result of the finding's test, normal or not; a trend sentence ("eGFR fell from 44 to 11
 * mL/min/1.73 m² over 16 months"); display units without UCUM braces and sensible precision per test; and
 * the fixed clinical axis each test's chart is drawn on (no auto-zoom that turns noise into a trend).
 */
import type { LabInterpretation, LabSeries, LabSeriesPoint, LabSkipped } from "../engine/labs/types";
import type { CauseId, Finding } from "../engine/types";
import type { SourceReport } from "../fhir/types";
import type { LabTestId } from "../knowledge";
import { LAB_RULES } from "../knowledge";
import { LAB_TREND_CHANGE } from "../knowledge/conventions";
import { formatDate, parsePartialDate, plain, plural } from "./format";

interface TestDisplay {
  /** The test in running text ("hemoglobin"). */
  name: string;
  /** Decimals a clinician reads the value with, in the test's unit. */
  decimals: (value: number) => number;
  /** The chart's fixed range in the test's unit (widened only to show a value or a cut-off outside it). */
  axis: readonly [number, number];
}

/** Per test: display precision and fixed axis (the app's display conventions; what counts as a change is LAB_TREND_CHANGE). */
const LAB_DISPLAY: Readonly<Record<LabTestId, TestDisplay>> = {
  egfr: { name: "eGFR", decimals: () => 0, axis: [0, 120] },
  hemoglobin: { name: "hemoglobin", decimals: () => 1, axis: [6, 18] },
  hba1c: { name: "HbA1c", decimals: () => 1, axis: [4, 12] },
  glucose: { name: "glucose", decimals: () => 0, axis: [40, 250] },
  tsh: { name: "TSH", decimals: (v) => (Math.abs(v) < 1 ? 2 : 1), axis: [0, 12] },
};

/** Causes whose finding shows a test's results: the lab rules' causes (and the causes results join), plus kidney failure and dialysis for eGFR. */
const EXTRA_TESTS: Partial<Record<CauseId, LabTestId[]>> = { "acute-kidney-failure": ["egfr"], dialysis: ["egfr"] };

/** The tests whose results belong under a finding of this cause. */
export function causeLabTests(cause: CauseId): LabTestId[] {
  const tests = new Set<LabTestId>();
  for (const r of LAB_RULES) if (r.cause === cause || r.joins?.includes(cause)) tests.add(r.test);
  for (const t of EXTRA_TESTS[cause] ?? []) tests.add(t);
  return [...tests];
}

/**
 * A value as a clinician reads it: the test's precision ("11", "13.4", "0.04"), with more decimals only when
 * rounding would put it on the other side of a cut-off, or on it.
 */
export function displayNumber(value: number, test: LabTestId, cutoff?: number): string {
  let decimals = LAB_DISPLAY[test]?.decimals(value) ?? 2;
  for (; decimals <= 4; decimals++) {
    const rounded = Number(value.toFixed(decimals));
    if (cutoff === undefined || Math.sign(rounded - cutoff) === Math.sign(value - cutoff)) return value.toFixed(decimals);
  }
  return String(value);
}

/**
 * A unit as it is written for people, not for machines: "mL/min/{1.73_m2}" → "mL/min/1.73 m²",
 * "m[IU]/L" → "mIU/L", "u[IU]/mL" → "µIU/mL", "%{HbA1c}" → "%". Works on a whole value text too.
 */
export function displayUnit(text: string): string {
  return text
    .replace(/\{1\.73_?m2\}|1\.73\s?m2\b/gi, "1.73 m²")
    .replace(/\[IU\]/g, "IU")
    .replace(/\bu(IU|mol|g|L)\b/g, "µ$1")
    .replace(/\{[^{}]*\}/g, "")
    .replace(/\s{2,}/g, " ")
    .trim();
}

/** A series point's value in the test's unit, for sentences: ">90", "11", "≈ 6.5". */
export function pointValue(p: LabSeriesPoint, test: LabTestId, cutoff?: number): string {
  return `${p.approximate ? "≈ " : ""}${p.comparator ?? ""}${displayNumber(p.value, test, cutoff)}`;
}

/** "16 months", "3 weeks", "4 years": the time from one date to another. */
function spanWords(from: string, to: string): string {
  const a = parsePartialDate(from);
  const b = parsePartialDate(to);
  if (!a || !b) return "";
  const days = Math.round((Date.UTC(b.y, (b.m ?? 1) - 1, b.d ?? 1) - Date.UTC(a.y, (a.m ?? 1) - 1, a.d ?? 1)) / 86_400_000);
  if (days < 14) return plural(Math.max(days, 1), "day");
  if (days < 61) return plural(Math.round(days / 7), "week");
  const months = Math.round(days / 30.44);
  if (months < 24) return plural(months, "month");
  return plural(Math.floor(days / 365.25), "year");
}

/** The direction of a series, first result to latest: "fell", "rose" or "steady" (changes smaller than the test's meaningful change). */
function trendDirection(s: LabSeries): "fell" | "rose" | "steady" | undefined {
  if (s.points.length < 2) return undefined;
  const first = s.points[0]!.value;
  const last = s.points[s.points.length - 1]!.value;
  const delta = last - first;
  const big = Math.abs(delta) >= (LAB_TREND_CHANGE[s.test] ?? 0) && (s.test !== "tsh" || Math.max(first, last) >= 2 * Math.min(first, last));
  if (!big) return "steady";
  return delta < 0 ? "fell" : "rose";
}

/**
 * The series in one sentence: "eGFR fell from 44 to 11 mL/min/1.73 m² over 16 months (4 results)";
 * "Hemoglobin steady at 13.4–13.8 g/dL over 2 years (3 results)"; "" under two results.
 */
export function trendSentence(s: LabSeries): string {
  const dir = trendDirection(s);
  if (!dir) return "";
  const first = s.points[0]!;
  const last = s.points[s.points.length - 1]!;
  const name = plain(s.label, 40);
  const unit = displayUnit(plain(s.unit, 40));
  const span = spanWords(first.date, last.date);
  const over = span ? ` over ${span}` : "";
  const count = ` (${plural(s.points.length, "result")})`;
  if (dir !== "steady") return `${name} ${dir} from ${pointValue(first, s.test)} to ${pointValue(last, s.test)} ${unit}${over}${count}`;
  const values = s.points.map((p) => p.value);
  const lo = displayNumber(Math.min(...values), s.test);
  const hi = displayNumber(Math.max(...values), s.test);
  return `${name} steady at ${lo === hi ? lo : `${lo}–${hi}`} ${unit}${over}${count}`;
}

/** The cut-offs of the rules of `cause` (or every rule of the test when none is the cause's), in the test's unit. */
function causeCutoffs(s: LabSeries, cause?: CauseId): { direction: "below" | "above"; value: number; inclusive: boolean }[] {
  const rules = new Map(LAB_RULES.map((r) => [r.id, r]));
  const own = s.cutoffs.filter((c) => {
    const r = rules.get(c.ruleId);
    return cause === undefined || r?.cause === cause || r?.joins?.includes(cause);
  });
  return (own.length > 0 ? own : s.cutoffs).map((c) => {
    const r = rules.get(c.ruleId);
    return { direction: c.direction, value: c.value, inclusive: typeof r?.cutoff === "object" ? r.cutoff.inclusive : false };
  });
}

/** "below 12.0 g/dL", "6.5 % or more". */
function cutoffWords(c: { direction: "below" | "above"; value: number; inclusive: boolean }, test: LabTestId, unit: string): string {
  const v = `${displayNumber(c.value, test)}${unit === "%" ? " %" : ` ${unit}`}`;
  if (c.direction === "below") return c.inclusive ? `${v} or less` : `below ${v}`;
  return c.inclusive ? `${v} or more` : `above ${v}`;
}

/**
 * The latest result of a series in one line, normal or not: "Latest hemoglobin 13.5 g/dL, 3 Mar 2026: does
 * not meet the cut-off (below 12.0 g/dL)". The value as reported (units for people), with the test's unit
 * beside it when it was converted ("6.9 mmol/L (11.1 g/dL)").
 */
export function latestResultLine(s: LabSeries, cause?: CauseId): string {
  const p = s.points[s.points.length - 1];
  if (!p) return "";
  const unit = displayUnit(plain(s.unit, 40));
  const reported = displayUnit(plain(p.valueText, 60));
  const cutoffs = causeCutoffs(s, cause).map((c) => (s.test === "hemoglobin" && p.cutoff !== undefined ? { ...c, value: p.cutoff } : c));
  const primary = cutoffs[0];
  const inTestUnit = reported.endsWith(unit) ? "" : ` (${pointValue(p, s.test, primary?.value)} ${unit})`;
  // A result that meets several cut-offs (eGFR 11: below 60 and below 15) is said against the furthest one it meets.
  const met = cutoffs.filter((c) => (c.direction === "below" ? p.value <= c.value : p.value >= c.value));
  const furthest = met.sort((a, b) => (a.direction === "below" ? a.value - b.value : b.value - a.value))[0];
  const against = primary
    ? p.meets
      ? `meets the cut-off (${cutoffWords(furthest ?? primary, s.test, unit)})`
      : `does not meet the cut-off (${cutoffWords(primary, s.test, unit)})`
    : "";
  return `Latest ${LAB_DISPLAY[s.test]?.name ?? plain(s.label, 40)} ${reported}${inTestUnit}, ${formatDate(p.date)}${against ? `: ${against}` : ""}`;
}

export interface FindingLabLine {
  test: LabTestId;
  /** The trend sentence (two results or more). */
  trend: string;
  /** The latest result, or "No hemoglobin result on file" when lab results were read completely and there is none. */
  latest: string;
  /** Results the chart would draw (a chart needs two). */
  points: number;
}

/**
 * Under a finding: for each test that belongs to its cause, the trend and the latest result (whether or not
 * the results are evidence of it). "No … on file" only when lab results were read completely.
 */
export function findingLabLines(f: Pick<Finding, "causeId">, labs: LabInterpretation | undefined, sources: readonly SourceReport[]): FindingLabLine[] {
  const complete = sources.some((s) => s.source === "Observation" && s.status === "read");
  return causeLabTests(f.causeId).flatMap((test): FindingLabLine[] => {
    const s = labs?.series.find((x) => x.test === test && x.points.length > 0);
    if (s) return [{ test, trend: trendSentence(s), latest: latestResultLine(s, f.causeId), points: s.points.length }];
    return complete ? [{ test, trend: "", latest: `No ${LAB_DISPLAY[test].name} result on file`, points: 0 }] : [];
  });
}

/**
 * The chart's vertical range for a test: its fixed clinical axis, widened (to a round value) only to show
 * a result or a drawn cut-off outside it.
 */
export function chartAxis(s: Pick<LabSeries, "test" | "points">, cutoffs: readonly number[] = []): [number, number] {
  const [lo, hi] = LAB_DISPLAY[s.test]?.axis ?? [0, 1];
  const values = [...s.points.map((p) => p.value), ...cutoffs];
  const min = Math.min(lo, ...values);
  const max = Math.max(hi, ...values);
  const step = 10 ** Math.floor(Math.log10(Math.max(max - min, 1e-9)));
  return [min < lo ? Math.floor(min / step) * step : lo, max > hi ? Math.ceil(max / step) * step : hi];
}

/** Which finding charts each test: the first, in reading order, whose cause or lab evidence has that test. */
export function chartHomes(findings: readonly Finding[]): Map<LabTestId, CauseId> {
  const homes = new Map<LabTestId, CauseId>();
  for (const f of findings) {
    const tests = [...causeLabTests(f.causeId), ...f.evidence.flatMap((e) => (e.lab ? [e.lab.test] : []))];
    for (const t of tests) if (!homes.has(t)) homes.set(t, f.causeId);
  }
  return homes;
}

function dated(s: LabSkipped): string {
  return s.date ? ` (${formatDate(s.date)})` : "";
}

/**
 * Results of a finding's tests that could not be read, in brief, for the row's first lines (the full
 * lines, `unreadLabLine`, are in the finding's records): "A newer eGFR result (24 Nov 2026) could not be
 * read"; "A newer eGFR result (5 Dec 2026) is not final yet"; "8 HbA1c results are not values the test can take".
 */
export function unreadInBrief(unread: readonly LabSkipped[]): string[] {
  const out: string[] = [];
  const byTest = new Map<LabTestId, LabSkipped[]>();
  for (const s of unread) byTest.set(s.test, [...(byTest.get(s.test) ?? []), s]);
  for (const [test, list] of byTest) {
    const name = LAB_DISPLAY[test]?.name ?? plain(test, 40);
    // A newer result that is not final yet (preliminary, registered) is said as such: "could not be read"
    // would send the clinician looking for a fault that is only a pending report.
    const pending = list.filter((s) => s.newer && s.reason === "not-final");
    const newer = list.filter((s) => s.newer && s.reason !== "implausible" && s.reason !== "not-final");
    const implausible = list.filter((s) => s.reason === "implausible");
    if (newer.length === 1) out.push(`A newer ${name} result${dated(newer[0]!)} could not be read`);
    else if (newer.length > 1) out.push(`${plural(newer.length, `newer ${name} result`)} could not be read`);
    if (pending.length === 1) out.push(`A newer ${name} result${dated(pending[0]!)} is not final yet`);
    else if (pending.length > 1) out.push(`${plural(pending.length, `newer ${name} result`)} are not final yet`);
    if (implausible.length > 0) out.push(`${plural(implausible.length, `${name} result`)} ${implausible.length === 1 ? "is not a value" : "are not values"} the test can take (a recording or unit error)`);
  }
  return out;
}
