// @vitest-environment jsdom
/**
 * The data layer with real fhirclient against the demo EHR's MSW handlers: every shape, every page,
 * every failure, and never a statement of absence for a section that was not read.
 */
import { describe, expect, it } from "vitest";
import { http, HttpResponse } from "msw";
import type Client from "fhirclient/lib/Client";
import type { DemoLaunch } from "../../mocks/launchContext";
import { loadPatientData, type LoadOutcome } from "../../src/fhir/load";
import type { RequestPolicy } from "../../src/fhir/request";
import type { ServerConfig } from "../../src/fhir/configTypes";
import type { SourceReport } from "../../src/fhir/types";
import { EHR_ORIGIN, FHIR_BASE, launchAndLand, NOW, recordRequests, testPolicy, TREY, startMockEhrForFile } from "./smartFlow";

const server = startMockEhrForFile();
const requested = recordRequests(server);

const sleeps: number[] = [];
function fastPolicy(timeoutMs = 2000): RequestPolicy {
  return testPolicy({
    timeoutMs,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
}

/** Answers the Procedure search with one searchset Bundle of these (possibly broken) entries. */
function serveProcedures(entry: unknown[]): void {
  server.use(http.get(`${FHIR_BASE}/Procedure`, () => HttpResponse.json({ resourceType: "Bundle", type: "searchset", entry })));
}

/** Reads the launched patient's data with an already-landed client. */
function loadWith(client: Client, serverConfig: Partial<ServerConfig> = {}, policy = fastPolicy(), grantedScope?: string): Promise<LoadOutcome> {
  return loadPatientData({
    client,
    patientId: client.patient.id!,
    base: client.state.serverUrl,
    grantedScope: grantedScope ?? String(client.state.tokenResponse?.scope ?? ""),
    server: { name: "test", ...serverConfig },
    policy,
    now: () => NOW,
  });
}

/** Launches with `launch`, then reads. */
async function load(launch: DemoLaunch, serverConfig: Partial<ServerConfig> = {}, iss?: string, policy = fastPolicy()): Promise<LoadOutcome> {
  const { clientP } = await launchAndLand(launch, iss);
  return loadWith(await clientP!, serverConfig, policy);
}

function sources(outcome: LoadOutcome): Record<string, SourceReport> {
  if (!outcome.ok) throw new Error(`load failed: ${outcome.error}`);
  return Object.fromEntries(outcome.data.sources.map((s) => [s.source, s]));
}

describe("loading a sandbox patient", () => {
  it("reads every section in one wave of parallel requests", async () => {
    const outcome = await load({ patient: TREY });
    const s = sources(outcome);
    expect(Object.values(s).map((r) => r.status)).toEqual(["read", "read", "read", "read", "read", "read"]);
    if (!outcome.ok) return;
    expect(outcome.data.input.patient?.id).toBe(TREY);
    expect(s.Condition!.count).toBe(outcome.data.input.conditions.length);
    expect(outcome.data.input.conditions.length).toBeGreaterThan(5);
    expect(outcome.data.input.medications.every((m) => m.conceptSource?.kind === "inline")).toBe(true);
    const fhirRequests = requested.filter((u) => u.startsWith(FHIR_BASE) && !u.includes("well-known"));
    // metadata, Patient, Condition, MedicationRequest, MedicationStatement, Procedure, Observation — nothing else
    expect(fhirRequests).toHaveLength(7);
    const obs = new URL(fhirRequests.find((u) => u.includes("/Observation?"))!);
    expect(obs.searchParams.get("code")?.split(",")).toContain("33914-3");
    expect(obs.searchParams.has("category")).toBe(false);
    expect(outcome.data.input.observations?.length).toBe(s.Observation!.count);
    const mr = fhirRequests.find((u) => u.includes("/MedicationRequest?"))!;
    expect(new URL(mr).searchParams.get("intent")).toBe("proposal,plan,order,original-order,reflex-order,filler-order,instance-order,option");
    expect(new URL(mr).searchParams.get("_include")).toBe("MedicationRequest:medication");
    expect(new URL(mr).searchParams.get("_count")).toBe("200");
    const cond = new URL(fhirRequests.find((u) => u.includes("/Condition?"))!);
    expect(cond.searchParams.has("category")).toBe(false);
    expect(cond.searchParams.has("clinical-status")).toBe(false);
  });
});

describe("real-EHR shapes", () => {
  it("Epic-like: included Medications resolve; problem-list and encounter-diagnosis duplicates both arrive", async () => {
    const outcome = await load({ patient: "epic-like" });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const kinds = outcome.data.input.medications.map((m) => m.conceptSource?.kind);
    expect(kinds).toContain("included");
    expect(outcome.data.input.medications.every((m) => m.concept)).toBe(true);
    expect(outcome.data.input.conditions.map((c) => c.id)).toEqual(expect.arrayContaining(["epic-cond-dm-pl", "epic-cond-dm-ed"]));
  });

  it("Epic-like with per-server Condition searches by category: results merged, no duplicates", async () => {
    const outcome = await load(
      { patient: "epic-like" },
      { conditionSearches: [{ category: "problem-list-item", clinicalStatus: "active,inactive,resolved" }, { category: "encounter-diagnosis" }, {}] },
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const ids = outcome.data.input.conditions.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(requested.filter((u) => u.includes("/Condition?"))).toHaveLength(3);
    expect(requested.some((u) => new URL(u).searchParams.get("category") === "encounter-diagnosis")).toBe(true);
  });

  it("Oracle-like: contained Medication and a Medication fetched by reference", async () => {
    const outcome = await load({ patient: "oracle-like" });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const kinds = outcome.data.input.medications.map((m) => m.conceptSource?.kind);
    expect(kinds).toEqual(expect.arrayContaining(["contained", "fetched"]));
    expect(requested.some((u) => /\/fhir\/Medication\/[^?]+$/.test(u))).toBe(true);
    expect(sources(outcome).MedicationRequest!.status).toBe("read");
  });

  it("MedicationStatement-only patient: statements read and resolved", async () => {
    const outcome = await load({ patient: "statements-only" });
    const s = sources(outcome);
    expect(s.MedicationStatement!.status).toBe("read");
    expect(s.MedicationStatement!.count).toBeGreaterThan(0);
    expect(s.MedicationRequest!.count).toBe(0);
  });

  it("2,000 MedicationRequests: every page followed on the same base", async () => {
    const outcome = await load({ patient: "many-meds" });
    const s = sources(outcome);
    expect(s.MedicationRequest!.status).toBe("read");
    expect(s.MedicationRequest!.count).toBe(2000);
    expect(requested.filter((u) => u.includes("/MedicationRequest")).length).toBe(10);
  });

  it("a cap on resources per type marks the section truncated", async () => {
    const outcome = await load({ patient: "many-meds" }, { maxResourcesPerType: 500, pageSize: 100 });
    const s = sources(outcome);
    expect(s.MedicationRequest!.status).toBe("truncated");
    expect(s.MedicationRequest!.count).toBe(500);
    expect(s.MedicationRequest!.message).toMatch(/Only the first 500/);
  });

  it("OperationOutcome entries inside a bundle are surfaced as warnings", async () => {
    const outcome = await load({ patient: "partial-dates" });
    const warnings = Object.values(sources(outcome)).flatMap((s) => s.warnings);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.join(" ")).not.toMatch(/https?:\/\//);
  });
});

describe("failures, one section at a time", () => {
  it("403 on Condition: not-authorized, other sections read", async () => {
    const s = sources(await load({ patient: TREY, faults: { Condition: { status: 403 } } }));
    expect(s.Condition!.status).toBe("not-authorized");
    expect(s.MedicationRequest!.status).toBe("read");
  });

  it("404 or 400 on a MedicationStatement the server advertises: a refusal, so failed (not 'not offered')", async () => {
    for (const status of [404, 400]) {
      const s = sources(await load({ patient: TREY, faults: { MedicationStatement: { status } } }));
      expect(s.MedicationStatement!.status).toBe("failed");
      // Worded by what the EHR said (its OperationOutcome), never "not authorised".
      expect(s.MedicationStatement!.message).toMatch(status === 404 ? /not available from this EHR \(“Simulated HTTP 404 failure”\)/ : /refused the search for medicine statements \(HTTP 400\)/);
    }
  });

  it("503 twice with Retry-After, then success: retried, honouring Retry-After", async () => {
    sleeps.length = 0;
    const s = sources(await load({ patient: TREY, faults: { Procedure: { status: 503, retryAfter: 2, times: 2 } } }));
    expect(s.Procedure!.status).toBe("read");
    expect(sleeps).toEqual([50, 50]); // 2 s asked, capped at the policy's maxDelayMs
  });

  it("429 on every attempt: bounded retries, then the section fails", async () => {
    sleeps.length = 0;
    const s = sources(await load({ patient: TREY, faults: { Condition: { status: 429 } } }));
    expect(s.Condition!.status).toBe("failed");
    expect(sleeps).toHaveLength(3);
    expect(requested.filter((u) => u.includes("/Condition?"))).toHaveLength(4);
  });

  it("500: section failed without retry storms", async () => {
    const s = sources(await load({ patient: TREY, faults: { MedicationRequest: { status: 500 } } }));
    expect(s.MedicationRequest!.status).toBe("failed");
    expect(s.MedicationRequest!.message).toMatch(/server error 500/);
  });

  it("malformed JSON and a non-Bundle answer: section failed", async () => {
    expect(sources(await load({ patient: TREY, faults: { Condition: { status: 200, body: "malformed-json" } } })).Condition!.status).toBe("failed");
    expect(sources(await load({ patient: TREY, faults: { Procedure: { status: 200, body: "not-a-bundle" } } })).Procedure!.status).toBe("failed");
  });

  it("a server that never answers: timeout, one retry, then the section fails", async () => {
    const outcome = await load({ patient: TREY, faults: { Procedure: { status: 200, body: "hang" } } }, {}, undefined, fastPolicy(150));
    expect(sources(outcome).Procedure!.status).toBe("failed");
    expect(sources(outcome).Procedure!.message).toMatch(/too long/);
    expect(requested.filter((u) => u.includes("/Procedure?"))).toHaveLength(2);
  });

  it("a network error: one retry, then failed", async () => {
    const { clientP } = await launchAndLand({ patient: TREY });
    const client = await clientP!;
    server.use(http.get(`${FHIR_BASE}/Procedure`, () => HttpResponse.error()));
    const outcome = await loadWith(client);
    expect(sources(outcome).Procedure!.status).toBe("failed");
    expect(sources(outcome).Procedure!.message).toMatch(/network/);
  });

  it("a scope not granted: the section is skipped without a request and reported", async () => {
    const outcome = await load({ patient: TREY, grantScope: "launch patient/Patient.rs patient/MedicationRequest.rs patient/Procedure.rs patient/MedicationStatement.rs" });
    expect(sources(outcome).Condition!.status).toBe("not-authorized");
    expect(requested.some((u) => u.includes("/Condition"))).toBe(false);
  });

  it("401 in the middle of loading ends the session for the whole panel", async () => {
    const outcome = await load({ patient: TREY, expireAfterRequests: 2 });
    expect(outcome).toEqual({ ok: false, error: "session-expired" });
  });

  it("a next link to another origin is refused: no request is sent there", async () => {
    const outcome = await load({ patient: "many-meds", crossOriginNext: "MedicationRequest" }, { pageSize: 100 });
    const s = sources(outcome);
    expect(s.MedicationRequest!.status).toBe("truncated");
    expect(s.MedicationRequest!.message).toMatch(/another address/);
    expect(requested.some((u) => u.includes("evil.example"))).toBe(false);
  });

  it("a non-R4 server is refused with a clear category", async () => {
    const { encodeLaunch } = await import("../../mocks/launchContext");
    const iss = `${EHR_ORIGIN}/sim/${encodeLaunch({ fhirVersion: "3.0.2" })}/fhir`;
    const outcome = await load({ patient: TREY }, {}, iss);
    expect(outcome).toMatchObject({ ok: false, error: "unsupported-fhir-version" });
  });

  it("a Patient answer for another patient is never shown", async () => {
    const { clientP } = await launchAndLand({ patient: TREY });
    const client = await clientP!;
    server.use(http.get(`${FHIR_BASE}/Patient/:id`, () => HttpResponse.json({ resourceType: "Patient", id: "someone-else" })));
    const outcome = await loadWith(client);
    expect(outcome).toEqual({ ok: false, error: "patient-mismatch" });
  });

  it("records naming another patient are dropped and reported", async () => {
    const { clientP } = await launchAndLand({ patient: TREY });
    const client = await clientP!;
    serveProcedures([
      { resource: { resourceType: "Procedure", id: "p1", status: "completed", subject: { reference: `Patient/${TREY}` } } },
      { resource: { resourceType: "Procedure", id: "p2", status: "completed", subject: { reference: "Patient/other" } } },
      { resource: "garbage" },
    ]);
    const outcome = await loadWith(client);
    const s = sources(outcome);
    expect(s.Procedure!.count).toBe(1);
    expect(s.Procedure!.warnings.join(" ")).toMatch(/another patient/);
    expect(s.Procedure!.warnings.join(" ")).toMatch(/unreadable/);
    if (outcome.ok) expect(outcome.data.input.procedures.map((p) => p.id)).toEqual(["p1"]);
  });
});

describe("refresh", () => {
  const scope =
    "launch launch/patient openid fhirUser online_access patient/Patient.rs patient/Condition.rs patient/MedicationRequest.rs patient/MedicationStatement.rs patient/Procedure.rs patient/Observation.rs patient/Medication.rs";

  it("an expiring token is refreshed before reading, and the data is read", async () => {
    const outcome = await load({ patient: TREY, grantScope: scope, expiresIn: 5 });
    expect(Object.values(sources(outcome)).map((s) => s.status)).toEqual(["read", "read", "read", "read", "read", "read"]);
    expect(requested.filter((u) => u.endsWith("/auth/token")).length).toBeGreaterThanOrEqual(2);
  });

  it("a refused refresh ends the session (not a section error)", async () => {
    const { clientP } = await launchAndLand({ patient: TREY, grantScope: scope, expiresIn: 5 });
    const client = await clientP!;
    expect(client.state.tokenResponse?.refresh_token).toBeTruthy();
    server.use(http.post(`${EHR_ORIGIN}/auth/token`, () => HttpResponse.json({ error: "invalid_grant" }, { status: 400 })));
    const outcome = await loadWith(client, {}, fastPolicy(), scope);
    expect(outcome).toEqual({ ok: false, error: "session-expired" });
  });
});

describe("warnings from the server", () => {
  it("OperationOutcome text is shown without URLs or the patient id", async () => {
    const { clientP } = await launchAndLand({ patient: TREY });
    const client = await clientP!;
    serveProcedures([
      {
        search: { mode: "outcome" },
        resource: {
          resourceType: "OperationOutcome",
          issue: [{ severity: "warning", code: "informational", diagnostics: `Partial results for Patient/${TREY} from ${FHIR_BASE}/Procedure?patient=${TREY}` }],
        },
      },
    ]);
    const s = sources(await loadWith(client));
    const text = s.Procedure!.warnings.join(" ");
    expect(text).toMatch(/Partial results/);
    expect(text).not.toContain(TREY);
    expect(text).not.toMatch(/https?:/);
  });

  it("a refused Patient read quotes the server's words without the patient id", async () => {
    const { clientP } = await launchAndLand({ patient: TREY });
    const client = await clientP!;
    server.use(
      http.get(`${FHIR_BASE}/Patient/:id`, () =>
        HttpResponse.json({ resourceType: "OperationOutcome", issue: [{ severity: "error", code: "not-found", diagnostics: `Patient/${TREY} not found` }] }, { status: 404 }),
      ),
    );
    const s = sources(await loadWith(client));
    expect(s.Patient!.status).not.toBe("read");
    expect(s.Patient!.message).toMatch(/not found/);
    expect(s.Patient!.message).not.toContain(TREY);
  });
});


describe("lab results (Observation), reported like every other section", () => {
  it("read: this patient's LOINC-coded results reach the engine input", async () => {
    const outcome = await load({ patient: TREY });
    const s = sources(outcome);
    expect(s.Observation).toMatchObject({ status: "read", count: 13 });
    if (outcome.ok) expect(outcome.data.input.observations?.every((o) => o.resourceType === "Observation")).toBe(true);
  });

  it("refused (403): not-authorized; failing (500): failed; not granted: not-authorized without a request", async () => {
    expect(sources(await load({ patient: TREY, faults: { Observation: { status: 403 } } })).Observation!.status).toBe("not-authorized");
    expect(sources(await load({ patient: TREY, faults: { Observation: { status: 500 } } })).Observation!.status).toBe("failed");
    requested.length = 0;
    const grantScope = "launch patient/Patient.rs patient/Condition.rs patient/MedicationRequest.rs patient/MedicationStatement.rs patient/Procedure.rs";
    expect(sources(await load({ patient: TREY, grantScope })).Observation!.status).toBe("not-authorized");
    expect(requested.some((u) => u.includes("/Observation"))).toBe(false);
  });

  it("paged to the end, and truncated at the cap", async () => {
    const paged = sources(await load({ patient: TREY }, { pageSize: 5 }));
    expect(paged.Observation).toMatchObject({ status: "read", count: 13 });
    expect(requested.filter((u) => u.includes("/Observation?")).length).toBe(3);
    const cut = sources(await load({ patient: TREY }, { pageSize: 5, maxResourcesPerType: 10 }));
    expect(cut.Observation).toMatchObject({ status: "truncated", count: 10 });
  });
});

describe("use outside the browser (CDS Hooks): provided and skipped kinds", () => {
  it("provided resources are used as read, without a request; skipped kinds are neither requested nor reported", async () => {
    const { clientP } = await launchAndLand({ patient: TREY });
    const client = await clientP!;
    requested.length = 0;
    const condition = { resourceType: "Condition" as const, id: "c1", subject: { reference: `Patient/${TREY}` }, code: { text: "Hypertension" } };
    const other = { ...condition, id: "c2", subject: { reference: "Patient/other" } };
    const outcome = await loadPatientData({
      client,
      patientId: TREY,
      base: FHIR_BASE,
      grantedScope: String(client.state.tokenResponse?.scope),
      server: { name: "t" },
      policy: fastPolicy(),
      now: () => NOW,
      provided: { Condition: [condition, other] },
      skip: ["Observation", "MedicationStatement"],
    });
    const s = sources(outcome);
    expect(s.Condition).toMatchObject({ status: "read", count: 1 });
    expect(s.Observation).toBeUndefined();
    expect(s.MedicationStatement).toBeUndefined();
    expect(requested.some((u) => /\/(Condition|Observation|MedicationStatement)\?/.test(u))).toBe(false);
    if (outcome.ok) expect(outcome.data.input.conditions.map((c) => c.id)).toEqual(["c1"]);
  });
});
