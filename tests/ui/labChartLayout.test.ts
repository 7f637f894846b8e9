/** Where a test's chart puts its marks, lines and ticks (src/ui/labChartLayout.ts), for real series of the lab demo patients. */
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/report";
import { CHART, chartLayout } from "../../src/ui/lazy/labChartLayout";
import { labsChildAnemia, labsKidneyFailure, labsPregnancyAnemia } from "../../mocks/data/patients/labResults";
import type { DemoPatient } from "../../mocks/data/demoPatient";
import { labPanelData } from "./labFixtures";

const series = (p: DemoPatient, test: string) => buildReport(labPanelData(p)).labs!.series.find((s) => s.test === test)!;
const { width, height, left, right, top, bottom } = CHART;

describe("chart layout", () => {
  const egfr = series(labsKidneyFailure, "egfr");
  const layout = chartLayout(egfr);

  it("one mark per result, left to right in time, inside the plot; higher values higher up", () => {
    expect(layout.marks).toHaveLength(egfr.points.length);
    const xs = layout.marks.map((m) => m.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(xs[0]).toBe(left);
    expect(xs[xs.length - 1]).toBe(width - right);
    for (const m of layout.marks) {
      expect(m.y).toBeGreaterThanOrEqual(top);
      expect(m.y).toBeLessThanOrEqual(height - bottom);
    }
    const byValue = egfr.points.map((p, i) => [p.value, layout.marks[i]!.y] as const).sort((a, b) => a[0] - b[0]);
    expect(byValue.map(([, y]) => y)).toEqual([...byValue.map(([, y]) => y)].sort((a, b) => b - a));
    expect(layout.marks.map((m) => m.meets)).toEqual(egfr.points.map((p) => p.meets));
    expect(layout.trend.split(" L")).toHaveLength(egfr.points.length);
  });

  it("a value reported as '> 90' is marked as possibly higher", () => {
    expect(egfr.points[0]!.comparator).toBe(">");
    expect(layout.marks[0]!.bound).toBe("above");
    expect(layout.marks.slice(1).every((m) => m.bound === undefined)).toBe(true);
  });

  it("each cut-off is a horizontal dashed line across the plot, labelled with its value, at the right height", () => {
    expect(layout.lines.map((l) => l.label)).toEqual(["60", "15"]);
    for (const line of layout.lines) expect(line.d).toMatch(new RegExp(`^M${left} [\\d.]+ H${width - right}$`));
    const y60 = Number(layout.lines[0]!.d.split(" ")[1]);
    const y15 = Number(layout.lines[1]!.d.split(" ")[1]);
    expect(y60).toBeLessThan(y15);
    // The 44 (below 60) is drawn below the 60 line, the ">90" above it.
    expect(layout.marks[1]!.y).toBeGreaterThan(y60);
    expect(layout.marks[0]!.y).toBeLessThan(y60);
  });

  it("value ticks at round numbers, and the first and last dates", () => {
    const values = layout.yTicks.map((t) => Number(t.label));
    expect(values.length).toBeGreaterThanOrEqual(3);
    expect(values.every((v) => v % 25 === 0)).toBe(true);
    expect(layout.xTicks.map((t) => [t.label, t.anchor])).toEqual([
      ["9 Jun 2024", "start"],
      ["1 Nov 2026", "end"],
    ]);
  });

  it("hemoglobin whose cut-off changed with a pregnancy: a stepped line, ending at the current cut-off", () => {
    const hb = series(labsPregnancyAnemia, "hemoglobin");
    expect(hb.points.map((p) => p.cutoff)).toEqual([12, 10.5]);
    const layout = chartLayout(hb);
    const [line] = layout.lines;
    // Across at the first result's cut-off, down at the result compared with the pregnancy cut-off, across to the end.
    expect(line!.d).toBe(`M${left} ${line!.d.split(" ")[1]} H${layout.marks[1]!.x} V${line!.labelY + 3} H${width - right}`);
    expect(Number(line!.d.split(" ")[1])).toBeLessThan(line!.labelY + 3);
    expect(line!.label).toBe("10.5");
  });

  it("a single result sits in the middle, with its date, and no trend line", () => {
    const one = chartLayout(series(labsChildAnemia, "hemoglobin"));
    expect(one.marks).toHaveLength(1);
    expect(one.marks[0]!.x).toBe(left + (width - left - right) / 2);
    expect(one.trend).toBe("");
    expect(one.xTicks.map((t) => t.anchor)).toEqual(["middle"]);
  });
});
