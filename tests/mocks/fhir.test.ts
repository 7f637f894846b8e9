import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { Bundle, MedicationRequest, OperationOutcome, Patient } from "fhir/r4";
import { createMockEhrServer } from "../../mocks/node";
import { simFhirBase, type DemoLaunch } from "../../mocks/launchContext";
import { BASE, FHIR, FIXED_NOW, SCOPE, fhirGet, getToken } from "./helpers";

let clock = FIXED_NOW;
const server = createMockEhrServer(BASE, { now: () => clock });
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  clock = FIXED_NOW;
  server.resetHandlers();
});
afterAll(() => server.close());

async function tokenFor(launch: DemoLaunch = {}, scope = SCOPE): Promise<string> {
  return (await getToken({ launch: { patient: "epic-like", ...launch }, scope })).access_token;
}

const nextLink = (b: Bundle) => b.link?.find((l) => l.relation === "next")?.url;

describe("reads and searches", () => {
  test("Patient read returns the patient", async () => {
    const res = await fhirGet("Patient/epic-like", await tokenFor());
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/fhir+json");
    expect(((await res.json()) as Patient).name?.[0]?.family).toBe("Epicson");
  });

  test("pages 3 times with _count, next links on the FHIR base, total and self link", async () => {
    const token = await tokenFor({ patient: "many-meds" });
    let url: string | undefined = `${FHIR}/MedicationRequest?patient=many-meds&intent=order,plan&_count=800`;
    const pages: Bundle[] = [];
    while (url) {
      expect(url.startsWith(`${FHIR}/`)).toBe(true);
      const bundle = (await (await fhirGet(url, token)).json()) as Bundle;
      pages.push(bundle);
      url = nextLink(bundle);
    }
    expect(pages.map((p) => p.entry?.length)).toEqual([800, 800, 400]);
    expect(pages.every((p) => p.total === 2000 && p.type === "searchset")).toBe(true);
    expect(pages[0]!.link?.find((l) => l.relation === "self")?.url).toContain(`${FHIR}/MedicationRequest?patient=many-meds`);
    const ids = pages.flatMap((p) => p.entry!.map((e) => e.resource!.id));
    expect(new Set(ids).size).toBe(2000);
    const first = pages[0]!.entry![0]!;
    expect(first.search?.mode).toBe("match");
    expect(first.fullUrl).toBe(`${FHIR}/MedicationRequest/${first.resource!.id}`);
  });

  test("default page size is 20 and _count is clamped to 1000", async () => {
    const token = await tokenFor({ patient: "many-meds" });
    const def = (await (await fhirGet("MedicationRequest?patient=many-meds", token)).json()) as Bundle;
    expect(def.entry).toHaveLength(20);
    const big = (await (await fhirGet("MedicationRequest?patient=many-meds&_count=5000", token)).json()) as Bundle;
    expect(big.entry).toHaveLength(1000);
  });

  test("_include returns referenced Medications with search.mode include", async () => {
    const token = await tokenFor();
    const bundle = (await (
      await fhirGet("MedicationRequest?patient=Patient/epic-like&intent=order,plan&_include=MedicationRequest:medication", token)
    ).json()) as Bundle;
    const included = bundle.entry!.filter((e) => e.search?.mode === "include");
    expect(included.map((e) => e.resource!.id).sort()).toEqual(["epic-med-hctz", "epic-med-lisinopril"]);
    expect(bundle.total).toBe(2);
    expect(bundle.link?.[0]?.url).toContain("_include=MedicationRequest%3Amedication");
  });

  test("oracle-like: _include is ignored; the Medication is fetched by id; #med1 is contained", async () => {
    const token = await tokenFor({ patient: "oracle-like" });
    const bundle = (await (
      await fhirGet("MedicationRequest?patient=oracle-like&_include=MedicationRequest:medication", token)
    ).json()) as Bundle;
    expect(bundle.entry!.every((e) => e.search?.mode === "match")).toBe(true);
    expect(bundle.link?.[0]?.url).not.toContain("_include");
    const mrs = bundle.entry!.map((e) => e.resource as MedicationRequest);
    expect(mrs.find((m) => m.medicationReference?.reference === "#med1")?.contained?.[0]?.id).toBe("med1");
    const med = await fhirGet("Medication/oracle-med-simvastatin", token);
    expect(med.status).toBe(200);
    expect(((await med.json()) as { code: { coding: { code: string }[] } }).code.coding[0]!.code).toBe("312961");
    expect((await fhirGet("Medication/nope", token)).status).toBe(404);
  });

  test("Condition filters by category and clinical-status; subject= works too", async () => {
    const token = await tokenFor();
    const all = (await (await fhirGet("Condition?subject=Patient/epic-like", token)).json()) as Bundle;
    expect(all.total).toBe(5);
    const pl = (await (await fhirGet("Condition?patient=epic-like&category=problem-list-item", token)).json()) as Bundle;
    expect(pl.total).toBe(3);
    const token2 = await tokenFor({ patient: "look-alikes" });
    const active = (await (
      await fhirGet("Condition?patient=look-alikes&clinical-status=http://terminology.hl7.org/CodeSystem/condition-clinical|active", token2)
    ).json()) as Bundle;
    expect(active.entry!.map((e) => e.resource!.id)).not.toContain("la-cond-ckd-error");
    expect(active.total).toBe(4);
  });

  test("MedicationStatement and Procedure searches", async () => {
    const t1 = await tokenFor({ patient: "statements-only" });
    const ms = (await (await fhirGet("MedicationStatement?patient=statements-only", t1)).json()) as Bundle;
    expect(ms.total).toBe(3);
    const mr = (await (await fhirGet("MedicationRequest?patient=statements-only", t1)).json()) as Bundle;
    expect(mr.total).toBe(0);
    expect(mr.entry).toBeUndefined();
    const t2 = await tokenFor({ patient: "pregnancy-rls" });
    const proc = (await (await fhirGet("Procedure?patient=pregnancy-rls", t2)).json()) as Bundle;
    expect(proc.entry?.[0]?.resource).toMatchObject({ resourceType: "Procedure", performedDateTime: "2025-03-12" });
  });

  test("OperationOutcome warnings appear as search.mode outcome entries on the first page", async () => {
    const token = await tokenFor({ patient: "partial-dates" });
    const b = (await (await fhirGet("Condition?patient=partial-dates", token)).json()) as Bundle;
    const outcomes = b.entry!.filter((e) => e.search?.mode === "outcome");
    expect(outcomes).toHaveLength(1);
    expect((outcomes[0]!.resource as OperationOutcome).issue[0]!.severity).toBe("warning");
    expect(b.total).toBe(5);
  });

  test("a search without a patient is refused, unknown types are not supported", async () => {
    const token = await tokenFor();
    expect((await fhirGet("Condition", token)).status).toBe(400);
    expect((await fhirGet("AllergyIntolerance?patient=epic-like", token)).status).toBe(404);
  });
});

