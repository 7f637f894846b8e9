/**
 * The launch route reads its JSON body through the Node side's one request-body reader (node/requestBody.ts):
 * a body over its cap is answered 413, delivered whole to a client still sending (the request is drained, not
 * destroyed), whether the length was declared or the body streamed in chunks; a body under it is read.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startExchangeStack, type ExchangeStack, TREY } from "./harness";


let stack: ExchangeStack;
beforeAll(async () => {
  stack = await startExchangeStack();
});
afterAll(async () => {
  await stack?.close();
});

describe("the launch route's body", () => {
  const big = () => JSON.stringify({ iss: stack.jwtBase, padding: "x".repeat(20 * 1024) });

  it("over the cap with a declared length: 413 with the launch error body", async () => {
    const res = await stack.browser().fetch("/smart/launch", { method: "POST", headers: { "Content-Type": "application/json" }, body: big() });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: "exchange-unavailable" });
  });

  it("over the cap streamed in chunks (no declared length): the 413 is delivered", async () => {
    const text = big();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < text.length; at += 1024) controller.enqueue(new TextEncoder().encode(text.slice(at, at + 1024)));
        controller.close();
      },
    });
    // Node's fetch needs `duplex` for a streamed body; RequestInit does not declare it.
    const init = { method: "POST", headers: { "Content-Type": "application/json" }, body, duplex: "half" } as Omit<RequestInit, "headers"> & { headers: Record<string, string> };
    const res = await stack.browser().fetch("/smart/launch", init);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: "exchange-unavailable" });
  });

  it("under the cap: read (the launch is planned); not JSON: 400", async () => {
    const browser = stack.browser();
    expect(await browser.launch(stack.jwtBase, { patient: TREY })).toContain("nlc_session=");
    const bad = await browser.fetch("/smart/launch", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{not json" });
    expect(bad.status).toBe(400);
  });
});
