/**
 * The demo EHR's behaviour profiles (mocks/profiles.ts), the Observation search, granular scopes and
 * refused origins, checked at the HTTP level (msw/node) — what the app's tests rely on.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { Bundle, CapabilityStatement, MedicationRequest, Observation, OperationOutcome } from "fhir/r4";
import { createMockEhrServer } from "../../mocks/node";
import { profileFhirBase, simFhirBase } from "../../mocks/launchContext";
import { epicScope, longMedicationId, oracleScope } from "../../mocks/profiles";
import { homePage } from "../../mocks/homePage";
import { DEMO_PATIENTS } from "../../mocks/patients";
import { BASE, FHIR, FIXED_NOW, SCOPE, fhirGet, getToken, tokenRequest } from "./helpers";
import { dateMatches } from "../../mocks/fhirSearch";

const server = createMockEhrServer(BASE, { now: () => FIXED_NOW });
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const TREY = "f46d1649-8a02-4de8-8cff-f76fae267d3a";
const EPIC = profileFhirBase(BASE, "epic");
const ORACLE = profileFhirBase(BASE, "oracle");
const json = async <T>(res: Response) => (await res.json()) as T;

describe("scope reported vs enforced", () => {
  test("Epic reports context-less strings, Oracle the other SMART version without launch scopes; both enforce the grant", async () => {
    expect(epicScope("launch openid patient/Condition.rs patient/Medication.r")).toBe("launch openid Condition.read Condition.search Medication.read");
    expect(oracleScope("launch launch/patient openid patient/Condition.rs patient/Observation.s")).toBe("openid patient/Condition.read patient/Observation.s");
    const epic = await getToken({ aud: EPIC, launch: { patient: TREY } });
    expect(epic.scope).toMatch(/Condition\.read Condition\.search/);
    expect((await fhirGet(`Condition?patient=${TREY}`, epic.access_token, {}, EPIC)).status).toBe(200);
    const narrow = await getToken({ aud: EPIC, launch: { patient: TREY, grantScope: "launch patient/Patient.rs" } });
    expect((await fhirGet(`Condition?patient=${TREY}`, narrow.access_token, {}, EPIC)).status).toBe(403);
  });

  test("reportScope overrides the reported string only", async () => {
    const t = await getToken({ launch: { patient: TREY, reportScope: "openid" } });
    expect(t.scope).toBe("openid");
    expect((await fhirGet(`Procedure?patient=${TREY}`, t.access_token)).status).toBe(200);
  });

  test("a v2 granular scope is enforced: the search must carry the restricted parameter", async () => {
    const cat = "http://terminology.hl7.org/CodeSystem/condition-category|problem-list-item";
    const t = await getToken({ launch: { patient: "epic-like" }, scope: `launch patient/Condition.rs?category=${cat}` });
    expect((await fhirGet("Condition?patient=epic-like", t.access_token)).status).toBe(403);
    expect((await fhirGet(`Condition?patient=epic-like&category=${encodeURIComponent(cat)}`, t.access_token)).status).toBe(200);
    expect((await fhirGet("Condition?patient=epic-like&category=problem-list-item", t.access_token)).status).toBe(200);
    expect((await fhirGet("Condition?patient=epic-like&category=encounter-diagnosis", t.access_token)).status).toBe(403);
  });
});

describe("Epic-like profile", () => {
  test("medicines are references without display to 66-character Medication ids; _include is ignored; the Medication reads", async () => {
    const t = await getToken({ aud: EPIC, launch: { patient: TREY } });
    const b = await json<Bundle>(await fhirGet(`MedicationRequest?patient=${TREY}&intent=order,plan&_include=MedicationRequest:medication`, t.access_token, {}, EPIC));
    // No included Medications: matches, and Epic's one outcome.
    expect(b.entry!.map((e) => e.search?.mode).filter((m) => m !== "match")).toEqual(["outcome"]);
    const mrs = b.entry!.filter((e) => e.search?.mode === "match").map((e) => e.resource as MedicationRequest);
    expect(mrs.every((m) => !m.medicationCodeableConcept && !m.medicationReference?.display)).toBe(true);
    const ref = mrs[0]!.medicationReference!.reference!;
    expect(ref.slice("Medication/".length)).toHaveLength(66);
    expect(longMedicationId("x")).toHaveLength(66);
    const med = await fhirGet(ref, t.access_token, {}, EPIC);
    expect(med.status).toBe(200);
  });

  test("Condition: problems active only without clinical-status, every status when asked; encounter diagnoses unfiltered; the suppressed outcome as Epic sends it", async () => {
    const t = await getToken({ aud: EPIC, launch: { patient: "epic-like" } });
    const get = async (q: string) => json<Bundle>(await fhirGet(`Condition?patient=epic-like&${q}`, t.access_token, {}, EPIC));
    const count = (b: Bundle) => b.entry!.filter((e) => e.search?.mode === "match").length;
    expect(count(await get("category=problem-list-item"))).toBe(3);
    expect(count(await get("category=encounter-diagnosis"))).toBe(2);
    // Synthea's uncategorised conditions become encounter diagnoses, which the active-only default leaves alone.
    const trey = await getToken({ aud: EPIC, launch: { patient: TREY } });
    const all = await json<Bundle>(await fhirGet(`Condition?patient=${TREY}&category=encounter-diagnosis`, trey.access_token, {}, EPIC));
    expect(count(all)).toBe(10);
    const outcome = all.entry!.find((e) => e.search?.mode === "outcome")!.resource as OperationOutcome;
    expect(outcome.issue).toHaveLength(1);
    expect(outcome.issue[0]).toMatchObject({ severity: "warning", code: "suppressed", diagnostics: expect.stringMatching(/^Client not authorized for Condition - Outside Record Problems\./) });
    expect(outcome.issue[0]!.details?.text).toBe(outcome.issue[0]!.details?.coding?.[0]?.display);
  });

  test("software 'Epic'; a query string over 2,048 bytes is answered with an HTML 404; an empty searchset carries Epic's 'no results' warning", async () => {
    const t = await getToken({ aud: EPIC, launch: { patient: TREY } });
    const cs = await json<CapabilityStatement>(await fhirGet("metadata", t.access_token, {}, EPIC));
    expect(cs.software?.name).toBe("Epic");
    const long = await fhirGet(`Procedure?patient=${TREY}&code=${"x".repeat(2048)}`, t.access_token, {}, EPIC);
    expect(long.status).toBe(404);
    expect(long.headers.get("content-type")).toMatch(/text\/html/);
    const empty = await json<Bundle>(await fhirGet(`Procedure?patient=${TREY}&code=none`, t.access_token, {}, EPIC));
    expect(empty.entry?.map((e) => (e.resource as OperationOutcome).issue[0]!.details?.text)).toEqual(["Resource request returns no results."]);
  });

  test("Observation needs a category or code; discovery advertises no refresh; no refresh token, no banner flag", async () => {
    const t = await getToken({ aud: EPIC, launch: { patient: TREY }, scope: `${SCOPE} online_access` });
    expect((await fhirGet(`Observation?patient=${TREY}`, t.access_token, {}, EPIC)).status).toBe(400);
    expect((await fhirGet(`Observation?patient=${TREY}&category=laboratory`, t.access_token, {}, EPIC)).status).toBe(200);
    expect(t.refresh_token).toBeUndefined();
    expect(t).not.toHaveProperty("need_patient_banner");
    const wk = await json<{ capabilities: string[] }>(await fetch(`${EPIC}/.well-known/smart-configuration`));
    expect(wk.capabilities).not.toContain("permission-online");
  });
});

describe("Oracle-like profile", () => {
  test("MedicationStatement is absent from the CapabilityStatement and answers 404", async () => {
    const t = await getToken({ aud: ORACLE, launch: { patient: TREY } });
    const cs = await json<CapabilityStatement>(await fhirGet("metadata", t.access_token, {}, ORACLE));
    const types = cs.rest![0]!.resource!.map((r) => r.type);
    expect(types).not.toContain("MedicationStatement");
    expect(types).toContain("Observation");
    expect((await fhirGet(`MedicationStatement?patient=${TREY}`, t.access_token, {}, ORACLE)).status).toBe(404);
  });

  test("_count listed and honoured for MedicationRequest, 400 where not listed; 400 on _include; contained Medications coded on their ingredients", async () => {
    const t = await getToken({ aud: ORACLE, launch: { patient: TREY } });
    const cs = await json<CapabilityStatement>(await fhirGet("metadata", t.access_token, {}, ORACLE));
    const params = (type: string) => cs.rest![0]!.resource!.find((r) => r.type === type)!.searchParam!.map((p) => p.name);
    expect(params("MedicationRequest")).toContain("_count");
    expect(params("Procedure")).not.toContain("_count");
    expect((await fhirGet(`Procedure?patient=${TREY}&_count=10`, t.access_token, {}, ORACLE)).status).toBe(400);
    expect((await fhirGet(`MedicationRequest?patient=${TREY}&_count=10`, t.access_token, {}, ORACLE)).status).toBe(200);
    expect((await fhirGet(`MedicationRequest?patient=${TREY}&_include=MedicationRequest:medication`, t.access_token, {}, ORACLE)).status).toBe(400);
    const b = await json<Bundle>(await fhirGet(`MedicationRequest?patient=${TREY}`, t.access_token, {}, ORACLE));
    const mr = b.entry![0]!.resource as MedicationRequest;
    expect(mr.medicationReference?.reference).toBe("#med1");
    const med = mr.contained![0]!;
    expect(med.resourceType === "Medication" && med.code?.coding).toBeUndefined();
    expect(med.resourceType === "Medication" && med.ingredient?.[0]?.itemCodeableConcept?.coding?.[0]?.system).toBe("http://www.nlm.nih.gov/research/umls/rxnorm");
  });

  test("570-second tokens; a refresh token only with online_access; smart_style_url on another origin", async () => {
    const plain = await getToken({ aud: ORACLE, launch: { patient: TREY } });
    expect(plain.expires_in).toBe(570);
    expect(plain.refresh_token).toBeUndefined();
    expect(new URL(plain.smart_style_url!).origin).toBe("http://localhost:4010");
    expect((await fetch(plain.smart_style_url!)).status).toBe(200);
    const online = await getToken({ aud: ORACLE, launch: { patient: TREY }, scope: `${SCOPE} online_access` });
    expect(online.refresh_token).toBeTruthy();
  });
});

describe("Observation search", () => {
  test("code, category and date filters", async () => {
    const t = await getToken({ launch: { patient: TREY } });
    const ids = async (q: string) => (await json<Bundle>(await fhirGet(`Observation?patient=${TREY}&${q}`, t.access_token))).entry?.map((e) => (e.resource as Observation).id) ?? [];
    expect(await ids("code=http://loinc.org|718-7")).toHaveLength(2);
    expect(await ids("code=http://loinc.org|33914-3,http://loinc.org|718-7")).toHaveLength(13);
    expect(await ids("category=laboratory&date=ge2019-01-01")).toHaveLength(2);
    expect(await ids("category=vital-signs")).toHaveLength(0);
  });

  test("date prefixes compare at the shorter precision", () => {
    expect(dateMatches("2020-05-01T10:00:00Z", "ge2020-05-01")).toBe(true);
    expect(dateMatches("2020-04-30", "ge2020-05")).toBe(false);
    expect(dateMatches("2020", "lt2021-01-01")).toBe(true);
    expect(dateMatches(undefined, "ge2020")).toBe(false);
    expect(dateMatches("2020-01-01", "garbage")).toBe(false);
  });
});

describe("a refused origin (refuseCors)", () => {
  test("the token endpoint answers without CORS headers; discovery stays open; FHIR data and its preflight are refused", async () => {
    const base = simFhirBase(BASE, { refuseCors: "token" });
    const wk = await fetch(`${base}/.well-known/smart-configuration`, { headers: { Origin: "http://app.example" } });
    expect(wk.headers.get("access-control-allow-origin")).toBe("http://app.example");
    const preflight = await fetch(`${base}/Condition?patient=${TREY}`, { method: "OPTIONS", headers: { Origin: "http://app.example" } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    const t = await getToken({ aud: simFhirBase(BASE, { refuseCors: "fhir" }), launch: { patient: TREY } });
    const data = await fhirGet(`Condition?patient=${TREY}`, t.access_token, { headers: { Origin: "http://app.example" } }, simFhirBase(BASE, { refuseCors: "fhir" }));
    expect(data.headers.get("access-control-allow-origin")).toBeNull();
    const bad = await tokenRequest({ grant_type: "authorization_code", code: "x" });
    expect(bad.headers.get("access-control-allow-origin")).toBeTruthy();
  });
});

describe("the demo page", () => {
  test("offers the seven profiles, lists the profile's own patient first, and launches into the chosen profile's FHIR base", () => {
    const page = homePage({ patients: DEMO_PATIENTS, baseUrl: BASE, profile: "oracle", appLaunchUrl: "http://localhost:4000/launch.html", now: FIXED_NOW });
    expect([...page.matchAll(/name="profile" value="(\w+)"/g)].map((m) => m[1])).toEqual(["plain", "epic", "oracle", "meditech", "athena", "ecw", "nextgen"]);
    expect(/data-patient-id="([^"]+)"/.exec(page)![1]).toBe("oracle-home-meds");
    expect(page).toContain('data-profile-patient="oracle"');
    expect(page).toMatch(/value="oracle" checked/);
    const href = /data-patient-id="[^"]+"/.exec(page) && /<a href="([^"]+)" data-patient-id/.exec(page)![1]!.replace(/&amp;/g, "&");
    expect(new URL(href!).searchParams.get("iss")).toBe(ORACLE);
    expect(FHIR).toBe(profileFhirBase(BASE, "plain"));
  });
});
