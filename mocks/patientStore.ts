/** Resolves demo patients' resources for the handlers, cached per patient, profile and calendar day of `now()`. */
import type { Medication, Resource } from "fhir/r4";
import type { DemoPatient } from "./data/demoPatient";
import { profileOf, type ProfileName } from "./profiles";

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

  /** The patient's resources as the profile's EHR shapes them. */
  resources(patientId: string, profile: ProfileName = "plain"): Resource[] | undefined {
    const p = this.patient(patientId);
    if (!p) return undefined;
    const now = this.now();
    const day = now.toISOString().slice(0, 10);
    const key = `${profile}:${p.id}`;
    const hit = this.cache.get(key);
    if (hit && hit.day === day) return hit.resources;
    const resources = profileOf(profile).shape(p.resources(now));
    this.cache.set(key, { day, resources });
    return resources;
  }

  /** A resource by type and id, searched across every patient (Medications are shared, not in a compartment). */
  find(resourceType: string, id: string, profile: ProfileName = "plain"): Resource | undefined {
    for (const p of this.patients) {
      const hit = this.resources(p.id, profile)?.find((r) => r.resourceType === resourceType && r.id === id);
      if (hit) return hit;
    }
    return undefined;
  }

  medication(id: string, profile: ProfileName = "plain"): Medication | undefined {
    return this.find("Medication", id, profile) as Medication | undefined;
  }
}
