/**
 * How lab results count as evidence (docs/spec/lab-results.md): for each test its units and conversions,
 * for each rule its cut-off, time windows and the published definition it restates, and the hemoglobin
 * cut-off table. Data only: src/engine/labs interprets it. The LOINC codes live in labTests.ts.
 */
import { DIABETES_TYPE_NOT_RECORDED_NOTE } from "./conventions";
import type { LabTestId } from "./labTests";
import type { CauseId, Citation, Strength } from "./types";

/** A unit a test's result may be reported in. */
export interface LabUnit {
  /** The unit as the app writes it (also the key of LabCutoff.inUnit). */
  label: string;
  /** Accepted spellings, lower case without white space (the engine normalises the result's unit the same way). */
  spellings: readonly string[];
  /** Also accepted: any unit that starts with this (same normalisation). */
  prefix?: string;
  /** To the test's unit: value × scale + offset. */
  scale: number;
  offset?: number;
  /**
   * Cut-offs are compared in this unit itself, against the rule's `inUnit` value: the conversion above only
   * places the value on the chart (lab-results.md: "compare in its own unit").
   */
  comparedInOwnUnit?: boolean;
  /** Where a conversion that is not a plain factor of the specification comes from. */
  conversionSource?: string;
}

/**
 * The values a result of the test can take at all. Outside them a result is a recording or unit error: it is
 * flagged and never interpreted (an app rule from issue 23, "implausible values flagged"; lab-results.md itself
 * sets no limits). The limits and their sources: LAB_PLAUSIBILITY_SOURCES.
 */
export interface LabPlausibility {
  /** In the test's unit. */
  low: number;
  /** `low` itself is plausible (else only values above it are). */
  lowInclusive: boolean;
  /** In the test's unit, inclusive; absent: no upper limit. */
  high?: number;
  /** The limits for a unit compared in its own unit, by unit label (HbA1c in mmol/mol). */
  inUnit?: Readonly<Record<string, { low: number; high?: number }>>;
}

/** Where a test's plausible values come from (LAB_PLAUSIBILITY_SOURCES; docs only, not in the app's bundle). */
export interface LabPlausibilitySource {
  /** One sentence. */
  basis: string;
  citation: Citation;
}

/** A result reported with no unit at all that is read in one unit, in a range where no other reading is possible. */
export interface LabUnitless {
  /** The unit label it is read in. */
  unit: string;
  /** Inclusive range of values read so. */
  from: number;
  to: number;
  /** Said with each such result. */
  note: string;
}

export interface LabTest {
  id: LabTestId;
  /** Short label shown with each result ("eGFR"). */
  label: string;
  /** What the test measures, in words. */
  name: string;
  /** The test's unit: the rules' cut-offs and the chart use it. */
  unit: string;
  units: readonly LabUnit[];
  /** How a result with no unit is read, when it can be (HbA1c); otherwise it is "unit not recognised". */
  unitless?: LabUnitless;
  plausible: LabPlausibility;
}

/**
 * A cut-off. A plain value meets it when strictly beyond `value` (or at it, when `inclusive`). A value
 * with a comparator follows lab-results.md: `<`/`<=` is below C when value ≤ C and never above; `>`/`>=`
 * is above C when value ≥ C and never below.
 */
export interface LabCutoff {
  direction: "below" | "above";
  /** In the test's unit. */
  value: number;
  inclusive: boolean;
  /** The same cut-off for a unit compared in its own unit, by unit label. */
  inUnit?: Readonly<Record<string, number>>;
}

/** When a rule's results suggest the cause. */
export type LabCondition =
  /**
   * Two results meet the cut-off, dated at least `apartDays` apart, with no result at or beyond it (the
   * opposite side, plain value at the cut-off included) dated between them; with `latestToo`, the most
   * recent result must meet it as well.
   */
  | { kind: "sustained"; apartDays: number; latestToo: boolean }
  /** The most recent result meets the cut-off. */
  | { kind: "latest" }
  /** Two results meet it on different days. */
  | { kind: "repeated"; differentDays: true }
  /** Any result meets it. */
  | { kind: "any" };

