/** The one rule for "was everything read": shared by the panel's status and its wording. */
import type { SourceReport } from "./types";

/**
 * Kinds of record not read completely: failed, not authorised, not supported by the server, or cut.
 * Any of them makes the panel `partial` (docs/spec/panel-contract.md) and forbids a claim of absence.
 */
export function unreadSources(sources: readonly SourceReport[]): SourceReport[] {
  return sources.filter((s) => s.status !== "read");
}
