import type { Coding } from "fhir/r4";
import type { DemoPatient } from "../demoPatient";
import { COND, MED, SYSTEMS } from "../codes";
import { concept, condition, daysBefore, medRequest, patient } from "../builders";
import { labResult } from "./labBuilders";

/** Sleep related leg cramps, as cited in src/knowledge/codes/legCrampCodes.ts (ICD codes_g47.ex; terminology README §2.25). */
const SLEEP_LEG_CRAMPS: Coding = { system: SYSTEMS.icd10cm, code: "G47.62", display: "Sleep related leg cramps" };

const rosa = "reading-aids";

/**
 * Every reading aid of docs/spec/panel-contract.md in one record (issue 23), dated against `now`:
 * - leg cramps on the problem list since 60 days ago: the header's anchor;
 * - hydrochlorothiazide ordered 105 days ago, about 6 weeks before the cramps: a diuretic and a blood
 *   pressure medicine, first under "Worth reviewing";
 * - simvastatin last ordered in 2016, still marked active: muted, listed once to reconcile, not counted;
 * - "Type 2 diabetes mellitus with diabetic polyneuropathy (HCC)": one row, nerve damage from diabetes, with
 *   peripheral neuropathy folded into it; type 2 diabetes keeps its own row (its HbA1c results);
 * - peripheral vascular disease sent as an encounter diagnosis with no clinical status, recorded in 2019:
 *   the open "status not recorded — check" group, not current;
 * - anemia on the problem list with both hemoglobins normal: the latest result is said under it;
 * - no eGFR, TSH or glucose: none of them is claimed.
 * Expected: diabetic-neuropathy, peripheral-neuropathy, type-2-diabetes, diuretics, blood-pressure-medicines,
 * cholesterol-medicines, anemia, older-age current; peripheral-artery-disease not current.
 */
export const readingAids: DemoPatient = {
  id: rosa,
  label: "Rosa Reading",
  description:
    "Reading aids: cramps on the problem list, a diuretic started 6 weeks before them, a 2016 statin still active, diabetic polyneuropathy (HCC), PAD with no status, anemia with normal hemoglobins.",
  resources: (now) => [
    patient({ id: rosa, given: ["Rosa"], family: "Reading", gender: "female", birthDate: "1947-02-11" }),
    condition({
      id: "rosa-cramps", patientId: rosa, codings: [SLEEP_LEG_CRAMPS], text: "Nocturnal leg cramps",
      clinical: "active", verification: "confirmed", category: "problem-list-item", onset: daysBefore(now, 60), recorded: daysBefore(now, 60),
    }),
    condition({
      id: "rosa-dm", patientId: rosa, codings: [COND.t2dmPolyneuropathyIcd, COND.t2dmNeuropathySnomed],
      text: "Type 2 diabetes mellitus with diabetic polyneuropathy (HCC)", clinical: "active", verification: "confirmed",
      category: "problem-list-item", onset: "2014-06-02", recorded: "2014-06-02",
    }),
    condition({
      id: "rosa-pvd", patientId: rosa, codings: [COND.pvdIcd], text: "Peripheral vascular disease",
      category: "encounter-diagnosis", recorded: "2019-03-12",
    }),
    condition({
      id: "rosa-anemia", patientId: rosa, codings: [COND.anemiaSnomed], text: "Anemia (disorder)",
      clinical: "active", verification: "confirmed", category: "problem-list-item", onset: "2020-10-05", recorded: "2020-10-05",
    }),
    medRequest({
      id: "rosa-hctz", patientId: rosa, status: "active", authoredOn: daysBefore(now, 105),
      med: concept([MED.hctz25]), dosageText: "Take 1 tablet by mouth every morning",
    }),
    medRequest({
      id: "rosa-simva", patientId: rosa, status: "active", authoredOn: "2016-04-19",
      med: concept([MED.simvastatin20]), dosageText: "Take 1 tablet by mouth at bedtime",
    }),
    labResult({ id: "rosa-hb-400", patientId: rosa, test: "hemoglobin", value: 13.4, code: "g/dL", date: daysBefore(now, 400) }),
    labResult({ id: "rosa-hb-30", patientId: rosa, test: "hemoglobin", value: 13.1, code: "g/dL", date: daysBefore(now, 30) }),
    labResult({ id: "rosa-a1c-300", patientId: rosa, test: "hba1c", value: 7.2, code: "%", date: daysBefore(now, 300) }),
    labResult({ id: "rosa-a1c-40", patientId: rosa, test: "hba1c", value: 7.6, code: "%", date: daysBefore(now, 40) }),
  ],
};

/** The reading-aid demo patients (registered in mocks/patients.ts). */
export const READING_AID_PATIENTS: DemoPatient[] = [readingAids];
