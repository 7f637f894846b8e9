/** Defensive readers for untrusted FHIR JSON: never throw, return undefined for what cannot be read. */
import type { CodeableConcept, Coding } from "fhir/r4";

export type Obj = Record<string, unknown>;

export function isObj(x: unknown): x is Obj {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

export function str(x: unknown): string | undefined {
  return typeof x === "string" && x.length > 0 ? x : undefined;
}

export function arr(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
}

export function field(o: unknown, key: string): unknown {
  return isObj(o) ? o[key] : undefined;
}

/** The codings of a CodeableConcept that are objects (malformed entries skipped). */
export function codings(cc: unknown): Coding[] {
  return arr(field(cc, "coding")).filter(isObj) as Coding[];
}

/** First non-empty `code` of a CodeableConcept (used for status concepts). */
export function conceptCode(cc: unknown): string | undefined {
  for (const c of codings(cc)) {
    const code = str(c.code);
    if (code) return code;
  }
  return undefined;
}

/** All human text of a concept: its text, then each coding's display. */
export function conceptTexts(cc: unknown): string[] {
  const out: string[] = [];
  const text = str(field(cc, "text"));
  if (text) out.push(text);
  for (const c of codings(cc)) {
    const d = str(c.display);
    if (d) out.push(d);
  }
  return out;
}

export function asConcept(x: unknown): CodeableConcept | undefined {
  return isObj(x) ? (x as CodeableConcept) : undefined;
}
