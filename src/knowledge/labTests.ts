/**
 * The lab tests whose results can point to a documented cause (docs/spec/lab-results.md, "Which results
 * are read"), by LOINC code, and what the app knows about LOINC itself: the system URIs it is sent under,
 * the codes whose check digit LOINC lists as wrong, and the race-specific eGFR pairs. Panels, challenge
 * tests and procedure codes are deliberately absent. Data only: the rules that interpret the results live
 * beside it, the check-digit rule in src/engine/labs/loinc.ts.
 */
import type { Citation } from "./types";

export type LabTestId = "egfr" | "hemoglobin" | "hba1c" | "glucose" | "tsh";

export const LOINC_SYSTEM = "http://loinc.org";

/** LOINC's OID as a URI: the same code system (lab-results.md, "What real laboratories send"). */
const LOINC_OID_SYSTEM = "urn:oid:2.16.840.1.113883.6.1";

/** Every system URI a LOINC coding may carry (SYSTEMS.loinc; the engine reads a system through systemKeyOf). */
export const LOINC_SYSTEMS: readonly string[] = [LOINC_SYSTEM, LOINC_OID_SYSTEM];

/** Where the two facts about LOINC the app relies on come from. */
export const LOINC_SOURCES: Readonly<Record<"system" | "checkDigit", Citation>> = {
  system: {
    title: "HL7 Terminology (THO) CodeSystem v3-loinc: url http://loinc.org, identifier urn:oid:2.16.840.1.113883.6.1",
    date: "2022-11-22",
    url: "https://terminology.hl7.org/CodeSystem-v3-loinc.html",
  },
  checkDigit: {
    title: "LOINC Users' Guide, appendix C: Calculating Mod 10 Check Digits (with the 14 terms known to have invalid check digits)",
    date: "2023-08-16",
    url: "https://loinc.org/kb/users-guide/calculating-mod-10-check-digits/",
  },
};

/**
 * The LOINC codes whose check digit LOINC's own Mod 10 rule does not give ("a known issue", all
 * deprecated): still LOINC codes, never "not a LOINC code" (LOINC_SOURCES.checkDigit).
 */
export const LOINC_INVALID_CHECK_DIGIT_CODES: readonly string[] = [
  "11491-6", "11501-6", "5895-7", "5896-5", "5897-3", "5928-1", "6028-3", "6415-5", "6580-7", "6645-7", "6646-5", "6647-3", "6648-1", "6649-9",
];

export const LAB_TEST_CODES: Readonly<Record<LabTestId, readonly string[]>> = {
  egfr: ["33914-3", "48642-3", "48643-1", "50044-7", "50210-4", "50384-7", "62238-1", "69405-9", "70969-1", "77147-7", "88293-6", "88294-4", "94677-2", "98979-8", "98980-6"],
  hemoglobin: ["718-7", "20509-6", "30313-1", "30350-3", "30351-1", "30352-9", "59260-0", "75928-2", "93846-4", "97550-8"],
  hba1c: ["4548-4", "4549-2", "17855-8", "17856-6"],
  glucose: [
    "2339-0", "2340-8", "2341-6", "2345-7", "32016-8", "41651-1", "41652-9", "41653-7", "74774-1", "1556-0", "1557-8", "1558-6", "41604-0", "53049-3",
    "14743-9", "14749-6", "14770-2", "14771-0", "15074-8", "39480-9", "39481-7", "51596-5", "72516-8", "76629-5", "77135-2", "77145-1", "100746-7",
  ],
  tsh: ["3016-3", "11579-0", "11580-8"],
};

/** Every LOINC code the app reads, in table order (the Observation search's `code=` list). */
export const LAB_LOINC_CODES: readonly string[] = Object.values(LAB_TEST_CODES).flat();

/**
 * eGFR reported twice from one draw, for Black and for non-Black patients (before 2022's race-free
 * equations): lab-results.md uses the non-race-specific result of the same draw, else the lower of the
 * pair, once. Each pair is one estimating equation.
 */
export interface RaceSpecificEgfrPair {
  equation: string;
  /** "…predicted among blacks". */
  black: string;
  /** "…predicted among non-blacks". */
  nonBlack: string;
}

export const EGFR_RACE_SPECIFIC_PAIRS: readonly RaceSpecificEgfrPair[] = [
  { equation: "MDRD", black: "48643-1", nonBlack: "48642-3" },
  { equation: "CKD-EPI (2009)", black: "88293-6", nonBlack: "88294-4" },
];

/** Where the pairs' meanings were verified. */
export const EGFR_RACE_SPECIFIC_SOURCE: Citation = {
  title:
    "LOINC names of 48642-3 / 48643-1 (GFR/1.73 sq M.predicted among non-blacks / among blacks, MDRD) and 88294-4 / 88293-6 (the same, CKD-EPI), as listed with their OHDSI Athena concepts in zietzm/phenotype_standardization omop_phenotypes/reduced_egfr/README.md and in OHDSI DataQualityDashboard inst/csv/OMOP_CDMv5.4_Concept_Level.csv",
  date: "2023",
  url: "https://github.com/zietzm/phenotype_standardization/blob/92d1d95b77a3057892b1e39551b45f87ed49b8ee/omop_phenotypes/reduced_egfr/README.md",
};
