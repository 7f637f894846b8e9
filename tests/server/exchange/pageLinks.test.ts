/**
 * Next-page links the proxy saves for a session are bounded: reading the same Bundle again reuses one entry,
 * an entry lives no longer than an idle session, and a session saves a limited number of distinct links (past
 * it the read is refused with 429, never answered as a Bundle without its next link).
 */
import { afterAll, describe, expect, it } from "vitest";
import { MemoryStore } from "../../../node/store";
import { startExchangeStack, type ExchangeStack, TREY } from "./harness";


/** Remembers the lifetime of every page link written. */
class PageTtlStore extends MemoryStore {
  readonly pageTtls = new Map<string, number>();
  override async set(key: string, value: string, ttlMs: number): Promise<void> {
    if (key.startsWith("session-page:")) this.pageTtls.set(key, ttlMs);
    return super.set(key, value, ttlMs);
  }
}

const nextOf = async (response: Response): Promise<string | undefined> =>
  ((await response.json()) as { link?: { relation: string; url: string }[] }).link?.find((l) => l.relation === "next")?.url;

describe("saved next-page links", () => {
  let stack: ExchangeStack;
  const store = new PageTtlStore();
  afterAll(async () => {
    await stack?.close();
  });

  it("one entry per link, living the idle limit; past the session's quota the read is refused, saved links are still handed out", async () => {
    stack = await startExchangeStack({ store, exchange: { limits: { idleMs: 60_000, absoluteMs: 3600_000, maxPages: 2 } } });
    const browser = stack.browser();
    const { handle } = await browser.session(await browser.launch(stack.jwtBase, { patient: TREY }));
    const search = (count: number) => browser.fetch(`/smart/fhir/${handle}/Observation?patient=${TREY}&_count=${count}`);

    const first = await nextOf(await search(2));
    const again = await nextOf(await search(2));
    expect(first).toMatch(/\/_page\/[A-Za-z0-9_-]+$/);
    expect(again).toBe(first);
    expect(store.pageTtls.size).toBe(1);
    expect([...store.pageTtls.values()]).toEqual([60_000]);

    const second = await nextOf(await search(3));
    expect(second).toMatch(/\/_page\/[A-Za-z0-9_-]+$/);
    expect(second).not.toBe(first);
    expect(store.pageTtls.size).toBe(2);

    const refused = await search(4);
    expect(refused.status).toBe(429);
    expect(store.pageTtls.size).toBe(2);
    // A link already saved is handed out again: reading the same Bundle does not count against the quota.
    expect(await nextOf(await search(2))).toBe(first);
  });
});