/** When a rule that holds is current (never for a deceased patient). */
export type LabCurrency =
  /** The most recent result of the test meets the rule's cut-off. */
  | { kind: "latest-meets" }
  /** The most recent result (or the most recent qualifying one) is dated within `days` days of today. */
  | { kind: "within-days"; days: number; of: "latest" | "latest-qualifying" }
  /** Always (the condition does not resolve). */
  | { kind: "always" };

export interface LabRule {
  id: string;
  cause: CauseId;
  test: LabTestId;
  /** A fixed cut-off, or the hemoglobin table (by age, sex and pregnancy on the result's date). */
  cutoff: LabCutoff | "hemoglobin-table";
  condition: LabCondition;
  current: LabCurrency;
  /** Strength of the finding while this rule holds and is current, when stronger than the cause's own. */
  strength?: Strength;
  /** If the record already has a finding for one of these causes, the results join it instead of `cause`. */
  joins?: readonly CauseId[];
  /** Note on each result when none of `joins` is in the record and the results make a finding of their own. */
  aloneNote?: string;
  /** One line: what the results show. */
  reason: string;
  /** Notes shown with every result this rule uses. */
  notes?: readonly string[];
  /** The published definition, restated in a few words. */
  definition: string;
  citation: Citation;
}

/** Two results below the eGFR cut-off must be at least this many days apart (KDIGO: more than 3 months). */
const LAB_CHRONIC_APART_DAYS = 90;
/** A low hemoglobin or abnormal TSH is current when dated within this many days. */
const LAB_RECENT_DAYS = 365;
/** A low glucose is current when dated within this many days. */
const LAB_HYPOGLYCEMIA_RECENT_DAYS = 90;
/** Hemoglobin before this age (in months) is not interpreted. */
export const HEMOGLOBIN_MIN_AGE_MONTHS = 6;

/** How a result's unit is read (lab-results.md). */
export const LAB_UNIT_MATCHING = "UCUM code preferred, else the unit text; compared case-insensitively, ignoring spaces";

/** Exeter Diabetes: acceptable limits of biomarker values in electronic health records (EHRBiomarkr). */
const EXETER_LIMITS: Citation = {
  title:
    "Exeter Diabetes team, EHRBiomarkr: biomarker acceptable limits (data-raw/biomarker_acceptable_limits.yaml: haemoglobin 30–250 g/L, HbA1c 20–195 mmol/mol), used to clean CPRD primary-care records",
  date: "2024",
  url: "https://github.com/Exeter-Diabetes/EHRBiomarkr/blob/290b965523d134648d099cd2db104e0dcd456a22/data-raw/biomarker_acceptable_limits.yaml",
};

/** FHIR Quantity: a value beyond what was measurable carries a comparator, so a plain zero is no measurement. */
const NOT_A_MEASUREMENT: Citation = {
  title: "FHIR R4 Quantity.comparator: how the value should be understood when the actual value is greater or less than the stated value due to measurement issues",
  date: "2019-10-30",
  url: "http://hl7.org/fhir/R4/datatypes-definitions.html#Quantity.comparator",
};


