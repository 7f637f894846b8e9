/**
 * The store contract (node/store), run against both backends: the memory store and a real redis-server
 * started for this file. Expiry is checked with an injected clock on memory and with short real lifetimes on
 * Redis (which keeps its own clock).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "@redis/client";
import { MemoryStore, openStore, parseStoreSpec, StoreUnavailable, type Store } from "../../node/store";
import { MAX_TTL_MS } from "../../node/store/types";
import { startRedis, type TestRedis } from "./redisServer";

let redis: TestRedis;
const opened: Store[] = [];

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
  await redis?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const DAY = 86_400_000;

const backends: Array<[string, () => Promise<Store>]> = [
  ["memory", async () => new MemoryStore()],
  ["redis", async () => {
    const s = await openStore(parseStoreSpec(redis.url));
    opened.push(s);
    return s;
  }],
];

describe.each(backends)("the %s store", (kind, open) => {
  let n = 0;
  const key = (name: string) => `test:${kind}:${name}:${++n}`;

  it("reports its kind", async () => {
    expect((await open()).kind).toBe(kind);
  });

  it("stores a key once with setIfAbsent", async () => {
    const store = await open();
    const k = key("nx");
    expect(await store.setIfAbsent(k, "first", 60_000)).toBe(true);
    expect(await store.setIfAbsent(k, "second", 60_000)).toBe(false);
    expect(await store.get(k)).toBe("first");
  });

  it("sets, replaces, reads and deletes", async () => {
    const store = await open();
    const k = key("set");
    expect(await store.get(k)).toBeUndefined();
    await store.set(k, "a", 60_000);
    await store.set(k, "b", 60_000);
    expect(await store.get(k)).toBe("b");
    await store.delete(k);
    expect(await store.get(k)).toBeUndefined();
    await store.delete(k);
  });

  it("counts in a window that starts at the first increment", async () => {
    const store = await open();
    const k = key("count");
    expect(await store.increment(k, 60_000)).toBe(1);
    expect(await store.increment(k, 60_000)).toBe(2);
    expect(await store.increment(k, 60_000)).toBe(3);
  });

  it("refuses lifetimes that are not whole positive milliseconds, or longer than a year", async () => {
    const store = await open();
    await expect(store.set(key("ttl"), "x", 0)).rejects.toThrow(TypeError);
    await expect(store.setIfAbsent(key("ttl"), "x", 1.5)).rejects.toThrow(TypeError);
    await expect(store.set(key("ttl"), "x", MAX_TTL_MS + 1)).rejects.toThrow(TypeError);
    await expect(store.increment(key("ttl"), MAX_TTL_MS + 1)).rejects.toThrow(TypeError);
  });

  it("accepts a 30-day lifetime (longer than setTimeout's 2^31 − 1 ms) with every write", async () => {
    const store = await open();
    const thirtyDays = 30 * DAY;
    expect(thirtyDays).toBeGreaterThan(2 ** 31 - 1);
    await store.set(key("30d"), "x", thirtyDays);
    expect(await store.setIfAbsent(key("30d"), "x", thirtyDays)).toBe(true);
    expect(await store.increment(key("30d"), thirtyDays)).toBe(1);
    await expect(store.set(key("year"), "x", MAX_TTL_MS)).resolves.toBeUndefined();
  });
});

describe("expiry", () => {
  it("memory: a 30-day entry lives 30 days on the injected clock, not 24.8", async () => {
    let now = 1_000_000;
    const store = new MemoryStore({ nowMs: () => now });
    await store.set("silence", "1", 30 * DAY);
    expect(await store.increment("window", 30 * DAY)).toBe(1);
    now += 2 ** 31; // past setTimeout's limit
    expect(await store.get("silence")).toBe("1");
    now += 30 * DAY - 2 ** 31 - 1;
    expect(await store.get("silence")).toBe("1");
    expect(await store.increment("window", 30 * DAY)).toBe(2);
    now += 1;
    expect(await store.get("silence")).toBeUndefined();
    expect(await store.increment("window", 30 * DAY)).toBe(1);
  });

  it("redis: a 30-day entry is kept with its whole lifetime (PTTL past 2^31 − 1 ms)", async () => {
    const store = await openStore(parseStoreSpec(redis.url));
    opened.push(store);
    await store.set("exp:30d", "1", 30 * DAY);
    await store.increment("exp:30d-count", 30 * DAY);
    const raw = createClient({ url: redis.url });
    await raw.connect();
    try {
      for (const k of ["exp:30d", "exp:30d-count"]) {
        const ttl = Number(await raw.pTTL(k));
        expect(ttl).toBeGreaterThan(2 ** 31 - 1);
        expect(ttl).toBeLessThanOrEqual(30 * DAY);
      }
    } finally {
      await raw.close();
    }
  });

  it("memory: entries and counters expire on the injected clock", async () => {
    let now = 1_000_000;
    const store = new MemoryStore({ nowMs: () => now });
    await store.set("a", "1", 100);
    expect(await store.setIfAbsent("b", "1", 100)).toBe(true);
    expect(await store.increment("c", 100)).toBe(1);
    now += 99;
    expect(await store.get("a")).toBe("1");
    expect(await store.increment("c", 100)).toBe(2);
    now += 1;
    expect(await store.get("a")).toBeUndefined();
    expect(await store.setIfAbsent("b", "2", 100)).toBe(true);
    expect(await store.increment("c", 100)).toBe(1);
  });

  it("redis: entries and counters expire after their lifetime", async () => {
    const store = await openStore(parseStoreSpec(redis.url));
    opened.push(store);
    await store.set("exp:a", "1", 150);
    await store.setIfAbsent("exp:b", "1", 150);
    await store.increment("exp:c", 150);
    await store.increment("exp:c", 60_000); // a later increment keeps the first expiry
    await sleep(400);
    expect(await store.get("exp:a")).toBeUndefined();
    expect(await store.setIfAbsent("exp:b", "2", 60_000)).toBe(true);
    expect(await store.increment("exp:c", 60_000)).toBe(1);
  });
});

describe("bounds and failures", () => {
  it("memory: a full store refuses new keys (fail closed) and accepts again once entries expire", async () => {
    let now = 0;
    const store = new MemoryStore({ maxEntries: 3, nowMs: () => now });
    for (const k of ["a", "b", "c"]) await store.set(k, "1", 1000);
    await expect(store.set("d", "1", 1000)).rejects.toBeInstanceOf(StoreUnavailable);
    await store.set("a", "2", 1000); // replacing a held key is not a new entry
    now += 1000;
    await expect(store.set("d", "1", 1000)).resolves.toBeUndefined();
    expect(store.size).toBe(1);
  });

  it("redis: unreachable at start is an error naming host and port, never a password", async () => {
    const closed = await startRedis();
    await closed.stop();
    const url = `redis://:hunter2@127.0.0.1:${closed.port}/0`;
    const error = await openStore(parseStoreSpec(url)).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(`127.0.0.1:${closed.port}`);
    expect((error as Error).message).not.toContain("hunter2");
  });

  it("redis: while Redis is down every call is StoreUnavailable at once; it recovers after a restart", async () => {
    const own = await startRedis();
    const messages: string[] = [];
    const store = await openStore(parseStoreSpec(own.url), { redis: { onError: (m) => messages.push(m) } });
    opened.push(store);
    await store.set("k", "v", 60_000);
    await own.stop();
    await sleep(100);
    const started = Date.now();
    await expect(store.get("k")).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(store.setIfAbsent("j", "v", 60_000)).rejects.toBeInstanceOf(StoreUnavailable);
    expect(Date.now() - started).toBeLessThan(3000);
    await own.restart();
    let value: string | undefined | Error;
    for (let i = 0; i < 60; i++) {
      value = await store.get("k").catch((e: unknown) => e as Error);
      if (!(value instanceof Error)) break;
      await sleep(100);
    }
    expect(value).toBeUndefined(); // a restarted Redis without persistence is empty
    expect(await store.setIfAbsent("j", "v", 60_000)).toBe(true);
    expect(messages.every((m) => !m.includes("redis://"))).toBe(true);
    await own.stop();
  });
});

describe("parseStoreSpec", () => {
  it("accepts memory and Redis URLs", () => {
    expect(parseStoreSpec("memory")).toBe("memory");
    expect(parseStoreSpec("redis://127.0.0.1:6379/0")).toBe("redis://127.0.0.1:6379/0");
    expect(parseStoreSpec("rediss://cache.example:6380")).toBe("rediss://cache.example:6380");
  });

  it.each([["memcached://x"], ["redis://"], ["redis://h:1/abc"], [""], [42], [undefined]])("refuses %j with a message", (value) => {
    expect(() => parseStoreSpec(value, "--replay-store")).toThrow(/--replay-store must be "memory" or a Redis URL|database must be a number/);
  });
});
