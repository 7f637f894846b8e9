/** Findings grouped by strength, each a disclosure opening onto the records behind it. */
import type { Finding } from "../engine/types";
import type { KnowledgeInfo } from "../knowledge";
import { formatDate, plural } from "./format";
import { findingBadge, groupFindings, olderAgeNote } from "./labels";
import { Disclosure } from "./Disclosure";
import { EvidenceItem } from "./EvidenceItem";
import { Untrusted } from "./Untrusted";

interface Props {
  findings: Finding[];
  birthDate: string | undefined;
  knowledge: KnowledgeInfo;
}

export function FindingList({ findings, birthDate, knowledge }: Props) {
  return (
    <>
      {groupFindings(findings).map((group) => (
        <section key={group.strength} className={`nlc-group nlc-group-${group.strength}`}>
          <h3>{group.heading}</h3>
          <p className="nlc-blurb">{group.blurb}</p>
          <ul className="nlc-findings">
            {group.findings.map((f) => (
              <FindingItem key={f.causeId} finding={f} birthDate={birthDate} knowledge={knowledge} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function FindingItem({ finding: f, birthDate, knowledge }: { finding: Finding } & Omit<Props, "findings">) {
  const badge = findingBadge(f);
  const first = f.evidence[0];
  const records = f.evidence.reduce((n, e) => n + 1 + (e.duplicates?.length ?? 0), 0);
  const firstDate = first?.sortDate ?? first?.dates.onset ?? first?.dates.authored;
  const title = (
    <>
      <span className="nlc-finding-label">
        <Untrusted text={f.label} max={120} />
      </span>{" "}
      <span className={`nlc-badge nlc-badge-${badge.tone}`}>{badge.text}</span>
    </>
  );
  const lead = (
    <>
      <p className="nlc-finding-gist">
        {first && <Untrusted text={first.text} max={160} />}
        {firstDate && ` · ${formatDate(firstDate)}`}
        {records > 1 && ` · ${plural(records, "record")}`}
      </p>
      {f.causeId === "older-age" && <p className="nlc-note">{olderAgeNote(knowledge.olderAgeThreshold)}</p>}
      {(f.notes ?? []).map((note, i) => (
        <p key={i} className="nlc-note">
          <Untrusted text={note} />
        </p>
      ))}
    </>
  );
  return (
    <li className="nlc-finding" data-cause={f.causeId} data-current={String(f.current)}>
      <Disclosure level={4} title={title} lead={lead} className="nlc-evidence-region">
        <ul className="nlc-evidence-list" aria-label="Records behind this finding">
          {f.evidence.map((e, i) => (
            <EvidenceItem key={`${e.ref}-${i}`} evidence={e} birthDate={birthDate} />
          ))}
        </ul>
      </Disclosure>
    </li>
  );
}