export const LAB_TESTS: Readonly<Record<LabTestId, LabTest>> = {
  egfr: {
    id: "egfr",
    label: "eGFR",
    name: "estimated glomerular filtration rate",
    unit: "mL/min/1.73 m²",
    units: [{ label: "mL/min/1.73 m²", spellings: [], prefix: "ml/min", scale: 1 }],
    plausible: {
      low: 0,
      lowInclusive: false,
    },
  },
  hemoglobin: {
    id: "hemoglobin",
    label: "Hemoglobin",
    name: "hemoglobin concentration in blood",
    unit: "g/dL",
    units: [
      { label: "g/dL", spellings: ["g/dl", "gm/dl"], scale: 1 },
      { label: "g/L", spellings: ["g/l"], scale: 0.1 },
      { label: "mmol/L", spellings: ["mmol/l"], scale: 1.611 },
    ],
    plausible: {
      low: 3,
      lowInclusive: true,
      high: 25,
    },
  },
  hba1c: {
    id: "hba1c",
    label: "HbA1c",
    name: "hemoglobin A1c",
    unit: "%",
    units: [
      // "%{HbA1c}" is UCUM's annotated percent; "% of total Hgb" is how some laboratories print it.
      { label: "%", spellings: ["%", "%{hba1c}", "%oftotalhgb"], scale: 1 },
      {
        label: "mmol/mol",
        spellings: ["mmol/mol"],
        scale: 0.09148,
        offset: 2.152,
        comparedInOwnUnit: true,
        conversionSource: "IFCC–NGSP master equation, % = 0.09148 × mmol/mol + 2.152 (NGSP, http://www.ngsp.org/ifcc.asp): for the chart only",
      },
    ],
    unitless: {
      unit: "%",
      from: 3,
      to: 20,
      note: "Reported without a unit: read as % (lab-results.md: an HbA1c of 3 to 20 with no unit is a percentage).",
    },
    plausible: {
      low: 3.98,
      lowInclusive: true,
      high: 19.99,
      inUnit: { "mmol/mol": { low: 20, high: 195 } },
    },
  },
  glucose: {
    id: "glucose",
    label: "Glucose",
    name: "glucose concentration",
    unit: "mg/dL",
    units: [
      { label: "mg/dL", spellings: ["mg/dl"], scale: 1 },
      { label: "mmol/L", spellings: ["mmol/l"], scale: 18, comparedInOwnUnit: true },
    ],
    plausible: {
      low: 0,
      lowInclusive: false,
    },
  },
  tsh: {
    id: "tsh",
    label: "TSH",
    name: "thyroid-stimulating hormone",
    unit: "mIU/L",
    units: [
      // µ as the micro sign (U+00B5) and as the Greek letter mu (U+03BC): the same symbol to a reader.
      // mU/L and µU/mL (uU/mL) are the same quantities written without the I of "international".
      {
        label: "mIU/L",
        spellings: ["miu/l", "m[iu]/l", "uiu/ml", "u[iu]/ml", "\u00b5iu/ml", "\u03bciu/ml", "mu/l", "\u00b5u/ml", "\u03bcu/ml", "uu/ml"],
        scale: 1,
      },
    ],
    plausible: {
      low: 0,
      lowInclusive: false,
    },
  },
};

/** Where each test's plausible values (LabTest.plausible) come from: rendered in docs/lab-rules.md. */
export const LAB_PLAUSIBILITY_SOURCES: Readonly<Record<LabTestId, LabPlausibilitySource>> = {
  egfr: {
    basis:
      "an eGFR of zero (or less) is not an estimate any equation gives; no upper limit applies (high values never meet a rule)",
    citation: NOT_A_MEASUREMENT,
  },
  hemoglobin: {
    basis:
      "haemoglobin 30–250 g/L (3.0–25.0 g/dL), the acceptable limits of the Exeter Diabetes team's EHR biomarker cleaning",
    citation: EXETER_LIMITS,
  },
  hba1c: {
    basis:
      "HbA1c 20–195 mmol/mol, the acceptable limits of the Exeter Diabetes team's EHR biomarker cleaning; in % by the IFCC–NGSP master equation (3.98–19.99 %)",
    citation: EXETER_LIMITS,
  },
  glucose: {
    basis:
      "above zero (a laboratory reports glucose below what it can measure with \"<\"); no other limit: one any higher would hide real severe hypoglycaemia, and high values never meet a rule",
    citation: NOT_A_MEASUREMENT,
  },
  tsh: {
    basis: "above zero (an undetectable TSH is reported with \"<\"); no upper limit applies (any value above 10 meets the rule the same way)",
    citation: NOT_A_MEASUREMENT,
  },
};

/** The tests in the order lab-results.md lists them. */
export const LAB_TEST_ORDER: readonly LabTestId[] = ["egfr", "hemoglobin", "hba1c", "glucose", "tsh"];

/** One row of the hemoglobin cut-off table (g/dL; the patient's age on the result's date). */
export interface HemoglobinCutoffRow {
  who: string;
  /** Age band in whole months: from (inclusive) to (exclusive; absent = no upper limit). */
  fromMonths: number;
  toMonths?: number;
  /** Only for this sex (`other-or-unknown`: other, unknown or not recorded). */
  sex?: "female" | "male" | "other-or-unknown";
  /** During a current pregnancy: results dated on or after it began. */
  pregnant?: true;
  /** Anemia below this value; absent: not interpreted. */
  below?: number;
}

