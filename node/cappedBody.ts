/**
 * Reading an untrusted HTTP answer's body under a byte cap: the one streaming reader of the Node side's
 * hardened upstream reads (node/fhirRead.ts for FHIR, server/exchange/upstream.ts for OAuth endpoints).
 * The declared Content-Length is checked first; bytes are then counted as they stream in and the stream is
 * cancelled past the cap, so memory never grows with a hostile answer.
 */

/** Which cap an answer went past: the response's own, or the room left in a budget shared by several. */
export class BodyTooLarge extends Error {
  constructor(readonly cap: "response" | "room") {
    super(`answer too large (${cap})`);
    this.name = "BodyTooLarge";
  }
}

export interface BodyCaps {
  /** Most bytes of this body. */
  maxBytes: number;
  /** Bytes left in a budget shared with other bodies (read each chunk); unlimited when absent. */
  room?: () => number;
  /** Told of each chunk's bytes as it is kept (to charge the shared budget). */
  spend?: (bytes: number) => void;
}

/** Throws BodyTooLarge when the answer's Content-Length already says it is over a cap. */
export function checkDeclaredLength(response: Response, caps: BodyCaps): void {
  const declared = Number(response.headers.get("content-length"));
  if (!Number.isFinite(declared)) return;
  if (declared > caps.maxBytes) throw new BodyTooLarge("response");
  if (caps.room && declared > caps.room()) throw new BodyTooLarge("room");
}

/** The body's bytes, read under the caps; past one the stream is cancelled and BodyTooLarge thrown. */
export async function readCapped(body: ReadableStream<Uint8Array>, caps: BodyCaps): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > caps.maxBytes) throw new BodyTooLarge("response");
      if (caps.room && value.byteLength > caps.room()) throw new BodyTooLarge("room");
      caps.spend?.(value.byteLength);
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
