/**
 * Whether a result's value is one its test can take at all (LabTest.plausible in src/knowledge/labRules.ts):
 * outside the range it is a recording or unit error, listed and never interpreted (the limits and their
 * sources: LAB_PLAUSIBILITY_SOURCES).
 * The number itself is checked, whatever its comparator.
 */
import type { LabTest, LabUnit } from "../../knowledge";

export function outsidePlausible(test: LabTest, unit: LabUnit, value: number, inTestUnit: number): boolean {
  const p = test.plausible;
  const own = unit.comparedInOwnUnit ? p.inUnit?.[unit.label] : undefined;
  const v = own ? value : inTestUnit;
  const low = own ? own.low : p.low;
  const high = own ? own.high : p.high;
  if (p.lowInclusive ? v < low : v <= low) return true;
  return high !== undefined && v > high;
}

/** "3.98–19.99 % or 20–195 mmol/mol", "above 0 mL/min/1.73 m²". */
export function plausibleText(test: LabTest): string {
  const p = test.plausible;
  const unitOf = (u: string) => (u === "%" ? " %" : ` ${u}`);
  const range = (low: number, high: number | undefined, unit: string, inclusive: boolean) =>
    high === undefined ? `${inclusive ? "at least" : "above"} ${low}${unitOf(unit)}` : `${low}–${high}${unitOf(unit)}`;
  const main = range(p.low, p.high, test.unit, p.lowInclusive);
  const others = Object.entries(p.inUnit ?? {}).map(([u, r]) => range(r.low, r.high, u, p.lowInclusive));
  return [main, ...others].join(" or ");
}
