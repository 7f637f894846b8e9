/**
 * The card's words, as pure functions of the engine's findings (docs/spec/cds-hooks.md, "When there is a
 * card"): summary, indicator, markdown detail, source, and the machine-readable findings. No I/O, no React.
 * Written so the wording can later come from src/report (the panel's shared wording module) with a small
 * edit: everything here reads only `CardInput`.
 *
 * Record text is untrusted: it is clipped, flattened to one line and escaped for markdown, so a record can
 * never add a link, an image or HTML to the card.
 */
import type { EvidenceStatus, Finding, PatientFacts, Strength } from "../src/engine/types";
import type { LegCrampRecord } from "../src/engine/legCramps";
import type { Citation, RecordType } from "../src/knowledge";

export interface CardInput {
  findings: readonly Finding[];
  /** The Conditions that document leg cramps (the card's reason to exist). */
  legCramps: readonly LegCrampRecord[];
  patient: PatientFacts;
  source: Citation;
}

/** The `extension.findings` item: the panel's data-cause, data-current, data-strength, data-basis, data-evidence. */
export interface CardFinding {
  id: string;
  current: boolean;
  strength: Strength;
  basis: "record" | "lab";
  evidence: string[];
}

export const SUMMARY_MAX = 139;

const STRENGTH_ORDER: readonly Strength[] = ["known-cause", "raises-risk", "possible", "sometimes-linked", "differential"];

const STRENGTH_HEADING: Record<Strength, string> = {
  "known-cause": "Known cause",
  "raises-risk": "Raises the risk",
  possible: "Possible link (not proven)",
  "sometimes-linked": "Sometimes linked",
  differential: "Not a cause — tell apart",
};

const RECORD_WORD: Record<RecordType, string> = {
  Patient: "patient details",
  Condition: "condition",
  MedicationRequest: "medicine order",
  MedicationStatement: "medicine statement",
  Procedure: "procedure",
  Observation: "lab result",
};

const STATUS_WORD: Record<EvidenceStatus, string> = {
  current: "current",
  unconfirmed: "current, unconfirmed",
  past: "past",
  unknown: "status unknown",
  "not-started": "not started",
  stale: "not current",
  deceased: "not current",
};

/** `lab` when every piece of evidence is a lab result, else `record` (panel-contract.md, data-basis). */
export function findingBasis(f: Finding): "record" | "lab" {
  return f.evidence.length > 0 && f.evidence.every((e) => e.resourceType === "Observation") ? "lab" : "record";
}

/** Every finding, current and past, with the meaning of the panel's data attributes. */
export function cardFindings(findings: readonly Finding[]): CardFinding[] {
  return findings.map((f) => ({
    id: f.causeId,
    current: f.current,
    strength: f.strength,
    basis: findingBasis(f),
    evidence: f.evidence.map((e) => e.ref),
  }));
}

const rank = (s: Strength) => STRENGTH_ORDER.indexOf(s);

/** Current causes (restless legs, a look-alike, is not one), strongest first, engine order otherwise. */
export function currentCauses(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.current && f.strength !== "differential")
    .sort((a, b) => rank(a.f.strength) - rank(b.f.strength) || a.i - b.i)
    .map(({ f }) => f);
}

/** `warning` when a known cause is current, else `info`. */
export function cardIndicator(findings: readonly Finding[]): "warning" | "info" {
  return findings.some((f) => f.current && f.strength === "known-cause") ? "warning" : "info";
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

/** "Diuretics" from "Diuretics (medicines that increase urine output)": the label without its explanation. */
export function shortLabel(label: string): string {
  const short = label.replace(/\s*\([^)]*\)\s*$/, "").trim() || label;
  // Lower-case a leading common word ("High blood pressure" → "high blood pressure"), not a name ("Parkinson's").
  return /^[A-Z][a-z]+'s\b/.test(short) || /^[A-Z]{2}/.test(short) ? short : short.charAt(0).toLowerCase() + short.slice(1);
}

/** What the record says for the finding: its first current evidence, else its first. */
function leadEvidence(f: Finding) {
  return f.evidence.find((e) => e.current) ?? f.evidence[0];
}

/**
 * "Night leg cramps: diuretics (furosemide 40 MG Oral Tablet) and 2 other documented causes are current" —
 * how many documented causes are current, naming the strongest; always under 140 characters.
 */
