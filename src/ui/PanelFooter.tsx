/** The source citation, the app's conventions (stated once), the knowledge base version and the statement of what the panel is. */
import type { KnowledgeInfo } from "../knowledge";
import { conventionLines, JUDGEMENT_STATEMENT, knowledgeLine } from "../report/labels";
import { Untrusted } from "./Untrusted";

/** Only http(s) links are rendered as links. */
function safeUrl(url: string): string | undefined {
  return /^https?:\/\/[^\s"<>]+$/i.test(url) ? url : undefined;
}

export function PanelFooter({ knowledge }: { knowledge: KnowledgeInfo }) {
  const { source } = knowledge;
  const href = safeUrl(source.url);
  return (
    <footer className="nlc-footer">
      <p>
        Source:{" "}
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            <Untrusted text={source.title} max={200} />
          </a>
        ) : (
          <Untrusted text={source.title} max={200} />
        )}
        , <Untrusted text={source.date} max={60} />.
        <span className="nlc-print-only"> {href}</span>
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
