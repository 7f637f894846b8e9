/** The one rule for "was everything read": shared by the panel's status and its wording. */
import type { SourceReport } from "./types";

/**
 * Kinds of record not read completely: failed, not authorised, or cut. Any of them makes the panel
 * `partial` and forbids a claim of absence. A kind the server does not offer at all (`not-supported`:
 * absent from its CapabilityStatement, or configured off) is not a gap (docs/spec/panel-contract.md).
 */
export function unreadSources(sources: readonly SourceReport[]): SourceReport[] {
  return sources.filter((s) => s.status !== "read" && s.status !== "not-supported");
}
