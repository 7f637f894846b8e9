/**
 * Words for a short channel such as a CDS Hooks card (docs/spec/cds-hooks.md): a summary under 140
 * characters naming the strongest current cause, each finding's evidence in one line, the past findings
 * in one line, and the attributes the panel exposes to tests. Plain text: a markdown channel escapes it.
 */
import type { Finding } from "../engine/types";
import { evidenceLine } from "./evidence";
import { causeFindings, factText, findingBasis, findingFacts, readingOrder } from "./facts";
import { clip, plain } from "./format";
import { pastInBrief } from "./note";
import { findingStrengthWords } from "./strength";
import type { Basis, Report, ReportEvidence } from "./types";

/**
 * "Night leg cramps: Diuretics (hydrochlorothiazide 25 MG Oral Tablet) and 2 other documented causes are
 * current" — the strongest current cause (restless legs, a look-alike, is not a cause) with its first
 * current record, shortened until it fits `maxLength` characters (default 139: CDS Hooks wants < 140).
 */
export function currentFindingsSummary(report: Report, maxLength = 139): string {
  const current = causeFindings(readingOrder(report).current);
  const fit = (candidates: string[]) => candidates.find((c) => c.length <= maxLength) ?? clip(candidates[candidates.length - 1], Math.max(1, maxLength - 1));
  if (current.length === 0) {
    return fit([
      report.patient.deceased ? "Night leg cramps: patient recorded as deceased; no documented cause is current" : "Night leg cramps: no documented cause is current in the record",
      "Night leg cramps: none current",
    ]);
  }
  const strongest = current[0]!;
  const others = current.length - 1;
  const tail = others > 0 ? ` and ${others} other documented cause${others === 1 ? "" : "s"} are current` : " is current";
  const label = plain(strongest.label, 80);
  const fact = findingFacts(strongest).current[0];
  const what = !fact ? "" : fact.kind === "age" ? factText(fact, report.patient).toLowerCase() : plain(fact.evidence.text, 60);
  const strength = findingStrengthWords(strongest);
  return fit([
    `Night leg cramps: ${label}${what && what.toLowerCase() !== label.toLowerCase() ? ` (${what})` : ""}${tail}`,
    `Night leg cramps: ${label} (${strength})${tail}`,
    `Night leg cramps: ${label}${tail}`,
    `${label}${tail}`,
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

/** How a finding resting on lab results alone is labelled (lab-results.md). */
export const LAB_BASIS = "suggested by lab results — not recorded as a diagnosis";

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
