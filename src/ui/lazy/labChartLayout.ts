/**
 * Where things go on a test's small chart (a hand-written SVG, no charting library): results over time as
 * marks joined by a line, the cut-off as a dashed line (a step line when hemoglobin's cut-off changed with
 * age or pregnancy, stepping at the first result compared with the new one), a few value ticks and the
 * first and last dates, on the test's fixed clinical axis (report/labStory.ts chartAxis): the same change
 * looks the same size on every patient's chart, and noise never fills the height. Pure geometry in SVG user units.
 */
import type { LabSeries } from "../../engine/labs/types";
import { chartCutoffs } from "../../report/chartWords";
import { formatDate } from "../../report/format";
import { chartAxis, displayNumber } from "../../report/labStory";

export const CHART = { width: 320, height: 132, left: 34, right: 10, top: 12, bottom: 22 } as const;

export interface ChartMark {
  x: number;
  y: number;
  meets: boolean;
  /** "<" or ">" as reported: the value may be lower / higher than drawn. */
  bound?: "below" | "above";
}

export interface ChartLine {
  /** SVG path of the cut-off (horizontal, or stepped). */
  d: string;
  /** Where its label sits (right end, just above the line) and what it says ("60"). */
  labelX: number;
  labelY: number;
  label: string;
}

export interface ChartLayout {
  marks: ChartMark[];
  /** The results joined oldest to newest ("" for a single result). */
  trend: string;
  lines: ChartLine[];
  yTicks: { y: number; label: string }[];
  xTicks: { x: number; label: string; anchor: "start" | "middle" | "end" }[];
}

/** 1, 2, 2.5 or 5 times a power of ten, about `span / 4`: three to five ticks. */
function tickStep(span: number): number {
  const raw = span / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 2.5 ? 2.5 : unit <= 5 ? 5 : 10) * power;
}

const round = (n: number) => Math.round(n * 10) / 10;
const number = (n: number) => String(Number(n.toFixed(2)));

export function chartLayout(s: LabSeries): ChartLayout {
  const { width, height, left, right, top, bottom } = CHART;
  const cutoffs = chartCutoffs(s);
  const perPoint = s.points.map((p) => p.cutoff);
  const stepped = perPoint.some((c) => c !== undefined) && new Set(perPoint).size > 1;
  const values = [...s.points.map((p) => p.value), ...cutoffs.map((c) => c.value), ...(stepped ? perPoint.filter((c): c is number => c !== undefined) : [])];
  const [yMin, yMax] = chartAxis(s, values);
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const y = (v: number) => round(top + ((yMax - v) / (yMax - yMin)) * plotH);
  const times = s.points.map((p) => p.time);
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const x = (t: number) => round(t1 > t0 ? left + ((t - t0) / (t1 - t0)) * plotW : left + plotW / 2);

  const marks: ChartMark[] = s.points.map((p) => {
    const mark: ChartMark = { x: x(p.time), y: y(p.value), meets: p.meets };
    if (p.comparator) mark.bound = p.comparator.startsWith("<") ? "below" : "above";
    return mark;
  });
  const trend = marks.length > 1 ? marks.map((m, i) => `${i === 0 ? "M" : "L"}${m.x} ${m.y}`).join(" ") : "";

  const lines: ChartLine[] = cutoffs.map((c, i) => {
    let d = `M${left} ${y(c.value)} H${width - right}`;
    let last = c.value;
    if (i === 0 && stepped) {
      // Hemoglobin: the cut-off each result was compared with, changing at the first result it applied to
      // (the app knows the dates of results, not when between them the cut-off changed).
      const first = perPoint.find((v) => v !== undefined) ?? c.value;
      d = `M${left} ${y(first)}`;
      last = first;
      s.points.forEach((p, k) => {
        if (k === 0 || p.cutoff === undefined || p.cutoff === last) return;
        d += ` H${marks[k]!.x} V${y(p.cutoff)}`;
        last = p.cutoff;
      });
      d += ` H${width - right}`;
    }
    return { d, labelX: width - right, labelY: y(last) - 3, label: displayNumber(last, s.test) };
  });

  const step = tickStep(yMax - yMin || 1);
  const yTicks: ChartLayout["yTicks"] = [];
  for (let v = Math.ceil(yMin / step) * step; v <= yMax + 1e-9; v += step) yTicks.push({ y: y(v), label: number(v) });

  const firstDate = s.points[0]?.date;
  const lastDate = s.points[s.points.length - 1]?.date;
  const xTicks: ChartLayout["xTicks"] =
    t1 > t0
      ? [
          { x: left, label: formatDate(firstDate), anchor: "start" },
          { x: width - right, label: formatDate(lastDate), anchor: "end" },
        ]
      : firstDate
        ? [{ x: x(t0), label: formatDate(firstDate), anchor: "middle" }]
        : [];
  return { marks, trend, lines, yTicks, xTicks };
}
