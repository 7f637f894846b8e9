/**
 * What one lab result shows as evidence: the value as the lab reported it (and in the rule's unit where
 * converted), how it stands against the cut-off, when it was measured and the patient's age then, and the
 * cut-off applied with the published definition it comes from (a link to the source).
 */
import type { Evidence } from "../engine/types";
import type { LabResultDetail } from "../engine/labs/types";
import { formatDate, formatRecency, plain } from "../report/format";
import { citationWords, definitionSource, labDateLabel, labStatusWords, labValueWords } from "../report/labs";
import { displayUnit } from "../report/labStory";
import { DateAside } from "./DateAside";
import { ExternalLink } from "./ExternalLink";
import { Untrusted } from "./Untrusted";

export function LabEvidenceLines({ evidence: e, lab, now }: { evidence: Evidence; lab: LabResultDetail; now: Date }) {
  return (
    <>
      <p className="nlc-evidence-text">
        <Untrusted text={labValueWords(lab)} max={160} />
        <span className="nlc-evidence-status">
          {" — "}
          {labStatusWords(lab, e.recordStatus)}
        </span>
      </p>
      <p className="nlc-evidence-dates">
        {labDateLabel(lab)} {formatDate(lab.date)}
        <DateAside ago={formatRecency(lab.date, now)} age={plain(lab.ageText, 40)} />
      </p>
      <p className="nlc-lab-cutoff">
        Cut-off applied: <Untrusted text={displayUnit(lab.cutoff.text)} max={120} /> —{" "}
        <ExternalLink url={lab.citation.url} title={citationWords(lab.citation)}>
          <Untrusted text={definitionSource(lab.definition)} max={80} />
        </ExternalLink>
      </p>
    </>
  );
}
