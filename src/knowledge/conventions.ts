/**
 * Conventions the app adopts where the source is silent (docs/spec/knowledge-source.md, "Conventions this
 * project adopts"), stated as the app's own wherever the panel applies them (its footer lists them once).
 * The first (confirm still current) is a wording convention: it never changes what is current. The others
 * decide currency, as knowledge-source.md defines them.
 */
import type { LabTestId } from "./labTests";
import type { CauseId } from "./types";

/**
 * "Confirm still current": a record the EHR still marks active, with no activity for this long.
 * - medicines: an active order or statement whose latest date (ordered, taken, asserted) is older than
 *   `medicineYears` — longer than a prescription usually stays valid without being renewed;
 * - acute states (ACUTE_STATES) on the problem list: older than `acuteStateYears` (knowledge-source.md,
 *   "Acute states go stale": problem-list entries follow their status, marked "confirm still current"
 *   after a year).
 * Lifelong conditions (diabetes, hypertension, PAD, kidney disease, …) are never marked by the age of
 * their dates alone (issue 23): a diagnosis made long ago is not a sign that it ended. Procedures
 * (dialysis has its own recency rule), age and lab results are never marked.
 */
/**
 * Said on evidence of diabetes whose type the record does not state (codes, names and lab results alike):
 * knowledge-source.md ("Diabetes: … diabetes whose type the record does not state is shown under
 * type-2-diabetes with the evidence saying the type is not recorded").
 */
export const DIABETES_TYPE_NOT_RECORDED_NOTE = "Diabetes type not recorded: shown under type 2 diabetes (the app's convention)";

export const CONFIRM_STILL_CURRENT = {
  medicineYears: 2,
  acuteStateYears: 1,
} as const;

/**
 * Acute states (knowledge-source.md, "Acute states go stale"): recorded as an encounter diagnosis they
 * are current for ACUTE_STATE_CURRENT_DAYS from the encounter (or recorded) date, whatever the clinical
 * status says; with no clinical status, the same window applies instead of NO_STATUS_CURRENT_MONTHS.
 */
export const ACUTE_STATES: readonly CauseId[] = ["dehydration", "hypoglycemia", "acute-kidney-failure"];

/** How long an acute state recorded at a visit stays current (knowledge-source.md: 90 days). */
export const ACUTE_STATE_CURRENT_DAYS = 90;

/**
 * A condition with no clinical status (Epic sends encounter diagnoses so) is current when it was recorded
 * within this many months (knowledge-source.md: 12; ACUTE_STATE_CURRENT_DAYS for acute states), shown as
 * "from a visit on <date>, status not recorded"; older, it is not current ("status not recorded — check").
 */
export const NO_STATUS_CURRENT_MONTHS = 12;

/**
 * Chronic conditions that do not end (knowledge-source.md, free text): "History of X" ("h/o", "PMH", "s/p"
 * a treatment of X) is that condition, with the record's own status deciding whether it is current. For
 * every other cause (dehydration, acute kidney failure, hypoglycemia, pregnancy, hyperthyroidism, alcohol
 * use disorder in remission, medicines, …) "history of" makes at most a past finding. Words that say the
 * condition ended ("resolved", "in remission") make any cause past.
 */
export const CHRONIC_CONDITIONS: readonly CauseId[] = [
  "type-1-diabetes",
  "type-2-diabetes",
  "diabetic-neuropathy",
  "hypertension",
  "chronic-kidney-disease",
  "peripheral-artery-disease",
  "parkinsons-disease",
  "cirrhosis",
  "spinal-stenosis",
  "hypothyroidism",
  "peripheral-neuropathy",
];


/**
 * A lab series "fell" or "rose" only when its first and latest results differ by at least this much, in the
 * test's unit (eGFR mL/min/1.73 m², hemoglobin g/dL, HbA1c %, glucose mg/dL, TSH mIU/L); less is "steady".
 * TSH also needs a doubling or a halving. App convention, not from the source.
 */
export const LAB_TREND_CHANGE: Readonly<Record<LabTestId, number>> = { egfr: 5, hemoglobin: 1, hba1c: 0.5, glucose: 20, tsh: 1 };

/** A current condition is dated against the cramps only when it began within this many days of them (a new diagnosis near the cramps). App convention, not from the source. */
export const NEAR_CRAMPS_DAYS = 365;

/**
 * The CDS card's "new" medicine: a linked medicine started within this many days before the leg-cramp
 * record, or after it (docs/spec/cds-hooks.md, "When there is a card"). The project's spec, not the source.
 */
export const NEW_MEDICINE_DAYS = 180;
