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

/**
 * Evidence order: current first, then most recent, then the problem list before an encounter diagnosis
 * (an order before a statement) of the same date, then by reference (total, so input order never
 * matters). Only two items for the same record reach the last key, which builds their Evidence.
 */
function cmpRaw(a: RawEvidence, b: RawEvidence): number {
  if (a.current !== b.current) return a.current ? -1 : 1;
  if (a.sortMs !== b.sortMs) return b.sortMs - a.sortMs;
  if (a.primary !== b.primary) return a.primary ? -1 : 1;
  return (
    cmpRef(a, b) ||
    cmpStr(a.ruleId, b.ruleId) ||
    cmpStr(a.status, b.status) ||
    cmpStr(a.text, b.text) ||
    cmpStr(a.groupKey(), b.groupKey()) ||
    cmpStr(a.recordStatus, b.recordStatus) ||
    cmpStr(JSON.stringify(a.evidence()), JSON.stringify(b.evidence()))
  );
}

/**
 * The order of the refs `${resourceType}/${id}`, without building them: no resource type is a
 * prefix of another, so different types are ordered by type alone.
 */
function cmpRef(a: RawEvidence, b: RawEvidence): number {
  return a.resourceType === b.resourceType ? cmpStr(a.id, b.id) : cmpStr(a.resourceType, b.resourceType);
}

/** Records already seen, by resource type then id. */
type SeenRecords = Map<RawEvidence["resourceType"], Set<string>>;

/** True the first time a record is seen. */
function firstSight(seen: SeenRecords, item: RawEvidence): boolean {
  let ids = seen.get(item.resourceType);
  if (!ids) seen.set(item.resourceType, (ids = new Set()));
  if (ids.has(item.id)) return false;
  ids.add(item.id);
  return true;
}

/** Records that say the same thing (same rule, code or words, status and kind of record: a medicine ordered
 * or stated counts as one kind), under the first. */
interface Group {
  head: RawEvidence;
  duplicates?: string[];
}

/** Orders and statements of the same medicine say the same thing: a medicine seen in both is one item. */
function recordKind(type: RawEvidence["resourceType"]): string {
  return type === "MedicationStatement" ? "MedicationRequest" : type;
}

/** The group, among those with the item's match key, that the item belongs to, if any. */
function groupOf(candidates: Group[] | undefined, item: RawEvidence): Group | undefined {
  if (!candidates) return undefined;
  for (const group of candidates) {
    const { head } = group;
    if (head.ruleId === item.ruleId && head.status === item.status && recordKind(head.resourceType) === recordKind(item.resourceType)) {
      return group;
    }
  }
  return undefined;
}

/**
 * One cause's evidence in order, each record once, with records that say the same thing folded under
 * the first. A single stable sort does it all, with the same result as keeping each record's best item,
 * then grouping, sorting each group and sorting the heads: a record's best item is its first (the same
 * record never gives two items for one cause; on a full tie the earlier input wins), a group's head is
 * its first item and its duplicates follow in order, and the heads come out in order.
 */
function foldCause(items: RawEvidence[]): RawEvidence[] {
  items.sort(cmpRaw);
  const seen: SeenRecords = new Map();
  const byMatchKey = new Map<string, Group[]>();
  const groups: Group[] = [];
  for (const item of items) {
    if (!firstSight(seen, item)) continue;
    const candidates = byMatchKey.get(item.matchKey);
    const group = groupOf(candidates, item);
    if (group) {
      (group.duplicates ??= []).push(item.ref);
      continue;
    }
    const created: Group = { head: item };
    if (candidates) candidates.push(created);
    else byMatchKey.set(item.matchKey, [created]);
    groups.push(created);
  }
  const kept: RawEvidence[] = [];
  for (const { head, duplicates } of groups) {
    if (duplicates) head.evidence().duplicates = duplicates;
    kept.push(head);
  }
  return kept;
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
    const kept = foldCause(items);
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
      current: kept.some((k) => k.current),
      evidence: kept.map((k) => k.evidence()),
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
