/**
 * Hand-made patients for lab results as evidence (docs/spec/lab-results.md): every rule, the unit
 * conversions and spellings, comparators, statuses, the current/past boundaries (exactly 90 and 365 days,
 * one day more), the pregnancy hemoglobin cut-off, a child's cut-off, a unit the app does not know, findings
 * that rest on results alone and coded findings joined by results. Every date is relative to the `now`
 * passed in. The expected findings are written on each patient and checked by tests/ui/labPatients.test.tsx.
 */
import type { Coding } from "fhir/r4";
import type { DemoPatient } from "../demoPatient";
import { COND } from "../codes";
import { condition, daysBefore, patient } from "../builders";
import { labResult } from "./labBuilders";
import { REAL_LAB_PATIENTS } from "./realLabs";

const EGFR = "mL/min/{1.73_m2}";
const snomed = (code: string, display: string): Coding => ({ system: "http://snomed.info/sct", code, display });
const icd10 = (code: string, display: string): Coding => ({ system: "http://hl7.org/fhir/sid/icd-10-cm", code, display });

/** What a lab demo patient is expected to show: cause → [data-current, data-strength, data-basis]. */
export type ExpectedLabFindings = Record<string, [current: boolean, strength: string, basis: "record" | "lab"]>;

export interface LabDemoPatient extends DemoPatient {
  expected: ExpectedLabFindings;
}

const karl = "labs-kidney-failure";
/**
 * Kidney failure by results alone: eGFR 44 → 24 → 13 → 11 over 500 days (13 and 11 are 105 days apart, both
 * below 15, nothing at 15 or more between): KDIGO G5, a current known cause, resting on results only. Also
 * "> 90" years ago (a normal result), eGFR written "mL/min/1.73m2" as text only, a preliminary 8 two days ago
 * (listed, not interpreted) and a cancelled 70 (left out).
 */
export const labsKidneyFailure: LabDemoPatient = {
  id: karl,
  label: "Karl Kidney",
  description: "eGFR falling to 13 and 11, 105 days apart, no kidney diagnosis coded: kidney failure suggested by lab results (known cause).",
  expected: {
    "chronic-kidney-disease": [true, "known-cause", "lab"],
    "older-age": [true, "raises-risk", "record"],
  },
  resources: (now) => [
    patient({ id: karl, given: ["Karl"], family: "Kidney", gender: "male", birthDate: "1950-03-02" }),
    labResult({ id: "kk-egfr-900", patientId: karl, test: "egfrMdrd", value: 90, comparator: ">", code: EGFR, date: daysBefore(now, 900) }),
    labResult({ id: "kk-egfr-500", patientId: karl, test: "egfrCkdEpi", value: 44, unit: "mL/min/1.73m2", date: daysBefore(now, 500) }),
    labResult({ id: "kk-egfr-300", patientId: karl, test: "egfrCkdEpi", value: 24, code: EGFR, date: daysBefore(now, 300) }),
    labResult({ id: "kk-egfr-130", patientId: karl, test: "egfrCkdEpi", value: 13, code: EGFR, date: daysBefore(now, 130) }),
    labResult({ id: "kk-egfr-25", patientId: karl, test: "egfrCkdEpi", value: 11, code: EGFR, date: daysBefore(now, 25) }),
    labResult({ id: "kk-egfr-prelim", patientId: karl, test: "egfrCkdEpi", value: 8, code: EGFR, status: "preliminary", date: daysBefore(now, 2) }),
    labResult({ id: "kk-egfr-cancelled", patientId: karl, test: "egfrCkdEpi", value: 70, code: EGFR, status: "cancelled", date: daysBefore(now, 5) }),
  ],
};

const dora = "labs-coded-joined";
/**
 * Coded chronic kidney disease (stage 3) and type 2 diabetes, each joined by the results that meet the rule:
 * eGFR 52, 49, 55 (CKD-EPI 2021) and HbA1c 7.1 % then 58 mmol/mol (IFCC). One finding per cause, the results
 * as extra evidence. Hemoglobin 128 g/L (12.8 g/dL) and glucose 5.6 mmol/L are normal.
 */
