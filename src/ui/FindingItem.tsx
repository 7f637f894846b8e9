/**
 * One finding: a one-line row (strength scale, label, strength in words, status when it needs saying),
 * the distinct records behind it in one line, and a region with every record, a slot for extra content
 * (such as a lab chart) and the technical details.
 */
import type { ReactNode } from "react";
import type { CauseId, Finding } from "../engine/types";
import type { LabInterpretation } from "../engine/labs/types";
import { findingAttributes } from "../report/card";
import { LAB_BASIS_SENTENCE } from "../report/labs";
import { evidenceWhat, findingBadge, keyDates } from "../report/evidence";
import { findingLineFacts, notesOnce, type Fact } from "../report/facts";
import { findingStrengthWords } from "../report/strength";
import { Disclosure, type HeadingLevel } from "./Disclosure";
import { EvidenceItem, Notes, TechnicalDetails } from "./EvidenceItem";
import { FindingLabs } from "./FindingLabs";
import { StrengthMeter } from "./StrengthMeter";
import { Untrusted } from "./Untrusted";

/** What every finding needs to know about the others and the read. */
export interface FindingContext {
  now: Date;
  birthDate: string | undefined;
  deceased: boolean;
  /** Record → the findings it supports, in reading order (the first shows it in full). */
  homes: Map<string, CauseId[]>;
  labels: Map<CauseId, string>;
  /** Extra content per finding, shown in its region after the records and lab charts. */
  extra?: (finding: Finding) => ReactNode;
  /** The lab results' interpretation: the series each chart draws. */
  labs?: LabInterpretation;
}

function FactText({ fact, now, dated }: { fact: Fact; now: Date; dated: boolean }) {
  const date = dated ? keyDates(fact.evidence, now)[0] : undefined;
  return (
    <>
      <Untrusted text={evidenceWhat(fact.evidence)} max={200} />
      {date && (
        <span className="nlc-when">
          {" "}
          ({date.label} {date.date}
          {date.ago && `, ${date.ago}`})
        </span>
      )}
    </>
  );
}

/** The records behind the finding in one line: every distinct current one (each medicine, with dose), or the past ones. */
function FactsLine({ finding: f, now }: { finding: Finding; now: Date }) {
  const { shown, more } = findingLineFacts(f);
  return (
    <p className="nlc-finding-facts">
      {shown.map((fact, i) => (
        <span key={fact.evidence.ref}>
          {i > 0 && " · "}
          <FactText fact={fact} now={now} dated={fact.kind !== "age"} />
        </span>
      ))}
      {more && <span className="nlc-muted">{` · ${more}`}</span>}
    </p>
  );
}

interface ItemProps {
  finding: Finding;
  level: HeadingLevel;
  ctx: FindingContext;
  /** Show the strength bars on the row (where no group heading above shows them). */
  meter?: boolean;
}

export function FindingItem({ finding: f, level, ctx, meter = false }: ItemProps) {
  const attrs = findingAttributes(f, ctx.deceased);
  const notes = notesOnce(f.evidence);
  const status = findingBadge(f, ctx.now, ctx.deceased);
  const title = (
    <>
      {meter && <StrengthMeter strength={f.strength} />}
      <span className="nlc-finding-label">
        <Untrusted text={f.label} max={120} />
      </span>
      <span className="nlc-strength-words">{findingStrengthWords(f)}</span>
      {attrs.basis === "lab" && <span className="nlc-badge nlc-badge-lab">Lab results only</span>}
      {status && <span className={`nlc-badge nlc-badge-${status.tone}`}>{status.text}</span>}
    </>
  );
  const lead = (
    <>
      <FactsLine finding={f} now={ctx.now} />
      {attrs.basis === "lab" && <p className="nlc-lab-basis">{LAB_BASIS_SENTENCE}.</p>}
      <Notes notes={f.notes ?? []} />
    </>
  );
  return (
    <li
      className={`nlc-finding nlc-finding-${attrs.current ? "current" : "past"}`}
      data-cause={attrs.id}
      data-current={String(attrs.current)}
      data-strength={attrs.strength}
      data-basis={attrs.basis}
    >
      <Disclosure level={level} title={title} lead={lead} className="nlc-evidence-region">
        <ul className="nlc-evidence-list" aria-label="Records behind this finding">
          {f.evidence.map((e, i) => (
            <EvidenceItem key={`${e.ref}-${i}`} evidence={e} finding={f} ctx={ctx} notes={notes[i]} />
          ))}
        </ul>
        <FindingLabs finding={f} labs={ctx.labs} homes={ctx.homes} />
        {ctx.extra && <div className="nlc-finding-extra">{ctx.extra(f)}</div>}
        <TechnicalDetails finding={f} level={(level < 5 ? level + 1 : 5) as HeadingLevel} ctx={ctx} />
      </Disclosure>
    </li>
  );
}
