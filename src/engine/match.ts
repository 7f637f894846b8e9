/** Which causes a record's concept supports: codes first (every system), name matching last. */
import type { Coding } from "fhir/r4";
import { type CodeRule, type NameRule, type ResourceKind } from "../knowledge";
import { formVetoes, lookupCode, nameRulesFor, saysOral, systemKeyOf } from "./lookup";
import { codings, str } from "./read";
import type { CauseId } from "./types";

export type ConceptMatch =
  | { cause: CauseId; by: "code"; rule: CodeRule; coding: Coding }
  | { cause: CauseId; by: "name"; rule: NameRule; matchedText: string };

function ranks(rule: CodeRule): number {
  // Prefer evidence that escalates, then well-verified lists.
  return (rule.escalates ? 0 : 2) + (rule.confidence === "weak" ? 1 : 0);
}

/**
 * @param concept the CodeableConcept to read (may be malformed)
 * @param kind the kind of resource, so rules for other resources are ignored
 * @param texts all human text of the record (used for name matching and dose-form checks), computed on demand
 */
export function matchConcept(concept: unknown, kind: ResourceKind, texts: () => string[]): ConceptMatch[] {
  let joinedCache: string | undefined;
  const joined = (): string => (joinedCache ??= texts().join(" | "));
  const isMedicine = kind === "Medication";
  const byCause = new Map<CauseId, ConceptMatch & { by: "code" }>();
  let recognised = false;
  for (const coding of codings(concept)) {
    const system = systemKeyOf(str(coding.system));
    const code = str(coding.code);
    if (!system || !code) continue;
    const found = lookupCode(system, code, kind);
    if (found.recognised) recognised = true;
    for (const hit of found.hits) {
      if (isMedicine && !medicineFormOk(hit.cause, hit.rule.requireForm, joined())) continue;
      const cur = byCause.get(hit.cause);
      if (!cur || ranks(hit.rule) < ranks(cur.rule)) {
        byCause.set(hit.cause, { cause: hit.cause, by: "code", rule: hit.rule, coding });
      }
    }
  }
  if (recognised) return [...byCause.values()];
  return matchNames(kind, joined());
}

function medicineFormOk(cause: CauseId, requireForm: "oral" | undefined, text: string): boolean {
  if (formVetoes(cause, text)) return false;
  if (requireForm === "oral" && !saysOral(text)) return false;
  return true;
}

/** Memo of name matches per kind and text (pure: depends only on the arguments and static rules). */
const NAME_CACHE = new Map<string, ConceptMatch[]>();
const NAME_CACHE_LIMIT = 20_000;

function matchNames(kind: ResourceKind, text: string): ConceptMatch[] {
  if (!text) return [];
  const key = `${kind}|${text}`;
  const cached = NAME_CACHE.get(key);
  if (cached) return cached;
  const result = computeNames(kind, text);
  if (NAME_CACHE.size >= NAME_CACHE_LIMIT) NAME_CACHE.clear();
  NAME_CACHE.set(key, result);
  return result;
}

function computeNames(kind: ResourceKind, text: string): ConceptMatch[] {
  const rules = nameRulesFor(kind);
  if (!rules || !rules.any.test(text)) return [];
  const out = new Map<CauseId, ConceptMatch>();
  for (const { rule, pattern, veto } of rules.rules) {
    const m = pattern.exec(text);
    if (!m) continue;
    if (veto && veto.test(text)) continue;
    for (const cause of rule.causes) {
      if (out.has(cause)) continue;
      if (kind === "Medication" && !medicineFormOk(cause, rule.requireForm, text)) continue;
      out.set(cause, { cause, by: "name", rule, matchedText: m[0] });
    }
  }
  return [...out.values()];
}
