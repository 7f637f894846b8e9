/**
 * "What was checked": each kind of record read, its outcome in words, when it was read, and what is never
 * read. The lab results' row also says how many results were counted by the rules and lists, by reason,
 * those that could not be interpreted (never interpreted, never guessed).
 */
import type { LabInterpretation } from "../engine/labs/types";
import type { SourceReport } from "../fhir/types";
import { formatDateTime, formatElapsed } from "../report/format";
import { notReadLine, sourceLabel, sourceStatusText } from "../report/labels";
import { labCountsLine, labSurveyLine, labsWereRead, notInterpretedGroups } from "../report/labs";
import { Untrusted } from "./Untrusted";

interface Props {
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

export function CheckedSection({ sources, labs, readAt, now, onReload }: Props) {
  return (
    <section className="nlc-checked" aria-labelledby="nlc-checked-h">
      <h2 id="nlc-checked-h">What was checked</h2>
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
      <p className="nlc-read-at">
        Read at {formatDateTime(readAt)} ({formatElapsed(readAt, now)}).{" "}
        {onReload && (
          <button type="button" className="nlc-btn" onClick={onReload}>
            Reload
          </button>
        )}
      </p>
      <p className="nlc-muted">{notReadLine(sources)}</p>
    </section>
  );
}
