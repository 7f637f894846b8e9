/**
 * Several replicas (issue 21, item 6): two service instances on one real redis-server (started by this file on
 * a free loopback port, stopped after). A token is accepted once across replicas and restarts; Redis down
 * answers 503 (fail closed); a Redis that comes back empty refuses tokens issued before it came back (401, like
 * any failed check: they cannot be proven unseen); each client's quota of live jtis holds across replicas.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCdsService, type CdsService } from "../../cds/server";
import { parseStoreSpec } from "../../node/store";
import { startRedis, type TestRedis } from "../node/redisServer";
import { hookBody, NOW, post, startTestClient, testConfig, TREY, type TestClient, EMPTY_PREFETCH } from "./harness";

const PREFETCH = EMPTY_PREFETCH;
const SERVICE_URL = "https://cds.example.org";
const AUD = `${SERVICE_URL}/cds-services/night-leg-cramps`;
const OTHER_ISS = "https://other-ehr.test.example/cds-client";

/** A clock the tests move forward (a restart happens later than the calls before it). */
let clockMs = NOW.getTime();
const now = () => new Date(clockMs);
const nowS = () => Math.floor(clockMs / 1000);

let redis: TestRedis;
let client: TestClient;
const started: CdsService[] = [];

beforeAll(async () => {
  redis = await startRedis();
  client = await startTestClient(() => AUD);
});
afterAll(async () => {
  await Promise.all(started.map((s) => s.close().catch(() => undefined)));
  await client.close();
  await redis.stop();
});

/** A replica behind the same public URL (serviceUrl), on the given replay store. */
async function replica(store: string, extra: Record<string, unknown> = {}): Promise<CdsService> {
  const config = testConfig(client, {
    serviceUrl: SERVICE_URL,
    replayStore: parseStoreSpec(store),
    clients: [{ iss: client.iss, jwksUrl: client.jwksUrl }, { iss: OTHER_ISS, jwksUrl: client.jwksUrl }],
    ...extra,
  });
  const service = await startCdsService({ config, now });
  started.push(service);
  return service;
}

const sign = (jti = randomUUID(), iss = client.iss) => client.sign({ jti, iss, iat: nowS(), exp: nowS() + 300 });
async function call(service: CdsService, token: string): Promise<number> {
  return (await post(service.serviceEndpoint, hookBody(TREY, PREFETCH), token)).status;
}

/** The whole answer to a refused token: status, body and WWW-Authenticate (nothing says which check failed). */
async function refusal(service: CdsService, token: string): Promise<{ status: number; body: unknown; challenge: string | null }> {
  const answer = await post(service.serviceEndpoint, hookBody(TREY, PREFETCH), token);
  return { status: answer.status, body: answer.body, challenge: answer.headers.get("www-authenticate") };
}

describe("two replicas on one Redis", () => {
  it("a token accepted by one replica is refused by the other, in both directions", async () => {
    const a = await replica(redis.url);
    const b = await replica(redis.url);
    expect(a.replayStoreKind).toBe("redis");
    const first = await sign();
    expect(await call(a, first)).toBe(200);
    expect(await call(b, first)).toBe(401);
    const second = await sign();
    expect(await call(b, second)).toBe(200);
    expect(await call(a, second)).toBe(401);
    expect(await call(a, await sign())).toBe(200);
    expect(await call(b, await sign())).toBe(200);
  });

  it("a token accepted before a replica restarts is refused after it (Redis keeps the record)", async () => {
    const a = await replica(redis.url);
    const token = await sign();
    expect(await call(a, token)).toBe(200);
    await a.close();
    clockMs += 2000;
    const restarted = await replica(redis.url);
    expect(await call(restarted, token)).toBe(401);
    expect(await call(restarted, await sign())).toBe(200);
  });

  it("the live-jti quota is per client and shared by the replicas: one client cannot lock out another", async () => {
    // Another database of the same Redis: counters of the tests above (Redis keeps its own clock) do not count here.
    const db1 = redis.url.replace(/\/0$/, "/1");
    const a = await replica(db1, { replayQuotaPerClient: 3 });
    const b = await replica(db1, { replayQuotaPerClient: 3 });
    const flooder = OTHER_ISS;
    const statuses = [];
    for (const service of [a, b, a, b, a]) statuses.push(await call(service, await sign(randomUUID(), flooder)));
    // Three accepted (whichever replica took them), then 429 on either replica.
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(await call(a, await sign())).toBe(200);
    expect(await call(b, await sign())).toBe(200);
  });
});

describe("when Redis is down or restarts", () => {
  it("Redis down: the hook answers 503 (fail closed); back up but empty, tokens issued before are refused, new ones accepted", async () => {
    const a = await replica(redis.url);
    const before = await sign();
    expect(await call(a, before)).toBe(200);
    const unused = await sign();

    await redis.stop();
    const down = await post(a.serviceEndpoint, hookBody(TREY, PREFETCH), await sign());
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBe("1");

    clockMs += 2000;
    await redis.restart(); // on the same port, empty (no persistence)
    // The client reconnects by itself; until then, 503.
    let fresh = 503;
    for (let i = 0; i < 40 && fresh === 503; i++) {
      await new Promise((r) => setTimeout(r, 100));
      fresh = await call(a, await sign());
    }
    expect(fresh).toBe(200);
    // Redis lost its records: a token issued before it came back — replayed or not — cannot be proven unseen, so
    // it is refused like any other failed check: 401, the same answer as a replayed token (503 is only for a
    // store that cannot answer).
    const replayedToken = await sign();
    expect(await call(a, replayedToken)).toBe(200);
    const replayed = await refusal(a, replayedToken);
    expect(replayed).toEqual({ status: 401, body: { error: "Unauthorized." }, challenge: "Bearer" });
    expect(await refusal(a, before)).toEqual(replayed);
    expect(await refusal(a, unused)).toEqual(replayed);
  });

  it("Redis unreachable at start: the service does not start, and says which Redis (never a password)", async () => {
    const config = testConfig(client, { serviceUrl: SERVICE_URL, replayStore: "redis://:secret@127.0.0.1:9/0" });
    await expect(startCdsService({ config, now })).rejects.toThrow(/^Could not connect to redis 127\.0\.0\.1:9 db 0\.$/);
  });
});

describe("one instance with the memory store", () => {
  it("after a restart, a token issued before it is refused with 401 (the records are gone, so it cannot be proven unseen)", async () => {
    const a = await replica("memory");
    expect(a.replayStoreKind).toBe("memory");
    const token = await sign();
    const unused = await sign(); // issued before the restart, never sent
    expect(await call(a, token)).toBe(200);
    expect(await call(a, token)).toBe(401);
    await a.close();
    clockMs += 2000;
    const restarted = await replica("memory");
    expect(await call(restarted, token)).toBe(401);
    expect(await call(restarted, unused)).toBe(401);
    expect(await call(restarted, await sign())).toBe(200);
  });
});
