/**
 * "What was checked" (panel-contract data-section="checked"): each kind of record read, its outcome in
 * words, searches that were read after a second try, what the EHR said that is not a gap, when it was read,
 * and what is never read. The lab results' row also says how many results were counted by the rules and
 * lists, by reason, those that could not be interpreted. Closed after a clean read, open when a kind of
 * record was not read completely; the rows stay in the document either way.
 */
import type { LabInterpretation } from "../engine/labs/types";
import type { SourceReport } from "../fhir/types";
import { retryLines } from "../report/checked";
import { formatDateTime, formatElapsed } from "../report/format";
import { CHECKED_HEADING, EHR_NOTE_PREFIX, notReadLine, sourceLabel, sourceStatusText } from "../report/labels";
import { Disclosure } from "./Disclosure";
import { labCountsLine, labSurveyLine, labsWereRead, notInterpretedGroups } from "../report/labs";
import { Untrusted } from "./Untrusted";

interface Props {
  /** Every kind of record was read completely: the section starts closed. */
  complete: boolean;
  sources: readonly SourceReport[];
  labs?: LabInterpretation;
  readAt: Date;
  now: Date;
  onReload?: () => void;
}

const SHOWN_PER_REASON = 10;

function LabsRead({ labs, sources }: { labs: LabInterpretation; sources: readonly SourceReport[] }) {
  const groups = notInterpretedGroups(labs);
  const survey = labSurveyLine(sources);
  return (
    <>
      <p className="nlc-lab-counts">{labCountsLine(labs)}</p>
      {survey && <p className="nlc-lab-survey">{survey}</p>}
      {groups.length > 0 && (
        <ul className="nlc-not-interpreted" aria-label="Lab results not interpreted">
          {groups.map((g) => (
            <li key={g.reason} data-not-interpreted={g.reason}>
              {g.heading} ({g.items.length}):
              <ul>
                {g.items.slice(0, SHOWN_PER_REASON).map((item, i) => (
                  <li key={i}>
                    <Untrusted text={item.text} max={240} />
                  </li>
                ))}
                {g.items.length > SHOWN_PER_REASON && <li>and {g.items.length - SHOWN_PER_REASON} more</li>}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function CheckedSection({ complete, sources, labs, readAt, now, onReload }: Props) {
  const readLine = (
    <p className="nlc-read-at">
      Read at {formatDateTime(readAt)}
      <span className="nlc-rel"> ({formatElapsed(readAt, now)})</span>.{" "}
      {onReload && (
        <button type="button" className="nlc-btn" onClick={onReload}>
          Reload
        </button>
      )}
    </p>
  );
  return (
    <section className="nlc-checked" data-section="checked" aria-label={CHECKED_HEADING}>
      <Disclosure level={2} title={CHECKED_HEADING} defaultOpen={!complete} className="nlc-checked-region" lead={readLine}>
        <ul className="nlc-sources">
          {sources.map((s) => (
            <li
              key={s.source}
              data-source={s.source}
              data-source-status={s.status}
              className={s.status === "read" ? "nlc-source" : "nlc-source nlc-source-gap"}
            >
              <span className="nlc-source-kind">{sourceLabel(s.source)}</span>{" "}
              <span className="nlc-source-status">
                <Untrusted text={sourceStatusText(s)} />
              </span>
              {s.source === "Observation" && labs && labsWereRead([s]) && <LabsRead labs={labs} sources={[s]} />}
              {retryLines(s).map((line) => (
                <p key={line} className="nlc-retry">
                  <Untrusted text={line} max={300} />
                </p>
              ))}
              {(s.notices ?? []).map((n, i) => (
                <p key={i} className="nlc-notice">
                  {EHR_NOTE_PREFIX} <Untrusted text={n} max={300} />
                </p>
              ))}
              {s.warnings.length > 0 && (
                <ul className="nlc-warnings">
                  {s.warnings.slice(0, 20).map((w, i) => (
                    <li key={i}>
                      Warning: <Untrusted text={w} max={300} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
        <p className="nlc-muted">{notReadLine(sources)}</p>
      </Disclosure>
    </section>
  );
}
