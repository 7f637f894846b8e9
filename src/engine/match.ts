/** Which causes a record's concept supports: codes first (every system), name matching last. */
import type { Coding } from "fhir/r4";
import { DIABETES_TYPES_CONFLICT, type CodeRule, type NameRule, type RequiredForm, type ResourceKind } from "../knowledge";
import { differentialSide, leadingContext, makesEvidence, mentionContext, resolvedAtEnd, type EvidenceContext } from "./context";
import { formVetoes, lookupCode, MATCH_FLAGS, matchFlags, nameRulesFor, saysOral, saysSystemic, systemKeyOf, type CodeHit, type CompiledNameRule } from "./lookup";
import { isObj, joinedText, rawCodings, str } from "./read";
import type { CauseId } from "./types";
import type { TextContext } from "../knowledge";

/**
 * A match by code: the code's lookup hit (cause and rule), shared by every record with that code. The
 * coding it came from is the record's own and is kept beside it (see ConceptMatches).
 */
export type CodeMatch = CodeHit;

export interface NameMatch {
  cause: CauseId;
  by: "name";
  rule: NameRule;
  matchedText: string;
  /** matchedText in lower case, computed once (it is part of the evidence grouping key). */
  matchKey: string;
  /** How the text uses the name: affirmed, history ("history of X") or resolved ("X, resolved"): see evidence.ts. */
  context: EvidenceContext;
  /** MATCH_FLAGS of this cause and rule (lookup.ts). */
  flags: number;
}

export type ConceptMatch = CodeMatch | NameMatch;

/**
 * What a concept matched, in order: one match per cause, each with the coding it came from (undefined
 * for a match by name). The engine reads thousands of records per patient, and most match once: one
 * instance is reused from record to record (matchConcept clears it), so that reading a record allocates
 * no match list, and a match by code no object (its hit is shared). Clearing keeps the lists' storage
 * (setting an array's length to 0 would free it, and the next push allocate it again).
 */
export class ConceptMatches {
  private readonly matchList: ConceptMatch[] = [];
  private readonly codingList: (Coding | undefined)[] = [];
  /** How many matches the current concept has (entries past it are stale). */
  length = 0;

  clear(): void {
    this.length = 0;
  }

  add(match: ConceptMatch, coding: Coding | undefined): void {
    this.set(this.length++, match, coding);
  }

  set(i: number, match: ConceptMatch, coding: Coding | undefined): void {
    this.matchList[i] = match;
    this.codingList[i] = coding;
  }

  match(i: number): ConceptMatch {
    return this.matchList[i]!;
  }

  coding(i: number): Coding | undefined {
    return this.codingList[i];
  }

  has(cause: CauseId): boolean {
    return this.indexOf(cause) >= 0;
  }

  /** Some match's rule lasts only as long as a pregnancy (CodeRule.endsWithPregnancy). */
  endsWithPregnancy(): boolean {
    for (let i = 0; i < this.length; i++) if ((this.matchList[i]!.flags & MATCH_FLAGS.endsWithPregnancy) !== 0) return true;
    return false;
  }

  indexOf(cause: CauseId): number {
    for (let i = 0; i < this.length; i++) if (this.matchList[i]!.cause === cause) return i;
    return -1;
  }

  /** Removes the match at i, keeping the order of the others. */
  remove(i: number): void {
    for (let j = i + 1; j < this.length; j++) this.set(j - 1, this.matchList[j]!, this.codingList[j]);
    this.length--;
  }
}

/** Shared "no match" result of name matching: callers only read it. */
const NO_MATCHES: readonly ConceptMatch[] = [];

function ranks(rule: CodeRule): number {
  // Prefer evidence that escalates, then well-verified lists.
  return (rule.escalates ? 0 : 2) + (rule.confidence === "weak" ? 1 : 0);
}

/**
 * Fills `out` with the concept's matches (after clearing it).
 * @param concept the CodeableConcept to read (may be malformed)
 * @param kind the kind of resource, so rules for other resources are ignored
 * @param extraText more human text of the record (a medicationReference display), if any. The
 *   record's text (see joinedText) is read only when needed: for name matching and dose-form checks.
 */
