/**
 * One demo patient per EHR profile of issue 19: each carries the shapes its EHR is reported to send
 * (docs/ehr-guide.md), and the profile (mocks/profiles.ts) adds the server behaviour. On the plain
 * profile each reads as a clinician would read the chart; under its own profile the app must reach the
 * same conclusions or say exactly what it could not read.
 *
 * Dates are relative to `now` where currency depends on them. Codes come from ../codes.ts (with their
 * sources) or are cited here.
 */
import type { Coding, Medication, Observation } from "fhir/r4";
import type { DemoPatient } from "../demoPatient";
import { COND, MED, PROC } from "../codes";
import { condition, daysBefore, medRequest, medStatement, patient, procedure } from "../builders";
import { labResult, LOINC } from "./labBuilders";

/** A lab result whose value is text (MEDITECH, eClinicalWorks): valueString instead of valueQuantity. */
function textLab(id: string, patientId: string, test: keyof typeof LOINC, value: string, date: string): Observation {
  const base = labResult({ id, patientId, test, value: 0, date });
  delete base.valueQuantity;
  return { ...base, valueString: value };
}

// ---------------------------------------------------------------------------------------------- Epic
const epicId = "epic-encounter-dx";

/**
 * Epic: encounter diagnoses without clinicalStatus (32 of 48 in a published production export), among
 * them "Primary hypertension" three months ago (current by the 12-month window) and type 2 diabetes four
 * years ago (status not recorded, not current); an HbA1c with no unit at all; an active thiazide order.
 */
export const epicEncounterDx: DemoPatient = {
  id: epicId,
  label: "Edwin Encounterdx",
  description:
    "Epic: encounter diagnoses without clinicalStatus (primary hypertension 3 months ago, type 2 diabetes 4 years ago), a unit-less HbA1c, an active hydrochlorothiazide order.",
  profile: "epic",
  resources: (now) => [
    patient({ id: epicId, given: ["Edwin"], family: "Encounterdx", gender: "male", birthDate: "1961-02-11" }),
    condition({
      id: "epic-dx-htn", patientId: epicId, codings: [COND.htnIcd, COND.htnSnomed], text: "Primary hypertension",
      category: "encounter-diagnosis", recorded: daysBefore(now, 90),
    }),
    condition({
      id: "epic-dx-dm", patientId: epicId, codings: [COND.t2dmPolyneuropathyIcd], text: "Type 2 diabetes mellitus with diabetic polyneuropathy",
      category: "encounter-diagnosis", recorded: daysBefore(now, 4 * 365),
    }),
    condition({
      id: "epic-pl-hypothyroid", patientId: epicId, codings: [COND.hypothyroidIcd], text: "Hypothyroidism",
      category: "problem-list-item", clinical: "active", verification: "confirmed", onset: "2015-03-02", recorded: "2015-03-02",
    }),
    medRequest({
      id: "epic-dx-mr-hctz", patientId: epicId, status: "active", authoredOn: daysBefore(now, 90),
      med: { coding: [MED.hctz25], text: "hydrochlorothiazide 25 mg tablet" }, dosageText: "Take 1 tablet by mouth every morning",
    }),
    // Epic sent an HbA1c with no unit (issue 19): valueQuantity.value only.
    labResult({ id: "epic-dx-hba1c", patientId: epicId, test: "hba1c", value: 8.1, date: daysBefore(now, 30) }),
  ],
};

// ------------------------------------------------------------------------------------- Oracle Health
const oracleId = "oracle-home-meds";

/** Oracle Health: home medicines as MedicationRequests with intent `plan` (the profile turns statements into them). */
export const oracleHomeMeds: DemoPatient = {
  id: oracleId,
  label: "Olive Homemed",
  description: "Oracle Health: a home medicine (furosemide) recorded as intent 'plan', reported; an ordered amlodipine; hypertension.",
  profile: "oracle",
  resources: (now) => [
    patient({ id: oracleId, given: ["Olive"], family: "Homemed", gender: "female", birthDate: "1955-08-30" }),
    condition({
      id: "oracle-hm-htn", patientId: oracleId, codings: [COND.htnIcd], text: "Hypertension",
      category: "problem-list-item", clinical: "active", verification: "confirmed", onset: "2012-04-01",
    }),
    { ...medRequest({
      id: "oracle-hm-furosemide", patientId: oracleId, status: "active", intent: "plan", authoredOn: daysBefore(now, 200),
      med: { coding: [MED.furosemide40], text: "furosemide 40 mg tablet" }, dosageText: "40 mg, Oral, Daily (home medication)",
    }), reportedBoolean: true },
    medRequest({
      id: "oracle-hm-amlodipine", patientId: oracleId, status: "active", authoredOn: daysBefore(now, 120),
      med: { coding: [MED.amlodipine5], text: "amLODIPine 5 mg oral tablet" }, dosageText: "5 mg, Oral, Daily",
    }),
  ],
};