/**
 * WHO 2024 cut-offs as lab-results.md states them. The pregnancy row comes first and wins at any age from
 * 6 months: lab-results.md uses 10.5 g/dL throughout a current pregnancy (WHO's second-trimester value,
 * its lowest), so the app never calls anemia where WHO would not.
 */
export const HEMOGLOBIN_CUTOFFS: readonly HemoglobinCutoffRow[] = [
  { who: "under 6 months", fromMonths: 0, toMonths: HEMOGLOBIN_MIN_AGE_MONTHS },
  { who: "during a current pregnancy, results dated on or after its start", fromMonths: HEMOGLOBIN_MIN_AGE_MONTHS, pregnant: true, below: 10.5 },
  { who: "6–23 months", fromMonths: HEMOGLOBIN_MIN_AGE_MONTHS, toMonths: 24, below: 10.5 },
  { who: "2–4 years", fromMonths: 24, toMonths: 60, below: 11.0 },
  { who: "5–11 years", fromMonths: 60, toMonths: 144, below: 11.5 },
  { who: "12–14 years", fromMonths: 144, toMonths: 180, below: 12.0 },
  { who: "15 years and older, female", fromMonths: 180, sex: "female", below: 12.0 },
  { who: "15 years and older, male", fromMonths: 180, sex: "male", below: 13.0 },
  { who: "15 years and older, sex other or unknown", fromMonths: 180, sex: "other-or-unknown", below: 12.0 },
];

const KDIGO_2024: Citation = {
  title:
    "KDIGO 2024 Clinical Practice Guideline for the Evaluation and Management of Chronic Kidney Disease (Kidney International 2024;105(4S):S117–S314)",
  date: "March 13, 2024",
  url: "https://doi.org/10.1016/j.kint.2023.10.018",
};

const WHO_HEMOGLOBIN_2024: Citation = {
  title: "Guideline on haemoglobin cutoffs to define anaemia in individuals and populations (World Health Organization, Geneva)",
  date: "March 5, 2024",
  url: "https://www.who.int/publications/i/item/9789240088542",
};

const ADA_2025_DIAGNOSIS: Citation = {
  title:
    "2. Diagnosis and Classification of Diabetes: Standards of Care in Diabetes—2025 (American Diabetes Association; Diabetes Care 2025;48(Suppl. 1):S27–S49)",
  date: "January 2025",
  url: "https://doi.org/10.2337/dc25-S002",
};

const IHSG_2017: Citation = {
  title:
    "Glucose Concentrations of Less Than 3.0 mmol/L (54 mg/dL) Should Be Reported in Clinical Trials: A Joint Position Statement of the American Diabetes Association and the European Association for the Study of Diabetes (International Hypoglycaemia Study Group; Diabetes Care 2017;40(1):155–157)",
  date: "January 2017",
  url: "https://doi.org/10.2337/dc16-2215",
};

const ATA_AACE_2012_HYPOTHYROIDISM: Citation = {
  title:
    "Clinical Practice Guidelines for Hypothyroidism in Adults: Cosponsored by the American Association of Clinical Endocrinologists and the American Thyroid Association (Thyroid 2012;22(12):1200–1235)",
  date: "December 2012",
  url: "https://doi.org/10.1089/thy.2012.0205",
};

const ATA_2016_HYPERTHYROIDISM: Citation = {
  title:
    "2016 American Thyroid Association Guidelines for Diagnosis and Management of Hyperthyroidism and Other Causes of Thyrotoxicosis (Thyroid 2016;26(10):1343–1421)",
  date: "October 2016",
  url: "https://doi.org/10.1089/thy.2016.0229",
};

