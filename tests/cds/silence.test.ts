/**
 * The silence after an override (docs/spec/cds-hooks.md, "When there is a card"): feedback that overrides a card
 * with one of its override reasons silences the same card content, for that patient and that client, for 30
 * days (an injected clock); kept as digests in the shared store (node/store), memory or Redis — shared by
 * replicas.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Bundle, MedicationRequest } from "fhir/r4";
import { MemoryStore, openStore, parseStoreSpec, StoreUnavailable, type Store } from "../../node/store";
import { parseCdsConfig } from "../../cds/config";
import { ORDER_SELECT_ID, ORDER_SIGN_ID } from "../../cds/discovery";
import type { CardFinding } from "../../cds/card";
import type { CdsService } from "../../cds/server";
import { CardSilence, cardDigest, overriddenCards, SILENCE_MS, silenceStoreRoom } from "../../cds/silence";
import { crampsKnownCause } from "../../mocks/data/patients/legCramps";
import { loadSandboxPatients } from "../../mocks/data/sandboxPatients";
import { OVERRIDE_REASONS } from "../../src/report";
import { startRedis, type TestRedis } from "../node/redisServer";
import { APP_CONFIG_JSON, APP_LAUNCH_URL, hookBody, mockEhr, NOW, post, prefetchFor, startTestClient, startTestService, TREY, withLegCramps, type CardJson, type TestClient } from "./harness";
import { draftBundle, DRUG, inline, orderBody, orderPrefetch } from "./orderHarness";

const WALTER = crampsKnownCause.id;
const OTHER_ISS = "https://other-ehr.test.example/cds-client";
const DAY = 86_400_000;
const ehr = mockEhr([crampsKnownCause, ...loadSandboxPatients().filter((p) => p.id === TREY).map(withLegCramps)]);

let clock = NOW;
let client: TestClient;
let other: TestClient;
let prefetch: Record<string, Record<string, unknown>>;

/** Every write the service makes to its store, to check that nothing readable is kept. */
class RecordingStore extends MemoryStore {
  readonly writes: [string, string][] = [];
  override async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.writes.push([key, value]);
    return super.set(key, value, ttlMs);
  }
  override async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    this.writes.push([key, value]);
    return super.setIfAbsent(key, value, ttlMs);
  }
}

const config = () =>
  parseCdsConfig(
    {
      clients: [
        { iss: client.iss, jwksUrl: client.jwksUrl },
        { iss: OTHER_ISS, jwksUrl: other.jwksUrl },
      ],
      appLaunchUrl: APP_LAUNCH_URL,
    },
    APP_CONFIG_JSON,
  );

beforeAll(async () => {
  ehr.listen({ onUnhandledRequest: "bypass" });
  client = await startTestClient(() => "unused");
  other = await startTestClient(() => "unused");
  prefetch = { [WALTER]: await prefetchFor(WALTER), [TREY]: await prefetchFor(TREY) };
});
afterAll(async () => {
  await client?.close();
  await other?.close();
  ehr.close();
});

/** A service on the movable clock; its own memory store unless one is given. */
async function service(store?: Store): Promise<CdsService> {
  return startTestService(config(), { now: () => clock, ...(store ? { store } : {}) });
}

const seconds = () => Math.floor(clock.getTime() / 1000);
const sign = (who: TestClient, aud: string) => who.sign({ aud, iat: seconds(), ...(who === other ? { iss: OTHER_ISS } : {}) });

async function view(s: CdsService, patientId: string, who = client, body = hookBody(patientId, prefetch[patientId])): Promise<CardJson[]> {
  const answer = await post(s.serviceEndpoint, body, await sign(who, s.serviceEndpoint));
  expect(answer.status).toBe(200);
  return answer.body.cards!;
}

/** Feedback overriding `card` with the reason `code` (null: no overrideReason at all). */
function overriding(card: string, code: string | null = OVERRIDE_REASONS[0].code): Record<string, unknown> {
  const reason = OVERRIDE_REASONS.find((r) => r.code === code) ?? { code, system: OVERRIDE_REASONS[0].system };
  return {
    feedback: [
      {
        card,
        outcome: "overridden",
        outcomeTimestamp: clock.toISOString(),
        ...(code !== null ? { overrideReason: { reason, userComment: "seen it" } } : {}),
      },
    ],
  };
}

