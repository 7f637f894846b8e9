/**
 * The app server's calls to an EHR. Its OAuth endpoints (SMART discovery, the token endpoint) through
 * `upstreamFetch`: no redirects followed, a cap on the bytes read, a deadline for the whole exchange, so a
 * hostile or broken server cannot make it wait forever, fill its memory, or bounce a code or assertion to
 * another address. FHIR reads with the session's token through `readFhirForProxy`, which is the shared
 * hardened read path of node/ (node/fhirRead.ts), not a copy of it.
 */
import { BodyTooLarge, checkDeclaredLength, readCapped } from "../../node/cappedBody";
import { FhirReadError, openFhirCall } from "../../node/fhirRead";

export interface UpstreamLimits {
  /** Largest body read, in bytes (the answer is refused past it). */
  maxBytes: number;
  /** Deadline for the whole request, body included, in milliseconds. */
  timeoutMs: number;
}

export const DISCOVERY_LIMITS: UpstreamLimits = { maxBytes: 256 * 1024, timeoutMs: 10_000 };
export const TOKEN_LIMITS: UpstreamLimits = { maxBytes: 256 * 1024, timeoutMs: 15_000 };

/** Why an upstream call gave no usable answer; the message never holds the URL, headers or body. */
class UpstreamFailure extends Error {
  readonly reason: "redirect" | "too-large" | "timeout" | "network";
  constructor(reason: UpstreamFailure["reason"]) {
    super(`upstream request failed: ${reason}`);
    this.name = "UpstreamFailure";
    this.reason = reason;
  }
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Performs one request and answers a Response whose body is already read (at most `maxBytes`). A 3xx is
 * refused, never followed; so is a body past the cap; the deadline covers connecting and reading.
 */
export async function upstreamFetch(url: string, init: RequestInit, limits: UpstreamLimits, fetchFn: FetchLike = fetch): Promise<Response> {
  const deadline = AbortSignal.timeout(limits.timeoutMs);
  const signal = init.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
  let response: Response;
  try {
    response = await fetchFn(url, { ...init, redirect: "manual", signal });
  } catch {
    throw new UpstreamFailure(deadline.aborted ? "timeout" : "network");
  }
  if ((response.status >= 300 && response.status < 400) || response.type === "opaqueredirect") {
    await response.body?.cancel().catch(() => undefined);
    throw new UpstreamFailure("redirect");
  }
  let bytes: Uint8Array = new Uint8Array(0);
  try {
    checkDeclaredLength(response, { maxBytes: limits.maxBytes });
    if (response.body) bytes = await readCapped(response.body, { maxBytes: limits.maxBytes });
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      await response.body?.cancel().catch(() => undefined);
      throw new UpstreamFailure("too-large");
    }
    throw new UpstreamFailure(deadline.aborted ? "timeout" : "network");
  }
  return new Response(response.status === 204 || response.status === 205 ? null : Buffer.from(bytes), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/**
 * One FHIR read for the proxy with the session's token, through the Node side's one hardened FHIR read
 * path (node/fhirRead.ts: the token only to the session's FHIR base, no redirects, 200 FHIR JSON only,
 * byte caps while streaming, a deadline). Never a second read path: this is the proxy's only door to it.
 */
export type ProxyRead =
  | { ok: true; resource: Record<string, unknown>; text: string }
  | { ok: false; status: number; retryAfter?: string };

/** Per read: the page's own request times out after 20 s by default, so the proxy gives up a little later. */
export const PROXY_READ_LIMITS = { deadlineMs: 25_000 } as const;

export async function readFhirForProxy(base: string, url: string, accessToken: string): Promise<ProxyRead> {
  try {
    const body = await openFhirCall({ base, token: accessToken, limits: PROXY_READ_LIMITS }).read(url);
    return { ok: true, resource: body.resource, text: body.text };
  } catch (error) {
    if (!(error instanceof FhirReadError)) throw error;
    if (error.kind === "status" && error.status !== undefined) return { ok: false, status: error.status, ...(error.retryAfter ? { retryAfter: error.retryAfter } : {}) };
    // Not on the base, a redirect, not FHIR JSON, too large, no answer: the EHR's answer is not usable.
    return { ok: false, status: error.kind === "deadline" ? 504 : 502 };
  }
}
