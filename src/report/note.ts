/**
 * Findings grouped by strength and a finding that is not current in brief, for the notes and the card.
 * The short note is summaryNote.ts; the detail with codes is fullNote.ts (loaded when asked for).
 */
import type { Finding } from "../engine/types";
import { keyDates } from "./evidence";
import { plain } from "./format";
import { leadLab } from "./labs";
import { STRENGTH_SCALE } from "./strength";

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

/** The short note ("Copy summary"): summaryNote.ts. */
export { shortNote } from "./summaryNote";
