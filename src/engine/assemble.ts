/**
 * Grouping evidence into findings, the finding's strength, label and notes, and the deterministic order
 * of findings and evidence. Strength and currency are decided here, in one place, for evidence from any
 * reader (records, age, lab results).
 */
import { causeById, STRENGTH_RANK, type Cause } from "../knowledge";
import type { EvidenceItem } from "./evidence";
import type { CauseId, Finding, Strength } from "./types";


function cmpStr(a: string | undefined, b: string | undefined): number {
  const x = a ?? "";
  const y = b ?? "";
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Orders and statements of the same medicine say the same thing: a medicine seen in both is one item. */
function recordKind(type: EvidenceItem["resourceType"]): string {
  return type === "MedicationStatement" ? "MedicationRequest" : type;
}

/** Same rule, same code (or matched words), same status, same kind of record, as one string (rule ids have no spaces). */
function groupKey(item: EvidenceItem): string {
  return `${item.ruleId} ${item.matchKey} ${item.status} ${recordKind(item.resourceType)}`;
}

/**
 * Evidence order: current first, then most recent, then the problem list before an encounter diagnosis
 * (an order before a statement) of the same date, then by reference (total, so input order never
 * matters). Only two items for the same record reach the last key, which builds their Evidence.
 */
function cmpItems(a: EvidenceItem, b: EvidenceItem): number {
  if (a.current !== b.current) return a.current ? -1 : 1;
  // ±1 rather than the difference: a difference of two instants is not a small integer, and returning
  // one from a comparator allocates a heap number on every call of a sort of thousands of items.
  if (a.sortMs !== b.sortMs) return b.sortMs > a.sortMs ? 1 : -1;
  if (a.primary !== b.primary) return a.primary ? -1 : 1;
  return (
    cmpRef(a, b) ||
    cmpStr(a.ruleId, b.ruleId) ||
    cmpStr(a.status, b.status) ||
    cmpStr(a.text, b.text) ||
    cmpStr(groupKey(a), groupKey(b)) ||
    cmpStr(a.recordStatus, b.recordStatus) ||
    cmpStr(JSON.stringify(a.evidence()), JSON.stringify(b.evidence()))
  );
}

/**
 * The order of the refs `${resourceType}/${id}`, without building them: no resource type is a
 * prefix of another, so different types are ordered by type alone.
 */
function cmpRef(a: EvidenceItem, b: EvidenceItem): number {
  return a.resourceType === b.resourceType ? cmpStr(a.id, b.id) : cmpStr(a.resourceType, b.resourceType);
}

/**
 * Each record once: when the same record (type and id) gives more than one item for a cause — only when
 * its id comes twice in the input, since one record gives at most one item per cause — the first in
 * evidence order (on a full tie, the earlier input) is kept. The items, in input order, without the others.
 */
function firstSightings(items: readonly EvidenceItem[]): readonly EvidenceItem[] {
  // One set operation per item to find out whether any record comes twice (it almost never does): a
  // set that does not grow on add already had the record.
  // By type then id rather than by ref: the ids are the input's own strings, while a ref is built per
  // record and would have to be flattened to be hashed.
  const idsByType = new Map<EvidenceItem["resourceType"], Set<string>>();
  for (const item of items) {
    let ids = idsByType.get(item.resourceType);
    if (!ids) idsByType.set(item.resourceType, (ids = new Set()));
    const size = ids.size;
    if (ids.add(item.id).size === size) return firstOfEach(items);
  }
  return items;
}

function firstOfEach(items: readonly EvidenceItem[]): EvidenceItem[] {
  const firstOf = new Map<string, EvidenceItem>();
  for (const item of items) {
    const other = firstOf.get(item.ref);
    if (other === undefined || cmpItems(item, other) < 0) firstOf.set(item.ref, item);
  }
  return items.filter((item) => firstOf.get(item.ref) === item);
}

/**
 * Items that say the same thing (same rule, code or words, status and kind of record), in input order:
 * the first in evidence order becomes the evidence, the others its duplicates.
 */
type Group = EvidenceItem[];

/** The group, among those with the item's match key, that the item belongs to, if any. */
function groupOf(candidates: Group[] | undefined, item: EvidenceItem): Group | undefined {
  if (!candidates) return undefined;
  for (const group of candidates) {
    const first = group[0]!;
    if (first.ruleId === item.ruleId && first.status === item.status && recordKind(first.resourceType) === recordKind(item.resourceType)) {
      return group;
    }
  }
  return undefined;
}

/**
 * One cause's evidence in order, each record once, with records that say the same thing folded under
 * the first. Items are grouped first and each group sorted on its own, then the groups' heads: the same
 * result as one stable sort of all the items followed by a pass that folds each item into the first of
 * its group (sorting is stable, so a group's order is the same either way; two heads never tie, since
 * they differ in the group key that cmpItems compares), with far fewer comparisons, as most items are
 * folded into another and their groups are small.
 */
function foldCause(items: readonly EvidenceItem[]): EvidenceItem[] {
  const byMatchKey = new Map<string, Group[]>();
  const groups: Group[] = [];
  for (const item of firstSightings(items)) {
    const candidates = byMatchKey.get(item.matchKey);
    const group = groupOf(candidates, item);
    if (group) {
      group.push(item);
      continue;
    }
    const created: Group = [item];
    if (candidates) candidates.push(created);
    else byMatchKey.set(item.matchKey, [created]);
    groups.push(created);
  }
  const heads: EvidenceItem[] = [];
  for (const group of groups) {
    if (group.length > 1) {
      stableSort(group, cmpItems);
      const duplicates = new Array<string>(group.length - 1); // its final size: no regrowth while filling
      for (let i = 1; i < group.length; i++) duplicates[i - 1] = group[i]!.ref;
      group[0]!.evidence().duplicates = duplicates;
    }
    heads.push(group[0]!);
  }
  return stableSort(heads, cmpItems);
}

/** Up to this many items, stableSort sorts by insertion. */
const INSERTION_SORT_MAX = 16;

/**
 * Sorts in place, stably, with the same result as Array.prototype.sort. Most groups hold a handful of
 * items, and V8's sort allocates its merge state (over a kilobyte) on every call, which across a
 * thousand groups per patient was a sixth of the engine's garbage: short lists are sorted by insertion,
 * which allocates nothing (and moves an item only past greater ones, so equal items keep their order).
 */
function stableSort<T>(list: T[], cmp: (a: T, b: T) => number): T[] {
  if (list.length > INSERTION_SORT_MAX) return list.sort(cmp);
  for (let i = 1; i < list.length; i++) {
    const item = list[i]!;
    let j = i - 1;
    for (; j >= 0 && cmp(list[j]!, item) > 0; j--) list[j + 1] = list[j]!;
    list[j + 1] = item;
  }
  return list;
}

/**
 * The finding's strength, from current evidence only (knowledge-source.md, "Strength is raised only by
 * evidence that still holds"; panel-contract.md: chronic kidney disease is known-cause only while its
 * current evidence says kidney failure): the cause's own strength, raised to its escalation strength when
 * a current item escalates. Escalating items that are all past leave the cause's own strength, with a note.
 */
function strengthOf(cause: Cause, kept: readonly EvidenceItem[]): { strength: Strength; note?: string } {
  if (!cause.escalation) return { strength: cause.strength };
  const holding = kept.filter((k) => k.escalates && k.current);
  if (holding.length > 0) {
    const labOnly = holding.every((k) => k.resourceType === "Observation");
    return { strength: cause.escalation.to, note: labOnly ? (cause.escalation.labNote ?? cause.escalation.note) : cause.escalation.note };
  }
  if (kept.some((k) => k.escalates)) return { strength: cause.strength, note: cause.escalation.pastNote };
  return { strength: cause.strength };
}

/**
 * The finding's title: the cause's label, unless every item leaves the cause's needed detail unstated.
 * Lab results never state a diabetes type or a kind of kidney failure: when the record has items, they decide.
 */
function labelOf(cause: Cause, kept: readonly EvidenceItem[]): { label: string; note?: string } {
  const records = kept.filter((k) => k.resourceType !== "Observation");
  const deciding = records.length > 0 ? records : kept;
  if (cause.unstated && deciding.every((k) => k.unstated)) return { label: cause.unstated.label, note: cause.unstated.note };
  return { label: cause.label };
}

/** Evidence items by cause, each cause's in the order they were made; causes in order of their first item. */
export type ItemsByCause = Map<CauseId, EvidenceItem[]>;

/** Adds items to their causes' lists. */
export function addByCause(byCause: ItemsByCause, items: readonly EvidenceItem[]): void {
  for (const item of items) {
    const list = byCause.get(item.cause);
    if (list) list.push(item);
    else byCause.set(item.cause, [item]);
  }
}

/** Findings from evidence items of any kind of record: one finding per cause. */
export function buildFindings(items: readonly EvidenceItem[]): Finding[] {
  const byCause: ItemsByCause = new Map();
  addByCause(byCause, items);
  return findingsOf(byCause);
}

/** Findings from evidence items grouped by cause (see addByCause): one finding per cause. */
export function findingsOf(byCause: ItemsByCause): Finding[] {
  const findings: { finding: Finding; latest: number }[] = [];
  for (const [causeId, list] of byCause) {
    const cause = causeById(causeId);
    const kept = foldCause(list);
    if (kept.length === 0) continue;
    const { strength, note: strengthNote } = strengthOf(cause, kept);
    const { label, note: labelNote } = labelOf(cause, kept);
    const notes = [labelNote, strengthNote].filter((n): n is string => n !== undefined);
    const finding: Finding = {
      causeId,
      label,
      kind: cause.kind,
      strength,
      current: kept.some((k) => k.current),
      basis: kept.some((k) => k.resourceType !== "Observation") ? "record" : "lab",
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
