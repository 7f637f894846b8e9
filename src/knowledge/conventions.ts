/**
 * Conventions of the wording layer where the source is silent: stated as the app's own wherever the
 * panel applies them (its footer lists them once). They never change what is current (data-current):
 * they only ask the clinician to confirm a record that still says "active".
 */

/**
 * "Confirm still current": a record the EHR still marks active, with no activity for this long.
 * - medicines: an active order or statement whose latest date (ordered, taken, asserted) is older than
 *   `medicineYears` — longer than a prescription usually stays valid without being renewed;
 * - conditions: an active condition whose latest date (onset, recorded) is older than `conditionYears`.
 * Procedures (dialysis has its own recency rule), age and lab results are never marked.
 */
export const CONFIRM_STILL_CURRENT = {
  medicineYears: 2,
  conditionYears: 10,
} as const;
