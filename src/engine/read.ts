/** Defensive readers for untrusted FHIR JSON: never throw, return undefined for what cannot be read. */
import { asArray as arr, field, isRecord as isObj, nonEmptyString as str } from "../util/json";

/** The shared guards of src/util/json.ts, under the short names the engine's hot path uses. */
export { arr, field, isObj, str };

// The engine reads thousands of records per patient. `field(x, key)` reads every key through one
// property access, which V8 sees with every object shape and key at once (megamorphic) and so cannot
// make fast; the readers below each read one named property, an access V8 specialises for the few
// shapes it meets (concepts, periods). Same result as field(): undefined unless `x` is a plain object.

/** `cc.text` of a CodeableConcept, when a non-empty string. */
export function textOf(cc: unknown): string | undefined {
  return isObj(cc) ? str(cc.text) : undefined;
}

/** `period.start`, when a non-empty string. */
export function startOf(period: unknown): string | undefined {
  return isObj(period) ? str(period.start) : undefined;
}

/** `period.end`, when a non-empty string. */
export function endOf(period: unknown): string | undefined {
  return isObj(period) ? str(period.end) : undefined;
}

const NO_CODINGS: readonly unknown[] = [];

/**
 * The raw `coding` list of a CodeableConcept, or an empty list. Entries are unchecked: callers skip
 * the ones that are not objects (see isObj). No copy is made, so this is cheap on the hot path.
 */
export function rawCodings(cc: unknown): readonly unknown[] {
  const list = isObj(cc) ? cc.coding : undefined;
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
  let out = textOf(cc);
  for (const c of rawCodings(cc)) {
    if (!isObj(c)) continue;
    const d = str(c.display);
    if (d) out = out === undefined ? d : `${out} | ${d}`;
  }
  if (extra) out = out === undefined ? extra : `${out} | ${extra}`;
  return out ?? "";
}
