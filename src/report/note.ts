/**
 * The copied text. By default a short note that fits in a progress note (2–4 lines: findings by strength,
 * what was incomplete, the source and its first point); the full detail (every record, its dates, codes
 * and ids) as the second option. Pure: the clock is an argument.
 */
import { dataQualityLines } from "./dataQuality";
import type { Finding } from "../engine/types";
import { evidenceLine, evidenceWhat, keyDates, technicalLine } from "./evidence";
import { activeFacts, causeFindings, evidenceHomes, factText, readingOrder } from "./facts";
import { formatDate, formatDateTime, patientAge, plain } from "./format";
import {
  conventionLines,
  JUDGEMENT_STATEMENT,
  knowledgeLine,
  NO_KNOWN_CAUSE,
  notReadLine,
  sourceCitation,
  sourceLabel,
  sourceShortLabel,
  sourceStatusText,
  TITLE,
} from "./labels";
import { definitionLine, findingDefinitions, labCountsLine, labsWereRead, leadLab, notInterpretedGroups } from "./labs";
import { STRENGTH_SCALE } from "./strength";
import { completeness, deceasedLine, findingInBrief, gapLines, reportGaps, summaryLine } from "./summary";
import type { Report } from "./types";

/** Findings grouped by strength, strongest first (empty groups left out), each in reading order. */
export function groupByStrength(findings: readonly Finding[]): { strength: Finding["strength"]; heading: string; words: string; findings: Finding[] }[] {
  return STRENGTH_SCALE.map((s) => ({
    strength: s.strength,
    heading: s.heading,
    words: s.words,
    findings: findings.filter((f) => f.strength === s.strength),
  })).filter((g) => g.findings.length > 0);
}

/** "Pregnancy (onset 15 May 2015)": a finding that is not current, in brief. */
export function pastInBrief(f: Finding, now: Date): string {
  const first = f.basis === "lab" ? leadLab(f) : f.evidence[0];
  const date = first ? keyDates(first, now)[0] : undefined;
  const when = date ? `${date.label} ${date.date}` : "";
  const what = f.basis === "lab" ? ["suggested by lab results", when].filter(Boolean).join(", ") : when;
  return `${plain(f.label, 120)}${what ? ` (${what})` : ""}`;
}

/** The short note: 2 to 4 lines. */
export function shortNote(report: Report, now: Date): string {
  const { current, past } = readingOrder(report);
  const lines: string[] = [];
  if (report.patient.deceased) {
    lines.push(`Night leg cramps: ${deceasedLine(report)}.${past.length > 0 ? ` In the record: ${past.map((f) => pastInBrief(f, now)).join(", ")}.` : ""}`);
  } else if (current.length === 0 && causeFindings(past).length === 0) {
    lines.push(
      completeness(report) === "ready"
        ? "Night leg cramps: no documented causes found in the records read."
        : "Night leg cramps: nothing found in the records that could be read.",
    );
  } else {
    lines.push(
      current.length === 0
        ? "Night leg cramps: nothing linked to them is active in the record now."
        : `Night leg cramps, documented causes active in the record: ${groupByStrength(current)
            .map((g) => `${g.words} — ${g.findings.map((f) => findingInBrief(f, now)).join(", ")}`)
            .join("; ")}.`,
    );
    if (past.length > 0) lines.push(`Not current: ${past.map((f) => pastInBrief(f, now)).join(", ")}.`);
  }
  const gaps = gapLines(report, 3);
  lines.push(
    gaps.length > 0
      ? gaps.join(" ")
      : `All records read at ${formatDateTime(report.readAt)}: ${report.sources.map((s) => sourceShortLabel(s.source)).join(", ")}.`,
  );
  lines.push(`Source: ${sourceCitation(report.knowledge)}. ${NO_KNOWN_CAUSE} These are associations, not a diagnosis.`);
  return lines.join("\n");
}

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
  const order = readingOrder(report);
  const homes = evidenceHomes(order);
  const labelOf = new Map(report.findings.map((f) => [f.causeId, plain(f.label, 120)]));
  const lines = [TITLE, ...patientLines(report, now)];
  if (report.patient.deceased) lines.push(`${deceasedLine(report)}.`);
  lines.push(`Records read at ${formatDateTime(report.readAt)}.`, ...gapLines(report, 20), ...dataQualityLines(report), "", NO_KNOWN_CAUSE, summaryLine(report));
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
      out.push(`  - ${evidenceLine(e, now)}${also.length > 0 ? `; also supports: ${also.join(", ")}` : ""}`);
      for (const note of e.notes ?? []) out.push(`    Note: ${plain(note, 300)}`);
      out.push(`    Technical: ${technicalLine(e)}`);
    }
    for (const note of f.notes ?? []) out.push(`  Note: ${plain(note, 300)}`);
    for (const d of findingDefinitions(f)) out.push(`  ${definitionLine(d)}`);
    return out;
  };

  for (const g of groupByStrength(order.current)) {
    lines.push("", `${g.heading}:`);
    for (const f of g.findings) lines.push(...findingLines(f));
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
  if (report.labs && labsWereRead(report.sources)) {
    lines.push(`Lab results: ${labCountsLine(report.labs)}`);
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
