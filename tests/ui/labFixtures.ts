/**
 * Panel states built from the engine's real output: a demo patient's resources (mocks/data/patients) run
 * through matchRecords with the injected clock, and the sources a complete read would report, lab
 * results included — what the panel gets once the data layer reads the Observation section.
 */
import type { Condition, MedicationRequest, MedicationStatement, Observation, Patient, Procedure, Resource } from "fhir/r4";
import { matchRecords } from "../../src/engine";
import type { SourceReport } from "../../src/fhir/types";
import type { PanelData } from "../../src/ui/panelModel";
import type { DemoPatient } from "../../mocks/data/demoPatient";
import { KNOWLEDGE } from "./fixtures";

/** The lab rules' clock in these tests (the engine's lab tests use the same one). */
export const LAB_NOW = new Date("2026-11-26T12:00:00Z");
export const LAB_READ_AT = new Date("2026-11-26T11:58:00Z");

const of = <T extends Resource>(resources: Resource[], type: T["resourceType"]) => resources.filter((r): r is T => r.resourceType === type);

export function labPanelData(p: DemoPatient, over: { sources?: Partial<Record<SourceReport["source"], Partial<SourceReport>>>; now?: Date } = {}): PanelData {
  const now = over.now ?? LAB_NOW;
  const resources = p.resources(now);
  const patient = of<Patient>(resources, "Patient")[0]!;
  const observations = of<Observation>(resources, "Observation");
  const input = {
    patient,
    conditions: of<Condition>(resources, "Condition"),
    medications: [...of<MedicationRequest>(resources, "MedicationRequest"), ...of<MedicationStatement>(resources, "MedicationStatement")].map((resource) => ({ resource })),
    procedures: of<Procedure>(resources, "Procedure"),
    observations: over.sources?.Observation?.status && over.sources.Observation.status !== "read" ? [] : observations,
  };
  const counts: Record<SourceReport["source"], number> = {
    Patient: 1,
    Condition: input.conditions.length,
    MedicationRequest: of(resources, "MedicationRequest").length,
    MedicationStatement: of(resources, "MedicationStatement").length,
    Procedure: input.procedures.length,
    Observation: observations.length,
  };
  const sources = (Object.keys(counts) as SourceReport["source"][]).map(
    (source): SourceReport => ({ source, status: "read", count: counts[source], warnings: [], ...over.sources?.[source] }),
  );
  return { patient, result: matchRecords(input, { now }), sources, readAt: LAB_READ_AT, showBanner: true, knowledge: KNOWLEDGE };
}
