/**
 * Issue 19: the MEDITECH, athenahealth, eClinicalWorks and NextGen profiles of the demo EHR (and their demo
 * patients), checked at the HTTP level (msw/node) — what the app's data-layer and browser tests rely on.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { Bundle, CapabilityStatement, MedicationRequest, Observation, Patient } from "fhir/r4";
import { createMockEhrServer } from "../../mocks/node";
import { profileFhirBase } from "../../mocks/launchContext";
import type { ProfileName } from "../../mocks/profiles";
import { DEMO_PATIENTS } from "../../mocks/patients";
import { BASE, FIXED_NOW, fhirGet, getToken } from "./helpers";

const server = createMockEhrServer(BASE, { now: () => FIXED_NOW });
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const json = async <T>(res: Response) => (await res.json()) as T;

async function session(profile: ProfileName, patient: string) {
  const base = profileFhirBase(BASE, profile);
  const t = await getToken({ aud: base, launch: { patient } });
  return { base, get: (path: string) => fhirGet(path, t.access_token, {}, base) };
}

const matches = (b: Bundle) => (b.entry ?? []).filter((e) => e.search?.mode === "match").map((e) => e.resource!);

describe("every profile has its demo patient", () => {
  test("one patient per profile other than plain", () => {
    const byProfile = new Set(DEMO_PATIENTS.map((p) => p.profile).filter(Boolean));
    expect([...byProfile].sort()).toEqual(["athena", "ecw", "epic", "meditech", "nextgen", "oracle"]);
  });
});

describe("MEDITECH-like (2021 baseline)", () => {
  test("the CapabilityStatement: no Medication, no MedicationStatement, _count only on Location/Practitioner, its own _include spelling", async () => {
    const s = await session("meditech", "meditech-home-meds");
    const cs = await json<CapabilityStatement>(await s.get("metadata"));
    const resources = cs.rest![0]!.resource!;
    const types = resources.map((r) => r.type);
    expect(types).not.toContain("Medication");
    expect(types).not.toContain("MedicationStatement");
    expect(resources.filter((r) => r.searchParam?.some((p) => p.name === "_count")).map((r) => r.type)).toEqual(["Location", "Practitioner"]);
    expect(resources.find((r) => r.type === "MedicationRequest")!.searchInclude).toEqual(["MedicationRequest.medication"]);
    expect(cs.software?.name).toBe("Interoperability Services: US Core FHIR R4");
  });

  test("home medicines as intent proposal with reportedBoolean, inline; refusals as plain text", async () => {
    const s = await session("meditech", "meditech-home-meds");
    const mrs = matches(await json<Bundle>(await s.get("MedicationRequest?patient=meditech-home-meds"))) as MedicationRequest[];
    expect(mrs.map((m) => [m.id, m.intent, m.reportedBoolean, m.status])).toEqual([
      ["meditech-home-furosemide", "proposal", true, "active"],
      ["meditech-home-lisinopril", "proposal", true, "active"],
    ]);
    expect(mrs.every((m) => m.medicationCodeableConcept?.coding?.length)).toBe(true);
    const refused = await s.get("Condition?patient=meditech-home-meds&_count=50");
    expect(refused.status).toBe(400);
    expect(refused.headers.get("content-type")).toMatch(/text\/plain/);
    expect((await s.get("MedicationRequest?patient=meditech-home-meds&_include=MedicationRequest:medication")).status).toBe(400);
    const obs = matches(await json<Bundle>(await s.get("Observation?patient=meditech-home-meds&category=laboratory"))) as Observation[];
    expect(obs[0]!.valueString).toBe("15.0 gm/dL");
  });
});

describe("athenahealth-like", () => {
  test("a MedicationRequest search without intent: 403 with an OperationOutcome 'required'; with it: 200", async () => {
    const s = await session("athena", "athena-local-labs");
    const refused = await s.get("MedicationRequest?patient=athena-local-labs");
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "required", diagnostics: expect.stringMatching(/intent/) }] });
    expect((await s.get("MedicationRequest?patient=athena-local-labs&intent=order")).status).toBe(200);
  });

  test("a local lab code labelled as LOINC is not found by a search for the real LOINC codes", async () => {
    const s = await session("athena", "athena-local-labs");
    const byCode = matches(await json<Bundle>(await s.get("Observation?patient=athena-local-labs&code=http://loinc.org|2345-7,http://loinc.org|98979-8")));
    expect(byCode.map((o) => o.id)).toEqual(["athena-egfr"]);
    const byCategory = matches(await json<Bundle>(await s.get("Observation?patient=athena-local-labs&category=laboratory")));
    expect(byCategory.map((o) => (o as Observation).code.coding?.[0]?.code).sort()).toEqual(["12809", "98979-8"]);
  });
});

describe("eClinicalWorks-like", () => {
  test("living patients carry deceasedDateTime 1899-12-30; a deceased one keeps their date", async () => {
    const s = await session("ecw", "f46d1649-8a02-4de8-8cff-f76fae267d3a");
    expect((await json<Patient>(await s.get("Patient/f46d1649-8a02-4de8-8cff-f76fae267d3a"))).deceasedDateTime).toBe("1899-12-30");
    const e = await session("ecw", "ecw-zero-date");
    const p = await json<Patient>(await e.get("Patient/ecw-zero-date"));
    expect([p.birthDate, p.deceasedDateTime]).toEqual(["1989-05-06", "1899-12-30"]);
  });

  test("_count over 100 is refused with 400 though the CapabilityStatement lists it; an NDC-only Medication without display", async () => {
    const s = await session("ecw", "ecw-zero-date");
    const cs = await json<CapabilityStatement>(await s.get("metadata"));
    expect(cs.rest![0]!.resource!.find((r) => r.type === "Procedure")!.searchParam!.map((p) => p.name)).toContain("_count");
    expect((await s.get("Procedure?patient=ecw-zero-date&_count=200")).status).toBe(400);
    expect((await s.get("Procedure?patient=ecw-zero-date&_count=100")).status).toBe(200);
    const med = await json<{ code: { coding: { system: string; code: string; display?: string }[]; text?: string } }>(await s.get("Medication/ecw-med-ndc-furosemide"));
    expect(med.code).toEqual({ coding: [{ system: "http://hl7.org/fhir/sid/ndc", code: "00603373921" }] });
  });
});

describe("NextGen-like", () => {
  test("pages of 50 whose next link changes the base path's case, and Procedure searches that stop short of their total", async () => {
    const s = await session("nextgen", "nextgen-paging");
    const first = await json<Bundle>(await s.get("MedicationRequest?patient=nextgen-paging&_count=200"));
    expect(matches(first)).toHaveLength(50);
    const next = first.link!.find((l) => l.relation === "next")!.url;
    expect(next).toContain("/FHIR/MedicationRequest?");
    expect(next.toLowerCase().startsWith(s.base.toLowerCase())).toBe(true);
    const second = await json<Bundle>(await s.get(next));
    expect(matches(second)).toHaveLength(10);
    const procedures = await json<Bundle>(await s.get("Procedure?patient=nextgen-paging&_count=200"));
    expect([matches(procedures).length, procedures.total, procedures.link!.some((l) => l.relation === "next")]).toEqual([50, 109, false]);
  });
});