export const labsCodedJoined: LabDemoPatient = {
  id: dora,
  label: "Dora Joined",
  description: "Coded CKD stage 3 and type 2 diabetes, joined by eGFR below 60 and HbA1c over 6.5 % (one in mmol/mol).",
  expected: {
    "chronic-kidney-disease": [true, "sometimes-linked", "record"],
    "type-2-diabetes": [true, "sometimes-linked", "record"],
    "older-age": [true, "raises-risk", "record"],
  },
  resources: (now) => [
    patient({ id: dora, given: ["Dora"], family: "Joined", gender: "female", birthDate: "1958-08-19" }),
    condition({
      id: "dj-cond-ckd3", patientId: dora, text: "Chronic kidney disease stage 3",
      codings: [icd10("N18.30", "Chronic kidney disease, stage 3 unspecified"), snomed("433144002", "Chronic kidney disease stage 3 (disorder)")],
      clinical: "active", verification: "confirmed", category: "problem-list-item", onset: "2022-04-11",
    }),
    condition({
      id: "dj-cond-t2dm", patientId: dora, text: "Type 2 diabetes mellitus",
      codings: [icd10("E11.9", "Type 2 diabetes mellitus without complications"), snomed("44054006", "Diabetes mellitus type 2 (disorder)")],
      clinical: "active", verification: "confirmed", category: "problem-list-item", onset: "2015-06-02",
    }),
    labResult({ id: "dj-egfr-320", patientId: dora, test: "egfrCkdEpi2021", value: 52, code: EGFR, date: daysBefore(now, 320) }),
    labResult({ id: "dj-egfr-160", patientId: dora, test: "egfrCkdEpi2021", value: 49, code: EGFR, date: daysBefore(now, 160) }),
    labResult({ id: "dj-egfr-12", patientId: dora, test: "egfrCkdEpi2021", value: 55, code: EGFR, date: daysBefore(now, 12) }),
    labResult({ id: "dj-hba1c-210", patientId: dora, test: "hba1c", value: 7.1, code: "%", date: daysBefore(now, 210) }),
    labResult({ id: "dj-hba1c-35", patientId: dora, test: "hba1cHplc", value: 58, code: "mmol/mol", date: daysBefore(now, 35) }),
    labResult({ id: "dj-hb-40", patientId: dora, test: "hemoglobin", value: 128, code: "g/L", date: daysBefore(now, 40) }),
    labResult({ id: "dj-glucose-35", patientId: dora, test: "glucoseMoles", value: 5.6, code: "mmol/L", date: daysBefore(now, 35) }),
  ],
};

const anna = "labs-anemia-boundary";
/**
 * Anemia suggested by a hemoglobin of 6.9 mmol/L (11.1 g/dL, below the adult female 12.0) dated exactly 365
 * days ago: still current (the window includes its end). A later hemoglobin in "mg/mmol", a unit the app
 * does not know, is listed and never interpreted. Glucose "< 3.0 mmol/L" 91 days ago: low blood sugar, past
 * (one day outside 90).
 */
export const labsAnemiaBoundary: LabDemoPatient = {
  id: anna,
  label: "Anna Boundary",
  description: "Hemoglobin 6.9 mmol/L exactly 365 days ago (anemia, current), one in an unknown unit, glucose <3.0 mmol/L 91 days ago (past).",
  expected: {
    anemia: [true, "sometimes-linked", "lab"],
    hypoglycemia: [false, "sometimes-linked", "lab"],
  },
  resources: (now) => [
    patient({ id: anna, given: ["Anna"], family: "Boundary", gender: "female", birthDate: "1988-02-10" }),
    labResult({ id: "ab-hb-700", patientId: anna, test: "hemoglobin", value: 135, code: "g/L", date: daysBefore(now, 700) }),
    labResult({ id: "ab-hb-365", patientId: anna, test: "hemoglobinMoles", value: 6.9, code: "mmol/L", date: daysBefore(now, 365) }),
    labResult({ id: "ab-hb-unknown-unit", patientId: anna, test: "hemoglobin", value: 7.4, code: "mg/mmol", date: daysBefore(now, 10) }),
    labResult({ id: "ab-glucose-91", patientId: anna, test: "glucoseMoles", value: 3.0, comparator: "<", code: "mmol/L", date: daysBefore(now, 91) }),
    labResult({ id: "ab-glucose-20", patientId: anna, test: "glucoseSerum", value: 92, code: "mg/dL", date: daysBefore(now, 20) }),
  ],
};

