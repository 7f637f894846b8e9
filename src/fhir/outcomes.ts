/**
 * OperationOutcome issues, as the app reads them: inside a searchset (search.mode "outcome") and in the
 * body of a refused request. Each issue becomes one safe line of text (no URLs, clipped) and a class:
 *
 * - `serious` (error, fatal): the server says its answer may be incomplete — the section is not `read`;
 * - `withheld` (code `suppressed`): the server left records out on purpose. Epic sends one on every
 *   search for its "outside records" (records received from other organisations, shown in Epic as
 *   Care Everywhere), which a third-party app is not licensed for: those are a notice, not a gap (see
 *   `isOutsideRecords`); anything else withheld is a gap;
 * - `warning`: shown as the EHR's warning;
 * - `notice`: information-level issues — not warnings;
 * - `redundant`: says only that nothing was found (Epic's "Resource request returns no results"), which
 *   the count already says.
 *
 * The text is the issue's `details.text`, unless that is generic — the display of the code it carries,
 * as Epic's are ("The authenticated client's search request applies to a sub-resource…") — and
 * `diagnostics` says more ("Client not authorized for Condition - Outside Record Problems…").
 */
import { asArray, isRecord } from "../util/json";

export type IssueClass = "serious" | "withheld" | "warning" | "notice" | "redundant";

export interface OutcomeIssue {
  severity: string;
  /** The issue type (`required`, `suppressed`, `forbidden`, …), when given. */
  code?: string;
  /** Plain text, URLs removed, at most 300 characters. */
  text: string;
  class: IssueClass;
}

const SERIOUS = new Set(["error", "fatal"]);
const MAX_TEXT = 300;

function clean(text: string): string {
  return text.replace(/https?:\/\/\S+/g, "[address]").replace(/\s+/g, " ").trim().slice(0, MAX_TEXT);
}

/** The issue's words: details.text, or diagnostics when details.text only repeats its code's display. */
function issueText(issue: Record<string, unknown>): string {
  const details = isRecord(issue.details) ? issue.details : {};
  const detailText = typeof details.text === "string" ? details.text.trim() : "";
  const diagnostics = typeof issue.diagnostics === "string" ? issue.diagnostics.trim() : "";
  const displays = asArray(details.coding)
    .map((c) => (isRecord(c) && typeof c.display === "string" ? c.display.trim() : ""))
    .filter(Boolean);
  const generic = detailText === "" || displays.includes(detailText);
  const text = (generic && diagnostics ? diagnostics : detailText || diagnostics) || displays[0] || (typeof issue.code === "string" ? issue.code : "");
  return clean(text);
}

const NOTHING_FOUND = /\bno (results|matches|records)\b/i;

function classifyIssue(severity: string, code: string | undefined, text: string): IssueClass {
  if (SERIOUS.has(severity)) return "serious";
  if (code === "suppressed") return "withheld";
  if (NOTHING_FOUND.test(text)) return "redundant";
  return severity === "information" ? "notice" : "warning";
}

/** Every issue of an OperationOutcome, read. */
export function readOutcome(outcome: Record<string, unknown>): OutcomeIssue[] {
  return asArray(outcome.issue)
    .filter(isRecord)
    .map((issue) => {
      const severity = typeof issue.severity === "string" ? issue.severity.slice(0, 20) : "warning";
      const code = typeof issue.code === "string" ? issue.code.slice(0, 40) : undefined;
      const text = issueText(issue);
      return { severity, ...(code ? { code } : {}), text, class: classifyIssue(severity, code, text) };
    });
}

/** Epic's withheld "outside records" (records from other organisations), e.g. "Condition - Outside Record Problems". */
export function isOutsideRecords(text: string): boolean {
  return /\boutside\s+records?\b/i.test(text);
}

/**
 * What a withheld issue names, when it follows Epic's wording ("Client not authorized for <Type> -
 * <Kind>. Search results of this type have not been included."): the kind ("Outside Record Problems").
 */
export function withheldKind(text: string): string | undefined {
  const m = /not authori[sz]ed for\s+[A-Za-z]+\s+-\s+([^.]{1,80})\./i.exec(text);
  return m?.[1]?.trim();
}

const OUTSIDE_LEAD = "Outside records (from other organisations) were not shared with this app: ";
const OUTSIDE_TAIL = ". Not checked; the patient's own records were read.";

/**
 * The one line for outside records the EHR withheld: not a gap. In Epic, outside records (received from
 * other organisations through Care Everywhere) stay apart from the patient's own lists until a clinician
 * reconciles them, and reconciled ones are the patient's own records, which the app reads. `kinds` are
 * what the outcomes named ("Outside Record Problems"), merged.
 */
export function outsideRecordsNotice(kinds: readonly string[]): string {
  return `${OUTSIDE_LEAD}${[...new Set(kinds)].join(", ")}${OUTSIDE_TAIL}`;
}

/** The kinds an `outsideRecordsNotice` line names, or undefined for any other line (to merge lines of several sections). */
export function outsideRecordsKinds(line: string): string[] | undefined {
  if (!line.startsWith(OUTSIDE_LEAD) || !line.endsWith(OUTSIDE_TAIL)) return undefined;
  return line.slice(OUTSIDE_LEAD.length, line.length - OUTSIDE_TAIL.length).split(", ");
}