export function matchConcept(concept: unknown, kind: ResourceKind, extraText: string | undefined, out: ConceptMatches): void {
  out.clear();
  const isMedicine = kind === "Medication";
  let text: string | undefined;
  // A rule knows a code of the record: the codes say what the record is, and its words are not read.
  let ruled = false;
  // Causes look-alike codes rule out: the record's words are still read, but never for these.
  let blocked: readonly CauseId[] | undefined;
  for (const coding of rawCodings(concept)) {
    if (!isObj(coding)) continue;
    const system = systemKeyOf(str(coding.system));
    const code = str(coding.code);
    if (!system || !code) continue;
    const lookup = lookupCode(system, code, kind);
    if (lookup.hits.length > 0) ruled = true;
    if (lookup.blocked.length > 0) blocked = blocked ? [...blocked, ...lookup.blocked] : lookup.blocked;
    for (const hit of lookup.hits) {
      if (isMedicine) {
        text ??= joinedText(concept, extraText);
        if (!medicineFormOk(hit.cause, hit.rule.requireForm, text)) continue;
      }
      keepBest(out, hit, coding as Coding);
    }
  }
  if (ruled) {
    // Only a record with more than one match can be coded as both types of diabetes.
    if (kind === "Condition" && out.length > 1) settleDiabetesType(concept, out);
    return;
  }
  for (const match of matchNames(kind, text ?? joinedText(concept, extraText))) {
    if (blocked === undefined || !blocked.includes(match.cause)) out.add(match, undefined);
  }
}

/**
 * One record coded both as type 1 and as type 2 diabetes is one diabetes, not two: the record's own
 * text (code.text) decides when it names one type; otherwise the type is not clear, and the record is
 * read as diabetes of unstated type (shown under type 2 diabetes, knowledge-source.md, Diabetes).
 */
function settleDiabetesType(concept: unknown, out: ConceptMatches): void {
  const t1 = out.indexOf("type-1-diabetes");
  const t2 = out.indexOf("type-2-diabetes");
  if (t1 < 0 || t2 < 0) return;
  // Diabetes of unstated type beside a type 1 code is type 1 diabetes.
  if (out.match(t2).rule.unstated === true) {
    out.remove(t2);
    return;
  }
  const own = isObj(concept) ? str(concept.text) : undefined;
  const said = own ? matchNames("Condition", own) : NO_MATCHES;
  const saysT1 = said.some((m) => m.cause === "type-1-diabetes");
  const saysT2 = said.some((m) => m.cause === "type-2-diabetes" && m.rule.unstated !== true);
  if (saysT1 !== saysT2) {
    out.remove(saysT1 ? t2 : t1);
    return;
  }
  const type2 = out.match(t2);
  // Before name matching, every match is a code match (see matchConcept).
  if (type2.by === "code") out.set(t2, conflictHit(type2.rule), out.coding(t2));
  out.remove(t1);
}

/** Per type 2 rule, its hit marked as the conflict of types (shared, like lookup hits). */
const CONFLICT_HITS = new Map<CodeRule, CodeMatch>();

/**
 * The type 2 code's own rule (its system, list and codes), with the words and marks of a record coded as
 * both types (DIABETES_TYPES_CONFLICT) in place of its own: nothing else of it (strength, confidence,
 * history) is carried over, as the conflict is read as diabetes of unstated type.
 */
function conflictHit(type2: CodeRule): CodeMatch {
  let hit = CONFLICT_HITS.get(type2);
  if (!hit) {
    const { appliesTo, system, match, codes } = type2;
    const rule: CodeRule = { ...DIABETES_TYPES_CONFLICT, appliesTo, system, match, codes };
    hit = { cause: "type-2-diabetes", by: "code", rule, flags: matchFlags("type-2-diabetes", rule) };
    CONFLICT_HITS.set(type2, hit);
  }
  return hit;
}