const theo = "labs-thyroid-low";
/**
 * Underactive thyroid suggested by the most recent TSH, 14.2 uIU/mL (amended, 120 days ago). TSH written
 * mIU/L, µIU/mL (unit text only) and uIU/mL. An entered-in-error 0.02 is left out; a "registered" 9.0 is
 * listed as not final.
 */
export const labsThyroidLow: LabDemoPatient = {
  id: theo,
  label: "Theo Thyroid",
  description: "Most recent TSH 14.2 uIU/mL (amended, 120 days ago): underactive thyroid suggested by lab results; TSH unit spellings.",
  expected: { hypothyroidism: [true, "sometimes-linked", "lab"] },
  resources: (now) => [
    patient({ id: theo, given: ["Theo"], family: "Thyroid", gender: "male", birthDate: "1972-11-05" }),
    labResult({ id: "tt-tsh-800", patientId: theo, test: "tsh", value: 2.1, code: "mIU/L", date: daysBefore(now, 800) }),
    labResult({ id: "tt-tsh-500", patientId: theo, test: "tshSensitive", value: 4.2, unit: "µIU/mL", date: daysBefore(now, 500) }),
    labResult({ id: "tt-tsh-120", patientId: theo, test: "tsh", value: 14.2, unit: "uIU/mL", status: "amended", date: daysBefore(now, 120) }),
    labResult({ id: "tt-tsh-error", patientId: theo, test: "tsh", value: 0.02, code: "m[IU]/L", status: "entered-in-error", date: daysBefore(now, 5) }),
    labResult({ id: "tt-tsh-registered", patientId: theo, test: "tsh005", value: 9, code: "u[IU]/mL", status: "registered", date: daysBefore(now, 3) }),
  ],
};

const hana = "labs-hyper-diabetes";
/**
 * Overactive thyroid suggested by TSH "< 0.01 mIU/L" (corrected) 366 days ago: past, one day outside 365.
 * Diabetes of unrecorded type from HbA1c exactly 6.5 % and exactly 48 mmol/mol on different days (both meet
 * "6.5 % or more"). Glucose 52 mg/dL exactly 90 days ago: low blood sugar, current.
 */
export const labsHyperDiabetes: LabDemoPatient = {
  id: hana,
  label: "Hana Hyper",
  description: "TSH <0.01 366 days ago (overactive thyroid, past), HbA1c 6.5 % and 48 mmol/mol (diabetes, type not recorded), glucose 52 mg/dL 90 days ago.",
  expected: {
    hyperthyroidism: [false, "sometimes-linked", "lab"],
    "type-2-diabetes": [true, "sometimes-linked", "lab"],
    hypoglycemia: [true, "sometimes-linked", "lab"],
  },
  resources: (now) => [
    patient({ id: hana, given: ["Hana"], family: "Hyper", gender: "female", birthDate: "1979-05-23" }),
    labResult({ id: "hh-tsh-900", patientId: hana, test: "tsh", value: 2.0, code: "m[IU]/L", date: daysBefore(now, 900) }),
    labResult({ id: "hh-tsh-366", patientId: hana, test: "tshSensitive", value: 0.01, comparator: "<", code: "m[IU]/L", unit: "mIU/L", status: "corrected", date: daysBefore(now, 366) }),
    labResult({ id: "hh-hba1c-400", patientId: hana, test: "hba1c", value: 6.5, code: "%", date: daysBefore(now, 400) }),
    labResult({ id: "hh-hba1c-100", patientId: hana, test: "hba1cHplc", value: 48, code: "mmol/mol", date: daysBefore(now, 100) }),
    labResult({ id: "hh-glucose-90", patientId: hana, test: "glucoseBlood", value: 52, code: "mg/dL", date: daysBefore(now, 90) }),
  ],
};

