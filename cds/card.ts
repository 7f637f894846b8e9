/**
 * The card's words (docs/spec/cds-hooks.md, "When there is a card"): summary, indicator, markdown detail,
 * source, and the machine-readable findings. Every phrase comes from src/report, the wording the panel,
 * its copied notes and print use (docs/report.md maps each card part to its function); this file only
 * turns them into a card. No I/O, no React.
 *
 * Record text is untrusted: it is clipped, flattened to one line and escaped for markdown, so a record can
 * never add a link, an image or HTML to the card.
 */
import type { Finding, PatientFacts, Strength } from "../src/engine/types";
import type { LegCrampRecord } from "../src/engine/legCramps";
import { KNOWLEDGE_INFO, type Citation } from "../src/knowledge";
import type { Report } from "../src/report";
import {
  currentFindingsSummary,
  deceasedLine,
  findingAttributes,
  findingEvidenceLine,
  findingStrengthWords,
  groupByStrength,
  JUDGEMENT_STATEMENT,
  NO_KNOWN_CAUSE,
  pastFindingsLine,
  plain,
  readingOrder,
} from "../src/report";

export interface CardInput {
  findings: readonly Finding[];
  /** The Conditions that document leg cramps (the card's reason to exist). */
  legCramps: readonly LegCrampRecord[];
  patient: PatientFacts;
  source: Citation;
  /** The service's clock: "3 weeks ago" in the evidence lines. */
  now: Date;
}

/** The `extension.findings` item: the panel's data-cause, data-current, data-strength, data-basis, data-evidence. */
export interface CardFinding {
  id: string;
  current: boolean;
  strength: Strength;
  /** "draft-order" on the ordering cards: the finding rests on the draft orders being signed. */
  basis: "record" | "lab" | "draft-order";
  evidence: string[];
}

export const SUMMARY_MAX = 139;

/**
 * The narrow report the wording functions read. A card is only made after a complete read (hook.ts), so
 * no kind of record is missing; the patient's name and sex are not part of a card.
 */
function cardReport(findings: readonly Finding[], patient: PatientFacts = { deceased: false }, source: Citation = KNOWLEDGE_INFO.source, readAt = new Date(0)): Report {
  return { findings, patient: { ...patient, read: true, name: "", sex: "" }, sources: [], readAt, knowledge: { ...KNOWLEDGE_INFO, source } };
}

/** Every finding, current and past, with the meaning of the panel's data attributes (data-basis is the engine's Finding.basis). */
export function cardFindings(findings: readonly Finding[], patient?: PatientFacts): CardFinding[] {
  return findings.map((f) => findingAttributes(f, patient?.deceased ?? false));
}

/** `warning` when a known cause is current, else `info`. */
export function cardIndicator(findings: readonly Finding[], patient?: PatientFacts): "warning" | "info" {
  return readingOrder(cardReport(findings, patient)).current.some((f) => f.strength === "known-cause") ? "warning" : "info";
}

/** One line of plain text: control characters and runs of white space become one space; clipped with "…". */
export function oneLine(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/**
 * Markdown-safe text on one line: every character that can start markdown or HTML is backslash-escaped
 * (CommonMark allows it before any ASCII punctuation); escaping "." and ":" also stops GFM autolinks.
 */
export function escapeMarkdown(text: string, max = 120): string {
  return oneLine(text, max).replace(/[\\`*_{}[\]()#+\-.!|<>~&:]/g, (c) => `\\${c}`);
}

/**
 * "Night leg cramps: diuretics (furosemide 40 MG Oral Tablet) and 2 other documented causes are current" —
 * how many documented causes are current, naming the strongest; always under 140 characters.
 */
export function cardSummary(findings: readonly Finding[], patient?: PatientFacts): string {
  return oneLine(currentFindingsSummary(cardReport(findings, patient), SUMMARY_MAX), SUMMARY_MAX);
}

/** One markdown line for a finding: its label, its strength in words, then its records (lab-only findings say so). */
function findingLine(f: Finding, now: Date): string {
  const label = escapeMarkdown(plain(f.label, 80), 80);
  return `- **${label}** (${escapeMarkdown(findingStrengthWords(f), 60)}): ${escapeMarkdown(findingEvidenceLine(f, now, 3), 600)}`;
}

/**
 * The card's detail (markdown): the current findings grouped by strength, one line each; the past findings
 * on one line; what documents the cramps; the source's first point and the judgement statement.
 */
export function cardDetail(input: CardInput): string {
  const report = cardReport(input.findings, input.patient, input.source, input.now);
  const { current } = readingOrder(report);
  const lines: string[] = [];
  for (const group of groupByStrength(current)) {
    lines.push(`**${escapeMarkdown(group.heading, 60)}**`, "", ...group.findings.map((f) => findingLine(f, input.now)), "");
  }
  if (input.patient.deceased) lines.push(`${escapeMarkdown(`${deceasedLine(report)}.`, 200)}`, "");
  else if (current.length === 0) lines.push("No documented cause is current in the record\\.", "");
  const past = pastFindingsLine(report, input.now);
  if (past) lines.push(escapeMarkdown(past, 600), "");
  const cramps = input.legCramps
    .slice(0, 3)
    .map((c) => `${escapeMarkdown(c.text, 80)} (${c.because === "active" ? "active" : `recorded ${escapeMarkdown((c.recorded ?? "").slice(0, 10), 10)}`})`);
  if (cramps.length > 0) lines.push(`Leg cramps documented: ${cramps.join("; ")}.`, "");
  const s = input.source;
  lines.push(`${escapeMarkdown(NO_KNOWN_CAUSE, 200)} ${escapeMarkdown(JUDGEMENT_STATEMENT, 400)} Source: ${escapeMarkdown(`${s.title}, ${s.date}`, 160)}.`);
  return lines.join("\n");
}

/** The card's source: the clinical source's title and date, and its link. */
export function cardSource(source: Citation): { label: string; url: string } {
  return { label: `${source.title}, ${source.date}`, url: source.url };
}

export const LINK_LABEL = "Open the night leg cramps panel";
