/** How a result reads to a clinician: value, conversion, cut-off, age, as text that never misleads at a cut-off. */
import { LAB_TESTS, type LabRule } from "../../knowledge";
import type { AppliedCutoff, LabPatient } from "./cutoffs";
import { ageInMonths, writtenDay } from "./days";
import type { LabResult } from "./observation";
import type { LabResultDetail } from "./types";

/**
 * A number with up to two decimals (trailing zeros dropped), or more when rounding would put it on the
 * other side of the cut-off, or on it (59.996 against 60 reads "59.996", never "60").
 */
export function formatNumber(value: number, cutoff?: number): string {
  for (let decimals = 2, scale = 100; decimals <= 6; decimals++, scale *= 10) {
    const rounded = Math.round(value * scale) / scale;
    if (cutoff === undefined || Math.sign(rounded - cutoff) === Math.sign(value - cutoff)) return String(rounded);
  }
  return String(value);
}

/** A cut-off as written in the definitions: concentrations with one decimal (12.0 g/dL, 3.0 mmol/L). */
export function formatCutoff(value: number, unit: string): string {
  return unit === "g/dL" || unit === "mmol/L" ? value.toFixed(1) : String(value);
}

export function cutoffText(c: AppliedCutoff): string {
  const v = `${formatCutoff(c.value, c.unit)} ${c.unit}`;
  const base = c.direction === "below" ? (c.inclusive ? `${v} or less` : `below ${v}`) : c.inclusive ? `${v} or more` : `above ${v}`;
  return c.row ? `${base} (${c.row.who})` : base;
}

function withUnit(number: string, unit: string): string {
  return unit === "" ? number : unit === "%" ? `${number} %` : `${number} ${unit}`;
}

export function valueText(r: LabResult, cutoff?: number): string {
  return withUnit(`${r.comparator ?? ""}${formatNumber(r.value, cutoff)}`, r.unitText);
}

/** The patient's age on the result's date (youngest possible for partial dates). */
export function ageOn(r: LabResult, patient: LabPatient): { years?: number; months?: number; text: string } {
  if (!patient.birth) return { text: "age unknown" };
  const months = ageInMonths(patient.birth, r.parts);
  if (months < 0) return { text: "before birth" };
  const years = Math.floor(months / 12);
  return { years, months, text: months < 24 ? `age ${months} months` : `age ${years}` };
}

export function buildDetail(
  r: LabResult,
  rule: LabRule,
  c: AppliedCutoff,
  meetsCutoff: boolean,
  role: LabResultDetail["role"],
  patient: LabPatient,
): LabResultDetail {
  const test = LAB_TESTS[r.test];
  const age = ageOn(r, patient);
  const converts = !c.ownUnit && (r.unit.scale !== 1 || (r.unit.offset ?? 0) !== 0);
  const detail: LabResultDetail = {
    test: r.test,
    testLabel: test.label,
    loinc: r.loinc,
    value: r.value,
    unit: r.unitText,
    valueText: valueText(r, converts ? undefined : c.value),
    date: r.date,
    dateSource: r.dateSource,
    ageText: age.text,
    cutoff: { direction: c.direction, value: c.value, unit: c.unit, text: cutoffText(c) },
    meetsCutoff,
    role,
    definition: rule.definition,
    citation: rule.citation,
  };
  if (r.comparator) detail.comparator = r.comparator;
  if (converts) {
    const value = r.inTestUnit;
    detail.converted = { value, unit: test.unit, text: withUnit(`${r.comparator ?? ""}${formatNumber(value, c.value)}`, test.unit) };
  }
  if (age.years !== undefined) detail.ageYears = age.years;
  if (age.months !== undefined) detail.ageMonths = age.months;
  return detail;
}

/** One line for the evidence list: "Hemoglobin 112 g/L (11.2 g/dL) on 2026-01-05". */
export function evidenceText(d: LabResultDetail, r: LabResult): string {
  const converted = d.converted ? ` (${d.converted.text})` : "";
  return `${d.testLabel} ${d.valueText}${converted} on ${writtenDay(r.parts)}`;
}