/** An active pregnancy that began `days` before now (current: within about 42 weeks). */
const pregnancy = (now: Date, id: string, prefix: string, days: number) =>
  condition({
    id: `${prefix}-cond-pregnancy`, patientId: id, codings: [COND.pregnancySnomed], text: "Pregnancy",
    clinical: "active", verification: "confirmed", category: "problem-list-item",
    onset: daysBefore(now, days), recorded: daysBefore(now, days - 5),
  });

const petra = "labs-pregnancy-normal";
/**
 * A current pregnancy (70 days) and hemoglobin 11.0 g/dL three weeks ago: below the adult 12.0 but not below
 * the pregnancy cut-off 10.5, so no anemia. A 12.6 g/dL before the pregnancy.
 */
export const labsPregnancyNormal: LabDemoPatient = {
  id: petra,
  label: "Petra Pregnant",
  description: "Current pregnancy; hemoglobin 11.0 g/dL three weeks ago is above the pregnancy cut-off 10.5: no anemia.",
  expected: { pregnancy: [true, "raises-risk", "record"] },
  resources: (now) => [
    patient({ id: petra, given: ["Petra"], family: "Pregnant", gender: "female", birthDate: "1996-09-30" }),
    pregnancy(now, petra, "pp", 70),
    labResult({ id: "pp-hb-300", patientId: petra, test: "hemoglobin", value: 12.6, code: "g/dL", date: daysBefore(now, 300) }),
    labResult({ id: "pp-hb-21", patientId: petra, test: "hemoglobin", value: 11.0, code: "g/dL", date: daysBefore(now, 21) }),
  ],
};

const paula = "labs-pregnancy-anemia";
/**
 * A current pregnancy (100 days) and hemoglobin 10.2 g/dL two weeks ago: below the pregnancy cut-off 10.5,
 * anemia suggested by lab results. An 11.8 g/dL before the pregnancy (not the most recent).
 */
export const labsPregnancyAnemia: LabDemoPatient = {
  id: paula,
  label: "Paula Pregnant",
  description: "Current pregnancy; hemoglobin 10.2 g/dL two weeks ago is below the pregnancy cut-off 10.5: anemia suggested by lab results.",
  expected: {
    pregnancy: [true, "raises-risk", "record"],
    anemia: [true, "sometimes-linked", "lab"],
  },
  resources: (now) => [
    patient({ id: paula, given: ["Paula"], family: "Pregnant", gender: "female", birthDate: "1993-01-17" }),
    pregnancy(now, paula, "pa", 100),
    labResult({ id: "pa-hb-250", patientId: paula, test: "hemoglobin", value: 11.8, code: "g/dL", date: daysBefore(now, 250) }),
    labResult({ id: "pa-hb-14", patientId: paula, test: "hemoglobin", value: 10.2, code: "g/dL", date: daysBefore(now, 14) }),
  ],
};

const milo = "labs-child-anemia";
/** A three-year-old with hemoglobin 10.8 g/dL a month ago: below the 2–4 years cut-off 11.0, anemia suggested by lab results. */
export const labsChildAnemia: LabDemoPatient = {
  id: milo,
  label: "Milo Minor",
  description: "A three-year-old; hemoglobin 10.8 g/dL a month ago is below the 2–4 years cut-off 11.0: anemia suggested by lab results.",
  expected: { anemia: [true, "sometimes-linked", "lab"] },
  resources: (now) => [
    patient({ id: milo, given: ["Milo"], family: "Minor", gender: "male", birthDate: daysBefore(now, 3 * 365 + 120) }),
    labResult({ id: "mm-hb-30", patientId: milo, test: "hemoglobin", value: 10.8, code: "g/dL", date: daysBefore(now, 30) }),
  ],
};

export const LAB_PATIENTS: LabDemoPatient[] = [
  labsKidneyFailure,
  labsCodedJoined,
  labsAnemiaBoundary,
  labsThyroidLow,
  labsHyperDiabetes,
  labsPregnancyNormal,
  labsPregnancyAnemia,
  labsChildAnemia,
  // What real laboratories send (realLabs.ts).
  ...REAL_LAB_PATIENTS,
];