export function cardSummary(findings: readonly Finding[], patient?: PatientFacts): string {
  const current = currentCauses(findings);
  if (current.length === 0) {
    const found = findings.filter((f) => f.strength !== "differential").length;
    return found > 0
      ? `Night leg cramps: ${found} documented ${found === 1 ? "cause" : "causes"} in the record, none current`
      : "Night leg cramps: no documented cause found in the records read";
  }
  const top = current[0]!;
  const name = shortLabel(top.label);
  const rest = current.length - 1;
  const tail =
    rest === 0 ? " is a current documented cause" : ` and ${rest} other documented ${rest === 1 ? "cause" : "causes"} are current`;
  const head = "Night leg cramps: ";
  const bare = `${head}${oneLine(name, 60)}${tail}`;
  const said =
    top.causeId === "older-age" ? (patient?.age !== undefined ? `${patient.age} years` : undefined) : leadEvidence(top)?.text;
  if (said) {
    const room = SUMMARY_MAX - bare.length - 3; // " (" + ")"
    if (room >= 12 || (room > 0 && said.length <= room)) return `${head}${oneLine(name, 60)} (${oneLine(said, room)})${tail}`;
  }
  return oneLine(bare, SUMMARY_MAX);
}

function dateOf(f: Finding): string | undefined {
  const e = leadEvidence(f);
  const d = e?.dates.onset ?? e?.dates.authored ?? e?.dates.effective ?? e?.dates.performed ?? e?.sortDate;
  return d ? d.slice(0, 10) : undefined;
}

/** One markdown line for a finding: its label, then what its lead record says, where, status and date. */
function findingLine(f: Finding, patient: PatientFacts): string {
  const e = leadEvidence(f);
  const label = escapeMarkdown(shortLabelKeepCase(f.label), 80);
  if (!e) return `- **${label}**`;
  const records = f.evidence.reduce((n, x) => n + 1 + (x.duplicates?.length ?? 0), 0);
  const facts = [RECORD_WORD[e.resourceType] ?? "record", STATUS_WORD[e.status] ?? "status unknown", dateOf(f)].filter(Boolean).join(", ");
  const more = records > 1 ? `; ${records} records` : "";
  const lab = findingBasis(f) === "lab" ? " — suggested by lab results, not recorded as a diagnosis" : "";
  const said = f.causeId !== "older-age" ? `: ${escapeMarkdown(e.text)}` : patient.age !== undefined ? `: ${patient.age} years` : "";
  return `- **${label}**${said} (${escapeMarkdown(facts, 80)}${more})${lab}`;
}

function shortLabelKeepCase(label: string): string {
  return label.replace(/\s*\([^)]*\)\s*$/, "").trim() || label;
}

/**
 * The card's detail (markdown): the current findings grouped by strength, one line each; the past findings
 * on one line; what documents the cramps; and the statement that these are associations.
 */
export function cardDetail(input: CardInput): string {
  const lines: string[] = [];
  const current = input.findings.filter((f) => f.current);
  for (const strength of STRENGTH_ORDER) {
    const group = current.filter((f) => f.strength === strength);
    if (group.length === 0) continue;
    lines.push(`**${STRENGTH_HEADING[strength]}**`, "", ...group.map((f) => findingLine(f, input.patient)), "");
  }
  if (current.length === 0) lines.push("No documented cause is current in the record.", "");
  const past = input.findings.filter((f) => !f.current);
  if (past.length > 0) {
    lines.push(`**Not current:** ${past.map((f) => escapeMarkdown(shortLabelKeepCase(f.label), 60)).join("; ")}.`, "");
  }
  if (input.patient.deceased) lines.push("The record says the patient has died: nothing is counted as current.", "");
  const cramps = input.legCramps
    .slice(0, 3)
    .map((c) => `${escapeMarkdown(c.text, 80)} (${c.because === "active" ? "active" : `recorded ${escapeMarkdown((c.recorded ?? "").slice(0, 10), 10)}`})`);
  if (cramps.length > 0) lines.push(`Leg cramps documented: ${cramps.join("; ")}.`, "");
  const s = input.source;
  lines.push(
    `These are associations listed by the clinical source (${escapeMarkdown(s.title, 100)}, ${escapeMarkdown(s.date, 40)}); ` +
      "they support, and do not replace, clinical judgement. The panel shows every record behind them.",
  );
  return lines.join("\n");
}

/** The card's source: the clinical source's title and date, and its link. */
export function cardSource(source: Citation): { label: string; url: string } {
  return { label: `${source.title}, ${source.date}`, url: source.url };
}

export const LINK_LABEL = "Open the night leg cramps panel";
