/**
 * Does the record document leg cramps? The CDS Hooks card's trigger (docs/spec/cds-hooks.md, "When there is
 * a card"): a Condition for leg cramps (src/knowledge/codes/legCrampCodes.ts) that is active, or was recorded
 * in the last 12 months. Pure: the clock is a parameter; malformed records are skipped, never fatal.
 */
import { SYSTEMS, type SystemKey } from "../knowledge";
import {
  LEG_CRAMP_CODES,
  LEG_CRAMP_NAME_PATTERNS,
  LEG_CRAMP_RECENT_MONTHS,
  LEG_SITE_WORDS,
  NON_LEG_SITE_WORDS,
  type LegCrampCodeList,
} from "../knowledge/codes/legCrampCodes";
import { toMillis } from "./dates";
import { normalizeCode, systemKeyOf } from "./lookup";
import { conceptCode, isObj, joinedText, rawCodings, startOf, str, textOf } from "./read";
import { conditionStatus, isAbated } from "./status";

export interface LegCrampRecord {
  /** "Condition/<id>". */
  ref: string;
  /** What the record says (code.text, else the first display, else the code). */
  text: string;
  matchedBy: "code" | "name";
  /** The coding that matched, when matched by code. */
  coding?: { systemLabel: string; code: string };
  /** Why it counts: the condition is active, or it was recorded within the last 12 months. */
  because: "active" | "recent";
  /** The date that made it recent (recordedDate, else onset), as written. */
  recorded?: string;
  /** The record's clinical status code as written ("active", "resolved", …), when it has one. */
  clinicalStatus?: string;
  /** When the cramps began (onset), else when they were recorded, as written: the anchor a card compares medicine starts with, and the panel's header names. */
  since?: string;
  /** problem-list-item, encounter-diagnosis, health-concern, … as written (the first category coding). */
  category?: string;
}

const words = (list: readonly string[]) => new RegExp(`\\b(?:${list.join("|")})\\b`, "i");
const NAME_RE = words(LEG_CRAMP_NAME_PATTERNS);
const NON_LEG_RE = words(NON_LEG_SITE_WORDS);
const LEG_RE = words(LEG_SITE_WORDS);

const BY_SYSTEM = new Map<SystemKey, Map<string, LegCrampCodeList>>();
for (const list of LEG_CRAMP_CODES) {
  const table = BY_SYSTEM.get(list.system) ?? new Map<string, LegCrampCodeList>();
  for (const c of list.codes) table.set(normalizeCode(list.system, c.code), list);
  BY_SYSTEM.set(list.system, table);
}

/** A site-unspecified code counts unless the text names another body site and no part of the leg. */
function siteAllows(list: LegCrampCodeList, text: string): boolean {
  return list.legSpecific || LEG_RE.test(text) || !NON_LEG_RE.test(text);
}

/** The leg-cramp coding of a concept, by code first, then by name; undefined when it is not leg cramps. */
export function legCrampMatch(concept: unknown): Pick<LegCrampRecord, "matchedBy" | "coding"> | undefined {
  const text = joinedText(concept, undefined);
  for (const coding of rawCodings(concept)) {
    if (!isObj(coding)) continue;
    const system = systemKeyOf(str(coding.system));
    const code = str(coding.code);
    if (!system || !code) continue;
    const list = BY_SYSTEM.get(system)?.get(normalizeCode(system, code));
    if (list && siteAllows(list, text)) return { matchedBy: "code", coding: { systemLabel: SYSTEMS[system].label, code } };
  }
  return NAME_RE.test(text) ? { matchedBy: "name" } : undefined;
}

/** The instant LEG_CRAMP_RECENT_MONTHS calendar months before `now` (UTC). */
function monthsBefore(now: Date, months: number): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate(), now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds());
}

/**
 * Every Condition among `conditions` that documents leg cramps and counts now: active (active, recurrence or
 * relapse, not abated; confirmed or not), or recorded within the last 12 months. Refuted and entered-in-error
 * records never count. A partial date counts from its first instant, so "recent" is never guessed.
 */
export function findLegCramps(conditions: readonly unknown[], now: Date): LegCrampRecord[] {
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) return [];
  const since = monthsBefore(now, LEG_CRAMP_RECENT_MONTHS);
  const out: LegCrampRecord[] = [];
  for (const c of conditions) {
    try {
      const found = readOne(c, nowMs, since);
      if (found) out.push(found);
    } catch {
      // a record that cannot be read (a throwing getter) is skipped
    }
  }
  return out;
}

function readOne(c: unknown, nowMs: number, since: number): LegCrampRecord | undefined {
  if (!isObj(c) || c.resourceType !== "Condition") return undefined;
  const id = str(c.id);
  if (!id) return undefined;
  const status = conditionStatus(conceptCode(c.clinicalStatus), conceptCode(c.verificationStatus), isAbated(c));
  if (status === "ignored") return undefined;
  const match = legCrampMatch(c.code);
  if (!match) return undefined;
  const text = textOf(c.code) ?? firstDisplay(c.code) ?? match.coding?.code ?? "Leg cramps";
  const clinicalStatus = conceptCode(c.clinicalStatus);
  const began = str(c.onsetDateTime) ?? startOf(c.onsetPeriod) ?? str(c.recordedDate);
  const category = categoryOf(c.category);
  const base: LegCrampRecord = {
    ref: `Condition/${id}`,
    text,
    ...match,
    because: "active",
    ...(clinicalStatus ? { clinicalStatus } : {}),
    ...(began ? { since: began } : {}),
    ...(category ? { category } : {}),
  };
  if (status === "current" || status === "unconfirmed") return base;
  const recorded = str(c.recordedDate) ?? str(c.onsetDateTime) ?? startOf(c.onsetPeriod);
  const t = toMillis(recorded);
  if (recorded !== undefined && t !== undefined && t >= since && t <= nowMs) return { ...base, because: "recent", recorded };
  return undefined;
}

/** The first category code of a Condition (problem-list-item, encounter-diagnosis, …). */
function categoryOf(category: unknown): string | undefined {
  if (!Array.isArray(category)) return undefined;
  for (const concept of category) {
    const code = conceptCode(concept);
    if (code) return code;
  }
  return undefined;
}

function firstDisplay(concept: unknown): string | undefined {
  for (const coding of rawCodings(concept)) if (isObj(coding) && str(coding.display)) return str(coding.display);
  return undefined;
}

/** True when at least one Condition documents leg cramps that count now. */
export function documentsLegCramps(conditions: readonly unknown[], now: Date): boolean {
  return findLegCramps(conditions, now).length > 0;
}
