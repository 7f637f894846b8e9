/**
 * "Copy detail with codes": every finding and record with its dates, codes and ids, what was checked, the
 * app's conventions, the source and the judgement statement — the audit version of the note. Loaded only
 * when asked for. Pure: the clock is an argument.
 */
import type { Finding } from "../engine/types";
import { legCrampAnchor } from "./crampAnchor";
import { dataQualityLines } from "./dataQuality";
import { evidenceLine, evidenceWhat, technicalLine } from "./evidence";
import { activeFacts, factText } from "./facts";
import { formatDate, formatDateTime, patientAge, plain } from "./format";
import {
  conventionLines,
  EHR_NOTE_PREFIX,
  JUDGEMENT_STATEMENT,
  knowledgeLine,
  NO_KNOWN_CAUSE,
  notReadLine,
  sourceCitation,
  sourceLabel,
  sourceStatusText,
  STATUS_NOT_RECORDED_HEADING,
  TITLE,
} from "./labels";
import {
  definitionLine,
  findingDefinitions,
  findingUnreadLabs,
  labCountsLine,
  labSurveyLine,
  labsWereRead,
  notInterpretedGroups,
  unreadLabLine,
} from "./labs";
import { groupByStrength } from "./note";
import { panelHomes, panelOrder } from "./order";
import { retryLines } from "./checked";
import { noticeLines } from "./notices";
import { deceasedLine, findingInBrief, gapLines, reportGaps, summaryLine } from "./summary";
import type { Report } from "./types";

function patientLines(report: Report, now: Date): string[] {
  const p = report.patient;
  if (!p.read) return ["Patient: details could not be read from the EHR (name, date of birth, age and sex unknown here)."];
  const age = patientAge(p, now);
  return [
    `Patient: ${plain(p.name, 120)}`,
    `Date of birth: ${p.birthDate ? formatDate(p.birthDate) : "not recorded"}` +
      (age ? ` (age ${age})` : "") +
      `; sex: ${p.sex}`,
  ];
}

/** The full detail: every finding, every record with its dates, codes and ids, what was checked, the conventions. */
export function fullNote(report: Report, now: Date): string {
  const order = panelOrder(report);
  const homes = panelHomes(order);
  const labelOf = new Map(report.findings.map((f) => [f.causeId, plain(f.label, 120)]));
  const lines = [TITLE, ...patientLines(report, now)];
  if (report.patient.deceased) lines.push(`${deceasedLine(report)}.`);
  const anchor = legCrampAnchor(report);
  if (anchor) lines.push(`${anchor.words}: ${anchor.name} (${anchor.ref}).`);
  lines.push(`Records read at ${formatDateTime(report.readAt)}.`, ...gapLines(report, 20), ...dataQualityLines(report));
  for (const n of noticeLines(report.sources)) lines.push(`${EHR_NOTE_PREFIX} ${plain(n, 300)}`);
  lines.push("", NO_KNOWN_CAUSE, summaryLine(report, undefined, now));
  const facts = activeFacts(report);
  if (facts.length > 0) lines.push(`Active in the record now: ${facts.map((f) => plain(factText(f, report.patient), 200)).join("; ")}.`);

  const findingLines = (f: Finding): string[] => {
    const out = [`- ${findingInBrief(f, now, false)}: ${f.current && !report.patient.deceased ? "current" : "not current"}`];
    for (const e of f.evidence) {
      const causes = homes.get(e.ref) ?? [];
      if (causes[0] !== f.causeId) {
        out.push(`  - ${plain(evidenceWhat(e), 200)}: shown under ${labelOf.get(causes[0]!) ?? "another finding"}`);
        continue;
      }
      const also = causes.slice(1).map((c) => labelOf.get(c) ?? c);
      out.push(`  - ${evidenceLine(e, now, f.causeId)}${also.length > 0 ? `; also supports: ${also.join(", ")}` : ""}`);
      for (const note of e.notes ?? []) out.push(`    Note: ${plain(note, 300)}`);
      out.push(`    Technical: ${technicalLine(e)}`);
    }
    for (const note of f.notes ?? []) out.push(`  Note: ${plain(note, 300)}`);
    for (const s of findingUnreadLabs(f, report.labs)) out.push(`  ${unreadLabLine(s)}`);
    for (const d of findingDefinitions(f)) out.push(`  ${definitionLine(d)}`);
    return out;
  };

  for (const g of groupByStrength(order.current)) {
    lines.push("", `${g.heading}:`);
    for (const f of g.findings) lines.push(...findingLines(f));
  }
  if (order.unrecorded.length > 0) {
    lines.push("", `${STATUS_NOT_RECORDED_HEADING} (${order.unrecorded.length}):`);
    for (const f of order.unrecorded) lines.push(...findingLines(f));
  }
  if (order.past.length > 0) {
    lines.push("", `Past / not current (${order.past.length}):`);
    for (const f of order.past) lines.push(...findingLines(f));
  }

  const gaps = reportGaps(report);
  lines.push("");
  if (gaps.unread.length > 0) {
    lines.push("Could not be checked completely (no finding can be ruled out there):");
    for (const s of gaps.unread) lines.push(`- ${sourceLabel(s.source)}: ${plain(sourceStatusText(s), 240)}`);
  }
  const read = report.sources.filter((s) => !gaps.unread.includes(s));
  if (read.length > 0) lines.push(`Checked: ${read.map((s) => `${sourceLabel(s.source)} (${plain(sourceStatusText(s), 60)})`).join("; ")}.`);
  for (const s of report.sources) for (const r of retryLines(s)) lines.push(`- ${sourceLabel(s.source)}: ${r}`);
  if (report.labs && labsWereRead(report.sources)) {
    lines.push(`Lab results: ${labCountsLine(report.labs)}`);
    const survey = labSurveyLine(report.sources);
    if (survey) lines.push(survey);
    for (const g of notInterpretedGroups(report.labs)) lines.push(`- Not interpreted, ${g.heading.toLowerCase()}: ${g.items.map((i) => i.text).join("; ")}`);
  }
  lines.push(
    notReadLine(report.sources),
    "",
    "Conventions of this app (the source is silent on these):",
    ...conventionLines(report.knowledge).map((c) => `- ${c}`),
    "",
    `Source: ${sourceCitation(report.knowledge)}, ${plain(report.knowledge.source.url, 300)}`,
    knowledgeLine(report.knowledge),
    JUDGEMENT_STATEMENT,
  );
  return lines.join("\n");
}
