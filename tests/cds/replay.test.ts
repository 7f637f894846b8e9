/** The replay check (cds/replay.ts) on the memory store with an injected clock: once per iss+jti, quotas, epoch, fail closed. */
import { describe, expect, it } from "vitest";
import { MemoryStore, StoreUnavailable, type Store } from "../../node/store";
import { ReplayGuard } from "../../cds/replay";

const WINDOW = 330_000;
const SKEW = 30_000;

function setUp(quotaPerClient = 100) {
  let t = 1_000_000;
  const store = new MemoryStore({ nowMs: () => t });
  const guard = new ReplayGuard(store, { windowMs: WINDOW, skewMs: SKEW, quotaPerClient });
  return { store, guard, now: () => t, advance: (ms: number) => (t += ms) };
}

describe("ReplayGuard", () => {
  it("records an iss+jti once, for the token's remaining lifetime plus the clock skew", async () => {
    const { guard, now, advance } = setUp();
    await guard.epoch(now());
    const exp = now() + 60_000;
    expect(await guard.check("iss-a", "j1", now(), exp, now())).toBe("new");
    expect(await guard.check("iss-a", "j1", now(), exp, now())).toBe("replayed");
    expect(await guard.check("iss-b", "j1", now(), exp, now())).toBe("new"); // another client's jti of the same name
    advance(60_000 + SKEW - 1);
    expect(await guard.check("iss-a", "j1", now() - 60_000, exp, now())).toBe("replayed");
  });

  it("keys hold no readable issuer or jti", async () => {
    const { store, guard, now } = setUp();
    const keys: string[] = [];
    const spy: Store = { ...store, kind: "memory", setIfAbsent: (k, v, ttl) => (keys.push(k), store.setIfAbsent(k, v, ttl)), increment: (k, ttl) => (keys.push(k), store.increment(k, ttl)), get: (k) => store.get(k), set: (k, v, ttl) => store.set(k, v, ttl), delete: (k) => store.delete(k), close: () => store.close() };
    const spied = new ReplayGuard(spy, { windowMs: WINDOW, skewMs: SKEW });
    await guard.epoch(now());
    await spied.check("https://ehr.example.org/secret-tenant", "jti-visible", now(), now() + 1000, now());
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect(k).not.toMatch(/ehr\.example|secret-tenant|jti-visible/);
  });

  it("each client's quota of new jtis per window: past it 'over-quota', other clients unaffected, a new window starts again", async () => {
    const { guard, now, advance } = setUp(2);
    await guard.epoch(now());
    const exp = () => now() + 300_000;
    expect(await guard.check("a", "1", now(), exp(), now())).toBe("new");
    expect(await guard.check("a", "2", now(), exp(), now())).toBe("new");
    expect(await guard.check("a", "3", now(), exp(), now())).toBe("over-quota");
    expect(await guard.check("b", "1", now(), exp(), now())).toBe("new");
    advance(WINDOW);
    expect(await guard.check("a", "3", now(), exp(), now())).toBe("new");
  });

  it("tokens issued before the store's records began are refused; the epoch survives as long as the store", async () => {
    const { store, guard, now, advance } = setUp();
    expect(await guard.epoch(now())).toBe(now());
    expect(await guard.check("a", "old", now() - 1000, now() + 1000, now())).toBe("before-epoch");
    // iat has whole seconds: issued within the epoch's second counts as after it.
    expect(await guard.check("a", "same-second", Math.floor(now() / 1000) * 1000, now() + 1000, now())).toBe("new");
    advance(5000);
    // Another replica on the same store sees the same epoch.
    const other = new ReplayGuard(store, { windowMs: WINDOW, skewMs: SKEW });
    expect(await other.epoch(now())).toBe(now() - 5000);
    expect(await other.check("a", "fresh", now(), now() + 1000, now())).toBe("new");
  });

  it("a store that cannot answer throws StoreUnavailable (the caller answers 503)", async () => {
    const down: Store = {
      kind: "redis",
      setIfAbsent: () => Promise.reject(new StoreUnavailable()),
      set: () => Promise.reject(new StoreUnavailable()),
      get: () => Promise.reject(new StoreUnavailable()),
      delete: () => Promise.reject(new StoreUnavailable()),
      increment: () => Promise.reject(new StoreUnavailable()),
      close: async () => undefined,
    };
    const guard = new ReplayGuard(down, { windowMs: WINDOW, skewMs: SKEW });
    await expect(guard.check("a", "1", 0, 1000, 0)).rejects.toBeInstanceOf(StoreUnavailable);
  });
});
