/**
 * Lookup tables built once at module load from the knowledge base, so matching a coding is a few map
 * reads: exact codes and code prefixes per system, compiled name and form patterns.
 */
import {
  CODE_RULES,
  codesOf,
  FORM_VETOES,
  FORM_VETOES_RAW,
  FORM_VETOES_RAW_ONLY_WITH,
  FORM_VETOES_RAW_UNLESS,
  LOOK_ALIKES,
  NAME_RULES,
  ORAL_FORM_WORDS,
  SYSTEMIC_ROUTE_WORDS,
  SYSTEMS,
  type CodeRule,
  type LookAlike,
  type NameRule,
  type ResourceKind,
  type SystemKey,
} from "../knowledge";
import { mayBeEndedByTreatment } from "./endedByTreatment";
import type { CauseId } from "./types";

interface Entry {
  /** A positive rule, or a look-alike (negative) entry. */
  rule?: CodeRule;
  lookAlike?: LookAlike;
  order: number;
}

interface SystemIndex {
  exact: Map<string, Entry[]>;
  prefix: Map<string, Entry[]>;
  maxPrefix: number;
}

const PREFIX_SYSTEMS: ReadonlySet<SystemKey> = new Set(["icd10cm", "icd9cm", "atc", "cpt"]);

/** Normalise a code for lookup: ICD/ATC/CPT upper-case without dots or spaces; others trimmed. */
export function normalizeCode(system: SystemKey, code: string): string {
  const trimmed = code.trim();
  return PREFIX_SYSTEMS.has(system) ? trimmed.toUpperCase().replace(/[.\s]/g, "") : trimmed;
}

const URI_TO_SYSTEM = new Map<string, SystemKey>();
for (const [key, def] of Object.entries(SYSTEMS) as [SystemKey, { uris: string[] }][]) {
  for (const uri of def.uris) URI_TO_SYSTEM.set(uri.toLowerCase(), key);
}

/**
 * URI as written → system key (null: not a known system). Starts with the known URIs as written in
 * SYSTEMS (lower case); other spellings are added as they are met, up to a bound.
 */
const URI_CACHE = new Map<string, SystemKey | null>(URI_TO_SYSTEM);
const URI_CACHE_LIMIT = URI_TO_SYSTEM.size + 1000;

export function systemKeyOf(uri: string | undefined): SystemKey | undefined {
  if (!uri) return undefined;
  const cached = URI_CACHE.get(uri);
  if (cached !== undefined) return cached ?? undefined;
  const key = URI_TO_SYSTEM.get(uri.trim().toLowerCase().replace(/\/$/, ""));
  if (URI_CACHE.size < URI_CACHE_LIMIT) URI_CACHE.set(uri, key ?? null);
  return key;
}

export function systemLabel(uri: string | undefined): string {
  const key = systemKeyOf(uri);
  return key ? SYSTEMS[key].label : uri ? uri : "Unknown system";
}

const INDEX = new Map<SystemKey, SystemIndex>();
function indexFor(system: SystemKey): SystemIndex {
  let idx = INDEX.get(system);
  if (!idx) {
    idx = { exact: new Map(), prefix: new Map(), maxPrefix: 0 };
    INDEX.set(system, idx);
  }
  return idx;
}

function add(system: SystemKey, match: "exact" | "prefix", codes: string, entry: Entry): void {
  const idx = indexFor(system);
  for (const raw of codesOf(codes)) {
    if (!raw) continue;
    const code = normalizeCode(system, raw);
    const map = match === "exact" ? idx.exact : idx.prefix;
    const list = map.get(code);
    if (list) list.push(entry);
    else map.set(code, [entry]);
    if (match === "prefix") idx.maxPrefix = Math.max(idx.maxPrefix, code.length);
  }
}

CODE_RULES.forEach((rule, i) => add(rule.system, rule.match, rule.codes, { rule, order: i }));

LOOK_ALIKES.forEach((lookAlike, i) => add(lookAlike.system, lookAlike.match, lookAlike.codes, { lookAlike, order: i }));

/**
 * What the readers ask of every match, as bits of one number worked out once per match (a code's lookup
 * hit, or a text's name match, both shared by every record with that code or text): reading a field of
 * the shared match costs less, per record, than reading an optional field across rules of many shapes or
 * asking a set.
 */
export const MATCH_FLAGS = {
  /** The rule lasts only as long as a pregnancy (CodeRule.endsWithPregnancy). */
  endsWithPregnancy: 1,
  /** The code itself means the condition ended (CodeRule.history). */
  meansEnded: 2,
  /** A treatment the record's words say was done may end the cause (endingTreatments.ts). */
  mayBeEndedByTreatment: 4,
} as const;

