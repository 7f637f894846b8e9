/**
 * Builds EngineInput from a sandbox bundle, as the data layer would. The bundles are the project's own
 * copies of the SMART sandbox patients (mocks/data/sandbox, Apache-2.0: see its NOTICE.md).
 */
import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Bundle, Condition, MedicationRequest, Observation, Patient, Procedure, Resource } from "fhir/r4";
import type { EngineInput } from "../../src/engine/types";

export const FIXTURE_DIR = resolve(import.meta.dirname, "../../mocks/data/sandbox");

export function fixtureFile(prefix: string): string {
  const name = readdirSync(FIXTURE_DIR).find((f) => f.startsWith(prefix) && f.endsWith(".json"));
  if (!name) throw new Error(`No fixture starting with ${prefix}`);
  return resolve(FIXTURE_DIR, name);
}

export function inputFromBundle(file: string): EngineInput {
  const bundle = JSON.parse(readFileSync(file, "utf8")) as Bundle;
  return inputFromResources((bundle.entry ?? []).flatMap((entry) => (entry.resource ? [entry.resource] : [])));
}

/** The engine's input from a patient's records (sandbox-style: medicines inline-coded). */
export function inputFromResources(resources: readonly Resource[]): EngineInput {
  const input: EngineInput = { conditions: [], medications: [], procedures: [], observations: [] };
  for (const r of resources) {
    if (r.resourceType === "Patient") input.patient = r as Patient;
    else if (r.resourceType === "Condition") input.conditions.push(r as Condition);
    else if (r.resourceType === "Procedure") input.procedures.push(r as Procedure);
    else if (r.resourceType === "MedicationRequest") {
      const mr = r as MedicationRequest;
      input.medications.push({ resource: mr, concept: mr.medicationCodeableConcept, conceptSource: { kind: "inline" } });
    } else if (r.resourceType === "Observation") input.observations!.push(r as Observation);
  }
  return input;
}
