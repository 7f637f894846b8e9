/**
 * Hand-made patients for what real laboratories send (docs/spec/lab-results.md, "What real laboratories
 * send"; issue 19 item 3, issue 20 item 9, issue 23 item 4): local codes labelled as LOINC, LOINC under its
 * OID, unit spellings, numbers written as text, an HbA1c without a unit, race-specific eGFR pairs, a value
 * no test can take and a newer result in a unit the app does not know. Dates are relative to `now`; the
 * expected findings are checked by tests/ui/labPatients.test.tsx, the panel states by tests/app and Chromium.
 */
import type { Observation } from "fhir/r4";
import { daysBefore, patient } from "../builders";
import { labResult, type LabInput } from "./labBuilders";
import type { LabDemoPatient } from "./labResults";

const EGFR = "mL/min/{1.73_m2}";

/** A lab result reshaped the way a real EHR sends it. */
function shaped(i: LabInput, change: (o: Observation) => void): Observation {
  const o = labResult(i);
  change(o);
  return o;
}

/** Its code replaced by one coding (a local code under LOINC's system, or LOINC under its OID). */
const recoded = (system: string, code: string, display: string) => (o: Observation) => {
  o.code = { coding: [{ system, code, display }], text: display };
};

/** Its value written as text, the unit (if any) in the reference range. */
const asText = (text: string, rangeUnit?: string) => (o: Observation) => {
  delete o.valueQuantity;
  o.valueString = text;
  if (rangeUnit) o.referenceRange = [{ low: { value: 60, unit: rangeUnit }, text: `>= 60 ${rangeUnit}` }];
};

const athena = "labs-local-codes";
/**
 * athenahealth-like: every lab result carries a local code under http://loinc.org ("12809" for glucose 256
 * mg/dL): no LOINC code at all. The search by LOINC code finds nothing, the search of all laboratory results
 * finds them, and none can be interpreted: the lab section is incomplete and the panel `partial` — never
 * "no documented causes found".
 */
export const labsLocalCodes: LabDemoPatient = {
  id: athena,
  label: "Alma Localcode",
  description: "Lab results coded with local codes labelled as LOINC (glucose \"12809\"): none can be interpreted, so the panel is partial.",
  expected: {},
  resources: (now) => [
    patient({ id: athena, given: ["Alma"], family: "Localcode", gender: "female", birthDate: "1975-08-14" }),
    shaped({ id: "al-glucose", patientId: athena, test: "glucoseSerum", value: 256, code: "mg/dL", date: daysBefore(now, 40) }, recoded("http://loinc.org", "12809", "GLUCOSE")),
    shaped({ id: "al-hgb", patientId: athena, test: "hemoglobin", value: 9.1, code: "g/dL", date: daysBefore(now, 40) }, recoded("http://loinc.org", "12810", "HGB")),
    shaped({ id: "al-tsh", patientId: athena, test: "tsh", value: 14.2, code: "m[IU]/L", date: daysBefore(now, 200) }, recoded("http://loinc.org", "TSH3", "TSH")),
  ],
};

const mel = "labs-text-values";
/**
 * MEDITECH- and eClinicalWorks-like values written as text: hemoglobin "9.8 gm/dL" and "10.1 g/dL" (anemia,
 * lab only), TSH "12.4" with µIU/mL in the reference range (hypothyroidism, lab only), a hemoglobin "15.0 gm/L"
 * (a unit the app does not use: listed, not read) and a "Hemolyzed" glucose (no value).
 */
export const labsTextValues: LabDemoPatient = {
  id: mel,
  label: "Mel Textvalue",
  description: "Lab values written as text (\"9.8 gm/dL\", \"12.4\" with its unit in the reference range): read as the same quantities.",
  expected: {
    anemia: [true, "sometimes-linked", "lab"],
    hypothyroidism: [true, "sometimes-linked", "lab"],
  },
  resources: (now) => [
    patient({ id: mel, given: ["Mel"], family: "Textvalue", gender: "female", birthDate: "1968-02-09" }),
    shaped({ id: "mt-hgb-400", patientId: mel, test: "hemoglobin", value: 0, date: daysBefore(now, 400) }, asText("15.0 gm/L")),
    shaped({ id: "mt-hgb-60", patientId: mel, test: "hemoglobin", value: 0, date: daysBefore(now, 60) }, asText("10.1 g/dL")),
    shaped({ id: "mt-hgb-12", patientId: mel, test: "hemoglobin", value: 0, date: daysBefore(now, 12) }, asText("9.8 gm/dL")),
    shaped({ id: "mt-tsh-30", patientId: mel, test: "tsh", value: 0, date: daysBefore(now, 30) }, asText("12.4", "uIU/mL")),
    shaped({ id: "mt-glucose-30", patientId: mel, test: "glucoseSerum", value: 0, date: daysBefore(now, 30) }, asText("Hemolyzed")),
  ],
};

