/**
 * Missing prefetch: what the client did not send is read from `fhirServer` with the access token it gave, by the
 * app's data layer (real fhirclient, Node entry) against the project's mock EHR (MSW) — paged to the end, only
 * from an allowed server. When reading is impossible or incomplete, the answer has no card: never a guess.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Bundle, Patient, Resource } from "fhir/r4";
import { loadSandboxPatients } from "../../mocks/data/sandboxPatients";
import { epicLike } from "../../mocks/data/patients/epicLike";
import type { DemoPatient } from "../../mocks/data/demoPatient";
import {
  byId,
  FHIR_BASE,
  fhirAuthorization,
  hookBody,
  legCrampCondition,
  mockAccessToken,
  mockEhr,
  panelAttributes,
  panelFindings,
  post,
  prefetchFor,
  startTestService,
  testConfig,
  TREY,
  withTestStack,
  withLegCramps,
} from "./harness";

const PARKER = "c5ed5d78-5b3f-4a75-bdfb-5f318b068a20"; // 122 MedicationRequests: several pages

/**
 * This sandbox patient (Fletcher Hyatt) is recorded as deceased, so nothing is current and there would be no
 * card: for these tests of reading, he is made alive, with an active hypertension added (SNOMED CT 38341003,
 * as in tests/cds/legCramps.test.ts), so his many pages of orders end in a card.
 */
function withCurrentCause(p: DemoPatient): DemoPatient {
  if (p.id !== PARKER) return p;
  const htn = legCrampCondition(p.id, "cds-hypertension", {
    code: { coding: [{ system: "http://snomed.info/sct", code: "38341003", display: "Hypertensive disorder" }], text: "Hypertension" },
  });
  const alive = (r: Resource): Resource => {
    if (r.resourceType !== "Patient") return r;
    const rest: Patient = { ...(r as Patient) };
    delete rest.deceasedDateTime;
    delete rest.deceasedBoolean;
    return rest;
  };
  return { ...p, resources: (now) => [...p.resources(now).map(alive), htn] };
}

const ehr = mockEhr([...loadSandboxPatients().map(withCurrentCause).map(withLegCramps), withLegCramps(epicLike)]);
const fhirRequests: string[] = [];
ehr.events.on("request:start", ({ request }) => {
  if (request.url.startsWith(FHIR_BASE)) fhirRequests.push(request.url.slice(FHIR_BASE.length));
});

const stack = withTestStack(ehr);
afterEach(() => {
  fhirRequests.length = 0;
});

async function call(patientId: string, prefetch: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}, target = stack.service) {
  fhirRequests.length = 0;
  const answer = await post(target.serviceEndpoint, hookBody(patientId, prefetch, extra), await stack.client.sign({ aud: target.serviceEndpoint }));
  expect(answer.status).toBe(200);
  return answer.body.cards!;
}

const fhir = (patientId: string) => ({ fhirServer: FHIR_BASE, fhirAuthorization: fhirAuthorization(patientId) });

describe("missing prefetch is read from the FHIR server", () => {
  it("no prefetch at all: everything is read, and the card equals the panel's", async () => {
    const cards = await call(TREY, undefined, fhir(TREY));
    expect(cards).toHaveLength(1);
    expect(byId(cards[0]!.extension.findings)).toEqual(byId(panelAttributes(await panelFindings(TREY))));
  });

  it("only the missing and null keys are needed; the search runs with the app's parameters", async () => {
    const full = await prefetchFor(PARKER);
    const cards = await call(PARKER, { ...full, medicationRequests: null, procedures: undefined }, fhir(PARKER));
    // What the prefetch had is not read again: not the Patient, not the other kinds (taken before the panel reads).
    expect(fhirRequests.filter((u) => /^\/(Patient|Condition|MedicationStatement|Observation)\b/.test(u))).toEqual([]);
    expect(cards).toHaveLength(1);
    expect(byId(cards[0]!.extension.findings)).toEqual(byId(panelAttributes(await panelFindings(PARKER))));
    const requests = fhirRequests.filter((u) => u.startsWith("/MedicationRequest?"));
    expect(requests.length).toBeGreaterThan(0);
    expect(decodeURIComponent(requests[0]!)).toContain("intent=proposal,plan,order,original-order,reflex-order,filler-order,instance-order,option");
    expect(decodeURIComponent(requests[0]!)).toContain("_include=MedicationRequest:medication");
  });

  it("a Bundle with a next link is incomplete: the service reads the search to the end", async () => {
    const token = mockAccessToken(PARKER);
    const firstPage = (await (await fetch(`${FHIR_BASE}/MedicationRequest?patient=${PARKER}&_count=20`, { headers: { Authorization: `Bearer ${token}` } })).json()) as Bundle;
    expect(firstPage.link?.some((l) => l.relation === "next")).toBe(true);
    const cards = await call(PARKER, { ...(await prefetchFor(PARKER)), medicationRequests: firstPage }, fhir(PARKER));
    expect(byId(cards[0]!.extension.findings)).toEqual(byId(panelAttributes(await panelFindings(PARKER))));
    const pages = fhirRequests.filter((u) => u.startsWith("/MedicationRequest?"));
    expect(pages.length).toBeGreaterThan(0);
  });

  it("a prefetched order whose Medication was not included is resolved by reading (Epic-like references)", async () => {
    const full = await prefetchFor(epicLike.id);
    const requests = full.medicationRequests as Bundle;
    const withoutIncludes = { ...requests, entry: (requests.entry ?? []).filter((e) => e.search?.mode !== "include") };
    // The references carry a display, so the panel would still name them; drop it to make them unknown.
    for (const e of withoutIncludes.entry) {
      const r = e.resource as { medicationReference?: { display?: string } };
      if (r.medicationReference) r.medicationReference = { ...r.medicationReference, display: undefined };
    }
    expect(await call(epicLike.id, { ...full, medicationRequests: withoutIncludes })).toEqual([]);
    const cards = await call(epicLike.id, { ...full, medicationRequests: withoutIncludes }, fhir(epicLike.id));
    expect(cards).toHaveLength(1);
    expect(cards[0]!.extension.findings.map((f) => f.id)).toContain("diuretics");
  });
});

