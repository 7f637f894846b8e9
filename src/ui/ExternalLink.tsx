/** A link to a published source: only http(s) URLs become links (callers that print the address add it with safeUrl). */
import type { ReactNode } from "react";

/** Only http(s) links are rendered as links. */
export function safeUrl(url: string): string | undefined {
  return /^https?:\/\/[^\s"<>]+$/i.test(url) ? url : undefined;
}

export function ExternalLink({ url, children, title }: { url: string; children: ReactNode; title?: string }) {
  const href = safeUrl(url);
  if (!href) return <>{children}</>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" title={title}>
      {children}
    </a>
  );
}
