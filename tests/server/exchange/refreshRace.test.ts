/**
 * Two reads of one session find its token due at once. The EHR rotates refresh tokens and refuses one used
 * twice (as many do). The first read refreshes; the second takes the refresh lock only after the first has
 * stored the new tokens: it must use them, not refresh again with the refresh token it read before the first
 * refresh (which the EHR now refuses, and which used to end a valid session).
 */
import { afterAll, describe, expect, it } from "vitest";
import { MemoryStore, type Store } from "../../../node/store";
import { startExchangeStack, type ExchangeStack, TREY } from "./harness";


/** Resolves when `signal` fires or after `ms`, whichever comes first (so a broken ordering fails, not hangs). */
function within(promise: Promise<void>, ms: number): Promise<void> {
  return Promise.race([promise, new Promise<void>((r) => setTimeout(r, ms))]);
}

/** The second attempt at the refresh lock waits until the first holder releases it, then takes it. */
class SerialLockStore extends MemoryStore {
  private release: (() => void) | undefined;
  private released: Promise<void> | undefined;
  secondAttempt!: () => void;
  readonly secondAttempted = new Promise<void>((r) => (this.secondAttempt = r));

  override async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    if (key.startsWith("session-refresh:")) {
      if (this.released) {
        this.secondAttempt();
        await within(this.released, 5_000);
      } else {
        this.released = new Promise<void>((r) => (this.release = r));
      }
    }
    return super.setIfAbsent(key, value, ttlMs);
  }

  override async delete(key: string): Promise<void> {
    await super.delete(key);
    if (key.startsWith("session-refresh:")) this.release?.();
  }
}

describe("a refresh that lands while another read waits for the lock", () => {
  let stack: ExchangeStack;
  afterAll(async () => {
    await stack?.close();
  });

  it("the waiting read uses the refreshed token; the session lives on (one refresh, no reused refresh token)", async () => {
    const store = new SerialLockStore();
    const used = new Set<string>();
    let refreshes = 0;
    const rotatingEhr = async (url: string, init: RequestInit): Promise<Response> => {
      const form = init.body instanceof URLSearchParams ? init.body : typeof init.body === "string" ? new URLSearchParams(init.body) : undefined;
      if (form?.get("grant_type") === "refresh_token") {
        const token = form.get("refresh_token") ?? "";
        if (used.has(token)) {
          return new Response(JSON.stringify({ error: "invalid_grant", error_description: "refresh token already used" }), { status: 400, headers: { "Content-Type": "application/json" } });
        }
        used.add(token);
        refreshes++;
        // Hold the first refresh until the second read is at the lock (it read the session before this refresh).
        await within(store.secondAttempted, 5_000);
      }
      return fetch(url, init);
    };
    // Tokens live 30 s, under the proxy's refresh margin: every read finds the token due.
    stack = await startExchangeStack({ store: store as Store, baseLaunch: { expiresIn: 30 }, exchange: { fetch: rotatingEhr } });
    const browser = stack.browser();
    const { handle } = await browser.session(await browser.launch(stack.jwtBase, { patient: TREY }));
    const statuses = await Promise.all([0, 1].map(() => browser.fetch(`/smart/fhir/${handle}/Patient/${TREY}`).then((r) => r.status)));
    expect(statuses).toEqual([200, 200]);
    expect(refreshes).toBe(1);
    expect((await browser.fetch(`/smart/session/${handle}`)).status).toBe(200);
  });
});
