/** What is active in the record now: the summary line, then the current findings by strength, one row per record. */
import type { FindingRow } from "../report/order";
import { STRENGTH_SCALE } from "../report/strength";
import { FindingItem, type FindingContext } from "./FindingItem";
import { StrengthMeter } from "./StrengthMeter";

interface Props {
  rows: FindingRow[];
  summary: string;
  ctx: FindingContext;
}

export function ActiveNow({ rows, summary, ctx }: Props) {
  // A row sits in the group of its own finding (the strongest of those folded into it).
  const groups = STRENGTH_SCALE.map((s) => ({ ...s, rows: rows.filter((r) => r.finding.strength === s.strength) })).filter((g) => g.rows.length > 0);
  return (
    <section className="nlc-active" aria-labelledby="nlc-active-h">
      <h2 id="nlc-active-h">Active in the record now</h2>
      <p className="nlc-summary">{summary}</p>
      {groups.map((group) => (
        <div key={group.strength} className={`nlc-group nlc-group-${group.strength}`}>
          <h3 className="nlc-group-h">
            <StrengthMeter strength={group.strength} />
            {group.heading}
          </h3>
          <ul className="nlc-findings">
            {group.rows.map((r) => (
              <FindingItem key={r.finding.causeId} finding={r.finding} folded={r.folded} level={4} ctx={ctx} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