export const LAB_RULES: readonly LabRule[] = [
  {
    id: "lab.ckd.egfr-below-60",
    cause: "chronic-kidney-disease",
    test: "egfr",
    cutoff: { direction: "below", value: 60, inclusive: false },
    condition: { kind: "sustained", apartDays: LAB_CHRONIC_APART_DAYS, latestToo: false },
    current: { kind: "latest-meets" },
    reason: `Two eGFR results below 60, at least ${LAB_CHRONIC_APART_DAYS} days apart, with none of 60 or more between them`,
    definition: "KDIGO 2024 CKD guideline: GFR below 60 mL/min/1.73 m² for more than 3 months",
    citation: KDIGO_2024,
  },
  {
    id: "lab.ckd.egfr-below-15",
    cause: "chronic-kidney-disease",
    test: "egfr",
    cutoff: { direction: "below", value: 15, inclusive: false },
    condition: { kind: "sustained", apartDays: LAB_CHRONIC_APART_DAYS, latestToo: true },
    current: { kind: "latest-meets" },
    strength: "known-cause",
    reason: `Two eGFR results below 15, at least ${LAB_CHRONIC_APART_DAYS} days apart, with none of 15 or more between them, and the most recent below 15`,
    notes: [
      "The eGFR results meet KDIGO category G5 (below 15 mL/min/1.73 m²), kidney failure: the source names kidney failure as a known cause, and the stronger statement applies.",
    ],
    definition: "KDIGO 2024: GFR category G5 (below 15 mL/min/1.73 m²) is kidney failure",
    citation: KDIGO_2024,
  },
  {
    id: "lab.anemia.hemoglobin-low",
    cause: "anemia",
    test: "hemoglobin",
    cutoff: "hemoglobin-table",
    condition: { kind: "latest" },
    current: { kind: "within-days", days: LAB_RECENT_DAYS, of: "latest" },
    reason: "The most recent hemoglobin is below the cut-off for the patient's age and sex on that date",
    definition: "WHO 2024 guideline on haemoglobin cut-offs to define anaemia (by age, sex and pregnancy)",
    citation: WHO_HEMOGLOBIN_2024,
  },
  {
    id: "lab.diabetes.hba1c-high-twice",
    cause: "type-2-diabetes",
    test: "hba1c",
    cutoff: { direction: "above", value: 6.5, inclusive: true, inUnit: { "mmol/mol": 48 } },
    condition: { kind: "repeated", differentDays: true },
    current: { kind: "always" },
    joins: ["type-1-diabetes", "type-2-diabetes"],
    aloneNote: DIABETES_TYPE_NOT_RECORDED_NOTE,
    reason: "Two HbA1c results of 6.5 % (48 mmol/mol) or more on different days",
    definition: "ADA Standards of Care in Diabetes 2025, section 2: HbA1c 6.5 % (48 mmol/mol) or more; the diagnosis needs two abnormal results",
    citation: ADA_2025_DIAGNOSIS,
  },
  {
    id: "lab.hypoglycemia.glucose-below-54",
    cause: "hypoglycemia",
    test: "glucose",
    cutoff: { direction: "below", value: 54, inclusive: false, inUnit: { "mmol/L": 3.0 } },
    condition: { kind: "any" },
    current: { kind: "within-days", days: LAB_HYPOGLYCEMIA_RECENT_DAYS, of: "latest-qualifying" },
    reason: "A glucose result below 54 mg/dL (3.0 mmol/L)",
    definition: "ADA / International Hypoglycaemia Study Group: glucose below 54 mg/dL (3.0 mmol/L) is level 2, clinically significant hypoglycaemia",
    citation: IHSG_2017,
  },
  {
    id: "lab.hypothyroidism.tsh-above-10",
    cause: "hypothyroidism",
    test: "tsh",
    cutoff: { direction: "above", value: 10, inclusive: false },
    condition: { kind: "latest" },
    current: { kind: "within-days", days: LAB_RECENT_DAYS, of: "latest" },
    reason: "The most recent TSH is above 10 mIU/L",
    definition: "ATA/AACE 2012 hypothyroidism guideline: TSH above 10 mIU/L",
    citation: ATA_AACE_2012_HYPOTHYROIDISM,
  },
  {
    id: "lab.hyperthyroidism.tsh-below-0.1",
    cause: "hyperthyroidism",
    test: "tsh",
    cutoff: { direction: "below", value: 0.1, inclusive: false },
    condition: { kind: "latest" },
    current: { kind: "within-days", days: LAB_RECENT_DAYS, of: "latest" },
    reason: "The most recent TSH is below 0.1 mIU/L (suppressed)",
    notes: ["Too much thyroid hormone replacement suppresses TSH the same way: check the patient's medicines."],
    definition: "ATA 2016 hyperthyroidism guideline: suppressed TSH (below 0.1 mIU/L)",
    citation: ATA_2016_HYPERTHYROIDISM,
  },
];
