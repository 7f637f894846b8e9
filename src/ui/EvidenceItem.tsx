/** One record behind a finding: what it says, its code, status, dates (with the patient's age then), and why it matched. */
import type { ReactNode } from "react";
import type { Evidence } from "../engine/types";
import { ageAt, formatAge, formatDate } from "./format";
import { codeLabel, evidenceBadge, evidenceDates, recordStatusLabel, whereLabel } from "./labels";
import { Untrusted } from "./Untrusted";

const SHOWN_DUPLICATES = 10;

export function EvidenceItem({ evidence: e, birthDate }: { evidence: Evidence; birthDate: string | undefined }) {
  const code = codeLabel(e);
  const status = recordStatusLabel(e);
  const dups = e.duplicates ?? [];
  return (
    <li className="nlc-evidence" data-evidence={e.ref}>
      <p className="nlc-evidence-text">
        <Untrusted text={e.text} />{" "}
        <span className={`nlc-badge nlc-badge-${e.current ? "current" : "other"}`}>{evidenceBadge(e.status)}</span>
      </p>
      <dl className="nlc-facts">
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
        <dt>Record</dt>
        <dd>
          <Untrusted text={whereLabel(e)} max={120} />
          {status && (
            <>
              {"; status: "}
              <Untrusted text={status} max={120} />
            </>
          )}
        </dd>
        {evidenceDates(e).map(({ label, value }) => {
          const age = formatAge(ageAt(birthDate, value));
          return (
            <FactRow key={label + value} label={label}>
              <Untrusted text={formatDate(value)} max={60} />
              {age && ` (age ${age})`}
            </FactRow>
          );
        })}
        <dt>Why</dt>
        <dd>
          <Untrusted text={e.reason} />
          {e.matchedBy === "name" && " (matched by name, not by code)"}
        </dd>
        {(e.notes ?? []).map((note, i) => (
          <FactRow key={i} label="Note">
            <Untrusted text={note} />
          </FactRow>
        ))}
      </dl>
      <p className="nlc-ref">
        <Untrusted text={e.ref} max={120} />
      </p>
      {dups.length > 0 && (
        <p className="nlc-dups">
          And {dups.length} more {dups.length === 1 ? "record" : "records"} like this:{" "}
          {dups.slice(0, SHOWN_DUPLICATES).map((ref, i) => (
            <span key={i}>
              {i > 0 && ", "}
              <Untrusted text={ref} max={120} />
            </span>
          ))}
          {dups.length > SHOWN_DUPLICATES && ` and ${dups.length - SHOWN_DUPLICATES} others`}
        </p>
      )}
    </li>
  );
}

function FactRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