const rae = "labs-real-units";
/**
 * The shapes real laboratories send, all readable: race-specific eGFR pairs from one draw (among Black 65
 * and 66, among non-Black 54 and 55, 110 days apart: CKD from the lower values, the pair never cancelling
 * itself), LOINC under its OID, TSH in mU/L, HbA1c as %{HbA1c} and with no unit at all (Epic).
 */
export const labsRealUnits: LabDemoPatient = {
  id: rae,
  label: "Rae Realunits",
  description: "Race-specific eGFR pairs, LOINC as an OID, mU/L, %{HbA1c} and an HbA1c without a unit: chronic kidney disease and diabetes by lab results.",
  expected: {
    "chronic-kidney-disease": [true, "sometimes-linked", "lab"],
    "type-2-diabetes": [true, "sometimes-linked", "lab"],
    "older-age": [true, "raises-risk", "record"],
  },
  resources: (now) => {
    const at = (days: number) => `${daysBefore(now, days)}T07:45:00Z`;
    const pair = (prefix: string, days: number, black: number, nonBlack: number) => [
      shaped({ id: `${prefix}-b`, patientId: rae, test: "egfrMdrd", value: black, code: EGFR, date: at(days) }, recoded("http://loinc.org", "48643-1", "GFR/1.73 sq M.predicted among blacks (MDRD)")),
      shaped({ id: `${prefix}-nb`, patientId: rae, test: "egfrMdrd", value: nonBlack, code: EGFR, date: at(days) }, recoded("http://loinc.org", "48642-3", "GFR/1.73 sq M.predicted among non-blacks (MDRD)")),
    ];
    return [
      patient({ id: rae, given: ["Rae"], family: "Realunits", gender: "male", birthDate: "1952-06-30" }),
      ...pair("ru-egfr-120", 120, 65, 54),
      ...pair("ru-egfr-10", 10, 66, 55),
      shaped({ id: "ru-tsh-oid", patientId: rae, test: "tsh", value: 3.1, code: "mU/L", date: daysBefore(now, 10) }, recoded("urn:oid:2.16.840.1.113883.6.1", "3016-3", "Thyrotropin [Units/volume] in Serum or Plasma")),
      labResult({ id: "ru-hba1c-300", patientId: rae, test: "hba1c", value: 7.4, code: "%{HbA1c}", unit: "%", date: daysBefore(now, 300) }),
      shaped({ id: "ru-hba1c-10", patientId: rae, test: "hba1c", value: 7.1, date: daysBefore(now, 10) }, (o) => {
        o.valueQuantity = { value: 7.1 };
      }),
    ];
  },
};

const ned = "labs-newer-unread";
/**
 * eGFR 48 and 46 (a year apart: CKD, lab only), then a newer eGFR in mL/s the app does not read, said next
 * to the finding; HbA1c 7.4 and 7.5 % (diabetes), then 3.03 % — a value no HbA1c can take (Synthea's), said
 * next to the diabetes finding and never charted.
 */
export const labsNewerUnread: LabDemoPatient = {
  id: ned,
  label: "Ned Newerunread",
  description: "A newer eGFR in an unknown unit and an implausible HbA1c of 3.03 %: both said next to the findings they would belong to.",
  expected: {
    "chronic-kidney-disease": [true, "sometimes-linked", "lab"],
    "type-2-diabetes": [true, "sometimes-linked", "lab"],
  },
  resources: (now) => [
    patient({ id: ned, given: ["Ned"], family: "Newerunread", gender: "male", birthDate: "1971-11-03" }),
    labResult({ id: "nn-egfr-400", patientId: ned, test: "egfrCkdEpi2021", value: 48, code: EGFR, date: daysBefore(now, 400) }),
    labResult({ id: "nn-egfr-30", patientId: ned, test: "egfrCkdEpi2021", value: 46, code: EGFR, date: daysBefore(now, 30) }),
    labResult({ id: "nn-egfr-5", patientId: ned, test: "egfrCkdEpi2021", value: 0.78, code: "mL/s/{1.73_m2}", date: daysBefore(now, 5) }),
    labResult({ id: "nn-hba1c-700", patientId: ned, test: "hba1c", value: 7.4, code: "%", date: daysBefore(now, 700) }),
    labResult({ id: "nn-hba1c-500", patientId: ned, test: "hba1c", value: 7.5, code: "%", date: daysBefore(now, 500) }),
    labResult({ id: "nn-hba1c-60", patientId: ned, test: "hba1c", value: 3.03, code: "%", date: daysBefore(now, 60) }),
  ],
};

export const REAL_LAB_PATIENTS: LabDemoPatient[] = [labsLocalCodes, labsTextValues, labsRealUnits, labsNewerUnread];
