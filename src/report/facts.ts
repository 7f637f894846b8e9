/**
 * Reading order and distinct facts. Findings are per cause, but one record can support several causes
 * (a thiazide is a diuretic and a blood pressure medicine): counts and the "active now" line are about
 * distinct facts in the record, and each record is shown in full once, under the first finding that
 * lists it, with "also supports …".
 */
import type { CauseId, Evidence, Finding } from "../engine/types";
import { needsConfirmation } from "./evidence";
import { clip, formatDate, patientAge, plain } from "./format";
import { labValueWords } from "./labs";
import { strengthRank } from "./strength";
import type { Basis, Report, ReportEvidence } from "./types";

/** data-basis: the engine's `Finding.basis` (one source of truth): `lab` when the finding rests on lab results alone. */
export function findingBasis(f: Finding): Basis {
  return f.basis;
}

/** By strength, strongest first; the engine's order otherwise (stable sort). */
function byStrength(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => strengthRank(a.strength) - strengthRank(b.strength));
}

export interface ReadingOrder {
  /** Findings with current evidence, strongest first: shown open, at the top. Empty for a deceased patient. */
  current: Finding[];
  /** Everything else (all findings of a deceased patient): folded under "Past / not current". */
  past: Finding[];
}

export function readingOrder(report: Pick<Report, "findings" | "patient">): ReadingOrder {
  const sorted = byStrength(report.findings);
  if (report.patient.deceased) return { current: [], past: sorted };
  return { current: sorted.filter((f) => f.current), past: sorted.filter((f) => !f.current) };
}

/** Causes and risk factors only: restless legs syndrome is a look-alike, not a cause. */
export function causeFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.strength !== "differential");
}

export type FactKind = "condition" | "medicine" | "procedure" | "age" | "lab";

const KIND: Record<Evidence["resourceType"], FactKind> = {
  Condition: "condition",
  MedicationRequest: "medicine",
  MedicationStatement: "medicine",
  Procedure: "procedure",
  Patient: "age",
  Observation: "lab",
};

/** One thing the record says, however many records say it and however many causes it supports. */
export interface Fact {
  kind: FactKind;
  /** The first record that says it (the most recent current one, in the engine's order). */
  evidence: ReportEvidence;
  /** Every record behind it: the heads and the records folded under them. */
  refs: string[];
  /** The causes it supports, in reading order. */
  causes: CauseId[];
  current: boolean;
}

function sameThingKey(e: ReportEvidence): string {
  // Results of one test on the same side of the cut-off say one thing over time: the most recent stands
  // for the others (current and past apart).
  if (e.lab) return `lab|${e.lab.test}|${e.current ? "current" : "past"}|${e.lab.meetsCutoff ? "meets" : "not"}`;
  const norm = (s: string | undefined) => plain(s, 400).toLowerCase();
  return `${KIND[e.resourceType] ?? "condition"}|${norm(e.text)}|${norm(e.dose)}`;
}

/**
 * Distinct facts among the evidence `keep` accepts, in the order of `findings`: the same record, or
 * records of the same kind saying the same words (and dose), are one fact.
 */
export function distinctFacts(findings: readonly Finding[], keep: (e: Evidence, f: Finding) => boolean = () => true): Fact[] {
  const facts: Fact[] = [];
  const byKey = new Map<string, Fact>();
  const byRef = new Map<string, Fact>();
  const seen = new Map<Fact, Set<string>>();
  for (const f of findings) {
    for (const e of f.evidence as ReportEvidence[]) {
      if (!keep(e, f)) continue;
      const key = sameThingKey(e);
      let fact = byRef.get(e.ref) ?? byKey.get(key);
      if (!fact) {
        fact = { kind: KIND[e.resourceType] ?? "condition", evidence: e, refs: [], causes: [], current: false };
        facts.push(fact);
        byKey.set(key, fact);
      }
      let refs = seen.get(fact);
      if (!refs) seen.set(fact, (refs = new Set()));
      for (const ref of [e.ref, ...(e.duplicates ?? [])]) {
        if (!refs.has(ref)) {
          refs.add(ref);
          fact.refs.push(ref);
        }
        byRef.set(ref, fact);
      }
      if (!fact.causes.includes(f.causeId)) fact.causes.push(f.causeId);
      fact.current ||= e.current;
    }
  }
  return facts;
}

