/**
 * Conditions the EHR sent with no clinical status, too old to count as current (knowledge-source.md): an
 * open group after the current findings, never folded among the past ones (panel-contract "Reading aids",
 * data-section="status-not-recorded"). Their findings carry data-current="false".
 */
import type { FindingRow } from "../report/order";
import { STATUS_NOT_RECORDED_HEADING, STATUS_NOT_RECORDED_LINE } from "../report/labels";
import { FindingItem, type FindingContext } from "./FindingItem";

export function StatusNotRecorded({ rows, count, ctx }: { rows: FindingRow[]; count: number; ctx: FindingContext }) {
  return (
    <section className="nlc-unrecorded" data-section="status-not-recorded" aria-labelledby="nlc-unrecorded-h">
      <h2 id="nlc-unrecorded-h">
        {STATUS_NOT_RECORDED_HEADING} ({count})
      </h2>
      <p className="nlc-muted">{STATUS_NOT_RECORDED_LINE}</p>
      <ul className="nlc-findings">
        {rows.map((r) => (
          <FindingItem key={r.finding.causeId} finding={r.finding} folded={r.folded} level={3} ctx={ctx} meter />
        ))}
      </ul>
    </section>
  );
}
