import type { Coding } from "fhir/r4";
import type { DemoPatient } from "../demoPatient";
import { COND, MED, SYSTEMS } from "../codes";
import { concept, condition, daysBefore, medRequest, patient } from "../builders";

/**
 * Leg-cramp codes for the CDS Hooks demo, as cited in src/knowledge/codes/legCrampCodes.ts:
 * G47.62 [ICD codes_g47.ex; terminology README §2.25], R25.2 [ICD codes_r25.ex], 449918009 (weak).
 */
const CRAMP = {
  sleepRelatedIcd: { system: SYSTEMS.icd10cm, code: "G47.62", display: "Sleep related leg cramps" } satisfies Coding,
  crampSpasmIcd: { system: SYSTEMS.icd10cm, code: "R25.2", display: "Cramp and spasm" } satisfies Coding,
  lowerLegSnomed: { system: SYSTEMS.snomed, code: "449918009", display: "Cramp in lower leg" } satisfies Coding,
};

const walter = "cramps-known-cause";

/**
 * Leg cramps documented and a known cause current: active "sleep related leg cramps" (recorded two months
 * ago), peripheral vascular disease, an active furosemide order started six weeks before the cramps. The CDS
 * card is a warning (the furosemide is new and modifiable) naming PAD, the strongest.
 * Expected causes: peripheral-artery-disease, diuretics, hypertension, older-age.
 */
export const crampsKnownCause: DemoPatient = {
  id: walter,
  label: "Walter Crampton",
  description: "Leg cramps documented (G47.62, active): peripheral vascular disease and furosemide current — the CDS card is a warning.",
  resources: (now) => [
    patient({ id: walter, given: ["Walter"], family: "Crampton", gender: "male", birthDate: "1946-03-14" }),
    condition({
      id: "walter-cramps", patientId: walter, codings: [CRAMP.sleepRelatedIcd, CRAMP.lowerLegSnomed],
      text: "Nocturnal leg cramps", clinical: "active", verification: "confirmed", category: "problem-list-item",
      onset: daysBefore(now, 75), recorded: daysBefore(now, 60),
    }),
    condition({
      id: "walter-pvd", patientId: walter, codings: [COND.pvdIcd], text: "Peripheral vascular disease",
      clinical: "active", verification: "confirmed", category: "problem-list-item", onset: "2019-05-02", recorded: "2019-05-02",
    }),
    condition({
      id: "walter-htn", patientId: walter, codings: [COND.htnIcd, COND.htnSnomed], text: "Essential hypertension",
      clinical: "active", verification: "confirmed", category: "problem-list-item", onset: "2008-01-15", recorded: "2008-01-15",
    }),
    medRequest({
      id: "walter-furosemide", patientId: walter, status: "active", authoredOn: daysBefore(now, 120),
      med: concept([MED.furosemide40]), dosageText: "Take 1 tablet by mouth every morning",
    }),
  ],
};

const nadia = "cramps-recent-resolved";

/**
 * Leg cramps no longer active but recorded four months ago ("Leg cramps", coded R25.2 — not leg-specific, so
 * the text decides), with only past causes: a stopped atorvastatin, resolved hypothyroidism. The CDS card is
 * not shown: nothing is current (docs/spec/cds-hooks.md, revised card rules).
 */
export const crampsRecentResolved: DemoPatient = {
  id: nadia,
  label: "Nadia Nightingale",
  description: "Leg cramps (R25.2, resolved) recorded four months ago; only past causes (stopped statin) — no CDS card: nothing is current.",
  resources: (now) => [
    patient({ id: nadia, given: ["Nadia"], family: "Nightingale", gender: "female", birthDate: "1979-09-23" }),
    condition({
      id: "nadia-cramps", patientId: nadia, codings: [CRAMP.crampSpasmIcd], text: "Leg cramps",
      clinical: "resolved", verification: "confirmed", category: "encounter-diagnosis",
      onset: daysBefore(now, 130), abatement: daysBefore(now, 100), recorded: daysBefore(now, 120),
    }),
    condition({
      id: "nadia-hypothyroid", patientId: nadia, codings: [COND.hypothyroidIcd], text: "Hypothyroidism",
      clinical: "resolved", verification: "confirmed", onset: "2015-02-01", abatement: "2018-06-01", recorded: "2015-02-01",
    }),
    medRequest({
      id: "nadia-atorvastatin", patientId: nadia, status: "stopped", authoredOn: "2022-03-10",
      med: concept([MED.atorvastatin20]),
    }),
  ],
};

/** The demo patients with leg cramps documented (registered in mocks/patients.ts). */
export const LEG_CRAMP_PATIENTS: DemoPatient[] = [crampsKnownCause, crampsRecentResolved];