describe("authorization", () => {
  test("401 with an OperationOutcome for a missing, forged or expired token", async () => {
    const missing = await fhirGet("Patient/epic-like");
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as OperationOutcome).resourceType).toBe("OperationOutcome");
    expect(missing.headers.get("www-authenticate")).toMatch(/Bearer/);
    expect((await fhirGet("Patient/epic-like", "not-a-token")).status).toBe(401);
    const token = await tokenFor({ expiresIn: 60 });
    expect((await fhirGet("Patient/epic-like", token)).status).toBe(200);
    clock = new Date(FIXED_NOW.getTime() + 61_000);
    expect((await fhirGet("Patient/epic-like", token)).status).toBe(401);
  });

  test("expireAfterRequests turns the token into a 401 after N requests", async () => {
    const token = await tokenFor({ expireAfterRequests: 2 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await fhirGet("Condition?patient=epic-like", token)).status);
    expect(statuses).toEqual([200, 200, 401, 401]);
  });

  test("403 when the granted scope does not cover the resource type (v1 and v2)", async () => {
    const v2 = await tokenFor({ grantScope: "launch patient/Patient.rs patient/Condition.rs" });
    expect((await fhirGet("Condition?patient=epic-like", v2)).status).toBe(200);
    const denied = await fhirGet("MedicationRequest?patient=epic-like", v2);
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as OperationOutcome).issue[0]!.code).toBe("forbidden");
    const v1 = await tokenFor({ grantScope: "launch patient/*.read" });
    expect((await fhirGet("MedicationRequest?patient=epic-like", v1)).status).toBe(200);
  });

  test("_include drops Medications when Medication is not granted", async () => {
    const token = await tokenFor({ grantScope: "patient/MedicationRequest.rs" });
    const b = (await (await fhirGet("MedicationRequest?patient=epic-like&_include=MedicationRequest:medication", token)).json()) as Bundle;
    expect(b.entry!.every((e) => e.search?.mode === "match")).toBe(true);
  });

  test("403 when a patient-scoped token asks for another patient (tokenPatient mismatch)", async () => {
    const t = await getToken({ launch: { patient: "epic-like", tokenPatient: "oracle-like" } });
    expect(t.patient).toBe("oracle-like");
    expect((await fhirGet("Patient/oracle-like", t.access_token)).status).toBe(403);
    expect((await fhirGet("Condition?patient=oracle-like", t.access_token)).status).toBe(403);
    expect((await fhirGet("Condition/oracle-cond-hypothyroid", t.access_token)).status).toBe(403);
    expect((await fhirGet("Condition?patient=epic-like", t.access_token)).status).toBe(200);
  });

  test("user/ scopes may read any patient", async () => {
    const token = await tokenFor({ grantScope: "user/*.rs" });
    expect((await fhirGet("Patient/oracle-like", token)).status).toBe(200);
  });
});

