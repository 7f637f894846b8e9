/**
 * Data-quality lines: something in the record the app did not take at face value, said plainly where the
 * clinician reads what limits the read. Today: a death date that is no death date (src/engine/patient.ts
 * `deathDateProblem`), which the app ignores rather than call a living patient deceased.
 */
import { formatDate } from "./format";
import type { Report } from "./types";

export function dataQualityLines(report: Pick<Report, "patient">): string[] {
  const ignored = report.patient.ignoredDeathDate;
  if (!ignored) return [];
  const why =
    ignored.reason === "before-birth"
      ? "which is before the birth date"
      : "which is on or before 1 Jan 1900 (a placeholder some systems store for “no date”)";
  return [
    `The record gives a death date of ${formatDate(ignored.date)}, ${why}. It was ignored: the patient is treated as living. Check the chart if in doubt.`,
  ];
}
