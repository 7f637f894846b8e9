/** Grouping evidence into findings, and the deterministic order of findings and evidence. */
import { causeById } from "../knowledge";
import type { RawEvidence } from "./evidence";
import type { CauseId, Finding, Strength } from "./types";

const STRENGTH_RANK: Record<Strength, number> = {
  "known-cause": 0,
  "raises-risk": 1,
  possible: 2,
  "sometimes-linked": 3,
  differential: 4,
};

function cmpStr(a: string | undefined, b: string | undefined): number {
  const x = a ?? "";
  const y = b ?? "";
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Evidence order: current first, then most recent, then by reference (total, so input order never matters). */
function cmpRaw(a: RawEvidence, b: RawEvidence): number {
  if (a.evidence.current !== b.evidence.current) return a.evidence.current ? -1 : 1;
  if (a.sortMs !== b.sortMs) return b.sortMs - a.sortMs;
  return (
    cmpStr(a.evidence.ref, b.evidence.ref) ||
    cmpStr(a.evidence.ruleId, b.evidence.ruleId) ||
    cmpStr(a.evidence.status, b.evidence.status) ||
    cmpStr(a.evidence.text, b.evidence.text) ||
    cmpStr(a.groupKey, b.groupKey) ||
    cmpStr(a.evidence.recordStatus, b.evidence.recordStatus) ||
    cmpStr(JSON.stringify(a.evidence), JSON.stringify(b.evidence))
  );
}

/** Keep one evidence item per (cause, resource): the same resource never gives two for one cause. */
function dedupeByRef(items: RawEvidence[]): RawEvidence[] {
  const best = new Map<string, RawEvidence>();
  for (const item of items) {
    const cur = best.get(item.evidence.ref);
    if (!cur || cmpRaw(item, cur) < 0) best.set(item.evidence.ref, item);
  }
  return [...best.values()];
}

/** Records that say the same thing (same code, rule and status) are folded under the most recent. */
function group(items: RawEvidence[]): RawEvidence[] {
  const groups = new Map<string, RawEvidence[]>();
  for (const item of items) {
    const list = groups.get(item.groupKey);
    if (list) list.push(item);
    else groups.set(item.groupKey, [item]);
  }
  const out: RawEvidence[] = [];
  for (const list of groups.values()) {
    if (list.length === 1) {
      out.push(list[0]!);
      continue;
    }
    list.sort(cmpRaw);
    const head = list[0]!;
    const duplicates: string[] = [];
    for (let i = 1; i < list.length; i++) duplicates.push(list[i]!.evidence.ref);
    head.evidence = { ...head.evidence, duplicates };
    out.push(head);
  }
  return out;
}

export function buildFindings(raw: RawEvidence[]): Finding[] {
  const byCause = new Map<CauseId, RawEvidence[]>();
  for (const item of raw) {
    const list = byCause.get(item.cause);
    if (list) list.push(item);
    else byCause.set(item.cause, [item]);
  }
  const findings: { finding: Finding; latest: number }[] = [];
  for (const [causeId, items] of byCause) {
    const cause = causeById(causeId);
    const kept = group(dedupeByRef(items)).sort(cmpRaw);
    if (kept.length === 0) continue;
    let strength = cause.strength;
    const notes: string[] = [];
    if (cause.escalation && kept.some((k) => k.escalates)) {
      strength = cause.escalation.to;
      notes.push(cause.escalation.note);
    }
    const finding: Finding = {
      causeId,
      label: cause.label,
      kind: cause.kind,
      strength,
      current: kept.some((k) => k.evidence.current),
      evidence: kept.map((k) => k.evidence),
    };
    if (notes.length > 0) finding.notes = notes;
    let latest = Number.NEGATIVE_INFINITY;
    for (const k of kept) if (k.sortMs > latest) latest = k.sortMs;
    findings.push({ finding, latest });
  }
  findings.sort(
    (a, b) =>
      STRENGTH_RANK[a.finding.strength] - STRENGTH_RANK[b.finding.strength] ||
      (a.finding.current === b.finding.current ? 0 : a.finding.current ? -1 : 1) ||
      (a.latest !== b.latest ? (b.latest > a.latest ? 1 : -1) : 0) ||
      cmpStr(a.finding.causeId, b.finding.causeId),
  );
  return findings.map((f) => f.finding);
}
