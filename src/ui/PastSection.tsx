/**
 * Everything not current, folded in one closed disclosure that stays in the document (panel-contract:
 * folded findings are in the DOM, inside a closed disclosure), strongest first, one row per record.
 */
import type { FindingRow } from "../report/order";
import { Disclosure } from "./Disclosure";
import { FindingItem, type FindingContext } from "./FindingItem";

export function PastSection({ rows, count, ctx }: { rows: FindingRow[]; count: number; ctx: FindingContext }) {
  return (
    <section className="nlc-past" aria-label="Past or not current">
      <Disclosure level={2} title={`Past / not current (${count})`} className="nlc-past-region">
        <ul className="nlc-findings">
          {rows.map((r) => (
            <FindingItem key={r.finding.causeId} finding={r.finding} folded={r.folded} level={3} ctx={ctx} meter />
          ))}
        </ul>
      </Disclosure>
    </section>
  );
}
