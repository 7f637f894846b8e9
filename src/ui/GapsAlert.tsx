/**
 * What limits the read, at the top, and only that: kinds of record not read completely, the EHR's own
 * warnings, a suspicious zero, a record the app did not take at face value (a placeholder death date). A
 * search that succeeded after a retry is not a limit (it is under "What was checked"); what the EHR says
 * that is not a gap (its notices) is said quietly, once.
 */
import { noticeLines } from "../report/notices";
import { dataQualityLines } from "../report/dataQuality";
import { plural } from "../report/format";
import { sourceLabel, sourceStatusWords } from "../report/labels";
import { NO_CONDITIONS, reportGaps } from "../report/summary";
import type { Report } from "../report/types";
import { Untrusted } from "./Untrusted";

/** Warnings shown at the top (each clipped); all of them are listed under "What was checked". */
const SHOWN_WARNINGS = 3;

export function GapsAlert({ report }: { report: Report }) {
  const gaps = reportGaps(report);
  const notices = noticeLines(report.sources);
  const quality = dataQualityLines(report);
  const alert = gaps.unread.length > 0 || gaps.warnings.length > 0 || gaps.noConditions || quality.length > 0;
  const more = gaps.warnings.length - SHOWN_WARNINGS;
  return (
    <>
      {alert && (
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
      )}
      {notices.length > 0 && (
        <ul className="nlc-notices" aria-label="Notes from the EHR">
          {notices.slice(0, SHOWN_WARNINGS).map((n) => (
            <li key={n}>
              <Untrusted text={n} max={300} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
