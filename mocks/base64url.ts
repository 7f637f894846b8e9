/** base64url helpers (RFC 4648 §5, no padding) for the mock's stateless codes and tokens. Node only. */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export function base64urlEncode(input: string | Uint8Array): string {
  return Buffer.from(input).toString("base64url");
}

/** Decodes base64url text to UTF-8; null when the input has characters outside the base64url alphabet. */
export function base64urlDecode(input: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(input)) return null;
  return Buffer.from(input, "base64url").toString("utf8");
}

export function encodeJson(value: unknown): string {
  return base64urlEncode(JSON.stringify(value));
}

/** Parses base64url JSON; null on any failure. */
export function decodeJson(input: string): unknown {
  const text = base64urlDecode(input);
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * Per-process secret that signs codes and tokens, so a client cannot forge them. Codes and tokens stop
 * working when the process restarts, as they would on a real server.
 */
const SECRET = randomBytes(32);

function mac(payload: string): string {
  return createHmac("sha256", SECRET).update(payload).digest("base64url");
}

/** `<base64url JSON>.<HMAC>`: opaque to clients, verifiable by the mock without server-side state. */
export function sign(value: unknown): string {
  const payload = encodeJson(value);
  return `${payload}.${mac(payload)}`;
}

/** The signed value, or null when the signature or encoding is wrong. */
export function verify(token: string): unknown {
  const [payload, signature, extra] = token.split(".");
  if (payload === undefined || signature === undefined || extra !== undefined) return null;
  const expected = Buffer.from(mac(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return decodeJson(payload);
}
