/** What the report says first: how complete the read was (gaps, the EHR's warnings, a suspicious zero) and the one-line summary. */
import type { Finding } from "../engine/types";
import { unreadSources } from "../fhir/sourceReports";
import type { SourceName, SourceReport } from "../fhir/types";
import { evidenceWhat, findingNeedsConfirmation } from "./evidence";
import { activeFacts, causeFindings, findingFacts, readingOrder, staleFacts } from "./facts";
import { clip, formatDate, plain, plural } from "./format";
import { CONFIRM_LABEL, sourceShortLabel, sourceStatusWords } from "./labels";
import { LAB_BASIS, labInBrief } from "./labs";
import { findingStrengthWords } from "./strength";
import type { Completeness, Report } from "./types";

/** "ready" only when every kind of record was read completely (the one rule: fhir/sourceReports). */
export function completeness(report: Pick<Report, "sources">): Completeness {
  return unreadSources(report.sources).length > 0 ? "partial" : "ready";
}

export interface Gaps {
  /** Kinds of record not read completely: no absence can be claimed for them. */
  unread: SourceReport[];
  /** The EHR's own warnings (and the data layer's), by kind of record: safe text, clipped. */
  warnings: { source: SourceName; text: string }[];
  /** Conditions were read completely and there were none at all: unusual, and said so. */
  noConditions: boolean;
}

export function reportGaps(report: Pick<Report, "sources">): Gaps {
  return {
    unread: unreadSources(report.sources),
    warnings: report.sources.flatMap((s) => s.warnings.map((w) => ({ source: s.source, text: clip(w, 300) }))),
    noConditions: report.sources.some((s) => s.source === "Condition" && s.status === "read" && s.count === 0),
  };
}

export const NO_CONDITIONS =
  "The EHR returned no conditions at all for this patient: unusual (the problem list may not be shared with this app). Check the chart.";

/** The gaps as plain lines, most important first (shared by the panel's top and the copied notes). */
export function gapLines(report: Pick<Report, "sources">, maxWarnings = 5): string[] {
  const gaps = reportGaps(report);
  const lines: string[] = [];
  if (gaps.unread.length > 0) {
    lines.push(
      `Not checked completely, so nothing can be ruled out there: ${gaps.unread.map((s) => `${sourceShortLabel(s.source)} (${sourceStatusWords(s)})`).join("; ")}.`,
    );
  }
  for (const w of gaps.warnings.slice(0, maxWarnings)) lines.push(`Warning with ${sourceShortLabel(w.source)}: ${plain(w.text, 300)}`);
  if (gaps.warnings.length > maxWarnings) lines.push(`And ${plural(gaps.warnings.length - maxWarnings, "more warning")} (see what was checked).`);
  if (gaps.noConditions) lines.push(NO_CONDITIONS);
  return lines;
}

/** "Recorded as deceased (4 Mar 2010)". */
export function deceasedLine(report: Pick<Report, "patient">): string {
  const date = report.patient.deceasedDate;
  return `The patient is recorded as deceased${date ? ` (${formatDate(date)})` : ""}: nothing is current`;
}

/**
 * The one sentence under the title: what is active (counted as distinct facts, not causes), or why
 * nothing is, never claiming absence for records that could not be read.
 */
export function summaryLine(report: Report, status: Completeness = completeness(report), now?: Date): string {
  const order = readingOrder(report);
  if (report.patient.deceased) {
    const n = report.findings.length;
    return n === 0 ? `${deceasedLine(report)}.` : `${deceasedLine(report)}; ${plural(n, "finding")} from the record ${n === 1 ? "is" : "are"} under “Past / not current”.`;
  }
  const complete = status === "ready" && completeness(report) === "ready";
  if (causeFindings(report.findings).length === 0) {
    return complete
      ? "No documented causes found in the records read."
      : "Nothing found in the records that could be read; some records could not be checked (see above).";
  }
  // Records the "confirm still current" convention marks are not counted as active: said apart, to confirm.
  const all = activeFacts(report);
  const staleRefs = new Set(now ? staleFacts(report, now).map((fact) => fact.evidence.ref) : []);
  const facts = all.filter((fact) => !staleRefs.has(fact.evidence.ref));
  const stale = all.length - facts.length;
  const past = order.past.length;
  const tail = `${stale > 0 ? `; ${plural(stale, "entry", "entries")} to confirm` : ""}${past > 0 ? `; ${past} past or not current` : ""}`;
  if (facts.length === 0) return `Nothing linked to night leg cramps is active in the record now${tail}.`;
  return `${plural(facts.length, "fact")} active in the record ${facts.length === 1 ? "is" : "are"} linked to night leg cramps${tail}.`;
}

/**
 * A current finding in a few words for notes and cards: "diuretics (hydrochlorothiazide 25 MG)"; a
 * lab-only one says so, with its most recent result: "Anemia (suggested by lab results — not recorded as
 * a diagnosis: Hemoglobin 10.1 g/dL on 3 Mar 2026)".
 */
export function findingInBrief(f: Finding, now: Date, withFacts = true): string {
  const label = plain(f.label, 120);
  const facts = findingFacts(f).current;
  const confirm = findingNeedsConfirmation(f, now);
  const what = withFacts && f.kind === "medicine" && facts.length > 0 ? ` (${facts.map((x) => plain(evidenceWhat(x.evidence), 80)).join(", ")})` : "";
  const raised = findingStrengthWords(f).includes(":") ? ` (${findingStrengthWords(f)})` : "";
  const results = withFacts ? labInBrief(f) : "";
  const lab = f.basis === "lab" ? ` (${LAB_BASIS}${results ? `: ${results}` : ""})` : "";
  return `${label}${what}${lab}${raised}${confirm ? ` [${CONFIRM_LABEL}]` : ""}`;
}
