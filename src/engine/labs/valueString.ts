/**
 * A result's value written as text (`valueString`), read as a quantity only when it is one plainly
 * (lab-results.md, "What real laboratories send"): an optional comparator, a number, and an optional unit
 * ("15.0 g/dL", "6.8 %", "<15", ">= 90 mL/min/1.73m2"). Anything else ("Positive", "see note", "12-14",
 * "1,5") is not a number to the app. The unit is checked by the caller like any other.
 */
import type { LabComparator } from "./types";

export interface TextValue {
  value: number;
  comparator?: LabComparator;
  /** The text after the number, trimmed; absent when there is none. */
  unit?: string;
}

const PATTERN = /^(<=|>=|<|>|≤|≥)?\s*(\d+(?:\.\d+)?|\.\d+)(?:\s*(\S.*))?$/;
const WRITTEN: Readonly<Record<string, LabComparator>> = { "<": "<", "<=": "<=", ">": ">", ">=": ">=", "≤": "<=", "≥": ">=" };

export function parseValueString(text: string): TextValue | undefined {
  const m = PATTERN.exec(text.trim());
  if (!m) return undefined;
  const value = Number(m[2]);
  if (!Number.isFinite(value)) return undefined;
  const out: TextValue = { value };
  if (m[1] !== undefined) out.comparator = WRITTEN[m[1]]!;
  const unit = m[3]?.trim();
  // A unit starts with a letter, %, µ/μ or a bracket: "15 20" or "1,5" is not a number with a unit.
  if (unit !== undefined && unit !== "") {
    if (!/^[A-Za-z%µμ[{]/.test(unit)) return undefined;
    out.unit = unit;
  }
  return out;
}
