/**
 * A lab result (FHIR R4 Observation, LOINC-coded, category laboratory) for hand-made demo patients.
 * Pure: no clock; dates come from the caller (relative to the `now` the demo passes in).
 */
import type { Observation } from "fhir/r4";

/** LOINC codes used by the lab demo patients, with their LOINC long names (docs/spec/lab-results.md). */
export const LOINC = {
  egfrMdrd: ["33914-3", "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum or Plasma by Creatinine-based formula (MDRD)"],
  egfrCkdEpi: ["62238-1", "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI)"],
  egfrCkdEpi2021: ["98979-8", "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI 2021)"],
  hemoglobin: ["718-7", "Hemoglobin [Mass/volume] in Blood"],
  hemoglobinMoles: ["59260-0", "Hemoglobin [Moles/volume] in Blood"],
  hba1c: ["4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood"],
  hba1cHplc: ["17856-6", "Hemoglobin A1c/Hemoglobin.total in Blood by HPLC"],
  glucoseBlood: ["2339-0", "Glucose [Mass/volume] in Blood"],
  glucoseSerum: ["2345-7", "Glucose [Mass/volume] in Serum or Plasma"],
  glucoseMoles: ["14749-6", "Glucose [Moles/volume] in Serum or Plasma"],
  tsh: ["3016-3", "Thyrotropin [Units/volume] in Serum or Plasma"],
  tshSensitive: ["11580-8", "Thyrotropin [Units/volume] in Serum or Plasma by Detection limit <= 0.005 mIU/L"],
  tsh005: ["11579-0", "Thyrotropin [Units/volume] in Serum or Plasma by Detection limit <= 0.05 mIU/L"],
} as const satisfies Record<string, readonly [string, string]>;

export interface LabInput {
  id: string;
  patientId: string;
  test: keyof typeof LOINC;
  value: number;
  /** UCUM code (valueQuantity.code); omitted when only `unit` text is given, as some EHRs send it. */
  code?: string;
  /** The unit as displayed (valueQuantity.unit); defaults to `code`. */
  unit?: string;
  comparator?: "<" | "<=" | ">=" | ">";
  /** Default "final". */
  status?: Observation["status"];
  /** effectiveDateTime (a FHIR date or dateTime). */
  date: string;
}

export function labResult(i: LabInput): Observation {
  const [loinc, display] = LOINC[i.test];
  const quantity: NonNullable<Observation["valueQuantity"]> = { value: i.value };
  if (i.comparator) quantity.comparator = i.comparator;
  const unit = i.unit ?? i.code;
  if (unit) quantity.unit = unit;
  if (i.code) {
    quantity.system = "http://unitsofmeasure.org";
    quantity.code = i.code;
  }
  return {
    resourceType: "Observation",
    id: i.id,
    status: i.status ?? "final",
    category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "laboratory", display: "Laboratory" }] }],
    code: { coding: [{ system: "http://loinc.org", code: loinc, display }], text: display },
    subject: { reference: `Patient/${i.patientId}` },
    effectiveDateTime: i.date,
    valueQuantity: quantity,
  };
}