/** The MATCH_FLAGS of a match of `rule` for `cause`. */
export function matchFlags(cause: CauseId, rule: CodeRule | NameRule): number {
  return (
    (rule.endsWithPregnancy === true ? MATCH_FLAGS.endsWithPregnancy : 0) |
    ("history" in rule && rule.history === true ? MATCH_FLAGS.meansEnded : 0) |
    (mayBeEndedByTreatment(cause) ? MATCH_FLAGS.mayBeEndedByTreatment : 0)
  );
}

/** A cause a code supports, by a rule: shared by every record with the code (see lookupCode's memo). */
export interface CodeHit {
  readonly cause: CauseId;
  readonly by: "code";
  readonly rule: CodeRule;
  /** MATCH_FLAGS of this cause and rule. */
  readonly flags: number;
}

export interface CodeLookup {
  readonly hits: readonly CodeHit[];
  /**
   * Causes a look-alike rules out for this code (the look-alike won for them). A look-alike blocks only
   * the causes it names: when no rule says what the record is, its words are still read for the others.
   */
  readonly blocked: readonly CauseId[];
}

const NONE: readonly CauseId[] = [];
const EMPTY: CodeLookup = { hits: [], blocked: NONE };

/** Memo of lookups per system, kind and code as written (pure: depends only on the arguments and static rules). */
const LOOKUP_MEMO = new Map<SystemKey, Record<ResourceKind, Map<string, CodeLookup>>>();
for (const system of Object.keys(SYSTEMS) as SystemKey[]) {
  LOOKUP_MEMO.set(system, { Condition: new Map(), Medication: new Map(), Procedure: new Map() });
}
const LOOKUP_MEMO_LIMIT = 20_000;

/**
 * Causes a code supports for a kind of resource. Per cause the most specific entry wins (an exact
 * code beats any prefix, a longer prefix beats a shorter one); a look-alike wins a tie.
 * The result is shared between calls: callers must not change it.
 */
export function lookupCode(system: SystemKey, rawCode: string, kind: ResourceKind): CodeLookup {
  const memo = LOOKUP_MEMO.get(system)?.[kind];
  if (!memo) return computeLookup(system, rawCode, kind);
  const cached = memo.get(rawCode);
  if (cached) return cached;
  const result = computeLookup(system, rawCode, kind);
  if (memo.size >= LOOKUP_MEMO_LIMIT) memo.clear();
  memo.set(rawCode, result);
  return result;
}

function computeLookup(system: SystemKey, rawCode: string, kind: ResourceKind): CodeLookup {
  const idx = INDEX.get(system);
  if (!idx) return EMPTY;
  const code = normalizeCode(system, rawCode);
  if (!code) return EMPTY;
  const found: { entry: Entry; depth: number }[] = [];
  const exact = idx.exact.get(code);
  if (exact) for (const entry of exact) found.push({ entry, depth: Number.MAX_SAFE_INTEGER });
  if (idx.prefix.size > 0) {
    const max = Math.min(code.length, idx.maxPrefix);
    for (let len = 1; len <= max; len++) {
      const list = idx.prefix.get(code.slice(0, len));
      if (list) for (const entry of list) found.push({ entry, depth: len });
    }
  }
  if (found.length === 0) return EMPTY;
  const best = new Map<CauseId, { depth: number; rule?: CodeRule; order: number; negative: boolean }>();
  for (const { entry, depth } of found) {
    const negative = entry.lookAlike !== undefined;
    if (entry.rule && !entry.rule.appliesTo.includes(kind)) continue;
    const causes = entry.rule ? entry.rule.causes : entry.lookAlike!.notFor;
    for (const cause of causes) {
      const cur = best.get(cause);
      const better =
        !cur ||
        depth > cur.depth ||
        (depth === cur.depth && negative && !cur.negative) ||
        (depth === cur.depth && negative === cur.negative && entry.order < cur.order);
      if (better) best.set(cause, { depth, rule: entry.rule, order: entry.order, negative });
    }
  }
  const hits: CodeHit[] = [];
  let blocked: CauseId[] | undefined;
  for (const [cause, b] of best) {
    if (!b.negative && b.rule) hits.push({ cause, by: "code", rule: b.rule, flags: matchFlags(cause, b.rule) });
    else if (b.negative) (blocked ??= []).push(cause);
  }
  return { hits, blocked: blocked ?? NONE };
}

// ---- name and form patterns ----

