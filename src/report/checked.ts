/**
 * What was checked, beyond each kind of record's outcome: searches that succeeded after a second try (not a
 * gap: said only here, never at the top or in the short note). The EHR's notices (not a gap either) are
 * notices.ts.
 */
import type { SourceReport } from "../fhir/types";
import { plain } from "./format";

/** Optional search parameters in words: what the EHR refused. */
const PARAMETER_WORDS: Record<string, string> = {
  _count: "the page size",
  _include: "the medicine details in the same reply",
  _elements: "a shorter reply",
  _sort: "the sort order",
};

function parameterWords(names: readonly string[]): string {
  const words = names.map((n) => PARAMETER_WORDS[n] ?? `the option “${plain(n, 40)}”`);
  return words.length <= 1 ? (words[0] ?? "an option") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/**
 * "conditions (problem list): read completely; the EHR refused the page size, so the app asked again without
 * it" — one line per search that was read after a retry.
 */
export function retryLines(s: Pick<SourceReport, "searches">): string[] {
  return (s.searches ?? [])
    .filter((q) => q.status === "read" && (q.retriedWithout?.length ?? 0) > 0)
    .map((q) => {
      const n = q.retriedWithout!.length;
      return `${plain(q.label, 120)}: read completely; the EHR refused ${parameterWords(q.retriedWithout!)}, so the app asked again without ${n === 1 ? "it" : "them"}.`;
    });
}
