/** The source citation, the app's conventions (stated once), the knowledge base version and the statement of what the panel is. */
import type { KnowledgeInfo } from "../knowledge";
import { conventionLines, JUDGEMENT_STATEMENT, knowledgeLine } from "../report/labels";
import { ExternalLink, safeUrl } from "./ExternalLink";
import { Untrusted } from "./Untrusted";

export function PanelFooter({ knowledge }: { knowledge: KnowledgeInfo }) {
  const { source } = knowledge;
  return (
    <footer className="nlc-footer">
      <p>
        Source:{" "}
        <ExternalLink url={source.url}>
          <Untrusted text={source.title} max={200} />
        </ExternalLink>
        , <Untrusted text={source.date} max={60} />.
        <span className="nlc-print-only"> {safeUrl(source.url)}</span>
      </p>
      <div className="nlc-conventions">
        <p>Conventions of this app, where the source is silent:</p>
        <ul>
          {conventionLines(knowledge).map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </div>
      <p>{knowledgeLine(knowledge)}</p>
      <p className="nlc-disclaimer">{JUDGEMENT_STATEMENT}</p>
    </footer>
  );
}