describe("faults", () => {
  test("status fault with an OperationOutcome body and Retry-After", async () => {
    const token = await tokenFor({ faults: { Condition: { status: 503, retryAfter: 7 } } });
    const res = await fhirGet("Condition?patient=epic-like", token);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("7");
    expect(((await res.json()) as OperationOutcome).resourceType).toBe("OperationOutcome");
    expect((await fhirGet("MedicationRequest?patient=epic-like", token)).status).toBe(200);
  });

  test("rate follows a deterministic schedule per session", async () => {
    const run = async () => {
      const token = await tokenFor({ faults: { Condition: { status: 500, rate: 0.5 } } });
      const out = [];
      for (let i = 0; i < 6; i++) out.push((await fhirGet("Condition?patient=epic-like", token)).status);
      return out;
    };
    const first = await run();
    expect(first).toEqual([500, 200, 500, 200, 500, 200]);
    expect(await run()).toEqual(first);
  });

  test("times fails only the first N requests of the type in the session", async () => {
    const token = await tokenFor({ faults: { MedicationRequest: { status: 429, times: 2 } } });
    const out = [];
    for (let i = 0; i < 4; i++) out.push((await fhirGet("MedicationRequest?patient=epic-like", token)).status);
    expect(out).toEqual([429, 429, 200, 200]);
  });

  test("malformed JSON and non-Bundle JSON bodies", async () => {
    const token = await tokenFor({
      faults: { Condition: { status: 200, body: "malformed-json" }, Procedure: { status: 200, body: "not-a-bundle" } },
    });
    const bad = await fhirGet("Condition?patient=epic-like", token);
    expect(bad.status).toBe(200);
    await expect(bad.json()).rejects.toThrow();
    const odd = (await (await fhirGet("Procedure?patient=epic-like", token)).json()) as Record<string, unknown>;
    expect(odd.resourceType).toBeUndefined();
  });

  test("hang never answers; the client's AbortSignal ends it", async () => {
    const token = await tokenFor({ faults: { Condition: { status: 200, body: "hang" } } });
    const started = Date.now();
    await expect(fhirGet("Condition?patient=epic-like", token, { signal: AbortSignal.timeout(150) })).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  test("latencyMs delays responses", async () => {
    const token = await tokenFor({ latencyMs: 120 });
    const started = Date.now();
    expect((await fhirGet("Patient/epic-like", token)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  test("crossOriginNext points that search's next link at another origin", async () => {
    const token = await tokenFor({ patient: "many-meds", crossOriginNext: "MedicationRequest" });
    const b = (await (await fhirGet("MedicationRequest?patient=many-meds", token)).json()) as Bundle;
    expect(nextLink(b)).toMatch(/^https:\/\/evil\.example\/fhir\/MedicationRequest\?/);
    expect(b.link?.find((l) => l.relation === "self")?.url.startsWith(FHIR)).toBe(true);
  });

  test("a sim base applies its launch options to data requests and keeps links on that base", async () => {
    const sim = simFhirBase(BASE, { faults: { Procedure: { status: 500 } } });
    const t = await getToken({ aud: sim, launch: { patient: "many-meds" } });
    expect((await fhirGet("Procedure?patient=many-meds", t.access_token, {}, sim)).status).toBe(500);
    const b = (await (await fhirGet("MedicationRequest?patient=many-meds", t.access_token, {}, sim)).json()) as Bundle;
    expect(nextLink(b)!.startsWith(`${sim}/MedicationRequest?`)).toBe(true);
  });
});
