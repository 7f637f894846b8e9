/**
 * The Node side's one way to read from a FHIR server with someone else's access token (the CDS Hooks
 * service's reads of `fhirServer`; a server-side proxy's upstream reads). It assumes the server may be
 * hostile or broken, and holds (docs/spec/cds-hooks.md, "Hostile servers, hostile records, several replicas"):
 *
 * - the token goes only to URLs on the call's FHIR base (same origin, under its path), checked before each
 *   request; a redirect is never followed (`redirect: "manual"`; a 3xx is a refusal), nor a `201` Location;
 * - only `200` with a JSON body (`application/fhir+json` or `application/json`) holding a FHIR resource is
 *   accepted; any other answer is refused without reading its body;
 * - bytes are counted while the body streams in: one response may carry at most `maxResponseBytes`, the
 *   whole call `maxCallBytes`; past either the stream is cancelled (memory never grows with the answer);
 * - one deadline for the whole call (`deadlineMs`): every request in flight is aborted when it passes;
 * - at most `maxMedicationReads` reads of `Medication/<id>` per call (one per medicine would be linear in
 *   a record's length).
 *
 * `openFhirCall` holds one call's budget (bytes, deadline, Medication reads) across its requests. Failures
 * are FhirReadError with a `kind` saying which rule refused the answer; messages never contain the URL, the
 * token or the body.
 */

import { BodyTooLarge, checkDeclaredLength, readCapped, type BodyCaps } from "./cappedBody";

export interface ReadLimits {
  /** Most bytes of one response body (default 20 MiB). */
  maxResponseBytes: number;
  /** Most bytes of all response bodies of one call together (default 64 MiB). */
  maxCallBytes: number;
  /** The whole call's deadline, in ms from when it was opened (default 8000). */
  deadlineMs: number;
  /** Most reads of `<base>/Medication/<id>` in one call (default 200). */
  maxMedicationReads: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxResponseBytes: 20 * MiB,
  maxCallBytes: 64 * MiB,
  deadlineMs: 8000,
  maxMedicationReads: 200,
});

export type FhirReadFailure =
  | "off-base" // the URL is not on the call's FHIR base: the token is not sent
  | "redirect" // a 3xx answer: never followed
  | "status" // any other answer than 200 (4xx, 5xx, 201, 204…)
  | "not-fhir-json" // 200 without a JSON content type, or a body that is not a FHIR resource
  | "too-large" // a response over maxResponseBytes
  | "call-too-large" // the call's responses together over maxCallBytes
  | "too-many-reads" // over maxMedicationReads
  | "deadline" // the call's deadline passed
  | "aborted" // the caller aborted
  | "network"; // no answer (refused connection, reset, DNS…)

export class FhirReadError extends Error {
  readonly kind: FhirReadFailure;
  /** The HTTP status, for "redirect" and "status". */
  readonly status?: number;
  /** The Retry-After header of a "status" answer (429, 503), as sent. */
  readonly retryAfter?: string;

  constructor(kind: FhirReadFailure, details: { status?: number; retryAfter?: string } = {}) {
    super(`FHIR read refused: ${kind}${details.status ? ` (${details.status})` : ""}`);
    this.name = "FhirReadError";
    this.kind = kind;
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfter !== undefined) this.retryAfter = details.retryAfter;
  }
}

export interface FhirBody {
  /** The parsed resource (an object with a string `resourceType`). */
  resource: Record<string, unknown>;
  /** The body as received (a proxy forwards it unchanged). */
  text: string;
  /** Bytes of the body. */
  bytes: number;
}

export interface FhirCall {
  /** GETs `url` (absolute, on the call's base) with the token. */
  read(url: string, signal?: AbortSignal): Promise<FhirBody>;
  /** Aborted when the call's deadline passes or its caller aborts. */
  readonly signal: AbortSignal;
  /** Bytes received so far in this call. */
  readonly bytesRead: number;
  /** Requests sent so far in this call. */
  readonly requests: number;
}

export interface FhirCallOptions {
  /** The FHIR base URL the token belongs to (the CDS call's `fhirServer`). */
  base: string;
  /** The access token, sent as `Authorization: Bearer …` to URLs on `base` only. */
  token: string;
  limits?: Partial<ReadLimits>;
  /** Aborts the whole call (e.g. the caller's own deadline). */
  signal?: AbortSignal;
}

const JSON_TYPE = /^application\/(fhir\+)?json\s*(;|$)/i;

