/**
 * The card's words (docs/spec/cds-hooks.md, "When there is a card"): summary, indicator, markdown detail,
 * source, and the machine-readable findings. Every phrase comes from src/report, the wording the panel,
 * its copied notes and print use (docs/report.md maps each card part to its function); this file only
 * turns them into a card. No I/O, no React.
 *
 * Record text is untrusted: every line that carries some goes through markdownSafe (src/report): clipped,
 * flattened to one line, `<`, `>`, `&` entity-encoded, bidirectional controls removed, URLs, host names and
 * e-mail addresses defanged, markdown escaped — so in no renderer can a record add a link, an image or HTML
 * to the card (the summary's record text too). The card's only link is its smart link.
 */
import type { Finding, PatientFacts, Strength } from "../src/engine/types";
import type { LegCrampRecord } from "../src/engine/legCramps";
import { KNOWLEDGE_INFO, type Citation } from "../src/knowledge";
import type { Report } from "../src/report";
import {
  cardIndicatorFor,
  crampAnchor,
  currentCauses,
  currentFindingsSummary,
  evidenceWhat,
  findingAttributes,
  findingEvidenceLine,
  findingStrengthWords,
  JUDGEMENT_STATEMENT,
  legCrampsLine,
  markdownSafe,
  newMedicineWords,
  NO_KNOWN_CAUSE,
  lineLabel,
  pastInOneLine,
  plain,
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

/**
 * `warning` only when the card says something new and modifiable (a linked medicine started within 180 days
 * before the leg-cramp record or after it; a current lab-only finding), else `info` (src/report/cardRules.ts).
 */
export function cardIndicator(findings: readonly Finding[], patient: PatientFacts | undefined, legCramps: readonly LegCrampRecord[]): "warning" | "info" {
  return cardIndicatorFor(cardReport(findings, patient), legCramps);
}

/** True when at least one documented cause is current: otherwise there is no card (resolved cramps with only past findings are noise). */
export function hasCurrentCause(findings: readonly Finding[], patient?: PatientFacts): boolean {
  return currentCauses(cardReport(findings, patient)).length > 0;
}

/** One line of plain text: control characters and runs of white space become one space; clipped with "…". */
export function oneLine(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** Markdown-safe text on one line, at most `max` characters before escaping (markdownSafe, src/report). */
export function escapeMarkdown(text: string, max = 120): string {
  return markdownSafe(text, max);
}

/**
 * "Night leg cramps: diuretics (furosemide 40 MG Oral Tablet) and 2 other documented causes are current" —
 * how many documented causes are current, naming the strongest; always under 140 characters.
 */
export function cardSummary(findings: readonly Finding[], patient?: PatientFacts): string {
  return oneLine(currentFindingsSummary(cardReport(findings, patient), SUMMARY_MAX, markdownSafe), SUMMARY_MAX);
}

/** At most this many current findings get a line of their own (then "and N more"): the detail stays about 8 lines. */
export const DETAIL_FINDING_LINES = 6;

/** One markdown line for a current finding: its label, its strength in words, its first record (and, for a new medicine, when it started). */
function findingLine(f: Finding, now: Date, anchor: number | undefined): string {
  const label = escapeMarkdown(plain(lineLabel(f), 60), 60);
  const started = newMedicineWords(f, anchor);
  // A new medicine: what it is and when it started against the cramps (its status and order date would repeat it).
  const first = f.evidence.find((e) => e.current);
  const record = escapeMarkdown(started && first ? evidenceWhat(first) : findingEvidenceLine(f, now, 1), started ? 80 : 130);
  return `- **${label}** (${escapeMarkdown(findingStrengthWords(f), 60)}): ${record}${started ? ` — ${escapeMarkdown(started, 80)}` : ""}`;
}

/**
 * The card's detail (markdown), short enough for a side panel (about 8 lines): the current findings one
 * line each, strongest first (at most DETAIL_FINDING_LINES, then "and N more"); one line with what documents
 * the cramps and what is not current; one line with the source's first point, the source and the judgement
 * statement. The panel holds the rest.
 */
export function cardDetail(input: CardInput): string {
  const report = cardReport(input.findings, input.patient, input.source, input.now);
  const current = currentCauses(report);
  const anchor = crampAnchor(input.legCramps);
  const shown = current.length > DETAIL_FINDING_LINES ? current.slice(0, DETAIL_FINDING_LINES - 1) : current;
  const lines = shown.map((f) => findingLine(f, input.now, anchor));
  if (shown.length < current.length) lines.push(`- ${escapeMarkdown(`and ${current.length - shown.length} more current (see the panel)`, 60)}`);
  const context = [legCrampsLine(input.legCramps, 1), pastInOneLine(report)].filter(Boolean).join(" ");
  const s = input.source;
  return [
    ...lines,
    "",
    escapeMarkdown(context, 300),
    "",
    `${escapeMarkdown(NO_KNOWN_CAUSE, 200)} Source: ${escapeMarkdown(`${s.title}, ${s.date}`, 160)}\\. ${escapeMarkdown(JUDGEMENT_STATEMENT, 400)}`,
  ].join("\n");
}

/** The card's source: the clinical source's title and date, and its link. */
export function cardSource(source: Citation): { label: string; url: string } {
  return { label: `${source.title}, ${source.date}`, url: source.url };
}

export const LINK_LABEL = "Open the night leg cramps panel";
