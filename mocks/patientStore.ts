/** Resolves demo patients' resources for the handlers, cached per patient and calendar day of `now()`. */
import type { Medication, Resource } from "fhir/r4";
import type { DemoPatient } from "./data/demoPatient";

export class PatientStore {
  private readonly cache = new Map<string, { day: string; resources: Resource[] }>();

  constructor(
    private readonly patients: readonly DemoPatient[],
    private readonly now: () => Date,
  ) {}

  all(): readonly DemoPatient[] {
    return this.patients;
  }

  patient(id: string): DemoPatient | undefined {
    return this.patients.find((p) => p.id === id);
  }

  resources(patientId: string): Resource[] | undefined {
    const p = this.patient(patientId);
    if (!p) return undefined;
    const now = this.now();
    const day = now.toISOString().slice(0, 10);
    const hit = this.cache.get(p.id);
    if (hit && hit.day === day) return hit.resources;
    const resources = p.resources(now);
    this.cache.set(p.id, { day, resources });
    return resources;
  }

  /** A resource by type and id, searched across every patient (Medications are shared, not in a compartment). */
  find(resourceType: string, id: string): Resource | undefined {
    for (const p of this.patients) {
      const hit = this.resources(p.id)?.find((r) => r.resourceType === resourceType && r.id === id);
      if (hit) return hit;
    }
    return undefined;
  }

  medication(id: string): Medication | undefined {
    return this.find("Medication", id) as Medication | undefined;
  }
}
