/**
 * The app server's one way to call an EHR (discovery, the token endpoint, FHIR reads for the proxy): no
 * redirects followed, a cap on the bytes read, and a deadline for the whole exchange. A hostile or broken
 * server cannot make it wait forever, fill its memory, or bounce the session's token to another address.
 *
 * One small function on purpose: when the shared hardened FHIR read path (node/) is on main, the
 * proxy's reads switch to it here and nowhere else.
 */

export interface UpstreamLimits {
  /** Largest body read, in bytes (the answer is refused past it). */
  maxBytes: number;
  /** Deadline for the whole request, body included, in milliseconds. */
  timeoutMs: number;
}

export const DISCOVERY_LIMITS: UpstreamLimits = { maxBytes: 256 * 1024, timeoutMs: 10_000 };
export const TOKEN_LIMITS: UpstreamLimits = { maxBytes: 256 * 1024, timeoutMs: 15_000 };
export const FHIR_LIMITS: UpstreamLimits = { maxBytes: 32 * 1024 * 1024, timeoutMs: 30_000 };

/** Why an upstream call gave no usable answer; the message never holds the URL, headers or body. */
export class UpstreamFailure extends Error {
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
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new UpstreamFailure("too-large");
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > limits.maxBytes) {
          await reader.cancel().catch(() => undefined);
          throw new UpstreamFailure("too-large");
        }
        chunks.push(value);
      }
    }
  } catch (error) {
    if (error instanceof UpstreamFailure) throw error;
    throw new UpstreamFailure(deadline.aborted ? "timeout" : "network");
  }
  const body = Buffer.concat(chunks);
  return new Response(response.status === 204 || response.status === 205 ? null : body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/**
 * One FHIR read for the proxy, with the session's token. The single place the proxy's upstream reads
 * go through (to become the shared hardened read path of node/ once it is on main).
 */
export function readFhir(url: string, accessToken: string, fetchFn?: FetchLike, limits: UpstreamLimits = FHIR_LIMITS): Promise<Response> {
  return upstreamFetch(url, { headers: { Accept: "application/fhir+json", Authorization: `Bearer ${accessToken}` } }, limits, fetchFn);
}
