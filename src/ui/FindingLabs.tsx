/**
 * Under a finding supported by lab results: a chart per test whose results it shows (in the finding that
 * shows them in full, not again under the others), and each definition applied, with its source.
 * Charts carry no data-cause or data-evidence: only findings and their evidence do (panel-contract).
 */
import type { LabInterpretation } from "../engine/labs/types";
import type { CauseId, Finding } from "../engine/types";
import { shownUnder } from "../report/facts";
import { citationWords, findingDefinitions, findingSeries, findingUnreadLabs, unreadLabLine } from "../report/labs";
import { ExternalLink, safeUrl } from "./ExternalLink";
import { LabChart } from "./LabChart";
import { Untrusted } from "./Untrusted";

interface Props {
  finding: Finding;
  labs: LabInterpretation | undefined;
  homes: Map<string, CauseId[]>;
}

export function FindingLabs({ finding: f, labs, homes }: Props) {
  const series = findingSeries(f, labs, (ref) => shownUnder(homes, ref, f));
  const definitions = findingDefinitions(f);
  // Results of these tests that could not be read: a newer one, or a value the test cannot take.
  const unread = findingUnreadLabs(f, labs);
  if (series.length === 0 && definitions.length === 0 && unread.length === 0) return null;
  return (
    <div className="nlc-finding-labs">
      {unread.length > 0 && (
        <ul className="nlc-lab-unread">
          {unread.map((s, i) => (
            <li key={s.ref ?? i} data-lab-unread={s.reason}>
              <Untrusted text={unreadLabLine(s)} max={300} />
            </li>
          ))}
        </ul>
      )}
      {series.map((s) => (
        <LabChart key={s.test} series={s} />
      ))}
      {definitions.map((d) => (
        <p key={d.definition} className="nlc-definition">
          Definition applied: <Untrusted text={d.definition.replace(/\.?$/, ".")} /> Source:{" "}
          <ExternalLink url={d.citation.url}>
            <Untrusted text={citationWords(d.citation)} />
          </ExternalLink>
          <span className="nlc-print-only"> {safeUrl(d.citation.url)}</span>
        </p>
      ))}
    </div>
  );
}
