/** Resolving medicines: a Medication the server already sent (included) is never requested again. */
import { describe, expect, it } from "vitest";
import type Client from "fhirclient/lib/Client";
import type { Medication, MedicationRequest } from "fhir/r4";
import { resolveMedications } from "../../src/fhir/medications";
import { FHIR_BASE, testPolicy } from "./smartFlow";

const fetched = { resourceType: "Medication", code: { text: "fetched" } };

function recordingClient(asked: string[]): Client {
  // Only request() and refreshIfNeeded() are used by fetchJson.
  return { request: async (o: { url: string }) => (asked.push(o.url), fetched), refreshIfNeeded: async () => undefined } as unknown as Client;
}

const order = (reference: string): MedicationRequest => ({
  resourceType: "MedicationRequest",
  id: "mr1",
  status: "active",
  intent: "order",
  subject: { reference: "Patient/p" },
  medicationReference: { reference },
});

const coded: Medication = { resourceType: "Medication", id: "m1", code: { coding: [{ system: "http://www.nlm.nih.gov/research/umls/rxnorm", code: "8591" }], text: "included" } };

async function resolve(reference: string, included: Medication[]) {
  const asked: string[] = [];
  const result = await resolveMedications([order(reference)], included, new Map(), {
    client: recordingClient(asked),
    base: FHIR_BASE,
    canReadMedication: true,
    policy: testPolicy(),
  });
  return { asked, use: result.uses[0]! };
}

describe("included Medications", () => {
  it("an absolute reference on the base finds the included Medication by id when its entry has no fullUrl", async () => {
    const { asked, use } = await resolve(`${FHIR_BASE}/Medication/m1`, [coded]);
    expect(asked).toEqual([]);
    expect(use.concept?.text).toBe("included");
    expect(use.conceptSource?.kind).toBe("included");
  });

  it("an included Medication without a code is not requested again, and stays unidentified", async () => {
    const { asked, use } = await resolve("Medication/m1", [{ resourceType: "Medication", id: "m1" }]);
    expect(asked).toEqual([]);
    expect(use.concept).toBeUndefined();
  });

  it("a Medication that was not included is read", async () => {
    const { asked, use } = await resolve("Medication/m2", [coded]);
    expect(asked).toEqual([`${FHIR_BASE}/Medication/m2`]);
    expect(use.concept?.text).toBe("fetched");
  });
});