/** One match per cause, in order of first appearance; a better-ranked rule replaces an earlier one. */
function keepBest(out: ConceptMatches, hit: CodeHit, coding: Coding): void {
  for (let i = 0; i < out.length; i++) {
    const earlier = out.match(i);
    if (earlier.cause !== hit.cause) continue;
    // Only code matches are added before name matching runs (and it runs only when no rule for this kind
    // knows a code of the record: a look-alike code alone does not stop it).
    if (earlier.by === "code" && ranks(hit.rule) < ranks(earlier.rule)) out.set(i, hit, coding);
    return;
  }
  out.add(hit, coding);
}

function medicineFormOk(cause: CauseId, requireForm: RequiredForm | undefined, text: string): boolean {
  if (formVetoes(cause, text)) return false;
  if (requireForm === "oral" && !saysOral(text)) return false;
  if (requireForm === "systemic" && !saysSystemic(text)) return false;
  return true;
}

/** Memo of name matches per kind and text (pure: depends only on the arguments and static rules). */
const NAME_CACHE = new Map<ResourceKind, Map<string, readonly ConceptMatch[]>>();
const NAME_CACHE_LIMIT = 20_000;

function matchNames(kind: ResourceKind, text: string): readonly ConceptMatch[] {
  if (!text) return NO_MATCHES;
  let cache = NAME_CACHE.get(kind);
  if (!cache) NAME_CACHE.set(kind, (cache = new Map()));
  const cached = cache.get(text);
  if (cached) return cached;
  const result = computeNames(kind, text);
  if (cache.size >= NAME_CACHE_LIMIT) cache.clear();
  cache.set(text, result);
  return result;
}

function computeNames(kind: ResourceKind, text: string): readonly ConceptMatch[] {
  const rules = nameRulesFor(kind);
  if (!rules || !rules.any.test(text)) return NO_MATCHES;
  const out = new Map<CauseId, ConceptMatch>();
  // Per cause, the sides of a differential its doubted mentions sit on ("IDA vs anemia of chronic disease",
  // "DM type 2 vs LADA"): a cause named on both is not in doubt, only which form of it.
  let differential: Map<CauseId, { mask: number; text: string; rule: NameRule }> | undefined;
  for (const compiled of rules.rules) {
    const { rule, veto } = compiled;
    const sides: Sides = { mask: 0, first: undefined };
    const mention = bestMention(compiled, text, sides);
    if (!mention) {
      if (sides.first !== undefined && !veto?.test(text)) {
        differential ??= new Map();
        for (const cause of rule.causes) {
          const seen = differential.get(cause);
          if (seen) seen.mask |= sides.mask;
          else differential.set(cause, { mask: sides.mask, text: sides.first, rule });
        }
      }
      continue;
    }
    if (veto && veto.test(text)) continue;
    for (const cause of rule.causes) {
      const previous = out.get(cause);
      // An affirmed mention from a later rule replaces a history-only one from an earlier rule.
      if (previous && (previous.by !== "name" || previous.context === "affirmed" || mention.context !== "affirmed")) continue;
      if (kind === "Medication" && !medicineFormOk(cause, rule.requireForm, text)) continue;
      out.set(cause, { cause, by: "name", rule, matchedText: mention.text, matchKey: mention.text.toLowerCase(), context: mention.context, flags: matchFlags(cause, rule) });
    }
  }
  if (differential) {
    for (const [cause, { mask, text: named, rule }] of differential) {
      if (mask !== 3 || out.has(cause)) continue;
      if (kind === "Medication" && !medicineFormOk(cause, rule.requireForm, text)) continue;
      out.set(cause, { cause, by: "name", rule, matchedText: named, matchKey: named.toLowerCase(), context: "affirmed", flags: matchFlags(cause, rule) });
    }
  }
  return out.size === 0 ? NO_MATCHES : [...out.values()];
}

/**
 * Calls `visit` with the context of each of the rule's mentions in the text, in order, until it returns true.
 */
function eachMention(compiled: CompiledNameRule, text: string, visit: (context: TextContext, mention: string, start: number) => boolean): void {
  for (const re of compiled.patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (visit(mentionContext(text, m.index, m.index + m[0].length), m[0], m.index) === true) return;
    }
  }
}