describe("never blocks on a fetch it does not need", () => {
  it("complete prefetch: no FHIR request at all, even with a fhirServer", async () => {
    const prefetch = await prefetchFor(TREY);
    expect(await call(TREY, prefetch, fhir(TREY))).toHaveLength(1);
    expect(fhirRequests).toEqual([]);
  });

  it("prefetched conditions without leg cramps: no card and nothing else read", async () => {
    const prefetch = await prefetchFor(TREY);
    const conditions = prefetch.conditions as Bundle;
    const noCramps = { ...conditions, entry: (conditions.entry ?? []).filter((e) => e.resource?.id !== "cds-leg-cramps") };
    expect(await call(TREY, { patient: prefetch.patient, conditions: noCramps }, fhir(TREY))).toEqual([]);
    expect(fhirRequests).toEqual([]);
  });
});

describe("when reading is impossible, no card", () => {
  it("no fhirServer, or no access token → no card (and the same call with them → a card)", async () => {
    const partial = { patient: (await prefetchFor(TREY)).patient };
    expect(await call(TREY, partial)).toEqual([]);
    expect(await call(TREY, partial, { fhirServer: FHIR_BASE })).toEqual([]);
    expect(await call(TREY, partial, { fhirServer: FHIR_BASE, fhirAuthorization: { token_type: "Bearer" } })).toEqual([]);
    expect(fhirRequests).toEqual([]);
    expect(await call(TREY, partial, fhir(TREY))).toHaveLength(1);
  });

  it("a kind of record the token may not read (scope without Procedure) → no card", async () => {
    const partial = { patient: (await prefetchFor(TREY)).patient };
    const scope = "patient/Patient.rs patient/Condition.rs patient/MedicationRequest.rs patient/MedicationStatement.rs patient/Medication.rs";
    expect(await call(TREY, partial, { fhirServer: FHIR_BASE, fhirAuthorization: fhirAuthorization(TREY, scope) })).toEqual([]);
  });

  it("a refused token (for another patient) → no card", async () => {
    const partial = { patient: (await prefetchFor(TREY)).patient };
    expect(await call(TREY, partial, { fhirServer: FHIR_BASE, fhirAuthorization: fhirAuthorization(PARKER) })).toEqual([]);
    expect(fhirRequests.length).toBeGreaterThan(0);
  });

  it("a loopback fhirServer the client does not list is never contacted; the demo flag alone allows any loopback server", async () => {
    const partial = { patient: (await prefetchFor(TREY)).patient };
    const unlisted = await startTestService(testConfig(stack.client, { clients: [{ iss: stack.client.iss, jwksUrl: stack.client.jwksUrl }] }));
    const demo = await startTestService(testConfig(stack.client, { clients: [{ iss: stack.client.iss, jwksUrl: stack.client.jwksUrl }] }), { demo: true });
    try {
      fhirRequests.length = 0;
      const refused = await post(unlisted.serviceEndpoint, hookBody(TREY, partial, fhir(TREY)), await stack.client.sign({ aud: unlisted.serviceEndpoint }));
      expect(refused.body).toEqual({ cards: [] });
      expect(fhirRequests).toEqual([]);
      expect(unlisted.noCardCounts()).toEqual({ "server-not-allowed": 1 });
      const read = await post(demo.serviceEndpoint, hookBody(TREY, partial, fhir(TREY)), await stack.client.sign({ aud: demo.serviceEndpoint }));
      expect(read.body.cards).toHaveLength(1);
      expect(fhirRequests.length).toBeGreaterThan(0);
    } finally {
      await unlisted.close();
      await demo.close();
    }
  });

  it("a prefetched Patient that is not the context's patient → no card, nothing read", async () => {
    const prefetch = await prefetchFor(TREY);
    expect(await call(PARKER, { ...prefetch, conditions: null }, fhir(PARKER))).toEqual([]);
    expect(fhirRequests).toEqual([]);
  });
});
