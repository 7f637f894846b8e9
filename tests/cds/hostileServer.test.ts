/**
 * The service against a hostile `fhirServer` (issue 21, items 1-2), over real HTTP: the EHR's access token
 * never leaves the FHIR base (no redirect, no 201 Location), a huge answer stops at the byte cap, a slow
 * server cannot hold a call past its deadline, and Medication reads are capped. Each hostile answer is paired
 * with the same call against the valid server, which gives a card.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CdsService } from "../../cds/server";
import { fhirJson, startHostileFhir, type HostileFhir } from "./hostileFhir";
import { FHIR_SCOPE, hookBody, legCrampCondition, post, startTestClient, startTestService, testConfig, type TestClient } from "./harness";

const PATIENT = "hostile-1";
const TOKEN = "ehr-access-token-for-hostile-tests";
const DEADLINE_MS = 800;

let fhir: HostileFhir;
let client: TestClient;
let service: CdsService;

beforeAll(async () => {
  fhir = await startHostileFhir();
  client = await startTestClient(() => service.serviceEndpoint);
  service = await startTestService(testConfig(client, { clients: [{ iss: client.iss, jwksUrl: client.jwksUrl, fhirServers: [`${fhir.base}/`] }] }), { callDeadlineMs: DEADLINE_MS });
});
afterAll(async () => {
  await service.close();
  await client.close();
  await fhir.close();
});
afterEach(() => fhir.reset());

const empty = { resourceType: "Bundle", type: "searchset", entry: [] };
/** A complete prefetch with leg cramps, but for the keys set to null: those are read from the hostile server. */
function prefetch(missing: string[]): Record<string, unknown> {
  const all: Record<string, unknown> = {
    patient: { resourceType: "Patient", id: PATIENT, birthDate: "1950-01-01" },
    conditions: { resourceType: "Bundle", type: "searchset", entry: [{ resource: legCrampCondition(PATIENT), search: { mode: "match" } }] },
    medicationRequests: empty,
    medicationStatements: empty,
    procedures: empty,
    observations: empty,
  };
  for (const key of missing) all[key] = null;
  return all;
}

async function call(missing: string[], target = service): Promise<{ cards: unknown[]; ms: number }> {
  const body = hookBody(PATIENT, prefetch(missing), { fhirServer: fhir.base, fhirAuthorization: { access_token: TOKEN, token_type: "Bearer", scope: FHIR_SCOPE } });
  const started = performance.now();
  const answer = await post(target.serviceEndpoint, body, await client.sign({ aud: target.serviceEndpoint }));
  expect(answer.status).toBe(200);
  return { cards: answer.body.cards!, ms: performance.now() - started };
}

/** The token went to the FHIR base only, and nothing reached the other server. */
function expectTokenStayedHome(): void {
  expect(fhir.leaked).toEqual([]);
  for (const r of fhir.requests) {
    expect(r.path.startsWith("/fhir/")).toBe(true);
    expect(r.authorization).toBe(`Bearer ${TOKEN}`);
  }
}

const isProcedureSearch = (path: string) => path.startsWith("/fhir/Procedure?");

describe("the valid server gives a card (the pair of every refusal below)", () => {
  it("procedures read from the server → one card", async () => {
    expect((await call(["procedures"])).cards).toHaveLength(1);
    expect(fhir.requests.some((r) => isProcedureSearch(r.path))).toBe(true);
    expectTokenStayedHome();
  });
});

describe("the token never leaves the FHIR base", () => {
  it.each([301, 302, 303, 307, 308])("a %i redirect to another port: not followed, no card", async (status) => {
    fhir.use((_req, res, path) => {
      if (!isProcedureSearch(path)) return false;
      res.writeHead(status, { Location: `${fhir.elsewhere}/fhir${path.slice(5)}` });
      res.end();
      return true;
    });
    expect((await call(["procedures"])).cards).toEqual([]);
    expectTokenStayedHome();
  });

  it("a redirect of the Patient read, and of the metadata, to another port: not followed", async () => {
    fhir.use((_req, res, path) => {
      if (!path.startsWith("/fhir/Patient/") && path !== "/fhir/metadata") return false;
      res.writeHead(302, { Location: `${fhir.elsewhere}${path}` });
      res.end();
      return true;
    });
    expect((await call(["patient", "procedures"])).cards).toEqual([]);
    expectTokenStayedHome();
  });

  it("201 Created with a Location on another host and an empty body: the Location is never requested", async () => {
    fhir.use((_req, res, path) => {
      if (!isProcedureSearch(path)) return false;
      res.writeHead(201, { Location: `${fhir.elsewhere}/steal`, "Content-Type": "application/fhir+json" });
      res.end();
      return true;
    });
    expect((await call(["procedures"])).cards).toEqual([]);
    expectTokenStayedHome();
  });

  it("a 200 that is not FHIR JSON (an HTML login page) → no card", async () => {
    fhir.use((_req, res, path) => {
      if (!isProcedureSearch(path)) return false;
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end("<html><form action=/login></form></html>");
      return true;
    });
    expect((await call(["procedures"])).cards).toEqual([]);
  });
});