/** The base as origin + path without a trailing slash; throws for anything but an http(s) URL without credentials. */
function parseBase(base: string): { origin: string; path: string } {
  const url = new URL(base);
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.username || url.password || url.search || url.hash) {
    throw new TypeError("a FHIR base must be an http(s) URL without credentials, query or fragment");
  }
  return { origin: url.origin, path: url.pathname.replace(/\/+$/, "") };
}

/** The URL's path below the base ("" for the base itself), or undefined when it is not on the base. */
function pathOnBase(raw: string, base: { origin: string; path: string }): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.origin !== base.origin || url.username || url.password) return undefined;
  if (url.pathname === base.path || url.pathname === `${base.path}/`) return "";
  return url.pathname.startsWith(`${base.path}/`) ? url.pathname.slice(base.path.length) : undefined;
}

/** Opens one call: every read shares its deadline, its byte budget and its Medication-read cap. */
export function openFhirCall(options: FhirCallOptions): FhirCall {
  const limits: ReadLimits = { ...DEFAULT_READ_LIMITS, ...options.limits };
  const base = parseBase(options.base);
  const deadline = AbortSignal.timeout(limits.deadlineMs);
  const callSignal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  let bytesRead = 0;
  let requests = 0;
  let medicationReads = 0;

  const failureOf = (error: unknown, signal: AbortSignal): FhirReadError => {
    if (error instanceof FhirReadError) return error;
    if (error instanceof BodyTooLarge) return new FhirReadError(error.cap === "response" ? "too-large" : "call-too-large");
    if (deadline.aborted) return new FhirReadError("deadline");
    if (signal.aborted) return new FhirReadError("aborted");
    return new FhirReadError("network");
  };

  async function read(url: string, signal?: AbortSignal): Promise<FhirBody> {
    const requestSignal = signal ? AbortSignal.any([callSignal, signal]) : callSignal;
    if (deadline.aborted) throw new FhirReadError("deadline");
    if (requestSignal.aborted) throw new FhirReadError("aborted");
    const path = pathOnBase(url, base);
    if (path === undefined) throw new FhirReadError("off-base");
    if (/^\/Medication\/[^/?#]+$/.test(path)) {
      if (medicationReads >= limits.maxMedicationReads) throw new FhirReadError("too-many-reads");
      medicationReads++;
    }
    if (bytesRead >= limits.maxCallBytes) throw new FhirReadError("call-too-large");
    requests++;
    let response: Response;
    try {
      response = await fetch(url, {
        method: "GET",
        headers: { Authorization: `Bearer ${options.token}`, Accept: "application/fhir+json" },
        redirect: "manual",
        cache: "no-store",
        credentials: "omit",
        signal: requestSignal,
      });
    } catch (error) {
      throw failureOf(error, requestSignal);
    }
    try {
      const status = response.status;
      if (status >= 300 && status < 400) throw new FhirReadError("redirect", { status });
      if (status !== 200) {
        const retryAfter = response.headers.get("retry-after");
        throw new FhirReadError("status", { status, ...(retryAfter ? { retryAfter } : {}) });
      }
      if (!JSON_TYPE.test(response.headers.get("content-type") ?? "")) throw new FhirReadError("not-fhir-json");
      const caps: BodyCaps = {
        maxBytes: limits.maxResponseBytes,
        room: () => limits.maxCallBytes - bytesRead,
        spend: (n) => {
          bytesRead += n;
        },
      };
      checkDeclaredLength(response, caps);
      if (!response.body) throw new FhirReadError("not-fhir-json");
      const bytes = await readCapped(response.body, caps);
      const text = new TextDecoder("utf-8").decode(bytes);
      let resource: unknown;
      try {
        resource = JSON.parse(text);
      } catch {
        throw new FhirReadError("not-fhir-json");
      }
      if (typeof resource !== "object" || resource === null || Array.isArray(resource) || typeof (resource as { resourceType?: unknown }).resourceType !== "string") {
        throw new FhirReadError("not-fhir-json");
      }
      return { resource: resource as Record<string, unknown>, text, bytes: bytes.byteLength };
    } catch (error) {
      // A refused answer's body is never read: cancel it so the connection is not kept busy.
      if (!response.bodyUsed) await response.body?.cancel().catch(() => undefined);
      throw failureOf(error, requestSignal);
    }
  }

  return {
    read,
    signal: callSignal,
    get bytesRead() {
      return bytesRead;
    },
    get requests() {
      return requests;
    },
  };
}
