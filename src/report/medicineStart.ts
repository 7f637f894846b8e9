/**
 * When a medicine record began, as the record dates it — the one date-picker the panel, the note and the
 * CDS card share: an order by when it was written (authoredOn), else its period; a statement by when it was
 * taken from (effective), else when it was recorded. A folded order's date is its last order's.
 */
import type { Evidence } from "../engine/types";

export function medicineStartDate(e: Pick<Evidence, "resourceType" | "dates">): string | undefined {
  return e.resourceType === "MedicationStatement" ? (e.dates.effective ?? e.dates.recorded ?? e.dates.authored) : (e.dates.authored ?? e.dates.effective ?? e.dates.recorded);
}
