/** Small builders for lab tests: Observations, patients, dates relative to a fixed clock. */
import type { Observation, Patient } from "fhir/r4";
import { interpretLabs } from "../../../src/engine/labs";
import type { LabInterpretation, LabOptions } from "../../../src/engine/labs";

export const NOW = new Date("2026-11-26T12:00:00Z");
const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar date `n` days before NOW's date (YYYY-MM-DD). */
export function daysAgo(n: number): string {
  return new Date(Date.UTC(2026, 10, 26) - n * DAY_MS).toISOString().slice(0, 10);
}

export const LOINC = {
  egfr: "33914-3",
  hemoglobin: "718-7",
  hba1c: "4548-4",
  glucose: "2339-0",
  tsh: "3016-3",
} as const;

export const UNIT = {
  egfr: "mL/min/{1.73_m2}",
  hemoglobin: "g/dL",
  hba1c: "%",
  glucose: "mg/dL",
  tsh: "m[IU]/L",
} as const;

let counter = 0;

export interface ObsSpec {
  id?: string;
  test: keyof typeof LOINC;
  value: number;
  /** Date: effectiveDateTime unless `dateField` says otherwise. */
  date: string;
  dateField?: "effectiveDateTime" | "effectivePeriod" | "effectiveInstant" | "issued";
  unit?: string;
  unitText?: string;
  comparator?: string;
  status?: string;
  subject?: string;
}

export function obs(spec: ObsSpec): Observation {
  const id = spec.id ?? `o${++counter}`;
  const code = spec.unit ?? UNIT[spec.test];
  const o: Observation = {
    resourceType: "Observation",
    id,
    status: (spec.status ?? "final") as Observation["status"],
    code: { coding: [{ system: "http://loinc.org", code: LOINC[spec.test] }] },
    subject: { reference: spec.subject ?? "Patient/p1" },
    valueQuantity: { value: spec.value, system: "http://unitsofmeasure.org", code, unit: spec.unitText ?? code },
  };
  if (spec.comparator !== undefined) (o.valueQuantity as Record<string, unknown>).comparator = spec.comparator;
  switch (spec.dateField ?? "effectiveDateTime") {
    case "effectiveDateTime":
      o.effectiveDateTime = spec.date;
      break;
    case "effectivePeriod":
      o.effectivePeriod = { start: spec.date };
      break;
    case "effectiveInstant":
      o.effectiveInstant = spec.date;
      break;
    case "issued":
      o.issued = spec.date;
      break;
  }
  return o;
}

export function patient(extra: Partial<Patient> = {}): Patient {
  return { resourceType: "Patient", id: "p1", birthDate: "1960-03-15", gender: "female", ...extra };
}

export function run(observations: unknown[], options: Partial<LabOptions> = {}): LabInterpretation {
  return interpretLabs(observations, { patient: patient(), now: NOW, ...options });
}

export function rule(out: LabInterpretation, ruleId: string): { holds: boolean; current: boolean } {
  const r = out.rules.find((x) => x.ruleId === ruleId);
  if (!r) throw new Error(`no outcome for ${ruleId}`);
  return { holds: r.holds, current: r.current };
}

export function cause(out: LabInterpretation, id: string) {
  return out.causes.find((c) => c.cause === id);
}

export const RULE = {
  ckd: "lab.ckd.egfr-below-60",
  g5: "lab.ckd.egfr-below-15",
  anemia: "lab.anemia.hemoglobin-low",
  diabetes: "lab.diabetes.hba1c-high-twice",
  hypo: "lab.hypoglycemia.glucose-below-54",
  hypothyroid: "lab.hypothyroidism.tsh-above-10",
  hyperthyroid: "lab.hyperthyroidism.tsh-below-0.1",
} as const;
