import { describe, expect, test } from "vitest";
import type { Bundle, Condition, FhirResource, MedicationRequest, Patient, Resource } from "fhir/r4";
import { readSandboxFile, sandboxFiles } from "../../mocks/data/sandboxPatients";
import { DEMO_PATIENTS, HANDMADE_PATIENTS, findDemoPatient } from "../../mocks/patients";
import { isKept, trimSandboxBundle } from "../../mocks/scripts/copy-sandbox";
import { HUGE_STRING } from "../../mocks/data/patients/hostileData";
import { FIXED_NOW } from "./helpers";

const patientsIn = (rs: Resource[]) => rs.filter((r): r is Patient => r.resourceType === "Patient");

describe("sandbox fixtures", () => {
  const files = sandboxFiles();

  test("there are the seven sandbox patients", () => {
    expect(files).toHaveLength(7);
  });

  test.each(files)("%s loads and has exactly one Patient, only kept types, no urn:uuid references", (file) => {
    const resources = readSandboxFile(file);
    expect(patientsIn(resources)).toHaveLength(1);
    expect(resources.filter((r) => !isKept(r as FhirResource)).map((r) => r.resourceType)).toEqual([]);
    expect(JSON.stringify(resources)).not.toContain("urn:uuid:");
    const pid = patientsIn(resources)[0]!.id;
    const conditions = resources.filter((r): r is Condition => r.resourceType === "Condition");
    expect(conditions.every((c) => c.subject.reference === `Patient/${pid}`)).toBe(true);
  });
});

describe("trimSandboxBundle", () => {
  test("keeps the app's types and rewrites urn:uuid references to Type/id", () => {
    const source: Bundle = {
      resourceType: "Bundle",
      type: "transaction",
      entry: [
        { fullUrl: "urn:uuid:p1", resource: { resourceType: "Patient", id: "p1" } },
        { fullUrl: "urn:uuid:e1", resource: { resourceType: "Encounter", id: "e1", status: "finished", class: { code: "AMB" } } },
        {
          fullUrl: "urn:uuid:c1",
          resource: {
            resourceType: "Condition", id: "c1",
            subject: { reference: "urn:uuid:p1" }, encounter: { reference: "urn:uuid:e1" },
          },
        },
        {
          fullUrl: "urn:uuid:o1",
          resource: {
            resourceType: "Observation", id: "o1", status: "final", subject: { reference: "urn:uuid:p1" },
            code: { coding: [{ system: "http://loinc.org", code: "33914-3" }] },
          },
        },
        {
          fullUrl: "urn:uuid:o2",
          resource: {
            resourceType: "Observation", id: "o2", status: "final", subject: { reference: "urn:uuid:p1" },
            code: { coding: [{ system: "http://loinc.org", code: "8480-6" }] },
          },
        },
      ],
    };
    const out = trimSandboxBundle(source);
    expect(out.type).toBe("collection");
    // The eGFR result stays; the blood pressure reading (not a lab the app reads) goes with the Encounter.
    expect(out.entry?.map((e) => e.resource?.id)).toEqual(["p1", "c1", "o1"]);
    const c = out.entry?.[1]?.resource as Condition;
    expect(c.subject.reference).toBe("Patient/p1");
    expect(c.encounter?.reference).toBe("Encounter/e1");
  });
});

describe("DEMO_PATIENTS", () => {
  test("sandbox patients come first, ids are unique, and each has exactly one matching Patient", () => {
    expect(DEMO_PATIENTS.slice(0, 7).map((p) => p.id)).toContain("ec6a274e-5090-45c9-b153-e40418f6fa3d");
    expect(DEMO_PATIENTS.slice(7)).toEqual(HANDMADE_PATIENTS);
    expect(new Set(DEMO_PATIENTS.map((p) => p.id)).size).toBe(DEMO_PATIENTS.length);
    for (const p of DEMO_PATIENTS) {
      const patients = patientsIn(p.resources(FIXED_NOW));
      expect(patients, p.id).toHaveLength(1);
      expect(patients[0]!.id).toBe(p.id);
      expect(p.description.length).toBeGreaterThan(10);
    }
  });

  test("resource ids are valid FHIR ids and unique per type within each patient", () => {
    for (const p of DEMO_PATIENTS) {
      const keys = p.resources(FIXED_NOW).map((r) => `${r.resourceType}/${r.id ?? ""}`);
      expect(new Set(keys).size, p.id).toBe(keys.length);
      for (const k of keys) expect(k, p.id).toMatch(/^[A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/);
    }
  });

  test("many-meds generates 2,000 MedicationRequests deterministically", () => {
    const p = findDemoPatient("many-meds")!;
    const a = p.resources(FIXED_NOW).filter((r) => r.resourceType === "MedicationRequest") as MedicationRequest[];
    const b = p.resources(new Date("2030-01-01T00:00:00Z")).filter((r) => r.resourceType === "MedicationRequest");
    expect(a).toHaveLength(2000);
    expect(b).toEqual(a);
    expect(a.filter((m) => m.status === "active")).toHaveLength(5);
  });

  test("the pregnancy onset follows the injected clock, 8 weeks before now", () => {
    const p = findDemoPatient("pregnancy-rls")!;
    const onset = (now: Date) =>
      (p.resources(now).find((r) => r.id === "prg-cond-pregnancy") as Condition).onsetDateTime;
    expect(onset(FIXED_NOW)).toBe("2025-01-18");
    expect(onset(new Date("2031-06-30T08:00:00Z"))).toBe("2031-05-05");
  });

  test("hostile-data carries markup, a 100 kB string and still a matching hypertension code", () => {
    const rs = findDemoPatient("hostile-data")!.resources(FIXED_NOW);
    const text = JSON.stringify(rs);
    expect(text).toContain("<script>alert(1)</script>");
    expect(text).toContain("onerror=alert(1)");
    expect(text).toContain("javascript:alert(1)");
    expect(text).toContain("\u202E");
    expect(HUGE_STRING).toHaveLength(100_000);
    const patient = patientsIn(rs)[0]!;
    expect(patient.text?.div).toContain("<script>");
    const htn = rs.find((r) => r.id === "hostile-cond-htn") as Condition;
    expect(htn.code?.coding?.[0]).toMatchObject({ system: "http://snomed.info/sct", code: "59621000" });
  });

  test("look-alikes: ignored records carry the statuses that make them ignorable", () => {
    const rs = findDemoPatient("look-alikes")!.resources(FIXED_NOW);
    const byId = (id: string) => rs.find((r) => r.id === id);
    expect((byId("la-cond-ckd-error") as Condition).verificationStatus?.coding?.[0]?.code).toBe("entered-in-error");
    expect((byId("la-cond-ckd-error") as Condition).clinicalStatus).toBeUndefined();
    expect((byId("la-cond-htn-refuted") as Condition).verificationStatus?.coding?.[0]?.code).toBe("refuted");
    expect((byId("la-mr-furosemide-cancelled") as MedicationRequest).status).toBe("cancelled");
    expect((byId("la-mr-hctz-do-not-perform") as MedicationRequest).doNotPerform).toBe(true);
  });

  test("deceased-ckd is deceased and born in 1930", () => {
    const p = patientsIn(findDemoPatient("deceased-ckd")!.resources(FIXED_NOW))[0]!;
    expect(p.birthDate?.slice(0, 4)).toBe("1930");
    expect(p.deceasedDateTime).toBeTruthy();
  });
});
