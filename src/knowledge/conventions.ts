/**
 * Conventions of the wording layer where the source is silent: stated as the app's own wherever the
 * panel applies them (its footer lists them once). They never change what is current (data-current):
 * they only ask the clinician to confirm a record that still says "active".
 */

import type { CauseId } from "./types";

/**
 * "Confirm still current": a record the EHR still marks active, with no activity for this long.
 * - medicines: an active order or statement whose latest date (ordered, taken, asserted) is older than
 *   `medicineYears` — longer than a prescription usually stays valid without being renewed;
 * - acute states on the problem list (ACUTE_STATE_CAUSES): an active entry whose latest date (onset,
 *   recorded) is older than `acuteConditionYears` (knowledge-source.md: "marked confirm still current
 *   after a year").
 * Lifelong conditions (diabetes, hypertension, PAD, kidney disease, …) are never marked by the age of
 * their dates alone: a diagnosis made long ago is not a sign that it ended. Procedures (dialysis has its
 * own recency rule), age and lab results are never marked.
 */
export const CONFIRM_STILL_CURRENT = {
  medicineYears: 2,
  acuteConditionYears: 1,
} as const;

/** The acute states of knowledge-source.md ("Acute states go stale"): dehydration, low blood sugar, acute kidney failure. */
export const ACUTE_STATE_CAUSES: readonly CauseId[] = ["dehydration", "hypoglycemia", "acute-kidney-failure"];