describe("a huge or slow server cannot hold the call", () => {
  it("a 400 MB answer stops at the byte cap while it streams: no card, and the server could not send it all", async () => {
    let written = 0;
    let closed!: () => void;
    const done = new Promise<void>((r) => (closed = r));
    fhir.use((_req, res, path) => {
      if (!isProcedureSearch(path)) return false;
      res.writeHead(200, { "Content-Type": "application/fhir+json" });
      res.write('{"resourceType":"Bundle","type":"searchset","entry":[');
      const chunk = Buffer.alloc(64 * 1024, " ");
      const pump = () => {
        while (written < 400 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end("]}");
      };
      res.on("close", () => closed());
      pump();
      return true;
    });
    const memoryBefore = process.memoryUsage().rss;
    expect((await call(["procedures"])).cards).toEqual([]);
    await done;
    expect(written).toBeLessThan(48 * 1024 * 1024);
    expect(process.memoryUsage().rss - memoryBefore).toBeLessThan(200 * 1024 * 1024);
  });

  it("a server that never answers: { cards: [] } at the call's deadline, without waiting", async () => {
    fhir.use((_req, _res, path) => isProcedureSearch(path)); // answered: never (the request hangs)
    const { cards, ms } = await call(["procedures"]);
    expect(cards).toEqual([]);
    expect(ms).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
    expect(ms).toBeLessThan(DEADLINE_MS + 1000);
    expect(service.noCardCounts().deadline).toBeGreaterThan(0);
  });

  it("a server that trickles its answer: cut at the deadline", async () => {
    fhir.use((_req, res, path) => {
      if (!isProcedureSearch(path)) return false;
      res.writeHead(200, { "Content-Type": "application/fhir+json" });
      res.write('{"resourceType":"Bundle","type":"searchset","entry":[');
      const t = setInterval(() => res.write(" "), 50);
      res.on("close", () => clearInterval(t));
      return true;
    });
    const { cards, ms } = await call(["procedures"]);
    expect(cards).toEqual([]);
    expect(ms).toBeLessThan(DEADLINE_MS + 1000);
  });

  /** A MedicationRequest search of `n` orders, each naming its own Medication (not included, no display). */
  function manyMedicines(n: number, delayMs = 0): void {
    fhir.use((_req, res, path) => {
      if (path.startsWith("/fhir/MedicationRequest?")) {
        const entry = Array.from({ length: n }, (_, i) => ({
          resource: { resourceType: "MedicationRequest", id: `mr${i}`, status: "active", intent: "order", subject: { reference: `Patient/${PATIENT}` }, medicationReference: { reference: `Medication/m${i}` } },
          search: { mode: "match" },
        }));
        fhirJson(res, { resourceType: "Bundle", type: "searchset", entry });
        return true;
      }
      if (delayMs > 0 && path.startsWith("/fhir/Medication/")) {
        setTimeout(() => fhirJson(res, { resourceType: "Medication", id: "m", code: { text: "furosemide" } }), delayMs);
        return true;
      }
      return false;
    });
  }
  const medicationReads = () => fhir.requests.filter((r) => r.path.startsWith("/fhir/Medication/")).length;

  it("a few Medications to read: all read, a card", async () => {
    manyMedicines(5);
    expect((await call(["medicationRequests"])).cards).toHaveLength(1);
    expect(medicationReads()).toBe(5);
  });

  it("250 Medications to read: at most 200 are read; the rest stay unknown, so no card", async () => {
    manyMedicines(250);
    // A service with a long deadline, so that the cap, not the deadline, is what stops the reads.
    const patient = await startTestService(testConfig(client, { clients: [{ iss: client.iss, jwksUrl: client.jwksUrl, fhirServers: [`${fhir.base}/`] }] }), { callDeadlineMs: 30_000 });
    try {
      expect((await call(["medicationRequests"], patient)).cards).toEqual([]);
      expect(medicationReads()).toBe(200);
    } finally {
      await patient.close();
    }
  });

  it("20 slow Medication reads (400 ms each) end at the deadline, not after 20 × 400 ms", async () => {
    manyMedicines(20, 400);
    const { cards, ms } = await call(["medicationRequests"]);
    expect(cards).toEqual([]);
    expect(ms).toBeLessThan(DEADLINE_MS + 1000);
  });
});
