/** What limits the read, at the top: kinds of record not read completely, the EHR's own warnings, a suspicious zero. */
import { reportGaps, NO_CONDITIONS } from "../report/summary";
import { dataQualityLines } from "../report/dataQuality";
import { sourceLabel, sourceStatusWords } from "../report/labels";
import type { Report } from "../report/types";
import { plural } from "../report/format";
import { Untrusted } from "./Untrusted";

/** Warnings shown at the top (each clipped); all of them are listed under "What was checked". */
const SHOWN_WARNINGS = 3;

export function GapsAlert({ report }: { report: Report }) {
  const gaps = reportGaps(report);
  const quality = dataQualityLines(report);
  if (gaps.unread.length === 0 && gaps.warnings.length === 0 && !gaps.noConditions && quality.length === 0) return null;
  const more = gaps.warnings.length - SHOWN_WARNINGS;
  return (
    <section className="nlc-alert nlc-gaps" aria-label="Limits of this read">
      {gaps.unread.length > 0 && (
        <p>
          <strong>Not checked completely</strong>, so nothing can be ruled out there:{" "}
          {gaps.unread.map((s, i) => (
            <span key={s.source}>
              {i > 0 && "; "}
              {sourceLabel(s.source)} ({sourceStatusWords(s)})
            </span>
          ))}
          .
        </p>
      )}
      {gaps.warnings.length > 0 && (
        <ul className="nlc-warnings">
          {gaps.warnings.slice(0, SHOWN_WARNINGS).map((w, i) => (
            <li key={i}>
              <strong>{sourceLabel(w.source)}:</strong> <Untrusted text={w.text} max={160} />
            </li>
          ))}
          {more > 0 && <li>And {plural(more, "more warning")}: see “What was checked”.</li>}
        </ul>
      )}
      {gaps.noConditions && <p>{NO_CONDITIONS}</p>}
      {quality.map((line) => (
        <p key={line} data-quality="death-date">
          {line}
        </p>
      ))}
    </section>
  );
}
