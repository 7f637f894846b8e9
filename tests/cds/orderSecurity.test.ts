/**
 * The patient-view hook's security, unchanged, on the ordering endpoints: each rule as a pair, the request it
 * refuses and the same request passing. Every service has its own `aud`: a token made for one is refused by
 * the others, and a token is accepted once across all of them.
 */
import { describe, expect, it } from "vitest";
import { generateKeyPair } from "jose";
import { ORDER_SELECT_ID, ORDER_SIGN_ID, SERVICE_ID, type ServiceId } from "../../cds/discovery";
import { MemoryStore, StoreUnavailable } from "../../node/store";
import { NOW, post, startTestService, testConfig, withTestStack, NOW_S } from "./harness";
import { draftBundle, DRUG, inline, orderBody } from "./orderHarness";

const stack = withTestStack();
const UNAUTHORIZED = { error: "Unauthorized." };
const BASKET = () => draftBundle([inline("d-furosemide", DRUG.furosemide40)]);

const ORDER_CALLS = [
  [ORDER_SELECT_ID, () => orderBody("order-select", BASKET(), { selections: ["MedicationRequest/d-furosemide"] })],
  [ORDER_SIGN_ID, () => orderBody("order-sign", BASKET())],
] as const;

describe.each(ORDER_CALLS)("%s", (id, body) => {
  const url = () => stack.service.endpoints[id];

  async function refused(token: string | undefined) {
    const answer = await post(url(), body(), token);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual(UNAUTHORIZED);
  }
  async function accepted(token: string) {
    const answer = await post(url(), body(), token);
    expect(answer.status).toBe(200);
    expect(answer.body.cards).toHaveLength(1);
  }

  it("no token, a forged signature, an untrusted issuer → 401; the client's signed token → a card", async () => {
    await refused(undefined);
    await refused(await stack.client.sign({ aud: url(), key: (await generateKeyPair("ES384")).privateKey }));
    await refused(await stack.client.sign({ aud: url(), iss: "https://other-ehr.example" }));
    await refused(await stack.client.sign({ aud: url(), iat: NOW_S - 400, exp: NOW_S - 100 }));
    await accepted(await stack.client.sign({ aud: url() }));
  });

  it("aud is this service's own endpoint: a token for patient-view or the other ordering service → 401", async () => {
    for (const other of ([SERVICE_ID, ORDER_SELECT_ID, ORDER_SIGN_ID] as ServiceId[]).filter((o) => o !== id)) {
      await refused(await stack.client.sign({ aud: stack.service.endpoints[other] }));
    }
    await refused(await stack.client.sign({ aud: stack.service.discoveryUrl }));
    await accepted(await stack.client.sign({ aud: url() }));
  });

  it("a replayed token (same jti) → 401, here and on every other endpoint", async () => {
    const token = await stack.client.sign({ aud: url(), jti: `once-${id}` });
    await accepted(token);
    await refused(token);
    const elsewhere = await stack.client.sign({ aud: stack.service.serviceEndpoint, jti: `once-${id}` });
    expect((await post(stack.service.serviceEndpoint, { hook: "patient-view", context: { patientId: "p" } }, elsewhere)).status).toBe(401);
  });

  it("feedback: its own feedback URL (or the service's) as aud; counted", async () => {
    const feedbackUrl = `${url()}/feedback`;
    const body = { feedback: [{ card: "0b0f4c9e-4d52-4a6c-9d2b-9a7f2d7a1b11", outcome: "accepted", outcomeTimestamp: "2026-11-26T12:00:00Z" }] };
    expect((await post(feedbackUrl, body)).status).toBe(401);
    expect((await post(feedbackUrl, body, await stack.client.sign({ aud: `${stack.service.serviceEndpoint}/feedback` }))).status).toBe(401);
    const before = stack.service.feedbackCounts().accepted;
    expect((await post(feedbackUrl, body, await stack.client.sign({ aud: feedbackUrl }))).status).toBe(200);
    expect((await post(feedbackUrl, body, await stack.client.sign({ aud: url() }))).status).toBe(200);
    expect(stack.service.feedbackCounts().accepted).toBe(before + 2);
  });

  it("a body over the limit → 413; malformed JSON → 400", async () => {
    const small = await startTestService(testConfig(stack.client, { maxBodyBytes: 4096 }));
    try {
      const target = small.endpoints[id];
      const big = JSON.stringify({ ...body(), padding: "x".repeat(5000) });
      expect((await post(target, big, await stack.client.sign({ aud: target }))).status).toBe(413);
      const fits = await post(target, JSON.stringify(body()), await stack.client.sign({ aud: target }));
      expect(fits.status).toBe(200);
      const bad = await post(target, '{"hook": ', await stack.client.sign({ aud: target }));
      expect(bad.status).toBe(400);
    } finally {
      await small.close();
    }
  });

  it("the replay check's answers hold here too: 429 past the client's quota, 401 for a token issued before the store's records began, 503 only when the store cannot answer", async () => {
    /** A memory store that can be taken down after start. */
    class Switchable extends MemoryStore {
      down = false;
      override async get(key: string) {
        if (this.down) throw new StoreUnavailable();
        return super.get(key);
      }
      override async increment(key: string, ttlMs: number) {
        if (this.down) throw new StoreUnavailable();
        return super.increment(key, ttlMs);
      }
    }
    const store = new Switchable({ nowMs: () => NOW.getTime() });
    // Records that began at NOW, and a quota of 2 new jtis per client.
    const s = await startTestService(testConfig(stack.client, { replayQuotaPerClient: 2 }), { store, replayEpoch: NOW });
    try {
      const target = s.endpoints[id];
      const send = (token: string) => post(target, body(), token);
      const beforeEpoch = await send(await stack.client.sign({ aud: target, iat: NOW_S - 60, exp: NOW_S + 200 }));
      expect(beforeEpoch.status).toBe(401);
      expect(beforeEpoch.body).toEqual(UNAUTHORIZED);
      expect(beforeEpoch.headers.get("www-authenticate")).toBe("Bearer");
      expect((await send(await stack.client.sign({ aud: target }))).status).toBe(200);
      expect((await send(await stack.client.sign({ aud: target }))).status).toBe(200);
      const over = await send(await stack.client.sign({ aud: target }));
      expect(over.status).toBe(429);
      expect(over.headers.get("retry-after")).toBe("30");
      store.down = true;
      const unavailable = await send(await stack.client.sign({ aud: target }));
      expect(unavailable.status).toBe(503);
      expect(unavailable.headers.get("retry-after")).toBe("1");
    } finally {
      await s.close();
      await store.close();
    }
  });

  it("wrong methods are 405", async () => {
    expect((await fetch(url())).status).toBe(405);
  });
});