/**
 * What is active in the record now: distinct current facts behind current causes (not the restless legs
 * look-alike), strongest first. Lab results count only for a finding that rests on them alone: a result
 * that joins a recorded diagnosis is not another fact. Empty for a deceased patient.
 */
export function activeFacts(report: Pick<Report, "findings" | "patient">): Fact[] {
  const { current } = readingOrder(report);
  return distinctFacts(causeFindings(current), (e, f) => e.current && (e.resourceType !== "Observation" || f.basis === "lab"));
}

/**
 * The one rule for "an entry to confirm" (the "confirm still current" convention, evidence.ts
 * needsConfirmation): an active fact whose every current record needs confirmation for every cause it
 * supports. The summary line counts these apart, Worth reviewing and the note list them: one rule, so the
 * counts agree.
 */
export function staleFacts(report: Pick<Report, "findings" | "patient">, now: Date): Fact[] {
  const { current } = readingOrder(report);
  const stale = new Map<string, boolean>();
  for (const f of causeFindings(current)) {
    for (const e of f.evidence) {
      if (!e.current) continue;
      stale.set(e.ref, (stale.get(e.ref) ?? true) && needsConfirmation(e, now, f.causeId));
    }
  }
  return activeFacts(report).filter((fact) => {
    const known = fact.refs.filter((r) => stale.has(r));
    return known.length > 0 && known.every((r) => stale.get(r));
  });
}

/** Records first, then results that meet a cut-off, then the other results (a normal most recent result). */
function factRank(fact: Fact): number {
  return fact.kind !== "lab" ? 0 : fact.evidence.lab?.meetsCutoff ? 1 : 2;
}

/**
 * The distinct facts behind one finding, current ones first; records, then results that meet the rule,
 * then the others (per test and side of the cut-off, its most recent result), for its one-line summary.
 */
export function findingFacts(f: Finding): { current: Fact[]; other: Fact[] } {
  const facts = distinctFacts([f]).sort((a, b) => factRank(a) - factRank(b));
  return { current: facts.filter((x) => x.current), other: facts.filter((x) => !x.current) };
}

/**
 * What a finding's one line shows: for a current finding every distinct current fact, the others counted
 * ("2 past"); else its first `maxPast` past facts, the rest counted ("2 more"; "" when none are left).
 */
export function findingLineFacts(f: Finding, maxPast = 3): { shown: Fact[]; more: string } {
  const { current, other } = findingFacts(f);
  const shown = f.current ? current : other.slice(0, maxPast);
  const more = f.current ? other.length : other.length - shown.length;
  return { shown, more: more > 0 ? `${more} ${f.current ? "past" : "more"}` : "" };
}

/**
 * Where each record is shown in full: the first finding in reading order that lists it (as its own
 * evidence, not a folded duplicate), and the other findings it supports.
 */
export function evidenceHomes(order: ReadingOrder): Map<string, CauseId[]> {
  const homes = new Map<string, CauseId[]>();
  for (const f of [...order.current, ...order.past]) {
    for (const e of f.evidence) {
      const list = homes.get(e.ref);
      if (!list) homes.set(e.ref, [f.causeId]);
      else if (!list.includes(f.causeId)) list.push(f.causeId);
    }
  }
  return homes;
}

/** Whether the record `ref` is shown in full under finding `f` (its first finding in reading order, evidenceHomes), not only named there. */
export function shownUnder(homes: ReadonlyMap<string, readonly CauseId[]>, ref: string, f: Pick<Finding, "causeId">): boolean {
  return (homes.get(ref)?.[0] ?? f.causeId) === f.causeId;
}

/** A fact in a few words: what the record says, with the dose; age as "Age 86" (or "Age 86 at death"). */
export function factText(fact: Fact, patient?: Pick<Report["patient"], "age" | "ageAt">): string {
  if (fact.kind === "age" && patient?.age !== undefined) return `Age ${patientAge(patient)}`;
  const lab = fact.evidence.lab;
  if (lab) return `${labValueWords(lab)} (${formatDate(lab.date)})`;
  const dose = fact.evidence.dose ? `, ${clip(fact.evidence.dose, 160)}` : "";
  return `${clip(fact.evidence.text, 200)}${dose}`;
}

/** Each record's notes not already said by an earlier record of the same list (the same note under three results is said once). */
export function notesOnce(evidence: readonly Evidence[]): string[][] {
  const said = new Set<string>();
  return evidence.map((e) =>
    (e.notes ?? []).filter((n) => {
      if (said.has(n)) return false;
      said.add(n);
      return true;
    }),
  );
}
