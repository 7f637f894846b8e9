/** The source citation, knowledge base version and the statement of what the panel is (and is not). */
import type { KnowledgeInfo } from "../knowledge";
import { DISCLAIMER, knowledgeLine } from "./labels";
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
      <p>{knowledgeLine(knowledge)}</p>
      <p className="nlc-disclaimer">{DISCLAIMER}</p>
    </footer>
  );
}
