/**
 * Dose-form words checked on a medicine's text (regular-expression fragments, case-insensitive,
 * between word boundaries).
 */
import type { CauseId } from "./types";

/** Words meaning the medicine is not systemic (eye/ear drops, skin, scalp): never a diuretic or BP medicine. */
const NOT_SYSTEMIC = ["ophthalmic", "eye drops?", "otic", "topical", "cutaneous", "shampoo", "scalp", "foam"];

/** Words meaning a hormonal contraceptive is not a pill. */
const NOT_PILL = [
  "implant",
  "intrauterine",
  "IUD",
  "IUS",
  "vaginal",
  "ring",
  "transdermal",
  "patch",
  "injection",
  "injectable",
  "syringe",
  "subdermal",
];

/** A medicine of these causes whose text contains one of these words does not count for the cause. */
export const FORM_VETOES: Partial<Record<CauseId, string[]>> = {
  diuretics: NOT_SYSTEMIC,
  "blood-pressure-medicines": NOT_SYSTEMIC,
  "birth-control-pills": NOT_PILL,
};

/** For rules with `requireForm: "oral"`: the text must contain one of these words. */
export const ORAL_FORM_WORDS = ["oral", "tablets?", "pills?", "pack", "chewable", "capsules?", "by mouth"];
