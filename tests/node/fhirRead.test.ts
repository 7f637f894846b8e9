/**
 * The Node side's FHIR read path against hostile servers, over real HTTP on loopback: a FHIR server whose
 * answers each test chooses, and a second server ("elsewhere", another port) that records any request that
 * reaches it. Redirects and 201 Location never take the token elsewhere; only 200 FHIR JSON is accepted; a
 * huge answer stops at the cap while it streams; a slow one is cut at the call's deadline.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FhirReadError, openFhirCall, type FhirReadFailure, type ReadLimits } from "../../node/fhirRead";

/** One read with a budget of its own, the URL's own origin and path as the call's base. */
function readFhir(url: string, token: string, limits?: Partial<ReadLimits>) {
  const { origin, pathname } = new URL(url);
  return openFhirCall({ base: `${origin}${pathname}`, token, ...(limits ? { limits } : {}) }).read(url);
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const TOKEN = "secret-access-token";
let fhir: Server;
let elsewhere: Server;
let handler: Handler = (_req, res) => res.end();
let FHIR = "";
let BASE = "";
let ELSEWHERE = "";
/** Requests that reached the other server, with the Authorization header they carried. */
const leaked: { url: string; authorization?: string }[] = [];
/** Authorization headers the FHIR server received. */
const received: (string | undefined)[] = [];

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

beforeAll(async () => {
  fhir = createServer((req, res) => {
    received.push(req.headers.authorization);
    handler(req, res);
  });
  elsewhere = createServer((req, res) => {
    leaked.push({ url: req.url ?? "", ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
    res.writeHead(200, { "Content-Type": "application/fhir+json" });
    res.end(JSON.stringify({ resourceType: "Patient", id: "stolen" }));
  });
  FHIR = await listen(fhir);
  BASE = `${FHIR}/fhir`;
  ELSEWHERE = await listen(elsewhere);
});

afterAll(async () => {
  fhir.closeAllConnections();
  elsewhere.closeAllConnections();
  await Promise.all([new Promise((r) => fhir.close(r)), new Promise((r) => elsewhere.close(r))]);
});

afterEach(() => {
  leaked.length = 0;
  received.length = 0;
  handler = (_req, res) => res.end();
});

const patient = JSON.stringify({ resourceType: "Patient", id: "p1" });
const fhirJson = (res: ServerResponse, body = patient, status = 200) => {
  res.writeHead(status, { "Content-Type": "application/fhir+json; charset=utf-8" });
  res.end(body);
};

async function failure(p: Promise<unknown>): Promise<FhirReadError> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(FhirReadError);
    expect((error as Error).message).not.toContain(TOKEN);
    return error as FhirReadError;
  }
  throw new Error("expected the read to be refused");
}

async function expectRefused(p: Promise<unknown>, kind: FhirReadFailure, status?: number): Promise<void> {
  const error = await failure(p);
  expect(error.kind).toBe(kind);
  if (status !== undefined) expect(error.status).toBe(status);
}

describe("an answer is accepted only as 200 FHIR JSON", () => {
  it("200 application/fhir+json (or application/json) with a resource: read, with the token", async () => {
    handler = (_req, res) => fhirJson(res);
    const body = await readFhir(`${BASE}/Patient/p1`, TOKEN);
    expect(body.resource).toEqual({ resourceType: "Patient", id: "p1" });
    expect(body.text).toBe(patient);
    expect(received).toEqual([`Bearer ${TOKEN}`]);
    handler = (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(patient);
    };
    expect((await readFhir(`${BASE}/Patient/p1`, TOKEN)).resource.id).toBe("p1");
  });

  it.each([301, 302, 303, 307, 308])("a %i redirect to another port is never followed: the other server receives nothing", async (status) => {
    handler = (_req, res) => {
      res.writeHead(status, { Location: `${ELSEWHERE}/fhir/Patient/p1` });
      res.end();
    };
    await expectRefused(readFhir(`${BASE}/Patient/p1`, TOKEN), "redirect", status);
    await expectRefused(openFhirCall({ base: BASE, token: TOKEN }).read(`${BASE}/Condition?patient=p1`), "redirect", status);
    expect(leaked).toEqual([]);
  });

  it("a redirect on the same server is refused too (a redirect is never followed with the token)", async () => {
    handler = (req, res) => {
      if (req.url === "/fhir/Patient/p1") {
        res.writeHead(307, { Location: "/fhir/Patient/p2" });
        res.end();
      } else fhirJson(res);
    };
    await expectRefused(readFhir(`${BASE}/Patient/p1`, TOKEN), "redirect", 307);
    expect(received).toHaveLength(1);
  });

  it("201 with a Location elsewhere and an empty body: refused, the Location never requested", async () => {
    handler = (_req, res) => {
      res.writeHead(201, { Location: `${ELSEWHERE}/steal`, "Content-Type": "application/fhir+json" });
      res.end();
    };
    await expectRefused(readFhir(`${BASE}/Patient/p1`, TOKEN), "status", 201);
    expect(leaked).toEqual([]);
  });

  it.each([204, 400, 401, 404, 500, 503])("status %i is refused with its status", async (status) => {
    handler = (_req, res) => fhirJson(res, JSON.stringify({ resourceType: "OperationOutcome", issue: [] }), status);
    await expectRefused(readFhir(`${BASE}/Patient/p1`, TOKEN), "status", status);
  });

  it("429 keeps Retry-After for the caller's retry policy", async () => {
    handler = (_req, res) => {
      res.writeHead(429, { "Retry-After": "3" });
      res.end();
    };
    const error = await failure(readFhir(`${BASE}/Patient/p1`, TOKEN));
    expect([error.kind, error.status, error.retryAfter]).toEqual(["status", 429, "3"]);
  });

  it("200 that is not FHIR JSON: HTML, no content type, JSON that is not a resource, broken JSON", async () => {
    const answers: [string | undefined, string][] = [
      ["text/html", "<html><body>login</body></html>"],
      [undefined, patient],
      ["application/fhir+json", JSON.stringify([{ resourceType: "Patient" }])],
      ["application/fhir+json", JSON.stringify({ id: "p1" })],
      ["application/fhir+json", '{"resourceType": "Patient", '],
      ["application/fhir+jsonx", patient],
    ];
    for (const [type, body] of answers) {
      handler = (_req, res) => {
        res.writeHead(200, type ? { "Content-Type": type } : {});
        res.end(body);
      };
      await expectRefused(readFhir(`${BASE}/Patient/p1`, TOKEN), "not-fhir-json");
    }
  });
});

describe("the token goes to the FHIR base only", () => {
  it("a URL on another port, another path, or climbing out of the base is refused before any request", async () => {
    handler = (_req, res) => fhirJson(res);
    const call = openFhirCall({ base: BASE, token: TOKEN });
    for (const url of [
      `${ELSEWHERE}/fhir/Patient/p1`,
      `${FHIR}/admin`,
      `${FHIR}/fhir-evil/Patient/p1`,
      `${BASE}/../admin/Patient`,
      `${BASE}/%2e%2e/admin`,
      `${FHIR.replace("http://", "http://user:pw@")}/fhir/Patient/p1`,
      "file:///etc/passwd",
      "not a url",
    ]) {
      await expectRefused(call.read(url), "off-base");
    }
    expect(leaked).toEqual([]);
    expect(received).toEqual([]);
    expect(call.requests).toBe(0);
    expect((await call.read(`${BASE}/Patient/p1`)).resource.id).toBe("p1");
  });
});

/** A server that streams `total` bytes of a JSON string in 64 KiB chunks; resolves with what it managed to write. */
function streaming(total: number, declareLength: boolean): { written: () => number; closed: Promise<void> } {
  let written = 0;
  let close: () => void;
  const closed = new Promise<void>((r) => (close = r));
  handler = (_req, res) => {
    res.writeHead(200, { "Content-Type": "application/fhir+json", ...(declareLength ? { "Content-Length": String(total) } : {}) });
    const chunk = Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      while (written < total) {
        written += chunk.length;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      res.end();
    };
    res.on("close", () => close());
    pump();
  };
  return { written: () => written, closed };
}

describe("byte caps, enforced while the body streams", () => {
  it("a 400 MB answer (no Content-Length) stops at the 20 MiB default cap without being buffered", async () => {
    const server = streaming(400 * 1024 * 1024, false);
    const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    await expectRefused(readFhir(`${BASE}/Bundle/huge`, TOKEN), "too-large");
    await server.closed;
    // The server could write only what the cap let through plus the sockets' buffers: far from 400 MB.
    expect(server.written()).toBeLessThan(40 * 1024 * 1024);
    const grown = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - heapBefore;
    expect(grown).toBeLessThan(120 * 1024 * 1024);
  });

  it("a declared Content-Length over the cap is refused before reading the body", async () => {
    const server = streaming(400 * 1024 * 1024, true);
    await expectRefused(readFhir(`${BASE}/Bundle/huge`, TOKEN), "too-large");
    await server.closed;
    expect(server.written()).toBeLessThan(16 * 1024 * 1024);
  });

  it("the per-response cap is configurable", async () => {
    const server = streaming(8 * 1024 * 1024, false);
    await expectRefused(readFhir(`${BASE}/Bundle/big`, TOKEN, { maxResponseBytes: 1024 * 1024 }), "too-large");
    await server.closed;
    expect(server.written()).toBeLessThan(8 * 1024 * 1024);
  });

  it("the call's responses together are capped: the read that crosses the call's budget is refused", async () => {
    const body = JSON.stringify({ resourceType: "Binary", data: "x".repeat(1024 * 1024) });
    handler = (_req, res) => fhirJson(res, body);
    const call = openFhirCall({ base: BASE, token: TOKEN, limits: { maxCallBytes: Math.floor(2.5 * 1024 * 1024) } });
    await call.read(`${BASE}/Binary/1`);
    await call.read(`${BASE}/Binary/2`);
    await expectRefused(call.read(`${BASE}/Binary/3`), "call-too-large");
    expect(call.bytesRead).toBeLessThanOrEqual(2.5 * 1024 * 1024);
    await expectRefused(call.read(`${BASE}/Binary/4`), "call-too-large");
  });
});

describe("one deadline for the whole call", () => {
  it("a server that never answers is cut at the deadline", async () => {
    handler = () => undefined; // headers never come
    const started = performance.now();
    await expectRefused(readFhir(`${BASE}/Patient/p1`, TOKEN, { deadlineMs: 300 }), "deadline");
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("a server that trickles its body is cut at the deadline", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/fhir+json" });
      res.write('{"resourceType":"Bundle","entry":[');
      const t = setInterval(() => res.write(" "), 50);
      res.on("close", () => clearInterval(t));
    };
    const started = performance.now();
    await expectRefused(readFhir(`${BASE}/Bundle/slow`, TOKEN, { deadlineMs: 400 }), "deadline");
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("the deadline is the call's, not each request's: slow reads in sequence end together at it", async () => {
    handler = (_req, res) => setTimeout(() => fhirJson(res), 150);
    const call = openFhirCall({ base: BASE, token: TOKEN, limits: { deadlineMs: 500 } });
    const started = performance.now();
    const outcomes: string[] = [];
    for (let i = 0; i < 10; i++) {
      try {
        await call.read(`${BASE}/Patient/p${i}`);
        outcomes.push("read");
      } catch (error) {
        outcomes.push((error as FhirReadError).kind);
      }
    }
    expect(performance.now() - started).toBeLessThan(1500);
    expect(outcomes.filter((o) => o === "read").length).toBeGreaterThan(0);
    expect(outcomes.at(-1)).toBe("deadline");
    expect(call.signal.aborted).toBe(true);
  });

  it("the caller's own signal aborts the call", async () => {
    handler = () => undefined;
    const controller = new AbortController();
    const call = openFhirCall({ base: BASE, token: TOKEN, signal: controller.signal });
    const pending = call.read(`${BASE}/Patient/p1`);
    setTimeout(() => controller.abort(), 50);
    await expectRefused(pending, "aborted");
  });

  it("a refused connection is a network failure", async () => {
    const closed = createServer();
    const url = await listen(closed);
    await new Promise((r) => closed.close(r));
    await expectRefused(readFhir(`${url}/fhir/Patient/p1`, TOKEN), "network");
  });
});

describe("Medication reads per call", () => {
  it("at most maxMedicationReads; the next is refused without a request, other reads go on", async () => {
    handler = (_req, res) => fhirJson(res, JSON.stringify({ resourceType: "Medication", id: "m" }));
    const call = openFhirCall({ base: BASE, token: TOKEN, limits: { maxMedicationReads: 3 } });
    for (let i = 0; i < 3; i++) await call.read(`${BASE}/Medication/m${i}`);
    await expectRefused(call.read(`${BASE}/Medication/m3`), "too-many-reads");
    expect(received).toHaveLength(3);
    await call.read(`${BASE}/MedicationRequest?patient=p1`);
    expect(received).toHaveLength(4);
  });

  it("defaults to 200", async () => {
    handler = (_req, res) => fhirJson(res, JSON.stringify({ resourceType: "Medication", id: "m" }));
    const call = openFhirCall({ base: BASE, token: TOKEN });
    const reads = await Promise.allSettled(Array.from({ length: 201 }, (_, i) => call.read(`${BASE}/Medication/m${i}`)));
    expect(reads.filter((r) => r.status === "fulfilled")).toHaveLength(200);
    expect(reads.filter((r) => r.status === "rejected").map((r) => ((r as PromiseRejectedResult).reason as FhirReadError).kind)).toEqual(["too-many-reads"]);
  });
});
