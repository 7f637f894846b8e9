/**
 * Under a finding, inside its region (loaded after the first screen): codes, record kind and status as
 * written, the record's own words where the panel shows them in clinical words, why it matched, ids and the
 * records folded under each one.
 */
import type { Finding } from "../../engine/types";
import { hasTags, isMedicine, recordWords } from "../../report/clinicalWords";
import { codeLabel, recordStatusLabel, SHOWN_DUPLICATES, whereLabel } from "../../report/evidence";
import { shownUnder } from "../../report/facts";
import { clip } from "../../report/format";
import type { ReportEvidence } from "../../report/types";
import { Disclosure, type HeadingLevel } from "../Disclosure";
import type { FindingContext } from "../FindingItem";
import { Untrusted } from "../Untrusted";

/** The record's words as written (with the dose), when the panel shows them otherwise. */
function asWritten(e: ReportEvidence): string | undefined {
  const written = isMedicine(e) && e.dose ? `${e.text}; ${e.dose}` : e.text;
  return hasTags(e.text) || recordWords(e) !== clip(e.text, 200) ? written : undefined;
}

export default function TechnicalDetails({ finding: f, level, ctx }: { finding: Finding; level: HeadingLevel; ctx: FindingContext }) {
  const own = f.evidence.filter((e) => shownUnder(ctx.homes, e.ref, f));
  if (own.length === 0) return null;
  return (
    <div className="nlc-technical">
      <Disclosure level={level} title="Technical details (codes, record ids)">
        <ul className="nlc-technical-list">
          {own.map((e, i) => {
            const code = codeLabel(e);
            const status = recordStatusLabel(e);
            const dups = e.duplicates ?? [];
            const written = e.lab ? undefined : asWritten(e);
            return (
              <li key={`${e.ref}-${i}`}>
                <dl className="nlc-facts">
                  <dt>Record</dt>
                  <dd>
                    <Untrusted text={e.ref} max={120} /> · <Untrusted text={whereLabel(e)} max={120} />
                    {status && (
                      <>
                        {"; status: "}
                        <Untrusted text={status} max={120} />
                      </>
                    )}
                  </dd>
                  {written && (
                    <>
                      <dt>As written</dt>
                      <dd>
                        <Untrusted text={written} max={300} />
                      </dd>
                    </>
                  )}
                  {code && (
                    <>
                      <dt>Code</dt>
                      <dd>
                        <Untrusted text={code} />
                        {e.matchedBy === "code" && e.matched.display && e.matched.display !== e.text && (
                          <>
                            {" — "}
                            <Untrusted text={e.matched.display} max={160} />
                          </>
                        )}
                      </dd>
                    </>
                  )}
                  <dt>Why</dt>
                  <dd>
                    <Untrusted text={e.reason} />
                    {e.matchedBy === "name" && " (matched by name, not by code)"}
                  </dd>
                  {dups.length > 0 && (
                    <>
                      <dt>Same</dt>
                      <dd className="nlc-dups">
                        {dups.length} more {dups.length === 1 ? "record" : "records"} like this:{" "}
                        {dups.slice(0, SHOWN_DUPLICATES).map((ref, j) => (
                          <span key={j}>
                            {j > 0 && ", "}
                            <Untrusted text={ref} max={120} />
                          </span>
                        ))}
                        {dups.length > SHOWN_DUPLICATES && ` and ${dups.length - SHOWN_DUPLICATES} others`}
                      </dd>
                    </>
                  )}
                </dl>
              </li>
            );
          })}
        </ul>
      </Disclosure>
    </div>
  );
}
