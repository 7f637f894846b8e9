/**
 * node/requestBody.ts: a refused body is read and discarded up to a bound (so the answer reaches a client
 * still sending), past which the connection is closed; under the cap the body is read whole.
 */
import { PassThrough } from "node:stream";
import type { IncomingMessage } from "node:http";
import { describe, expect, it, vi } from "vitest";
import { discardBound, discardRest, readRequestBody, RequestTooLarge } from "../../node/requestBody";

function request(): { req: IncomingMessage; stream: PassThrough; destroy: ReturnType<typeof vi.fn> } {
  const stream = new PassThrough();
  const destroy = vi.fn();
  Object.assign(stream, { socket: { destroy } });
  return { req: stream as unknown as IncomingMessage, stream, destroy };
}

const flush = () => new Promise((r) => setImmediate(r));

describe("request bodies", () => {
  it("reads a body under the cap whole", async () => {
    const { req, stream } = request();
    const body = readRequestBody(req, 10);
    stream.end(Buffer.from("0123456789"));
    expect((await body).toString()).toBe("0123456789");
  });

  it("past the cap: rejects at once, discards the rest up to the bound, then closes the connection", async () => {
    const { req, stream, destroy } = request();
    const body = readRequestBody(req, 10);
    stream.write(Buffer.alloc(11));
    await expect(body).rejects.toBeInstanceOf(RequestTooLarge);
    for (let sent = 0; sent < discardBound(10); sent += 10) stream.write(Buffer.alloc(10));
    await flush();
    expect(destroy).not.toHaveBeenCalled();
    stream.write(Buffer.alloc(10));
    await flush();
    expect(destroy).toHaveBeenCalled();
  });

  it("a body refused unread is discarded the same way", async () => {
    const { req, stream, destroy } = request();
    discardRest(req, 25);
    stream.write(Buffer.alloc(20));
    await flush();
    expect(destroy).not.toHaveBeenCalled();
    stream.write(Buffer.alloc(10));
    await flush();
    expect(destroy).toHaveBeenCalledTimes(1);
  });
});
