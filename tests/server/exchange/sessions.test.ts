/**
 * Server sessions: two replicas on one Redis (a real redis-server started for this file) share launches,
 * sessions and refreshes; a session ends after its idle and absolute limits, on a 401 the EHR gives
 * without a refresh token, and the browser is told so (401) rather than shown less data.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, parseStoreSpec } from "../../../node/store";
import { startRedis, type TestRedis } from "../../node/redisServer";
import { Browser, startExchangeStack, type ExchangeStack, TREY } from "./harness";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

describe("two replicas on one Redis", () => {
  let stack: ExchangeStack;
  afterAll(async () => {
    await stack?.close();
  });

  it("a launch begun on one replica finishes on the other; both read through the session; one refresh at a time", async () => {
    // Tokens live 30 s, under the proxy's refresh margin: every read finds the token due and refreshes.
    stack = await startExchangeStack({ store: await openStore(parseStoreSpec(redis.url)), baseLaunch: { expiresIn: 30 } });
    const other = await stack.replica();
    const a = stack.browser();
    const planned = (await (await a.fetch("/smart/launch", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ iss: stack.jwtBase, launch: Buffer.from(JSON.stringify({ patient: TREY })).toString("base64url") }) })).json()) as { authorizeUrl: string };
    const callback = new URL((await a.fetch(planned.authorizeUrl)).headers.get("location")!);
    // The callback reaches the other replica (behind one proxy, both are the same origin; cookies ignore ports).
    const b = new Browser(other.url);
    for (const [k, v] of a.cookies) b.cookies.set(k, v);
    const done = await b.fetch(`${other.url}${callback.pathname}${callback.search}`);
    const index = new URL(done.headers.get("location")!, other.url).href;
    expect(index).toContain("nlc_session=");
    for (const [k, v] of b.cookies) a.cookies.set(k, v);
    const { handle } = await a.session(index);
    const reads = await Promise.all(
      [a, b, a, b, a, b].map((browser) => browser.fetch(`/smart/fhir/${handle}/Patient/${TREY}`).then((r) => r.status)),
    );
    expect(reads).toEqual([200, 200, 200, 200, 200, 200]);
    // The first token and at least one refreshed one: the session was refreshed on the shared store.
    const accessTokens = stack.store.written.filter((v) => v.startsWith("{") && v.includes('"accessToken"')).map((v) => (JSON.parse(v) as { accessToken: string }).accessToken);
    expect(new Set(accessTokens).size).toBeGreaterThanOrEqual(2);
  });
});

describe("session limits", () => {
  let stack: ExchangeStack;
  let clock = Date.now();
  afterAll(async () => {
    await stack?.close();
  });

  it("an idle session ends; an active one ends at its absolute limit", async () => {
    stack = await startExchangeStack({ now: () => clock, exchange: { limits: { idleMs: 400, absoluteMs: 60_000 } } });
    const idle = stack.browser();
    const { handle } = await idle.session(await idle.launch(stack.jwtBase, { patient: TREY }));
    expect((await idle.fetch(`/smart/fhir/${handle}/Patient/${TREY}`)).status).toBe(200);
    await sleep(700);
    expect((await idle.fetch(`/smart/fhir/${handle}/Patient/${TREY}`)).status).toBe(401);

    const busy = stack.browser();
    const second = await busy.session(await busy.launch(stack.jwtBase, { patient: TREY }));
    expect((await busy.fetch(`/smart/fhir/${second.handle}/Patient/${TREY}`)).status).toBe(200);
    clock += 61_000;
    expect((await busy.fetch(`/smart/fhir/${second.handle}/Patient/${TREY}`)).status).toBe(401);
    expect((await busy.fetch(`/smart/session/${second.handle}`)).status).toBe(401);
  });
});

describe("a token the EHR stops accepting, with no refresh token", () => {
  let stack: ExchangeStack;
  afterAll(async () => {
    await stack?.close();
  });

  it("the FHIR path answers 401 and the session ends (the panel then says the session ended)", async () => {
    stack = await startExchangeStack({ entry: { onlineAccess: false }, baseLaunch: { expireAfterRequests: 1 } });
    const browser = stack.browser();
    const { handle } = await browser.session(await browser.launch(stack.jwtBase, { patient: TREY }));
    expect((await browser.fetch(`/smart/fhir/${handle}/Patient/${TREY}`)).status).toBe(200);
    expect((await browser.fetch(`/smart/fhir/${handle}/Condition?patient=${TREY}`)).status).toBe(401);
    expect((await browser.fetch(`/smart/session/${handle}`)).status).toBe(401);
  });
});
