/**
 * A test's chart in words (docs/spec/lab-results.md): its title, caption, the cut-off lines it draws, and
 * its text alternative (a row per result). Loaded with the chart itself, after the first screen.
 */
import type { LabInterpretation, LabSeries } from "../engine/labs/types";
import type { CauseId, Finding } from "../engine/types";
import type { LabTestId } from "../knowledge";
import { formatDate, plain, plural } from "./format";
import { findingLabTests } from "./labs";
import { causeLabTests, displayNumber, displayUnit, pointValue } from "./labStory";

/**
 * The charts a finding draws: one per test of its cause (and of its own lab evidence) with at least two
 * results — a single result is a line, never a chart — each under the first finding that shows the test
 * (`home`: test → the finding that charts it, labStory.ts chartHomes).
 */
export function findingSeries(f: Finding, labs: LabInterpretation | undefined, home: ReadonlyMap<LabTestId, CauseId>): LabSeries[] {
  const tests = new Set<LabTestId>([...causeLabTests(f.causeId), ...findingLabTests(f)]);
  return [...tests].flatMap((t) => (home.get(t) === f.causeId ? (labs?.series.filter((s) => s.test === t && s.points.length >= 2) ?? []) : []));
}

/** A cut-off line's label with its date written for people ("… on 3 Mar 2026"). */
function cutoffLabel(label: string): string {
  return displayUnit(plain(label, 120)).replace(/ on (\d{4}-\d{2}-\d{2})$/, (_m, d: string) => ` on ${formatDate(d)}`);
}

/** "eGFR results over time (mL/min/1.73 m²)". */
export function chartTitle(s: LabSeries): string {
  return `${plain(s.label, 40)} results over time (${plain(s.unit, 40)})`;
}

/** Which cut-off lines a chart draws: the test's first rule always, the others when the results come near them. */
export function chartCutoffs(s: LabSeries): LabSeries["cutoffs"] {
  const values = s.points.map((p) => p.value);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const reach = Math.max(hi - lo, Math.abs(hi) * 0.1, 1) * 0.5;
  return s.cutoffs.filter((c, i) => i === 0 || (c.value >= lo - reach && c.value <= hi + reach));
}

/**
 * The chart in a sentence (its caption): how many results, from when to when, the most recent, and what
 * the line and the marks mean — the marks differ by shape, not only colour.
 */
export function chartCaption(s: LabSeries): string {
  return `${chartTitle(s)}: ${chartDescription(s)}`;
}

/** The caption without its title: "8 results from … to …; most recent …. Dashed line: …". */
export function chartDescription(s: LabSeries): string {
  const n = s.points.length;
  if (n === 0) return "no results counted.";
  const first = s.points[0]!;
  const last = s.points[n - 1]!;
  const span = n === 1 ? `1 result, ${formatDate(first.date)}` : `${plural(n, "result")} from ${formatDate(first.date)} to ${formatDate(last.date)}`;
  const lines = chartCutoffs(s).map((c) => cutoffLabel(c.label));
  const meets = s.points.filter((p) => p.meets).length;
  return (
    `${span}; most recent ${displayUnit(plain(last.valueText, 60))}. ` +
    `Dashed line${lines.length === 1 ? "" : "s"}: the cut-off${lines.length === 1 ? "" : "s"} (${lines.join("; ")}). ` +
    `${meets === 0 ? "No result meets a cut-off" : `Filled squares: the ${plural(meets, "result")} that meet${meets === 1 ? "s" : ""} a cut-off; open circles: the others`}.`
  );
}

export interface ChartRow {
  ref: string;
  /** "3 Mar 2026". */
  date: string;
  /** As reported: "112 g/L". */
  reported: string;
  /** In the chart's unit: "11.2", "≈ 6.9". */
  value: string;
  /** "meets the cut-off (below 12.0)" or "does not meet the cut-off". */
  meets: string;
}

/** One row per result, oldest first: the chart's text alternative lists every value. */
export function chartRows(s: LabSeries): ChartRow[] {
  const line = s.cutoffs[0];
  return s.points.map((p) => {
    const cut = p.cutoff ?? line?.value;
    const where = cut === undefined || !line ? "" : ` (${line.direction} ${displayNumber(cut, s.test)})`;
    return {
      ref: p.ref,
      date: formatDate(p.date),
      reported: displayUnit(plain(p.valueText, 60)),
      // In the chart's unit, as the text alternative shows it: ">90", "≈ 6.9" (converted only for the chart).
      value: pointValue(p, s.test, p.cutoff),
      meets: p.meets ? `meets the cut-off${where}` : "does not meet the cut-off",
    };
  });
}