/**
 * The rule's best mention in the text: the first affirmed one, else the first history or resolved one.
 * Negated, other-person, test, precursor and uncertain mentions make nothing (knowledge-source.md, free text).
 */
function bestMention(compiled: CompiledNameRule, text: string, sides: Sides): { text: string; context: EvidenceContext } | undefined {
  let best: { text: string; context: EvidenceContext } | undefined;
  eachMention(compiled, text, (context, mention, start) => {
    if (context === "uncertain" && !best) {
      // Doubt from a differential: note the side, in case the cause is named on the other side too.
      const side = differentialSide(text, start, start + mention.length);
      if (side !== 0) {
        sides.mask |= side;
        sides.first ??= mention;
      }
    }
    if (!makesEvidence(context) || (best && context !== "affirmed")) return false;
    best = { text: mention, context };
    return context === "affirmed";
  });
  return best;
}

/** The sides of a differential a rule's doubted mentions sit on (differentialSide: 1 | 2), and the first of them. */
interface Sides {
  mask: number;
  first: string | undefined;
}

/**
 * How a coded record's own text (code.text) bears on one cause its code matched, read whole as a clinician
 * would (knowledge-source.md: "A coded record's own text is read whole"). Where the text names the cause
 * (by the cause's name rules), its mentions decide, with the free-text rules (negation, family history,
 * screening, suspicion, precursor, history, resolved): an affirmed mention wins, else a history or resolved
 * one, else the first mention's context (which makes no evidence). A closing word saying the condition
 * ended ("… - resolved") is the record's own status, wherever the name sits. Where the text does not name
 * the cause, its first words decide ("FH: …", "History of …", "No …"). Undefined when the text says
 * nothing that changes the code's meaning.
 */
export function codedTextContext(kind: ResourceKind, text: string, cause: CauseId): TextContext | undefined {
  let byCause = CODED_TEXT_CACHE.get(text);
  if (byCause === undefined) {
    if (CODED_TEXT_CACHE.size >= NAME_CACHE_LIMIT) CODED_TEXT_CACHE.clear();
    CODED_TEXT_CACHE.set(text, (byCause = new Map()));
  }
  const cached = byCause.get(cause);
  if (cached !== undefined) return cached ?? undefined;
  const found = readCodedText(kind, text, cause);
  byCause.set(cause, found ?? null);
  return found;
}

/** Memo of codedTextContext per text and cause (pure: depends only on the arguments and static rules); null = nothing. */
const CODED_TEXT_CACHE = new Map<string, Map<CauseId, TextContext | null>>();

function readCodedText(kind: ResourceKind, text: string, cause: CauseId): TextContext | undefined {
  const mentioned = causeMentionContext(kind, text, cause);
  if (mentioned !== undefined && !makesEvidence(mentioned)) return mentioned;
  // A closing status is the record's own, whatever clause the name sits in ("Essential HTN (benign), resolved").
  if (resolvedAtEnd(text)) return "resolved";
  if (mentioned !== undefined) return mentioned === "affirmed" ? undefined : mentioned;
  return leadingContext(text);
}

/** The best context of the cause's mentions in the text (see codedTextContext), or undefined when none names it. */
function causeMentionContext(kind: ResourceKind, text: string, cause: CauseId): TextContext | undefined {
  const rules = nameRulesFor(kind);
  if (!rules || !rules.any.test(text)) return undefined;
  let past: TextContext | undefined;
  let other: TextContext | undefined;
  // The sides of a differential the cause's doubted mentions sit on: named on both, it is not in doubt.
  let sides = 0;
  for (const compiled of rules.rules) {
    if (!compiled.rule.causes.includes(cause) || compiled.veto?.test(text)) continue;
    eachMention(compiled, text, (context, mention, start) => {
      if (context === "affirmed") past = context;
      else if (makesEvidence(context)) past ??= context;
      else other ??= context;
      if (context === "uncertain") sides |= differentialSide(text, start, start + mention.length);
      return context === "affirmed";
    });
    if (past === "affirmed") return past;
  }
  if (past === undefined && sides === 3) return "affirmed";
  return past ?? other;
}
