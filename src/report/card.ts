/**
 * Words for a short channel such as a CDS Hooks card (docs/spec/cds-hooks.md): a summary under 140
 * characters naming the strongest current cause, each finding's evidence in one line, the past findings
 * in one line, and the attributes the panel exposes to tests. Plain text: a markdown channel escapes it.
 */
import type { Finding } from "../engine/types";
import { evidenceLine, evidenceWhat } from "./evidence";
import { causeFindings, findingBasis, findingFacts, readingOrder } from "./facts";
import { clip, plain, plural } from "./format";
import { LAB_BASIS } from "./labs";
import { pastInBrief } from "./note";
import { findingStrengthWords, isRaised } from "./strength";
import { completeness } from "./summary";
import type { Basis, Report, ReportEvidence } from "./types";

/** "diuretics" from "Diuretics (medicines that increase urine output)": the label without its explanation, a common word lower-cased. */
export function shortLabel(label: string): string {
  const short = label.replace(/\s*\([^)]*\)\s*$/, "").trim() || label;
  // Lower-case a leading common word ("High blood pressure" → "high blood pressure"), not a name ("Parkinson's", "HIV").
  return /^[A-Z][a-z]+'s\b/.test(short) || /^[A-Z]{2}/.test(short) ? short : short.charAt(0).toLowerCase() + short.slice(1);
}

/**
 * "Night leg cramps: diuretics (furosemide 40 MG Oral Tablet) and 2 other documented causes are current" —
 * the strongest current cause (restless legs, a look-alike, is not a cause) with its first current record
 * (a lab-only finding says it is suggested by lab results), shortened until it fits `maxLength`
 * characters (default 139: CDS Hooks wants < 140). `recordText` words what comes from the record (a
 * markdown channel passes markdownSafe; default: clipped as is).
 */
export function currentFindingsSummary(report: Report, maxLength = 139, recordText: (text: string, max: number) => string = clip): string {
  const current = causeFindings(readingOrder(report).current);
  const fit = (candidates: (string | false)[]) => {
    const list = candidates.filter((c): c is string => !!c);
    return list.find((c) => c.length <= maxLength) ?? clip(list[list.length - 1], Math.max(1, maxLength - 1));
  };
  if (current.length === 0) {
    const found = causeFindings(report.findings).length;
    return fit([
      report.patient.deceased
        ? "Night leg cramps: patient recorded as deceased; no documented cause is current"
        : found > 0
          ? `Night leg cramps: ${plural(found, "documented cause")} in the record, none current`
          : completeness(report) === "ready"
            ? "Night leg cramps: no documented cause found in the records read"
            : "Night leg cramps: nothing found in the records that could be read",
      "Night leg cramps: none current",
    ]);
  }
  const strongest = current[0]!;
  const others = current.length - 1;
  const tail = others > 0 ? ` and ${plural(others, "other documented cause")} are current` : " is a current documented cause";
  const name = plain(shortLabel(strongest.label), 60);
  const head = `Night leg cramps: ${name}`;
  const fact = findingFacts(strongest).current[0];
  const lab = strongest.basis === "lab";
  const what = !fact ? "" : fact.kind === "age" ? (report.patient.age !== undefined ? `${report.patient.age} years` : "") : plain(fact.kind === "lab" ? evidenceWhat(fact.evidence) : fact.evidence.text, 80);
  const said = lab ? `suggested by lab results${what ? `: ${what}` : ""}` : what.toLowerCase() === name.toLowerCase() ? "" : what;
  const room = maxLength - head.length - tail.length - 3;
  return fit([
    !!said && `${head} (${recordText(said, maxLength)})${tail}`,
    !!said && room >= 12 && `${head} (${recordText(said, room - 1)})${tail}`,
    lab && `${head} (suggested by lab results)${tail}`,
    isRaised(strongest) && `${head} (${findingStrengthWords(strongest)})${tail}`,
    `${head}${tail}`,
    `${name}${tail}`,
  ]);
}

/**
 * A finding's evidence in one line: its distinct records (current first), each as `evidenceLine`,
 * joined by " · ", at most `max` of them then "and N more records". Lab-only findings say so first.
 */
export function findingEvidenceLine(finding: Finding, now: Date, max = 3): string {
  const { current, other } = findingFacts(finding);
  const facts = [...current, ...other];
  const shown = facts.slice(0, max).map((f) => evidenceLine(f.evidence, now));
  const rest = facts.length - shown.length;
  const lab = findingBasis(finding) === "lab" ? `${LAB_BASIS}: ` : "";
  return `${lab}${shown.join(" · ")}${rest > 0 ? ` · and ${rest} more record${rest === 1 ? "" : "s"}` : ""}`;
}

/** "Not current: Pregnancy (onset 15 May 2015), Birth control pills (ordered 10 Jan 2019)." or "". */
export function pastFindingsLine(report: Report, now: Date): string {
  const { past } = readingOrder(report);
  return past.length > 0 ? `Not current: ${past.map((f) => pastInBrief(f, now)).join(", ")}.` : "";
}

/** The panel-contract attributes of a finding (data-cause, -current, -strength, -basis, -evidence), for a card's extension. */
export interface FindingAttributes {
  id: Finding["causeId"];
  current: boolean;
  strength: Finding["strength"];
  basis: Basis;
  evidence: string[];
}

/** `deceased`: report.patient.deceased — nothing is current then (the engine says so too; the words never contradict it). */
export function findingAttributes(f: Finding, deceased = false): FindingAttributes {
  return {
    id: f.causeId,
    current: f.current && !deceased,
    strength: f.strength,
    basis: findingBasis(f),
    evidence: (f.evidence as ReportEvidence[]).map((e) => e.ref),
  };
}
