/**
 * Everything not current, folded in one closed disclosure that stays in the document (panel-contract:
 * folded findings are in the DOM, inside a closed disclosure), strongest first.
 */
import type { Finding } from "../engine/types";
import { Disclosure } from "./Disclosure";
import { FindingItem, type FindingContext } from "./FindingItem";

export function PastSection({ findings, ctx }: { findings: Finding[]; ctx: FindingContext }) {
  return (
    <section className="nlc-past" aria-label="Past or not current">
      <Disclosure level={2} title={`Past / not current (${findings.length})`} className="nlc-past-region">
        <ul className="nlc-findings">
          {findings.map((f) => (
            <FindingItem key={f.causeId} finding={f} level={3} ctx={ctx} meter />
          ))}
        </ul>
      </Disclosure>
    </section>
  );
}
