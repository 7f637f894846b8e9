/**
 * Reading a small request body on the Node side's servers (the CDS service's calls, the app server's launch
 * route): the one reader both use. Past the cap it rejects with RequestTooLarge at once, so the route can
 * answer 413, and goes on reading and discarding the rest: the request stream is never destroyed, so the
 * answer is delivered to a client still sending (the server's request timeout bounds how long it may send).
 */
import type { IncomingMessage } from "node:http";

export class RequestTooLarge extends Error {
  constructor() {
    super("The request body is too large.");
    this.name = "RequestTooLarge";
  }
}

/** The body's bytes, at most `maxBytes`; rejects with RequestTooLarge past them. */
export function readRequestBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      if (size > maxBytes) return;
      size += chunk.length;
      if (size > maxBytes) reject(new RequestTooLarge());
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
