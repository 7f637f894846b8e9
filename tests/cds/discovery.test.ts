/**
 * Discovery over HTTP: the patient-view service with prefetch templates under exactly the specified keys, and
 * the two ordering services (order-select, order-sign) prefetching the patient and the conditions.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LAB_LOINC_CODES } from "../../src/knowledge";
import type { CdsService } from "../../cds/server";
import { startTestService, testConfig } from "./harness";

let service: CdsService;
beforeAll(async () => {
  service = await startTestService(testConfig(undefined));
});
afterAll(async () => {
  await service?.close();
});

interface Discovery {
  services: { hook: string; id: string; title: string; description: string; prefetch: Record<string, string> }[];
}

describe("GET /cds-services", () => {
  it("lists the patient-view service (id night-leg-cramps) and the two ordering services, without a token", async () => {
    const res = await fetch(service.discoveryUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await res.json()) as Discovery;
    expect(body.services.map((s) => [s.id, s.hook])).toEqual([
      ["night-leg-cramps", "patient-view"],
      ["night-leg-cramps-order-select", "order-select"],
      ["night-leg-cramps-order-sign", "order-sign"],
    ]);
    for (const s of body.services) {
      expect(s.title.length).toBeGreaterThan(0);
      expect(s.description.length).toBeGreaterThan(0);
    }
  });

  it("the ordering services prefetch exactly the patient and the conditions, with patient-view's templates", async () => {
    const { services } = (await (await fetch(service.discoveryUrl)).json()) as Discovery;
    for (const id of ["night-leg-cramps-order-select", "night-leg-cramps-order-sign"]) {
      expect(services.find((s) => s.id === id)!.prefetch).toEqual({ patient: "Patient/{{context.patientId}}", conditions: "Condition?patient={{context.patientId}}" });
    }
  });

  it("has prefetch templates under exactly the specified keys, each a FHIR query on the context's patient", async () => {
    const { prefetch } = ((await (await fetch(service.discoveryUrl)).json()) as Discovery).services[0]!;
    expect(Object.keys(prefetch).sort()).toEqual(["conditions", "medicationRequests", "medicationStatements", "observations", "patient", "procedures"]);
    expect(prefetch.patient).toBe("Patient/{{context.patientId}}");
    expect(prefetch.conditions).toBe("Condition?patient={{context.patientId}}");
    expect(prefetch.medicationRequests).toMatch(/^MedicationRequest\?patient=\{\{context\.patientId\}\}&.*_include=MedicationRequest:medication/);
    expect(prefetch.medicationStatements).toBe("MedicationStatement?patient={{context.patientId}}");
    expect(prefetch.procedures).toBe("Procedure?patient={{context.patientId}}");
  });

  it("the observations template asks for exactly the lab codes of lab-results.md (LAB_LOINC_CODES)", async () => {
    const { prefetch } = ((await (await fetch(service.discoveryUrl)).json()) as Discovery).services[0]!;
    const url = new URL(prefetch.observations!, "http://fhir.invalid/");
    expect(url.pathname).toBe("/Observation");
    expect(url.searchParams.get("patient")).toBe("{{context.patientId}}");
    // Codes without a system: a token without one matches LOINC under either of its URIs, and the URL stays short.
    expect(url.searchParams.get("code")!.split(",")).toEqual([...LAB_LOINC_CODES]);
    expect(prefetch.observations!.length).toBeLessThan(1024);
  });
});