// ------------------------------------------------------------------------------------------ MEDITECH
const meditechId = "meditech-home-meds";

/**
 * MEDITECH: home medicines (here statements; the MEDITECH profile sends them as MedicationRequests with
 * intent `proposal` and reportedBoolean, status active: furosemide, lisinopril); chronic heart failure;
 * a hemoglobin as text ("15.0 gm/dL").
 */
export const meditechHomeMeds: DemoPatient = {
  id: meditechId,
  label: "Mabel Meditech",
  description:
    "MEDITECH: home medicines furosemide and lisinopril (the MEDITECH profile sends them as intent 'proposal' + reportedBoolean), heart failure, a hemoglobin as text '15.0 gm/dL'.",
  profile: "meditech",
  resources: (now) => [
    patient({ id: meditechId, given: ["Mabel"], family: "Meditech", gender: "female", birthDate: "1949-11-02" }),
    condition({
      id: "meditech-hf", patientId: meditechId, codings: [COND.heartFailureSnomed], text: "Chronic congestive heart failure",
      category: "problem-list-item", clinical: "active", verification: "confirmed", onset: "2020-06-15",
    }),
    medStatement({
      id: "meditech-home-furosemide", patientId: meditechId, status: "active",
      med: { coding: [MED.furosemide40], text: "furosemide 40 mg tablet" }, dateAsserted: daysBefore(now, 40),
    }),
    medStatement({
      id: "meditech-home-lisinopril", patientId: meditechId, status: "active",
      med: { coding: [MED.lisinopril10], text: "lisinopril 10 mg tablet" }, dateAsserted: daysBefore(now, 40),
    }),
    textLab("meditech-hgb", meditechId, "hemoglobin", "15.0 gm/dL", daysBefore(now, 20)),
  ],
};

// -------------------------------------------------------------------------------------- athenahealth
const athenaId = "athena-local-labs";

/**
 * athenahealth: a local lab code sent with the LOINC system (glucose 256 mg/dL coded "12809", which is
 * not the LOINC code of a glucose test: a code search by LOINC cannot find it); a real LOINC eGFR; an
 * active lisinopril order.
 */
export const athenaLocalLabs: DemoPatient = {
  id: athenaId,
  label: "Arthur Athena",
  description: "athenahealth: a glucose of 256 mg/dL under a local code labelled as LOINC ('12809'), an eGFR with its real LOINC code, lisinopril.",
  profile: "athena",
  resources: (now) => {
    const glucose: Observation = {
      ...labResult({ id: "athena-glucose-local", patientId: athenaId, test: "glucoseSerum", value: 256, code: "mg/dL", date: daysBefore(now, 14) }),
      code: { coding: [{ system: "http://loinc.org", code: "12809", display: "GLUCOSE" }], text: "GLUCOSE" },
    };
    return [
      patient({ id: athenaId, given: ["Arthur"], family: "Athena", gender: "male", birthDate: "1966-07-21" }),
      medRequest({
        id: "athena-mr-lisinopril", patientId: athenaId, status: "active", authoredOn: daysBefore(now, 60),
        med: { coding: [MED.lisinopril10], text: "lisinopril 10 mg tablet" }, dosageText: "1 tablet daily",
      }),
      glucose,
      labResult({ id: "athena-egfr", patientId: athenaId, test: "egfrCkdEpi2021", value: 52, code: "mL/min/{1.73_m2}", date: daysBefore(now, 14) }),
    ];
  },
};

// ---------------------------------------------------------------------------------- eClinicalWorks
const ecwId = "ecw-zero-date";

