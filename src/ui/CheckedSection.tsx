/** "What was checked": each kind of record read, its outcome in words, when it was read, and what is never read. */
import type { SourceReport } from "../fhir/types";
import { formatDateTime, formatElapsed } from "../report/format";
import { notReadLine, sourceLabel, sourceStatusText } from "../report/labels";
import { Untrusted } from "./Untrusted";

interface Props {
  sources: readonly SourceReport[];
  readAt: Date;
  now: Date;
  onReload?: () => void;
}

export function CheckedSection({ sources, readAt, now, onReload }: Props) {
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
