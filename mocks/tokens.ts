/**
 * Stateless authorization codes, access tokens and refresh tokens: signed base64url JSON (see base64url.ts),
 * opaque to clients. Plus the unsigned, JWT-looking id_token.
 */
import { randomBytes } from "node:crypto";
import { base64urlEncode, sign, verify } from "./base64url";
import type { DemoLaunch } from "./launchContext";

interface Common {
  /** Patient the grant is for (absent when there is no patient context). */
  p?: string;
  /** Granted (for codes: requested-or-overridden) scope. */
  s: string;
  /** client_id. */
  c: string;
  /** Launch options in force for this session. */
  l: DemoLaunch;
  /** FHIR base the grant is for. */
  aud: string;
  /** Issued at, ms since epoch (from the injected clock). */
  iat: number;
  /** Random nonce, so two grants never share a value. */
  n: string;
}

export interface CodePayload extends Common {
  t: "code";
  r: string;
  cc: string;
}

export interface AccessPayload extends Common {
  t: "access";
  /** Expiry, ms since epoch. */
  exp: number;
}

export interface RefreshPayload extends Common {
  t: "refresh";
}

export type GrantPayload = CodePayload | AccessPayload | RefreshPayload;

export function nonce(): string {
  return randomBytes(9).toString("base64url");
}

export function issue(payload: GrantPayload): string {
  return sign(payload);
}

/** The payload of a code/token of the given kind, or null when forged, garbled or of another kind. */
export function read<K extends GrantPayload["t"]>(value: string, kind: K): Extract<GrantPayload, { t: K }> | null {
  const data = verify(value);
  if (typeof data !== "object" || data === null || (data as { t?: unknown }).t !== kind) return null;
  return data as Extract<GrantPayload, { t: K }>;
}

/**
 * An unsigned ("alg": "none") JWT-shaped id_token. Its payload's base64url form always contains "-" or "_",
 * the characters that make `window.atob` throw (fhirclient pitfall), so clients must decode it properly.
 */
export function idToken(claims: Record<string, unknown>): string {
  const header = base64urlEncode(JSON.stringify({ alg: "none", typ: "JWT" }));
  for (let k = 0; ; k++) {
    const payload = base64urlEncode(JSON.stringify({ ...claims, demo_padding: "?".repeat(k) + "~>" }));
    if (/[-_]/.test(payload)) return `${header}.${payload}.`;
  }
}
