/**
 * Under a finding, inside its region (loaded after the first screen): a chart per test of the finding with
 * two results or more (a single result is said in words, never drawn), each under the first finding that
 * shows the test, and each definition applied, with its source. Charts carry no data-cause or
 * data-evidence: only findings and their evidence do (panel-contract).
 */
import type { LabInterpretation } from "../../engine/labs/types";
import type { CauseId, Finding } from "../../engine/types";
import type { LabTestId } from "../../knowledge";
import { findingSeries } from "../../report/chartWords";
import { citationWords, findingDefinitions } from "../../report/labs";
import { ExternalLink, safeUrl } from "../ExternalLink";
import { Untrusted } from "../Untrusted";
import { LabChart } from "./LabChart";

interface Props {
  finding: Finding;
  labs: LabInterpretation | undefined;
  /** Test → the finding that charts it (report/labStory.ts chartHomes). */
  chartHomes: ReadonlyMap<LabTestId, CauseId>;
}

export default function FindingLabs({ finding: f, labs, chartHomes }: Props) {
  const series = findingSeries(f, labs, chartHomes);
  const definitions = findingDefinitions(f);
  if (series.length === 0 && definitions.length === 0) return null;
  return (
    <div className="nlc-finding-labs">
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
