/**
 * Registry of the demo EHR's patients: the seven SMART sandbox patients first, then hand-made ones that
 * reproduce real-EHR shapes and edge cases. Node only (reads JSON fixtures with fs).
 */
import type { DemoPatient } from "./data/demoPatient";
import { loadSandboxPatients } from "./data/sandboxPatients";
import { epicLike } from "./data/patients/epicLike";
import { oracleLike } from "./data/patients/oracleLike";
import { statementsOnly } from "./data/patients/statementsOnly";
import { manyMeds } from "./data/patients/manyMeds";
import { partialDates } from "./data/patients/partialDates";
import { lookAlikes } from "./data/patients/lookAlikes";
import { pregnancyRls } from "./data/patients/pregnancyRls";
import { hostileData } from "./data/patients/hostileData";
import { deceasedCkd } from "./data/patients/deceasedCkd";
import { LEG_CRAMP_PATIENTS } from "./data/patients/legCramps";
import { LAB_PATIENTS } from "./data/patients/labResults";
import { VENDOR_PATIENTS } from "./data/patients/vendorPatients";

export type { DemoPatient } from "./data/demoPatient";

export const HANDMADE_PATIENTS: DemoPatient[] = [
  epicLike,
  oracleLike,
  statementsOnly,
  manyMeds,
  partialDates,
  lookAlikes,
  pregnancyRls,
  hostileData,
  deceasedCkd,
  ...LEG_CRAMP_PATIENTS,
  ...LAB_PATIENTS,
  ...VENDOR_PATIENTS,
];

export const DEMO_PATIENTS: DemoPatient[] = [...loadSandboxPatients(), ...HANDMADE_PATIENTS];

export function findDemoPatient(id: string): DemoPatient | undefined {
  return DEMO_PATIENTS.find((p) => p.id === id);
}
