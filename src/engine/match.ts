/** Which causes a record's concept supports: codes first (every system), name matching last. */
import type { Coding } from "fhir/r4";
import { type CodeRule, type NameRule, type ResourceKind } from "../knowledge";
import { makesEvidence, mentionContext } from "./context";
import { formVetoes, lookupCode, nameRulesFor, saysOral, systemKeyOf, type CodeHit, type CompiledNameRule } from "./lookup";
import { isObj, joinedText, rawCodings, str } from "./read";
import type { CauseId } from "./types";

export interface CodeMatch {
  cause: CauseId;
  by: "code";
  rule: CodeRule;
  coding: Coding;
}

export interface NameMatch {
  cause: CauseId;
  by: "name";
  rule: NameRule;
  matchedText: string;
  /** matchedText in lower case, computed once (it is part of the evidence grouping key). */
  matchKey: string;
  /** How the text uses the name: affirmed, or history ("history of X": at most past). */
  context: "affirmed" | "history";
}

export type ConceptMatch = CodeMatch | NameMatch;

/** Shared "no match" result: callers only read match lists. */
const NO_MATCHES: readonly ConceptMatch[] = [];

function ranks(rule: CodeRule): number {
  // Prefer evidence that escalates, then well-verified lists.
  return (rule.escalates ? 0 : 2) + (rule.confidence === "weak" ? 1 : 0);
}

/**
 * @param concept the CodeableConcept to read (may be malformed)
 * @param kind the kind of resource, so rules for other resources are ignored
 * @param extraText more human text of the record (a medicationReference display), if any. The
 *   record's text (see joinedText) is read only when needed: for name matching and dose-form checks.
 */
export function matchConcept(concept: unknown, kind: ResourceKind, extraText?: string): readonly ConceptMatch[] {
  const isMedicine = kind === "Medication";
  let text: string | undefined;
  let found: CodeMatch[] | undefined;
  let recognised = false;
  for (const coding of rawCodings(concept)) {
    if (!isObj(coding)) continue;
    const system = systemKeyOf(str(coding.system));
    const code = str(coding.code);
    if (!system || !code) continue;
    const lookup = lookupCode(system, code, kind);
    if (lookup.recognised) recognised = true;
    for (const hit of lookup.hits) {
      if (isMedicine) {
        text ??= joinedText(concept, extraText);
        if (!medicineFormOk(hit.cause, hit.rule.requireForm, text)) continue;
      }
      found = keepBest(found, hit, coding as Coding);
    }
  }
  if (recognised) return found ?? NO_MATCHES;
  return matchNames(kind, text ?? joinedText(concept, extraText));
}

/** One match per cause, in order of first appearance; a better-ranked rule replaces an earlier one. */
function keepBest(found: CodeMatch[] | undefined, hit: CodeHit, coding: Coding): CodeMatch[] {
  const match: CodeMatch = { cause: hit.cause, by: "code", rule: hit.rule, coding };
  if (!found) return [match];
  for (let i = 0; i < found.length; i++) {
    if (found[i]!.cause !== hit.cause) continue;
    if (ranks(hit.rule) < ranks(found[i]!.rule)) found[i] = match;
    return found;
  }
  found.push(match);
  return found;
}

function medicineFormOk(cause: CauseId, requireForm: "oral" | undefined, text: string): boolean {
  if (formVetoes(cause, text)) return false;
  if (requireForm === "oral" && !saysOral(text)) return false;
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
  for (const compiled of rules.rules) {
    const { rule, veto } = compiled;
    const mention = bestMention(compiled, text);
    if (!mention) continue;
    if (veto && veto.test(text)) continue;
    for (const cause of rule.causes) {
      const previous = out.get(cause);
      // An affirmed mention from a later rule replaces a history-only one from an earlier rule.
      if (previous && (previous.by !== "name" || previous.context === "affirmed" || mention.context !== "affirmed")) continue;
      if (kind === "Medication" && !medicineFormOk(cause, rule.requireForm, text)) continue;
      out.set(cause, { cause, by: "name", rule, matchedText: mention.text, matchKey: mention.text.toLowerCase(), context: mention.context });
    }
  }
  return out.size === 0 ? NO_MATCHES : [...out.values()];
}

/**
 * The rule's best mention in the text: the first affirmed one, else the first history one. Negated,
 * other-person, test, precursor and uncertain mentions make nothing (knowledge-source.md, free text).
 */
function bestMention(compiled: CompiledNameRule, text: string): { text: string; context: "affirmed" | "history" } | undefined {
  let history: string | undefined;
  for (const re of compiled.patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const context = mentionContext(text, m.index, m.index + m[0].length);
      if (!makesEvidence(context)) continue;
      if (context === "affirmed") return { text: m[0], context };
      history ??= m[0];
    }
  }
  return history !== undefined ? { text: history, context: "history" } : undefined;
}
