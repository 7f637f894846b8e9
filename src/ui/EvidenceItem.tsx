/**
 * One record behind a finding, in clinical words: what it says (with dose), its status, labelled dates
 * with how long ago and the patient's age then, "confirm still current", and the other findings it
 * supports. A record already shown in full under an earlier finding is named, not repeated. Codes, ids
 * and folded duplicates are under "Technical details".
 */
import type { Evidence, Finding } from "../engine/types";
import {
  codeLabel,
  dateAside,
  evidenceDates,
  evidenceStatusWords,
  evidenceWhat,
  needsConfirmation,
  recordStatusLabel,
  SHOWN_DUPLICATES,
  whereLabel,
} from "../report/evidence";
import { shownUnder } from "../report/facts";
import { CONFIRM_LINE } from "../report/labels";
import { Disclosure, type HeadingLevel } from "./Disclosure";
import { LabEvidenceLines } from "./LabEvidence";
import type { FindingContext } from "./FindingItem";
import { Untrusted } from "./Untrusted";

interface EvidenceProps {
  evidence: Evidence;
  finding: Finding;
  ctx: FindingContext;
  /** The notes to show (default: the record's own); a note an earlier record of the finding showed is left out. */
  notes?: readonly string[];
}

/** A finding's or a record's notes, one paragraph each. */
export function Notes({ notes }: { notes: readonly string[] }) {
  return notes.map((note, i) => (
    <p key={i} className="nlc-note">
      <Untrusted text={note} />
    </p>
  ));
}

/** The other findings a record supports, and its notes (the end of every record, lab result or not). */
function AlsoAndNotes({ also, notes }: { also: string[]; notes: readonly string[] }) {
  return (
    <>
      {also.length > 0 && <p className="nlc-also">Also supports: {also.join(", ")}</p>}
      <Notes notes={notes} />
    </>
  );
}

export function EvidenceItem({ evidence: e, finding, ctx, notes = e.notes ?? [] }: EvidenceProps) {
  const causes = ctx.homes.get(e.ref) ?? [finding.causeId];
  const home = causes[0] ?? finding.causeId;
  if (home !== finding.causeId) {
    return (
      <li className="nlc-evidence nlc-evidence-elsewhere" data-evidence={e.ref}>
        <Untrusted text={evidenceWhat(e)} max={200} /> <span className="nlc-muted">— shown under {ctx.labels.get(home) ?? "another finding"}</span>
      </li>
    );
  }
  const also = causes.slice(1).map((c) => ctx.labels.get(c) ?? c);
  const dates = evidenceDates(e, ctx.now);
  if (e.lab) {
    return (
      <li className="nlc-evidence nlc-evidence-lab" data-evidence={e.ref}>
        <LabEvidenceLines evidence={e} lab={e.lab} now={ctx.now} />
        <AlsoAndNotes also={also} notes={notes} />
      </li>
    );
  }
  return (
    <li className="nlc-evidence" data-evidence={e.ref}>
      <p className="nlc-evidence-text">
        <Untrusted text={evidenceWhat(e)} />
        {e.resourceType !== "Patient" && (
          <span className="nlc-evidence-status">
            {" — "}
            <Untrusted text={evidenceStatusWords(e)} max={160} />
          </span>
        )}
      </p>
      {dates.length > 0 && (
        <p className="nlc-evidence-dates">
          {dates.map((d, i) => {
            const aside = dateAside(d, ctx.birthDate);
            return (
              <span key={d.key}>
                {i > 0 && "; "}
                {d.label} <Untrusted text={d.date} max={60} />
                {aside && ` (${aside})`}
              </span>
            );
          })}
        </p>
      )}
      {e.resourceType !== "Patient" && dates.length === 0 && <p className="nlc-evidence-dates">No date recorded</p>}
      {needsConfirmation(e, ctx.now) && (
        <p className="nlc-confirm">{CONFIRM_LINE}</p>
      )}
      <AlsoAndNotes also={also} notes={notes} />
    </li>
  );
}

/** Codes, record kind and status as written, why it matched, ids and the records folded under each one. */
export function TechnicalDetails({ finding: f, level, ctx }: { finding: Finding; level: HeadingLevel; ctx: FindingContext }) {
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
