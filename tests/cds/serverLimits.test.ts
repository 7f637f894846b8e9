/**
 * Server limits (issue 21, item 2): a slow upload — even by a client whose token is valid — or slow headers
 * cannot hold a connection past the request and header timeouts (30 s and 10 s in production, shortened
 * here), and open connections are capped. Raw sockets on loopback.
 */
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SERVER_LIMITS, type CdsService } from "../../cds/server";
import { startTestClient, startTestService, testConfig, type TestClient } from "./harness";

let client: TestClient;
let service: CdsService;
const LIMITS = { requestTimeoutMs: 1000, headersTimeoutMs: 600, maxConnections: 4 };

beforeAll(async () => {
  client = await startTestClient(() => service.serviceEndpoint);
  service = await startTestService(testConfig(client), { limits: LIMITS });
});
afterAll(async () => {
  await service.close();
  await client.close();
});

function open(): Promise<Socket> {
  const url = new URL(service.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => resolve(socket));
    socket.on("error", reject);
  });
}

/** Milliseconds until the server closes `socket`, and what it said first. */
function closed(socket: Socket): Promise<{ ms: number; said: string }> {
  const started = performance.now();
  let said = "";
  socket.on("data", (d: Buffer) => (said += d.toString()));
  return new Promise((resolve) => socket.on("close", () => resolve({ ms: performance.now() - started, said })));
}

describe("server limits", () => {
  it("production values: a request within 30 s, its headers within 10 s, at most 512 open connections", () => {
    expect(DEFAULT_SERVER_LIMITS).toEqual({ requestTimeoutMs: 30_000, headersTimeoutMs: 10_000, maxConnections: 512 });
  });

  it("a signed-in client's slow upload is cut at the request timeout", async () => {
    const socket = await open();
    const end = closed(socket);
    const token = await client.sign();
    socket.write(
      `POST /cds-services/night-leg-cramps HTTP/1.1\r\nHost: ${new URL(service.url).host}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{`,
    );
    const drip = setInterval(() => !socket.destroyed && socket.write(" "), 100);
    const { ms, said } = await end;
    clearInterval(drip);
    expect(ms).toBeLessThan(LIMITS.requestTimeoutMs + 1500);
    expect(said).toMatch(/^HTTP\/1\.1 408/);
  });

  it("headers sent slowly are cut at the headers timeout", async () => {
    const socket = await open();
    const end = closed(socket);
    socket.write("POST /cds-services/night-leg-cramps HTTP/1.1\r\nHost: x\r\nX-Slow: ");
    const drip = setInterval(() => !socket.destroyed && socket.write("a"), 50);
    const { ms } = await end;
    clearInterval(drip);
    expect(ms).toBeLessThan(LIMITS.headersTimeoutMs + 1500);
  });

  it("open connections are capped: one past the cap is closed at once; the service answers again when one closes", async () => {
    const held = await Promise.all(Array.from({ length: LIMITS.maxConnections }, () => open()));
    const extra = await open();
    const { ms } = await closed(extra);
    expect(ms).toBeLessThan(500);
    held[0]!.destroy();
    await new Promise((r) => setTimeout(r, 100));
    const discovery = await fetch(`${service.url}/cds-services`, { headers: { Connection: "close" } });
    expect(discovery.status).toBe(200);
    for (const s of held) s.destroy();
  });
});