function compile(fragments: readonly string[] | undefined, flags = "i"): RegExp | undefined {
  if (!fragments || fragments.length === 0) return undefined;
  return new RegExp(`\\b(?:${fragments.join("|")})\\b`, flags);
}

export interface CompiledNameRule {
  rule: NameRule;
  /** Global regular expressions (callers reset lastIndex): the case-insensitive patterns, then the abbreviations as written. */
  patterns: RegExp[];
  veto?: RegExp;
}

const COMPILED_NAMES: CompiledNameRule[] = NAME_RULES.map((rule) => {
  const patterns = [compile(rule.patterns, "gi")!];
  const abbreviations = compile(rule.abbreviations, "g");
  if (abbreviations) patterns.push(abbreviations);
  return { rule, patterns, veto: compile(rule.veto) };
});

const NAME_RULES_BY_KIND = new Map<ResourceKind, { any: RegExp; rules: CompiledNameRule[] }>();
for (const kind of ["Condition", "Medication", "Procedure"] as const) {
  const rules = COMPILED_NAMES.filter((c) => c.rule.appliesTo.includes(kind));
  // A quick reject: every pattern and abbreviation, case-insensitively (a superset of what can match).
  const any = compile(rules.flatMap((c) => [...c.rule.patterns, ...(c.rule.abbreviations ?? [])]));
  if (any) NAME_RULES_BY_KIND.set(kind, { any, rules });
}

/** Name rules for a kind of resource, with one combined pattern for a quick reject. */
export function nameRulesFor(kind: ResourceKind): { any: RegExp; rules: CompiledNameRule[] } | undefined {
  return NAME_RULES_BY_KIND.get(kind);
}

interface FormVeto {
  re: RegExp;
  /** The veto does not apply when the text also matches this (a systemic form for a percent strength). */
  unless?: RegExp;
  /** The veto is tried only when the text matches this cheap pattern first. */
  onlyWith?: RegExp;
}

/** One regular expression per list of the knowledge base: causes sharing a list share its pattern. */
const COMPILED_LISTS = new Map<readonly string[], RegExp | undefined>();
function compileOnce(list: readonly string[] | undefined, make: (list: readonly string[]) => RegExp | undefined): RegExp | undefined {
  if (!list) return undefined;
  if (!COMPILED_LISTS.has(list)) COMPILED_LISTS.set(list, make(list));
  return COMPILED_LISTS.get(list);
}

const FORM_VETO_RE = new Map<CauseId, FormVeto[]>();
for (const [cause, words] of Object.entries(FORM_VETOES) as [CauseId, string[]][]) {
  const re = compileOnce(words, compile);
  if (re) FORM_VETO_RE.set(cause, [{ re }]);
}
for (const [cause, raw] of Object.entries(FORM_VETOES_RAW) as [CauseId, string[]][]) {
  const list = FORM_VETO_RE.get(cause) ?? [];
  const only = FORM_VETOES_RAW_ONLY_WITH[cause];
  list.push({
    re: compileOnce(raw, (r) => new RegExp(r.join("|"), "i"))!,
    unless: compileOnce(FORM_VETOES_RAW_UNLESS[cause], compile),
    onlyWith: only ? new RegExp(only, "i") : undefined,
  });
  FORM_VETO_RE.set(cause, list);
}
const ORAL_RE = compile(ORAL_FORM_WORDS)!;
const SYSTEMIC_RE = compile(SYSTEMIC_ROUTE_WORDS)!;

/** True when a medicine's text rules it out for a cause (eye drops for a BP medicine, an implant or hormone therapy for a pill...). */
export function formVetoes(cause: CauseId, text: string): boolean {
  const list = FORM_VETO_RE.get(cause);
  if (list === undefined) return false;
  for (const { re, unless, onlyWith } of list) {
    if (onlyWith !== undefined && !onlyWith.test(text)) continue;
    if (re.test(text) && (unless === undefined || !unless.test(text))) return true;
  }
  return false;
}

export function saysOral(text: string): boolean {
  return ORAL_RE.test(text);
}

/** True when a medicine's text says it is taken by mouth or given by injection or infusion. */
export function saysSystemic(text: string): boolean {
  return SYSTEMIC_RE.test(text);
}

/** Counts for the benchmark and the report. */
export function indexStats(): Record<string, { exact: number; prefix: number }> {
  const out: Record<string, { exact: number; prefix: number }> = {};
  for (const [system, idx] of INDEX) out[system] = { exact: idx.exact.size, prefix: idx.prefix.size };
  return out;
}
