/**
 * An entry still marked active for years (the "confirm still current" convention), worded once for Worth
 * reviewing, the note and the finding's row: "simvastatin 20 mg (last ordered 1992)", "ibuprofen (last
 * recorded 2015)" for a statement, "dehydration (since 2019)". The date is the one the panel dates the
 * record by (medicineStartDate for a medicine; onset, else recorded, for a condition).
 */
import { isMedicine, recordWords } from "./clinicalWords";
import { formatYear } from "./format";
import { medicineStartDate } from "./medicineStart";
import type { ReportEvidence } from "./types";

/** "last ordered" and its year ("" when the record carries no date): how a stale entry is dated. */
export function staleWhen(e: ReportEvidence): { label: string; year: string } {
  if (!isMedicine(e)) return { label: "since", year: formatYear(e.dates.onset ?? e.dates.recorded) };
  return { label: e.resourceType === "MedicationStatement" ? "last recorded" : "last ordered", year: formatYear(medicineStartDate(e)) };
}

/** A stale entry in a few words, its date in brackets unless `withDate` is false. */
export function staleWords(e: ReportEvidence, max = 80, withDate = true): string {
  const { label, year } = staleWhen(e);
  const what = recordWords(e, max);
  return year && withDate ? `${what} (${label} ${year})` : what;
}
