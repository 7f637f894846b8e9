/**
 * What documents leg cramps themselves (the symptom, not a cause): the CDS Hooks service shows its card only
 * when a Condition says the patient has leg cramps (docs/spec/cds-hooks.md, "When there is a card").
 * Data only: src/engine/legCramps.ts reads it.
 *
 * Each list says where its codes were verified. Two codes name a cramp without naming the leg:
 * ICD-10-CM R25.2 "Cramp and spasm" and SNOMED CT 55300003 "Cramp". They are kept, as site-unspecified,
 * because R25.2 is the code ICD-10-CM assigns to a documented "leg cramp" that is not said to be sleep-related
 * (its index sends "Cramp(s), muscle (limb) (general)" there, and coding guidance names it "the code most
 * commonly used for leg cramps"), so leaving it out would miss most coded leg cramps. Because it also covers
 * cramps elsewhere (hand, jaw, bowel...), a site-unspecified code counts only when the record's own text names
 * no other body site (NON_LEG_SITE_WORDS) — or names the leg.
 */
import type { SystemKey } from "../types";

export interface LegCrampCode {
  code: string;
  /** The code's display, as verified. */
  display: string;
}

export interface LegCrampCodeList {
  id: string;
  system: Extract<SystemKey, "snomed" | "icd10cm" | "icd9cm">;
  /** false: the code names a cramp but not the leg (see the file comment). */
  legSpecific: boolean;
  /** Where the codes (and displays) were verified. */
  source: string;
  /** Set when the sources are weak (one corpus, display not confirmed by a terminology browser). */
  confidence?: "weak";
  codes: readonly LegCrampCode[];
}

export const LEG_CRAMP_CODES: readonly LegCrampCodeList[] = [
  {
    id: "leg-cramps.icd10cm",
    system: "icd10cm",
    legSpecific: true,
    source:
      "docs/terminology/README.md §2.25 and night_leg_cramps_codes.csv (medtrack-io/icd_code codes_g47.ex); " +
      "https://www.diseasedb.com/icd10/G47.62; https://legalclarity.org/leg-cramps-icd-10-codes-r25-2-m62-831-and-g47-62/ " +
      "(M62.831 for a cramp localised to the calf)",
    codes: [
      { code: "G47.62", display: "Sleep related leg cramps" },
      { code: "M62.831", display: "Muscle spasm of calf" },
    ],
  },
  {
    id: "leg-cramps.icd10cm.site-unspecified",
    system: "icd10cm",
    legSpecific: false,
    source:
      "docs/terminology/README.md §2.25 (medtrack-io/icd_code codes_r25.ex); https://icdlist.com/icd-10/r252 (synonyms: cramp in " +
      "lower leg, cramp in lower limb... but also upper limb, bowel spasm, trismus); " +
      "https://legalclarity.org/leg-cramps-icd-10-codes-r25-2-m62-831-and-g47-62/",
    codes: [{ code: "R25.2", display: "Cramp and spasm" }],
  },
  {
    id: "leg-cramps.icd9cm",
    system: "icd9cm",
    legSpecific: true,
    source: "ICD-9-CM 327.52 quoted as \"Sleep related leg cramps\" in two public code bases (GitHub code search)",
    confidence: "weak",
    codes: [{ code: "327.52", display: "Sleep related leg cramps" }],
  },
  {
    id: "leg-cramps.snomed",
    system: "snomed",
    legSpecific: true,
    source:
      "449918009: Thai ANC FHIR IG examples (FSH, $SCT#449918009 \"Cramp in lower leg\"); 449917004: the CADEC corpus's " +
      "SNOMED CT annotations code \"leg cramps\" as 449917004 (36 mentions; 449918009 three times)",
    confidence: "weak",
    codes: [
      { code: "449918009", display: "Cramp in lower leg" },
      { code: "449917004", display: "Cramp in lower limb" },
    ],
  },
  {
    id: "leg-cramps.snomed.site-unspecified",
    system: "snomed",
    legSpecific: false,
    source: "SNOMED CT browser links in public mapping tables (55300003 \"Cramp (finding)\", also shown as \"Muscle cramp\")",
    codes: [{ code: "55300003", display: "Cramp" }],
  },
];

/**
 * Last resort when no coding is a leg-cramp code: the record's text (code.text and coding displays) names leg
 * cramps. Regular-expression fragments, matched case-insensitively between word boundaries.
 */
export const LEG_CRAMP_NAME_PATTERNS: readonly string[] = [
  "(?:leg|calf|calves|thigh|lower[- ]limb|lower[- ]leg)s? (?:muscle )?cramp(?:s|ing)?",
  "cramp(?:s|ing)? (?:in|of) (?:the )?(?:(?:left|right|both|bilateral) )?(?:muscles? of (?:the )?)?(?:legs?|calf|calves|thighs?|lower (?:limbs?|legs?))",
  "(?:nocturnal|night(?:time)?|sleep[- ]related) (?:leg |calf |muscle )?cramp(?:s|ing)?",
  "charley[- ]horse",
];

/**
 * Body sites other than the leg: a site-unspecified code (R25.2, 55300003) does not count when the record's
 * text names one of these and names no part of the leg. Same syntax as the patterns above.
 */
export const NON_LEG_SITE_WORDS: readonly string[] = [
  "hands?",
  "fingers?",
  "thumbs?",
  "wrists?",
  "arms?",
  "forearms?",
  "upper (?:limbs?|extremit(?:y|ies))",
  "writer'?s",
  "abdomen",
  "abdominal",
  "stomach",
  "bowel",
  "intestinal",
  "menstrual",
  "uterine",
  "jaw",
  "trismus",
  "neck",
  "back",
  "bladder",
  "rectal",
  "eyelids?",
  "face",
  "facial",
];

/** Words that name (part of) the leg, which make a site-unspecified cramp code count whatever else is named. */
export const LEG_SITE_WORDS: readonly string[] = ["legs?", "calf", "calves", "thighs?", "lower (?:limbs?|legs?|extremit(?:y|ies))", "feet", "foot", "nocturnal", "night"];

/** A leg-cramp Condition that is not active still counts when it was recorded within this many months. */
export const LEG_CRAMP_RECENT_MONTHS = 12;
