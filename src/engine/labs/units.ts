/** Units of a lab result: which one it is (or none), and the value in the test's unit. */
import type { LabTest, LabUnit } from "../../knowledge";
import { isObj, str } from "../read";

const UCUM_SYSTEM = "http://unitsofmeasure.org";

/** Lower case, white space removed: how lab-results.md compares units. */
export function normalizeUnit(unit: string): string {
  let n = NORMALISED.get(unit);
  if (n === undefined) {
    n = unit.toLowerCase().replace(/\s+/g, "");
    if (NORMALISED.size >= 1000) NORMALISED.clear();
    NORMALISED.set(unit, n);
  }
  return n;
}

/** Memo of normalised units (pure: depends only on the string; a record repeats a handful of units). */
const NORMALISED = new Map<string, string>();

/**
 * The unit to compare: the UCUM `code` when the quantity has one (with the UCUM system, or no system),
 * else the `unit` text. A code of another system is not a UCUM code and is not read.
 */
export function quantityUnit(quantity: unknown): string | undefined {
  if (!isObj(quantity)) return undefined;
  const code = str(quantity.code);
  const system = str(quantity.system);
  if (code && (system === undefined || system === UCUM_SYSTEM)) return code;
  return str(quantity.unit);
}

/** The unit as shown to the clinician: the `unit` text, else the code. */
export function reportedUnit(quantity: unknown): string {
  if (!isObj(quantity)) return "";
  return str(quantity.unit) ?? str(quantity.code) ?? "";
}

/** The test's unit that this spelling is, if any: never a guess. */
export function findUnit(test: LabTest, unit: string | undefined): LabUnit | undefined {
  if (unit === undefined) return undefined;
  const n = normalizeUnit(unit);
  if (n === "") return undefined;
  for (const u of test.units) {
    if (u.spellings.includes(n)) return u;
    if (u.prefix !== undefined && n.startsWith(u.prefix)) return u;
  }
  return undefined;
}

/**
 * The value in the test's unit, rounded to 9 decimals so that binary floating point never moves a value
 * across a cut-off (120 g/L × 0.1 is 12.000000000000002 unrounded).
 */
export function toTestUnit(unit: LabUnit, value: number): number {
  if (unit.scale === 1 && !unit.offset) return value;
  return Math.round((value * unit.scale + (unit.offset ?? 0)) * 1e9) / 1e9;
}
