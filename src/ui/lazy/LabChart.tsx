/**
 * One test's results over time with the cut-off drawn: a small hand-written SVG (decorative to assistive
 * technology) inside a <figure> whose caption says what it shows and whose table lists every value — a
 * text alternative that is always there for screen readers and shown on demand (a keyboard-reachable
 * button). Marks differ by shape (filled square: meets a cut-off; open circle: does not), not by colour alone.
 */
import { useId, useState } from "react";
import type { LabSeries } from "../../engine/labs/types";
import { chartDescription, chartRows, chartTitle } from "../../report/chartWords";
import { displayUnit } from "../../report/labStory";
import { Untrusted } from "../Untrusted";
import { CHART, chartLayout, type ChartMark } from "./labChartLayout";

function Mark({ m }: { m: ChartMark }) {
  const bound = m.bound && <path className="nlc-chart-bound" d={m.bound === "above" ? `M${m.x - 3} ${m.y - 6} L${m.x} ${m.y - 9} L${m.x + 3} ${m.y - 6}` : `M${m.x - 3} ${m.y + 6} L${m.x} ${m.y + 9} L${m.x + 3} ${m.y + 6}`} />;
  return (
    <>
      {m.meets ? <rect className="nlc-chart-meets" x={m.x - 3.5} y={m.y - 3.5} width="7" height="7" /> : <circle className="nlc-chart-other" cx={m.x} cy={m.y} r="3.5" />}
      {bound}
    </>
  );
}

export function LabChart({ series }: { series: LabSeries }) {
  const [showTable, setShowTable] = useState(false);
  const id = useId();
  // One result is a line of words under the finding, never a chart (a single point on a made-up axis).
  if (series.points.length < 2) return null;
  const layout = chartLayout(series);
  const { width, height, left, right, top, bottom } = CHART;
  const title = chartTitle(series);
  return (
    <figure className="nlc-chart" aria-labelledby={`${id}c`}>
      <figcaption id={`${id}c`}>
        <strong className="nlc-chart-title">
          <Untrusted text={title} max={120} />
        </strong>{" "}
        <span className="nlc-muted">
          <Untrusted text={chartDescription(series)} max={600} />
        </span>
      </figcaption>
      <svg className="nlc-chart-svg" viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
        <path className="nlc-chart-axis" d={`M${left} ${top} V${height - bottom} H${width - right}`} />
        {layout.yTicks.map((t) => (
          <text key={t.label} className="nlc-chart-tick" x={left - 4} y={t.y + 3.5} textAnchor="end">
            {t.label}
          </text>
        ))}
        {layout.xTicks.map((t) => (
          <text key={t.anchor} className="nlc-chart-tick" x={t.x} y={height - 6} textAnchor={t.anchor}>
            {t.label}
          </text>
        ))}
        {layout.lines.map((l, i) => (
          <g key={i} className="nlc-chart-cutoff">
            <path d={l.d} />
            <text x={l.labelX} y={l.labelY} textAnchor="end">
              {`cut-off ${l.label}`}
            </text>
          </g>
        ))}
        {layout.trend && <path className="nlc-chart-trend" d={layout.trend} />}
        {layout.marks.map((m, i) => (
          <Mark key={i} m={m} />
        ))}
      </svg>
      <button type="button" className="nlc-btn nlc-chart-toggle" aria-expanded={showTable} aria-controls={`${id}t`} onClick={() => setShowTable((v) => !v)}>
        {showTable ? "Hide the values" : "Show the values"}
      </button>
      {/* A table is as wide as its content whatever its CSS width: the wrapper is what hides it visually. */}
      <div id={`${id}t`} className={showTable ? "nlc-chart-values" : "nlc-chart-values nlc-visually-hidden"}>
        <table className="nlc-chart-table">
          <caption>
            <Untrusted text={`${title}: every result`} max={160} />
          </caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">As reported</th>
              <th scope="col">
                <Untrusted text={`In ${displayUnit(series.unit)}`} max={60} />
              </th>
              <th scope="col">Against the cut-off</th>
            </tr>
          </thead>
          <tbody>
            {chartRows(series).map((r, i) => (
              <tr key={`${r.ref}-${i}`}>
                <th scope="row">{r.date}</th>
                <td>
                  <Untrusted text={r.reported} max={60} />
                </td>
                <td>{r.value}</td>
                <td>{r.meets}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
