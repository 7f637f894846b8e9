/**
 * The engine benchmarks' inputs (bench/engine.bench.ts, bench/labs.bench.ts), deterministic:
 * - records: half Conditions, half MedicationRequests, codes drawn from the sandbox fixtures and the rules,
 *   a third with unknown (local) codes plus free text, so name matching and the text's context run;
 * - lab Observations: every test, unit the rules read (and one they do not), comparator and status.
 */
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Bundle, Condition, MedicationRequest, Observation } from "fhir/r4";
import type { EngineInput } from "../src/engine/types";
import { CODE_RULES, codesOf, LAB_TEST_CODES, LOINC_SYSTEM, SYSTEMS, type LabTestId } from "../src/knowledge";

export const NOW = new Date("2026-11-26T12:00:00Z");
const DAY_MS = 24 * 60 * 60 * 1000;

/** Deterministic pseudo-random numbers (each generator its own sequence). */
function rng(seed: number) {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return { next, pick };
}

function codesFrom(kind: "Condition" | "Medication"): { system: string; code: string }[] {
  const out: { system: string; code: string }[] = [];
  for (const r of CODE_RULES.filter((x) => x.appliesTo.includes(kind))) {
    for (const code of codesOf(r.codes).slice(0, 20)) out.push({ system: SYSTEMS[r.system].uris[0]!, code });
  }
  return out;
}

function fixtureCodings(): { conditions: Condition[]; meds: MedicationRequest[] } {
  const dir = resolve(import.meta.dirname, "../mocks/data/sandbox");
  const conditions: Condition[] = [];
  const meds: MedicationRequest[] = [];
  try {
    for (const f of readdirSync(dir).filter((name) => name.endsWith(".json"))) {
      const b = JSON.parse(readFileSync(resolve(dir, f), "utf8")) as Bundle;
      for (const e of b.entry ?? []) {
        if (e.resource?.resourceType === "Condition") conditions.push(e.resource);
        if (e.resource?.resourceType === "MedicationRequest") meds.push(e.resource);
      }
    }
  } catch {
    // Fixtures are optional for the benchmark; rule codes are enough.
  }
  return { conditions, meds };
}

const FREE_TEXT = [
  "Type 2 diabetes mellitus", "hydrochlorothiazide 25 MG Oral Tablet", "furosemide 40 MG", "atorvastatin 20 MG",
  "Essential hypertension", "Viral sinusitis", "Acute bronchitis", "Chronic kidney disease stage 3",
  "amoxicillin 500 MG", "Sprain of ankle", "levonorgestrel 0.15 MG / ethinyl estradiol Oral Tablet", "Restless legs",
];

/** `total` records: total/2 Conditions and total/2 MedicationRequests, a third with local codes and free text. */
export function recordsInput(total: number): EngineInput {
  const { pick } = rng(42);
  const fx = fixtureCodings();
  const condCodes = codesFrom("Condition");
  const medCodes = codesFrom("Medication");
  const input: EngineInput = {
    patient: { resourceType: "Patient", id: "bench", birthDate: "1950-05-05", gender: "female" },
    conditions: [],
    medications: [],
    procedures: [],
  };
  for (let i = 0; i < total / 2; i++) {
    const unknown = i % 3 === 0;
    const statusCode = pick(["active", "resolved", "inactive"]);
    let code: Condition["code"];
    if (unknown) code = { coding: [{ system: "http://example.org/local", code: `L${i}` }], text: pick(FREE_TEXT) };
    else if (fx.conditions.length > 0 && i % 3 === 1) code = pick(fx.conditions).code;
    else code = { coding: [pick(condCodes)] };
    input.conditions.push({
      resourceType: "Condition",
      id: `c${i}`,
      subject: { reference: "Patient/bench" },
      clinicalStatus: { coding: [{ code: statusCode }] },
      code,
      onsetDateTime: `20${String(10 + (i % 15)).padStart(2, "0")}-0${1 + (i % 9)}-15`,
    });
    let concept: MedicationRequest["medicationCodeableConcept"];
    if (unknown) concept = { coding: [{ system: "http://example.org/local-drugs", code: `D${i}` }], text: pick(FREE_TEXT) };
    else if (fx.meds.length > 0 && i % 3 === 1) concept = pick(fx.meds).medicationCodeableConcept;
    else concept = { coding: [pick(medCodes)] };
    const resource: MedicationRequest = {
      resourceType: "MedicationRequest",
      id: `m${i}`,
      status: pick(["active", "stopped", "completed"]),
      intent: "order",
      subject: { reference: "Patient/bench" },
      medicationCodeableConcept: concept,
      authoredOn: `20${String(10 + (i % 15)).padStart(2, "0")}-0${1 + (i % 9)}-15`,
    };
    input.medications.push({ resource, concept, conceptSource: { kind: "inline" } });
  }
  return input;
}

/** Per test: units (with a value range in that unit) the rules read. */
const UNITS: Record<LabTestId, { unit: string; min: number; max: number }[]> = {
  egfr: [
    { unit: "mL/min/{1.73_m2}", min: 5, max: 130 },
    { unit: "mL/min", min: 5, max: 130 },
  ],
  hemoglobin: [
    { unit: "g/dL", min: 8, max: 17 },
    { unit: "g/L", min: 80, max: 170 },
    { unit: "mmol/L", min: 5, max: 10.5 },
  ],
  hba1c: [
    { unit: "%", min: 4.5, max: 9 },
    { unit: "mmol/mol", min: 25, max: 75 },
  ],
  glucose: [
    { unit: "mg/dL", min: 45, max: 200 },
    { unit: "mmol/L", min: 2.5, max: 11 },
  ],
  tsh: [
    { unit: "mIU/L", min: 0.05, max: 14 },
    { unit: "uIU/mL", min: 0.05, max: 14 },
  ],
};
const TESTS = Object.keys(LAB_TEST_CODES) as LabTestId[];

/** `n` lab results of the bench patient over ten years: every test and unit, one in 23 in a unit no rule reads, some comparators, every status. */
export function labObservations(n: number): Observation[] {
  const { next, pick } = rng(7);
  return Array.from({ length: n }, (_, i) => {
    const test = pick(TESTS);
    const u = pick(UNITS[test]);
    const unit = i % 23 === 0 ? "arbitrary units" : u.unit;
    const o: Observation = {
      resourceType: "Observation",
      id: `obs${i}`,
      status: pick(["final", "final", "final", "amended", "corrected", "preliminary", "cancelled"] as const),
      code: { coding: [{ system: LOINC_SYSTEM, code: pick(LAB_TEST_CODES[test]) }] },
      subject: { reference: "Patient/bench" },
      effectiveDateTime: new Date(NOW.getTime() - Math.floor(next() * 3650) * DAY_MS).toISOString(),
      valueQuantity: { value: u.min + next() * (u.max - u.min), unit, system: "http://unitsofmeasure.org", code: unit },
    };
    if (i % 41 === 0) o.valueQuantity!.comparator = pick(["<", "<=", ">", ">="] as const);
    return o;
  });
}
