/**
 * One record behind a finding, in clinical words: what it says (with dose), its status, labelled dates
 * with how long ago and the patient's age then, "confirm still current", and the other findings it
 * supports. A record already shown in full under an earlier finding is named, not repeated. Codes, ids,
 * the record's own words and folded duplicates are under "Technical details" (lazy/TechnicalDetails.tsx).
 */
import type { Evidence, Finding } from "../engine/types";
import { recordWords } from "../report/clinicalWords";
import { dateAside, evidenceDates, evidenceStatusWords, evidenceWhat, needsConfirmation } from "../report/evidence";
import { CONFIRM_LINE } from "../report/labels";
import { DateAside } from "./DateAside";
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
        <Untrusted text={e.lab ? evidenceWhat(e) : recordWords(e)} max={200} /> <span className="nlc-muted">— shown under {ctx.labels.get(home) ?? "another finding"}</span>
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
        <Untrusted text={recordWords(e, 400)} />
        {e.resourceType !== "Patient" && (
          <span className="nlc-evidence-status">
            {" — "}
            <Untrusted text={evidenceStatusWords(e)} max={160} />
          </span>
        )}
      </p>
      {dates.length > 0 && (
        <p className="nlc-evidence-dates">
          {dates.map((d, i) => (
            <span key={d.key}>
              {i > 0 && "; "}
              {d.label} <Untrusted text={d.date} max={60} />
              <DateAside ago={d.ago} age={dateAside({ ...d, ago: "" }, ctx.birthDate)} />
            </span>
          ))}
        </p>
      )}
      {e.resourceType !== "Patient" && dates.length === 0 && <p className="nlc-evidence-dates">No date recorded</p>}
      {needsConfirmation(e, ctx.now, finding.causeId) && (
        <p className="nlc-confirm">{CONFIRM_LINE}</p>
      )}
      <AlsoAndNotes also={also} notes={notes} />
    </li>
  );
}
