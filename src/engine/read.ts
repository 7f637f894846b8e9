/** Defensive readers for untrusted FHIR JSON: never throw, return undefined for what cannot be read. */
import type { CodeableConcept } from "fhir/r4";

import { asArray as arr, field, isRecord as isObj, nonEmptyString as str } from "../util/json";

export type Obj = Record<string, unknown>;

/** The shared guards of src/util/json.ts, under the short names the engine's hot path uses. */
export { arr, field, isObj, str };

const NO_CODINGS: readonly unknown[] = [];

/**
 * The raw `coding` list of a CodeableConcept, or an empty list. Entries are unchecked: callers skip
 * the ones that are not objects (see isObj). No copy is made, so this is cheap on the hot path.
 */
export function rawCodings(cc: unknown): readonly unknown[] {
  const list = field(cc, "coding");
  return Array.isArray(list) ? list : NO_CODINGS;
}

/** First non-empty `code` of a CodeableConcept (used for status concepts). */
export function conceptCode(cc: unknown): string | undefined {
  for (const c of rawCodings(cc)) {
    if (!isObj(c)) continue;
    const code = str(c.code);
    if (code) return code;
  }
  return undefined;
}

/**
 * All human text of a concept (its text, then each coding's display) plus an optional extra text
 * (a medicationReference display), joined with " | " as one string for name and dose-form matching.
 * Built without an intermediate list: a single text is returned as it is.
 */
export function joinedText(cc: unknown, extra: string | undefined): string {
  let out = str(field(cc, "text"));
  for (const c of rawCodings(cc)) {
    if (!isObj(c)) continue;
    const d = str(c.display);
    if (d) out = out === undefined ? d : `${out} | ${d}`;
  }
  if (extra) out = out === undefined ? extra : `${out} | ${extra}`;
  return out ?? "";
}

export function asConcept(x: unknown): CodeableConcept | undefined {
  return isObj(x) ? (x as CodeableConcept) : undefined;
}
