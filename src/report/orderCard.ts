/**
 * Words for the ordering cards (docs/spec/cds-hooks.md, "Ordering hooks"): a medicine being ordered that the
 * source links to night leg cramps, for a patient whose record documents them. Plain text, as every word of
 * src/report: the CDS channel escapes it for markdown. No dosing advice and no alternatives: the source gives
 * none. The leg-cramp record line is shared with the patient-view card.
 */
import type { LegCrampRecord } from "../engine/legCramps";
import type { CauseId, Finding, Strength } from "../engine/types";
import { shortLabel } from "./card";
import { clip, formatDate, plain, plural } from "./format";
import { findingStrengthWords, strengthRank } from "./strength";

/** One medicine being ordered (a draft MedicationRequest) and the causes the knowledge base links it to. */
export interface DraftOrderLinks {
  /** "MedicationRequest/<id>". */
  ref: string;
  /** What the order names (the medicine's text, as the engine read it). */
  name: string;
  /** The linked causes, strongest first. */
  findings: Finding[];
}

/** "a diuretic": one medicine of a medicine cause, for "Furosemide is a diuretic". */
const ONE_OF: Partial<Record<CauseId, string>> = {
  diuretics: "a diuretic",
  "blood-pressure-medicines": "a blood pressure medicine",
  "cholesterol-medicines": "a cholesterol medicine",
  "birth-control-pills": "a birth control pill",
};

/** "possibly linked to": how the source ties a cause to night leg cramps, before "night leg cramps". */
const LINK_WORDS: Readonly<Record<Strength, string>> = {
  "known-cause": "a known cause of",
  "raises-risk": "raises the risk of",
  possible: "possibly linked to",
  "sometimes-linked": "sometimes linked to",
  differential: "a different condition from",
};

const DOCUMENTED = "(documented for this patient)";

/** "a diuretic" for a cause id; the cause's short label otherwise. */
export function oneOfCause(f: Finding): string {
  return ONE_OF[f.causeId] ?? shortLabel(f.label);
}

/** "possibly linked to" for a strength. */
export function linkWords(strength: Strength): string {
  return LINK_WORDS[strength];
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The draft orders behind `findings` (the engine's findings for the draft orders alone), in the order they
 * first appear, each with its linked causes strongest first.
 */
export function draftOrderLinks(findings: readonly Finding[]): DraftOrderLinks[] {
  const byRef = new Map<string, DraftOrderLinks>();
  for (const f of findings) {
    for (const e of f.evidence) {
      const entry = byRef.get(e.ref) ?? { ref: e.ref, name: e.text, findings: [] };
      if (!entry.findings.includes(f)) entry.findings.push(f);
      byRef.set(e.ref, entry);
    }
  }
  const orders = [...byRef.values()];
  for (const o of orders) o.findings.sort((a, b) => strengthRank(a.strength) - strengthRank(b.strength));
  return orders.sort((a, b) => strengthRank(a.findings[0]!.strength) - strengthRank(b.findings[0]!.strength));
}

/** "a diuretic and a blood pressure medicine". */
function kinds(findings: readonly Finding[]): string {
  const words = [...new Set(findings.map(oneOfCause))];
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/**
 * The card's summary (< 140 characters): "Furosemide 40 MG Oral Tablet is a diuretic: possibly linked to night
 * leg cramps (documented for this patient)"; with several orders, the strongest is named and the others
 * counted. Shortened (the medicine's name first) until it fits `maxLength`. `recordText` words what comes
 * from the record (a markdown channel passes its escaping; default: plain, clipped).
 */
export function orderCardSummary(findings: readonly Finding[], maxLength = 139, recordText: (text: string, max: number) => string = plain): string {
  const orders = draftOrderLinks(findings);
  const first = orders[0];
  if (!first) return "";
  const strongest = first.findings[0]!.strength;
  const link = `${linkWords(strongest)} night leg cramps ${DOCUMENTED}`;
  /** The medicine's name, clipped to leave room for `tail` (undefined when fewer than 12 characters would be left). */
  const named = (tail: string): string | undefined => {
    // recordText may lengthen the name (escapes): clip further by what it overflows, a few times at most.
    for (let room = maxLength - tail.length - 1, tries = 0; room >= 12 && tries < 4; tries++) {
      const text = `${recordText(capitalised(plain(first.name, room)), room)}${tail}`;
      if (text.length <= maxLength) return text;
      room -= text.length - maxLength;
    }
    return undefined;
  };
  const others = `and ${plural(orders.length - 1, "other medicine")} ordered`;
  const tails =
    orders.length === 1 ? [` is ${kinds(first.findings)}: ${link}`, `: ${link}`] : [` (${kinds(first.findings)}) ${others}: ${link}`, ` ${others}: ${link}`];
  // The whole name with the longest tail that fits; only then a clipped name.
  const whole = recordText(capitalised(plain(first.name, maxLength)), maxLength);
  const candidates: (string | undefined)[] = [...tails.map((t) => `${whole}${t}`), ...tails.map(named)];
  candidates.push(`A medicine ordered is ${linkWords(strongest)} night leg cramps ${DOCUMENTED}`);
  const fits = candidates.filter((c): c is string => c !== undefined && c.length <= maxLength);
  return fits[0] ?? clip(candidates[candidates.length - 1], maxLength - 1);
}

/** "diuretics (possible link); blood pressure medicines (sometimes linked)" — one order's links in a line. */
export function orderLinksLine(order: DraftOrderLinks): string {
  return order.findings.map((f) => `${shortLabel(f.label)} (${findingStrengthWords(f)})`).join("; ");
}

/** "Nocturnal leg cramps (active, since 15 Sep 2026)": the record that documents leg cramps, name, status and date. */
export function legCrampLine(record: LegCrampRecord): string {
  const status = record.clinicalStatus ? plain(record.clinicalStatus, 30) : "status not recorded";
  const date = record.since ? `since ${formatDate(record.since)}` : record.recorded ? `recorded ${formatDate(record.recorded)}` : "";
  return `${plain(record.text, 80)} (${[status, date].filter(Boolean).join(", ")})`;
}

/** "Leg cramps documented: Nocturnal leg cramps (active, since 15 Sep 2026)." — at most `max` records, then "and N more". */
export function legCrampsLine(records: readonly LegCrampRecord[], max = 2): string {
  if (records.length === 0) return "";
  const shown = records.slice(0, max).map(legCrampLine);
  const rest = records.length - shown.length;
  return `Leg cramps documented: ${shown.join("; ")}${rest > 0 ? `; and ${plural(rest, "more record")}` : ""}.`;
}