/**
 * NDC of furosemide 20 mg tablets (Par Pharmaceuticals, bottle of 100), 11-digit form of 0603-3739-21
 * [DailyMed / distributor catalogue "FUROSEMIDE TB 20MG", NDC 00603-3739-21].
 */
const NDC_FUROSEMIDE_20: Coding = { system: "http://hl7.org/fhir/sid/ndc", code: "00603373921" };

/**
 * eClinicalWorks: a living patient born in 1989 with deceasedDateTime 1899-12-30 (a database's zero
 * date); a medicine referenced to a Medication coded by NDC only, without display or text; an HbA1c
 * sent as text without a unit ("10"); active hypertension.
 */
export const ecwZeroDate: DemoPatient = {
  id: ecwId,
  label: "Ezra Zerodate",
  description: "eClinicalWorks: born 1989, deceasedDateTime 1899-12-30 (a zero date, not a death); an NDC-only Medication without display; an HbA1c as text '10' without unit.",
  profile: "ecw",
  resources: (now) => {
    const ndcOnly: Medication = { resourceType: "Medication", id: "ecw-med-ndc-furosemide", code: { coding: [NDC_FUROSEMIDE_20] } };
    return [
      patient({ id: ecwId, given: ["Ezra"], family: "Zerodate", gender: "male", birthDate: "1989-05-06", deceasedDateTime: "1899-12-30" }),
      condition({
        id: "ecw-htn", patientId: ecwId, codings: [COND.htnIcd], text: "Essential hypertension",
        category: "problem-list-item", clinical: "active", verification: "confirmed", onset: "2021-09-10",
      }),
      ndcOnly,
      medRequest({ id: "ecw-mr-furosemide", patientId: ecwId, status: "active", authoredOn: daysBefore(now, 30), med: { reference: `Medication/${ndcOnly.id}` } }),
      medRequest({
        id: "ecw-mr-amlodipine", patientId: ecwId, status: "active", authoredOn: daysBefore(now, 30),
        med: { coding: [MED.amlodipine5] },
      }),
      textLab("ecw-hba1c", ecwId, "hba1c", "10", daysBefore(now, 10)),
    ];
  },
};

// ------------------------------------------------------------------------------------------ NextGen
const nextgenId = "nextgen-paging";
const SESSIONS = 109;
const ORDERS = 60;

/**
 * NextGen: 109 dialysis sessions (three a week; the NextGen profile sends the first 50 and stops, while
 * its `total` says 109) and 60 monthly atorvastatin orders (two pages of 50 there, the second through a
 * next link whose base path changed case); chronic kidney disease stage 5.
 */
export const nextgenPaging: DemoPatient = {
  id: nextgenId,
  label: "Nora Nextpage",
  description: "NextGen: 109 dialysis sessions (the NextGen profile stops after 50 of 109) and 60 statin orders (paged through a next link in another case); CKD stage 5.",
  profile: "nextgen",
  resources: (now) => [
    patient({ id: nextgenId, given: ["Nora"], family: "Nextpage", gender: "female", birthDate: "1957-01-19" }),
    condition({
      id: "nextgen-ckd5", patientId: nextgenId, codings: [COND.ckd5Icd, COND.ckd5Snomed], text: "Chronic kidney disease stage 5",
      category: "problem-list-item", clinical: "active", verification: "confirmed", onset: "2022-02-01",
    }),
    ...Array.from({ length: SESSIONS }, (_, i) =>
      procedure({ id: `nextgen-dialysis-${i + 1}`, patientId: nextgenId, status: "completed", codings: [PROC.dialysis], performed: daysBefore(now, 2 + Math.floor((i * 7) / 3)) }),
    ),
    ...Array.from({ length: ORDERS }, (_, i) =>
      medRequest({
        id: `nextgen-statin-${i + 1}`, patientId: nextgenId, status: i === 0 ? "active" : "completed", authoredOn: daysBefore(now, 5 + i * 30),
        med: { coding: [MED.atorvastatin20], text: "atorvastatin 20 mg tablet" }, dosageText: "1 tablet at bedtime",
      }),
    ),
  ],
};

export const VENDOR_PATIENTS: DemoPatient[] = [epicEncounterDx, oracleHomeMeds, meditechHomeMeds, athenaLocalLabs, ecwZeroDate, nextgenPaging];

