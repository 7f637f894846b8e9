/**
 * One finding: a one-line row in clinical words (its title, status when it needs saying; the strength is
 * said by the group above, or on the row where there is none), the records behind it with when they began
 * ("started Aug 2026, about 6 weeks before the cramps"; old orders muted), its lab results in words (the
 * trend and the latest result, normal or not), the lesser findings folded into it ("also on the source's
 * list as peripheral neuropathy"), and a region with every record, the lab charts and the technical details.
 */
import type { ReactNode } from "react";
import type { LabInterpretation, LabSkipped } from "../engine/labs/types";
import type { CauseId, Finding } from "../engine/types";
import type { SourceReport } from "../fhir/types";
import type { LabTestId } from "../knowledge";
import { findingAttributes } from "../report/card";
import type { CrampAnchor } from "../report/crampAnchor";
import { recordWords } from "../report/clinicalWords";
import { evidenceWhat, findingBadge } from "../report/evidence";
import { notesOnce } from "../report/facts";
import { findingLabLines, unreadInBrief } from "../report/labStory";
import { findingUnreadLabs, LAB_BASIS_SENTENCE, unreadLabLine } from "../report/labs";
import { factWords, FOLDED_LEAD, FOLDED_LIST_LABEL, FOLDED_SAME_RECORD, foldedWords, rowFacts, rowTitle } from "../report/rowWords";
import { strengthLevel } from "../report/strength";
import { Disclosure, type HeadingLevel } from "./Disclosure";
import { EvidenceItem, Notes } from "./EvidenceItem";
import { LazyFindingLabs, LazyTechnicalDetails } from "./LazyParts";
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
  /** What was read (a "no result on file" line needs lab results read completely). */
  sources: readonly SourceReport[];
  /** The leg-cramp record medicines and new diagnoses are dated against. */
  anchor?: CrampAnchor;
  /** Test → the finding that charts it. */
  chartHomes: ReadonlyMap<LabTestId, CauseId>;
}

/** The records behind the finding in one line: what each says and when it began; old orders muted. */
function FactsLine({ finding: f, ctx }: { finding: Finding; ctx: FindingContext }) {
  const { shown, more } = rowFacts(f);
  if (shown.length === 0 && !more) return null;
  return (
    <p className="nlc-finding-facts">
      {shown.map((fact, i) => {
        const w = factWords(fact, f, ctx.now, ctx.anchor);
        return (
          <span key={fact.evidence.ref} className={w.stale ? "nlc-stale" : undefined}>
            {i > 0 && " · "}
            <Untrusted text={w.what} max={200} />
            {w.when && <span className="nlc-when">{`, ${w.when}`}</span>}
          </span>
        );
      })}
      {more && <span className="nlc-muted">{`${shown.length > 0 ? " · " : ""}${more}`}</span>}
    </p>
  );
}

/**
 * The finding's lab results in words: the trend, then the latest result (normal or not), and next to them
 * any result of these tests that could not be read (a newer one, a value the test cannot take).
 */
function LabLines({ finding: f, ctx, unread }: { finding: Finding; ctx: FindingContext; unread: readonly LabSkipped[] }) {
  const lines = findingLabLines(f, ctx.labs, ctx.sources);
  if (lines.length === 0 && unread.length === 0) return null;
  return (
    <div className="nlc-lab-lines">
      {lines.map((l) => (
        <p key={l.test} className="nlc-lab-line" data-lab-test={l.test}>
          {l.trend && (
            <>
              <Untrusted text={l.trend} max={200} />.{" "}
            </>
          )}
          <Untrusted text={l.latest} max={200} />.
        </p>
      ))}
      {unreadInBrief(unread).map((line) => (
        <p key={line} className="nlc-lab-line nlc-lab-unread-brief">
          {line}.
        </p>
      ))}
    </div>
  );
}

/** Each result of the finding's tests that could not be read, in full (in the finding's records). */
function UnreadLabs({ unread }: { unread: readonly LabSkipped[] }) {
  if (unread.length === 0) return null;
  return (
    <ul className="nlc-lab-unread">
      {unread.map((s, i) => (
        <li key={s.ref ?? i} data-lab-unread={s.reason}>
          <Untrusted text={unreadLabLine(s)} max={300} />
        </li>
      ))}
    </ul>
  );
}

/**
 * The lesser findings folded into this row, each still a finding of its own (panel-contract: every cause
 * found is an element with data-cause, its evidence inside), named in one line.
 */
function Folded({ findings, ctx }: { findings: Finding[]; ctx: FindingContext }) {
  if (findings.length === 0) return null;
  return (
    <div className="nlc-folded-line">
      {FOLDED_LEAD}{" "}
      <ul className="nlc-folded" aria-label={FOLDED_LIST_LABEL}>
        {findings.map((f, i) => {
          const attrs = findingAttributes(f, ctx.deceased);
          return (
            <li
              key={f.causeId}
              className="nlc-folded-finding"
              data-cause={attrs.id}
              data-current={String(attrs.current)}
              data-strength={attrs.strength}
              data-basis={attrs.basis}
            >
              {i > 0 && (i === findings.length - 1 ? " and " : ", ")}
              <Untrusted text={foldedWords(f)} max={160} />
              <span className="nlc-visually-hidden">
                {FOLDED_SAME_RECORD}
                {f.evidence.map((e, j) => (
                  <span key={`${e.ref}-${j}`} data-evidence={e.ref}>
                    {j > 0 && "; "}
                    <Untrusted text={e.lab ? evidenceWhat(e) : recordWords(e, 120)} max={120} />
                  </span>
                ))}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

interface ItemProps {
  finding: Finding;
  level: HeadingLevel;
  ctx: FindingContext;
  /** Findings folded into this row. */
  folded?: Finding[];
  /** Show the strength on the row (bars and words) where no group heading above says it. */
  meter?: boolean;
}

export function FindingItem({ finding: f, level, ctx, folded = [], meter = false }: ItemProps) {
  const attrs = findingAttributes(f, ctx.deceased);
  const notes = notesOnce(f.evidence);
  // Read once: the row's brief line and the full list under its records say the same results.
  const unread = findingUnreadLabs(f, ctx.labs);
  const status = findingBadge(f, ctx.now, ctx.deceased);
  const title = (
    <>
      {meter && <StrengthMeter strength={f.strength} />}
      <span className="nlc-finding-label">
        <Untrusted text={rowTitle(f)} max={160} />
      </span>
      {meter && <span className="nlc-strength-words">{strengthLevel(f.strength).words}</span>}
      {attrs.basis === "lab" && <span className="nlc-badge nlc-badge-lab">Lab results only</span>}
      {status && <span className={`nlc-badge nlc-badge-${status.tone}`}>{status.text}</span>}
    </>
  );
  const lead = (
    <>
      <FactsLine finding={f} ctx={ctx} />
      <LabLines finding={f} ctx={ctx} unread={unread} />
      {attrs.basis === "lab" && <p className="nlc-lab-basis">{LAB_BASIS_SENTENCE}.</p>}
      <Folded findings={folded} ctx={ctx} />
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
        <UnreadLabs unread={unread} />
        <LazyFindingLabs finding={f} labs={ctx.labs} chartHomes={ctx.chartHomes} />
        {ctx.extra && <div className="nlc-finding-extra">{ctx.extra(f)}</div>}
        <LazyTechnicalDetails finding={f} level={(level < 5 ? level + 1 : 5) as HeadingLevel} ctx={ctx} />
      </Disclosure>
    </li>
  );
}
