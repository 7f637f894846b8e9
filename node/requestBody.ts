/**
 * Reading a small request body on the Node side's servers (the CDS service's calls, the app server's launch
 * route): the one reader both use. Past the cap it rejects with RequestTooLarge at once, so the route can
 * answer 413, and goes on reading and discarding the rest (discardRest): the answer is delivered to a client
 * still sending a body of modest size, while one that sends far more has its connection closed.
 */
import type { IncomingMessage } from "node:http";

export class RequestTooLarge extends Error {
  constructor() {
    super("The request body is too large.");
    this.name = "RequestTooLarge";
  }
}

/** How much of a refused body is read and discarded, in multiples of the cap, before the connection is closed. */
const DISCARD_FACTOR = 4;

/**
 * Reads and discards the rest of a body the server answers without (too large, or refused unread), so the
 * answer reaches a client still sending; past `bound` bytes more, the connection is closed.
 */
export function discardRest(req: IncomingMessage, bound: number): void {
  let drained = 0;
  req.removeAllListeners("data");
  req.on("data", (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > bound) req.socket.destroy();
  });
  req.resume();
}

/** The body's bytes, at most `maxBytes`; rejects with RequestTooLarge past them (and discards the rest). */
export function readRequestBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      reject(new RequestTooLarge());
      discardRest(req, maxBytes * DISCARD_FACTOR);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** The discard bound for a body refused unread under a cap of `maxBytes` (the same as readRequestBody's). */
export function discardBound(maxBytes: number): number {
  return maxBytes * DISCARD_FACTOR;
}
