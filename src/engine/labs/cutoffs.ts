/**
 * Cut-offs applied to a result: which value (the hemoglobin table by age, sex and pregnancy), in which
 * unit, and the comparator semantics of lab-results.md.
 */
import { HEMOGLOBIN_CUTOFFS, type HemoglobinCutoffRow, LAB_TESTS, type LabCutoff, type LabRule } from "../../knowledge";
import type { DateParts } from "../dates";
import { ageInMonths } from "./days";
import type { LabResult } from "./observation";

/** What the rules need to know about the patient. */
export interface LabPatient {
  birth?: DateParts;
  sex: "female" | "male" | "other-or-unknown";
  /** First instant of the current pregnancy, when one was given (and the patient is alive). */
  pregnancyStartMs?: number;
}

/** A cut-off as applied to one result. */
export interface AppliedCutoff {
  direction: "below" | "above";
  inclusive: boolean;
  /** The value compared against, in `unit`. */
  value: number;
  unit: string;
  /** Compared in the result's own unit (not converted). */
  ownUnit: boolean;
  /** The same cut-off in the test's unit (for the chart). */
  testUnitValue: number;
  /** The hemoglobin table row used. */
  row?: HemoglobinCutoffRow;
}

/** The cut-off a rule applies to a result; undefined when the result cannot be interpreted (hemoglobin age). */
export function applyCutoff(rule: LabRule, r: LabResult, patient: LabPatient): AppliedCutoff | undefined {
  const testUnit = LAB_TESTS[rule.test].unit;
  if (rule.cutoff === "hemoglobin-table") {
    const row = hemoglobinRow(r, patient);
    if (!row || row.below === undefined) return undefined;
    return { direction: "below", inclusive: false, value: row.below, unit: testUnit, ownUnit: false, testUnitValue: row.below, row };
  }
  return fixedCutoff(rule.cutoff, r, testUnit);
}

function fixedCutoff(cut: LabCutoff, r: LabResult, testUnit: string): AppliedCutoff {
  const own = r.unit.comparedInOwnUnit ? cut.inUnit?.[r.unit.label] : undefined;
  if (own !== undefined) {
    return { direction: cut.direction, inclusive: cut.inclusive, value: own, unit: r.unit.label, ownUnit: true, testUnitValue: cut.value };
  }
  return { direction: cut.direction, inclusive: cut.inclusive, value: cut.value, unit: testUnit, ownUnit: false, testUnitValue: cut.value };
}

/** The result's value in the unit the cut-off is compared in. */
export function comparedValue(r: LabResult, c: AppliedCutoff): number {
  return c.ownUnit ? r.value : r.inTestUnit;
}

/**
 * Whether the result meets the cut-off. A plain value must be strictly beyond it (or at it, when
 * inclusive); `<`/`<=` counts as below C when value ≤ C and never as above; `>`/`>=` counts as above C
 * when value ≥ C and never as below.
 */
export function meets(r: LabResult, c: AppliedCutoff): boolean {
  return beyond(comparedValue(r, c), r.comparator, c.direction, c.value, c.inclusive);
}

/**
 * Whether the result is on the other side of the cut-off, the cut-off itself included (an eGFR "of 60 or
 * more" against "below 60"): it interrupts a run of results that meet it.
 */
export function opposes(r: LabResult, c: AppliedCutoff): boolean {
  const other = c.direction === "below" ? "above" : "below";
  return beyond(comparedValue(r, c), r.comparator, other, c.value, !c.inclusive);
}

function beyond(
  v: number,
  comparator: LabResult["comparator"],
  direction: "below" | "above",
  cutoff: number,
  inclusive: boolean,
): boolean {
  if (direction === "below") {
    if (comparator === "<" || comparator === "<=") return v <= cutoff;
    if (comparator === ">" || comparator === ">=") return false;
    return inclusive ? v <= cutoff : v < cutoff;
  }
  if (comparator === ">" || comparator === ">=") return v >= cutoff;
  if (comparator === "<" || comparator === "<=") return false;
  return inclusive ? v >= cutoff : v > cutoff;
}

/** The hemoglobin table row for a result: the patient's age (youngest possible) on its date, sex and pregnancy. */
export function hemoglobinRow(r: LabResult, patient: LabPatient): HemoglobinCutoffRow | undefined {
  if (!patient.birth) return undefined;
  const months = ageInMonths(patient.birth, r.parts);
  if (months < 0) return undefined;
  const pregnant = patient.pregnancyStartMs !== undefined && r.ms >= patient.pregnancyStartMs;
  for (const row of HEMOGLOBIN_CUTOFFS) {
    if (months < row.fromMonths || (row.toMonths !== undefined && months >= row.toMonths)) continue;
    if (row.pregnant && !pregnant) continue;
    if (row.sex && row.sex !== patient.sex) continue;
    return row;
  }
  return undefined;
}
