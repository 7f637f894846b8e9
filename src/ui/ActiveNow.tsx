/** What is active in the record now: the distinct facts on one line, then the current findings by strength. */
import type { Finding } from "../engine/types";
import { activeFacts, factText } from "../report/facts";
import { groupByStrength } from "../report/note";
import type { Report } from "../report/types";
import { FindingItem, type FindingContext } from "./FindingItem";
import { StrengthMeter } from "./StrengthMeter";
import { Untrusted } from "./Untrusted";

interface Props {
  report: Report;
  current: Finding[];
  summary: string;
  ctx: FindingContext;
}

export function ActiveNow({ report, current, summary, ctx }: Props) {
  const facts = activeFacts(report);
  return (
    <section className="nlc-active" aria-labelledby="nlc-active-h">
      <h2 id="nlc-active-h">Active in the record now</h2>
      <p className="nlc-summary">{summary}</p>
      {facts.length > 0 && (
        <ul className="nlc-active-facts" aria-label="Distinct facts active in the record">
          {facts.map((fact) => (
            <li key={fact.evidence.ref}>
              <Untrusted text={factText(fact, report.patient)} max={120} />
            </li>
          ))}
        </ul>
      )}
      {groupByStrength(current).map((group) => (
        <div key={group.strength} className={`nlc-group nlc-group-${group.strength}`}>
          <h3 className="nlc-group-h">
            <StrengthMeter strength={group.strength} />
            {group.heading}
          </h3>
          <ul className="nlc-findings">
            {group.findings.map((f) => (
              <FindingItem key={f.causeId} finding={f} level={4} ctx={ctx} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