async function feedback(s: CdsService, body: unknown, who = client, endpoint = s.serviceEndpoint): Promise<number> {
  const url = `${endpoint}/feedback`;
  return (await post(url, body, await sign(who, url))).status;
}

describe("what the silence keeps", () => {
  const findings: CardFinding[] = [
    { id: "diuretics", current: true, strength: "possible", basis: "record", evidence: ["MedicationRequest/a", "MedicationRequest/b"] },
    { id: "hypertension", current: true, strength: "sometimes-linked", basis: "record", evidence: ["Condition/c"] },
  ];
  const digest = (over: Partial<{ service: "night-leg-cramps" | "night-leg-cramps-order-sign"; iss: string; patient: string; f: CardFinding[] }> = {}) =>
    cardDigest(over.service ?? "night-leg-cramps", over.iss ?? "https://ehr.example", over.patient ?? "p1", over.f ?? findings);

  it("one digest per service, client, patient and content; the order of findings and evidence does not matter", () => {
    const base = digest();
    expect(digest({ f: [findings[1]!, { ...findings[0]!, evidence: ["MedicationRequest/b", "MedicationRequest/a"] }] })).toBe(base);
    expect(new Set([base, digest({ service: "night-leg-cramps-order-sign" }), digest({ iss: "https://other.example" }), digest({ patient: "p2" }), digest({ f: [findings[0]!] })]).size).toBe(5);
    expect(base).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("only overrides with one of the card's reasons, naming a card uuid, silence anything", () => {
    const uuid = "2F1D3C4B-5A69-4788-9A0B-1C2D3E4F5A6B";
    expect(
      overriddenCards({
        feedback: [
          { card: uuid, outcome: "overridden", overrideReason: { reason: OVERRIDE_REASONS[1] } },
          { card: "not-a-uuid", outcome: "overridden", overrideReason: { reason: OVERRIDE_REASONS[0] } },
          { card: uuid, outcome: "accepted", overrideReason: { reason: OVERRIDE_REASONS[0] } },
          { card: uuid, outcome: "overridden", overrideReason: { reason: { code: "other" } } },
          { card: uuid, outcome: "overridden" },
          "junk",
        ],
      }),
    ).toEqual([uuid.toLowerCase()]);
    expect(overriddenCards({ nothing: true })).toEqual([]);
  });
});

describe("an override silences the same card for that patient and client for 30 days", () => {
  it("silenced from the override until 30 days later, then shown again", async () => {
    clock = NOW;
    const s = await service();
    try {
      const [card] = await view(s, WALTER);
      expect(card!.overrideReasons).toEqual([...OVERRIDE_REASONS]);
      expect(await feedback(s, overriding(card!.uuid))).toBe(200);
      expect(s.feedbackCounts()).toMatchObject({ overridden: 1, silenced: 1 });
      expect(await view(s, WALTER)).toEqual([]);
      clock = new Date(NOW.getTime() + 29 * DAY);
      expect(await view(s, WALTER)).toEqual([]);
      clock = new Date(NOW.getTime() + SILENCE_MS - 1000);
      expect(await view(s, WALTER)).toEqual([]);
      expect(s.noCardCounts().silenced).toBe(3);
      clock = new Date(NOW.getTime() + SILENCE_MS + 1000);
      expect(await view(s, WALTER)).toHaveLength(1);
    } finally {
      clock = NOW;
      await s.close();
    }
  });

  it("per patient and per client: another patient, or the same patient seen by another client, still gets the card", async () => {
    const s = await service();
    try {
      const [card] = await view(s, WALTER);
      expect(await feedback(s, overriding(card!.uuid, OVERRIDE_REASONS[1].code))).toBe(200);
      expect(await view(s, WALTER)).toEqual([]);
      expect(await view(s, TREY)).toHaveLength(1);
      expect(await view(s, WALTER, other)).toHaveLength(1);
    } finally {
      await s.close();
    }
  });

  it("only the client the card was shown to can silence it", async () => {
    const s = await service();
    try {
      const [card] = await view(s, WALTER);
      expect(await feedback(s, overriding(card!.uuid), other)).toBe(200);
      expect(s.feedbackCounts().silenced).toBe(0);
      expect(await view(s, WALTER)).toHaveLength(1);
    } finally {
      await s.close();
    }
  });

  it("accepted, an override without a reason or with a reason the card did not offer, an unknown card: nothing is silenced", async () => {
    const s = await service();
    try {
      const [card] = await view(s, WALTER);
      const uuid = card!.uuid;
      expect(await feedback(s, { feedback: [{ card: uuid, outcome: "accepted", outcomeTimestamp: clock.toISOString() }] })).toBe(200);
      expect(await feedback(s, overriding(uuid, null))).toBe(200);
      expect(await feedback(s, overriding(uuid, "made-up"))).toBe(200);
      expect(await feedback(s, overriding("2f1d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b"))).toBe(200);
      expect(s.feedbackCounts()).toMatchObject({ accepted: 1, overridden: 3, silenced: 0 });
      expect(await view(s, WALTER)).toHaveLength(1);
    } finally {
      await s.close();
    }
  });

  it("a card whose content changed (a new current record) is a new card: shown despite the silence", async () => {
    const s = await service();
    try {
      const [card] = await view(s, WALTER);
      await feedback(s, overriding(card!.uuid));
      expect(await view(s, WALTER)).toEqual([]);
      const requests = prefetch[WALTER]!.medicationRequests as Bundle;
      const statin: MedicationRequest = {
        resourceType: "MedicationRequest",
        id: "walter-atorvastatin",
        status: "active",
        intent: "order",
        subject: { reference: `Patient/${WALTER}` },
        authoredOn: "2026-11-20",
        medicationCodeableConcept: { coding: [DRUG.atorvastatin20] },
      };
      const changed = { ...prefetch[WALTER], medicationRequests: { ...requests, entry: [...(requests.entry ?? []), { resource: statin, search: { mode: "match" } }] } };
      const [again] = await view(s, WALTER, client, hookBody(WALTER, changed));
      expect(again!.extension.findings.map((f) => f.id)).toContain("cholesterol-medicines");
    } finally {
      await s.close();
    }
  });

  it("ordering cards: silenced per service, patient and client — the same draft order at order-sign again is silent, order-select is not", async () => {
    const s = await service();
    try {
      const drafts = () => draftBundle([inline("d-furosemide", DRUG.furosemide40)]);
      const call = async (id: typeof ORDER_SELECT_ID | typeof ORDER_SIGN_ID) => {
        const hook = id === ORDER_SIGN_ID ? "order-sign" : "order-select";
        const answer = await post(s.endpoints[id], orderBody(hook, drafts(), { selections: ["MedicationRequest/d-furosemide"], prefetch: orderPrefetch() }), await sign(client, s.endpoints[id]));
        expect(answer.status).toBe(200);
        return answer.body.cards!;
      };
      const [card] = await call(ORDER_SIGN_ID);
      expect(await feedback(s, overriding(card!.uuid), client, s.endpoints[ORDER_SIGN_ID])).toBe(200);
      expect(await call(ORDER_SIGN_ID)).toEqual([]);
      expect(await call(ORDER_SELECT_ID)).toHaveLength(1);
    } finally {
      await s.close();
    }
  });

  it("one store per service: the silences are kept beside the replay records; digests only — no patient id, record text or client issuer in any key or value", async () => {
    const store = new RecordingStore({ nowMs: () => clock.getTime() });
    const s = await service(store);
    try {
      const [card] = await view(s, WALTER);
      await feedback(s, overriding(card!.uuid));
      expect(store.writes.length).toBeGreaterThanOrEqual(2);
      const written = JSON.stringify(store.writes);
      for (const secret of [WALTER, "Walter", "Crampton", "furosemide", "Furosemide", "Condition/", "MedicationRequest/", client.iss]) {
        expect(written).not.toContain(secret);
      }
      for (const [key] of store.writes) expect(key).toMatch(/^cds:(replay|silence):[A-Za-z0-9_:.-]+$/);
      // The store passed in holds both the replay check's records and the silence: there is no second store.
      expect(store.writes.some(([key]) => key.startsWith("cds:replay:jti:"))).toBe(true);
      expect(store.writes.some(([key]) => key.startsWith("cds:silence:until:"))).toBe(true);
    } finally {
      await s.close();
      await store.close();
    }
  });

  it("a store that answers the replay check but not the silence: feedback is 503 (retry later); a hook call still shows its card", async () => {
    class SilenceDown extends MemoryStore {
      override async get(key: string): Promise<string | undefined> {
        if (key.startsWith("cds:silence:")) throw new StoreUnavailable();
        return super.get(key);
      }
      override async set(key: string, value: string, ttlMs: number): Promise<void> {
        if (key.startsWith("cds:silence:")) throw new StoreUnavailable();
        return super.set(key, value, ttlMs);
      }
    }
    const s = await service(new SilenceDown({ nowMs: () => clock.getTime() }));
    try {
      const [card] = await view(s, WALTER);
      expect(card).toBeDefined();
      expect(await feedback(s, overriding(card!.uuid))).toBe(503);
    } finally {
      await s.close();
    }
  });
});

describe("the silence cannot fill the store the replay check needs", () => {
  it("each client remembers at most its quota of cards per 7 days: past it a card still shows but cannot be silenced; other clients are unaffected", async () => {
    let nowMs = NOW.getTime();
    const store = new MemoryStore({ nowMs: () => nowMs });
    const silence = new CardSilence(store, () => new Date(nowMs), { quotaPerClient: 2 });
    const uuid = (i: number) => `2f1d3c4b-5a69-4788-9a0b-1c2d3e4f5a6${i}`;
    for (const i of [1, 2, 3]) await silence.shown("https://a.example", uuid(i), `digest-${i}`);
    await silence.shown("https://b.example", uuid(4), "digest-4");
    expect(await silence.overridden("https://a.example", uuid(1))).toBe(true);
    expect(await silence.overridden("https://a.example", uuid(3))).toBe(false); // over the quota: not remembered
    expect(await silence.overridden("https://b.example", uuid(4))).toBe(true);
    expect(await silence.silenced("digest-1")).toBe(true);
    expect(await silence.silenced("digest-3")).toBe(false);
    // Two remembered cards and one silence for a, one and one for b, and the counters: within the room per client.
    expect(store.size).toBeLessThanOrEqual(2 * silenceStoreRoom(2));
    nowMs += 7 * DAY + 1;
    await silence.shown("https://a.example", uuid(5), "digest-5"); // a new window
    expect(await silence.overridden("https://a.example", uuid(5))).toBe(true);
  });

  it("each client silences at most its quota per 30 days", async () => {
    const store = new MemoryStore({ nowMs: () => NOW.getTime() });
    const silence = new CardSilence(store, () => NOW, { quotaPerClient: 1 });
    await silence.shown("https://a.example", "2f1d3c4b-5a69-4788-9a0b-1c2d3e4f5a61", "d1");
    expect(await silence.overridden("https://a.example", "2f1d3c4b-5a69-4788-9a0b-1c2d3e4f5a61")).toBe(true);
    await new CardSilence(store, () => NOW, { quotaPerClient: 2 }).shown("https://a.example", "2f1d3c4b-5a69-4788-9a0b-1c2d3e4f5a62", "d2");
    expect(await silence.overridden("https://a.example", "2f1d3c4b-5a69-4788-9a0b-1c2d3e4f5a62")).toBe(false);
    expect(await silence.silenced("d2")).toBe(false);
  });
});

describe("with Redis, the silence holds across replicas", () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it("overridden at one replica, silent at the other; a 30-day lifetime is accepted by the store", async () => {
    const stores = [await openStore(parseStoreSpec(redis.url)), await openStore(parseStoreSpec(redis.url))];
    const [a, b] = [await service(stores[0]), await service(stores[1])];
    try {
      const [card] = await view(a!, WALTER);
      expect(await view(b!, WALTER)).toHaveLength(1);
      expect(await feedback(a!, overriding(card!.uuid))).toBe(200);
      expect(await view(b!, WALTER)).toEqual([]);
      expect(await view(a!, WALTER)).toEqual([]);
      await expect(stores[0]!.set("test:thirty-days", "x", SILENCE_MS)).resolves.toBeUndefined();
    } finally {
      await a!.close();
      await b!.close();
      await Promise.all(stores.map((st) => st.close()));
    }
  });
});
