/**
 * Turning whatever a request threw into a safe category. fhirclient's HttpError.message embeds the full
 * request URL (with the patient id) and the server's response body, so it is never shown or logged.
 */
import { readOutcome } from "./outcomes";
import { isRecord } from "../util/json";

export type FailureKind =
  | "unauthorized" // 401: the session has ended
  | "forbidden" // 403
  | "not-found" // 404 / 410
  | "bad-request" // 400 / 405 / 422 / 501: query not supported
  | "rate-limited" // 429
  | "unavailable" // 502 / 503 / 504
  | "server-error" // other 5xx
  | "timeout"
  | "network"
  | "malformed" // not JSON, or not the resource shape expected
  | "refused-next-link"
  | "redirected" // a 3xx answer: never followed, since it would carry the access token elsewhere
  | "too-large" // an answer over the reader's byte cap (the CDS Hooks service's read path)
  | "aborted"
  | "unknown";

export interface Failure {
  kind: FailureKind;
  status?: number;
  /** Seconds the server asked us to wait (Retry-After), when readable. */
  retryAfterSeconds?: number;
  /** What the server said about a refusal (its OperationOutcome, or that its answer was not FHIR). */
  reason?: RefusalReason;
}

/** Why the server refused, as its answer says. Safe text only (no URLs; the patient id is scrubbed by the caller). */
export interface RefusalReason {
  /** The OperationOutcome issue type (`required`, `forbidden`, `not-supported`, …). */
  code?: string;
  /** The issue's words (outcomes.ts picks diagnostics over a generic details.text). */
  text?: string;
  /** The server asked a parameter the request did not carry (or one it could not take). */
  missingParameter?: boolean;
  /** The answer was not FHIR (an HTML error page, plain text, an OAuth-style error object). */
  notFhir?: boolean;
}

/** Parses a Retry-After header: delta-seconds or an HTTP date (relative to `nowMs`). */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - nowMs) / 1000));
}

export function statusKind(status: number): FailureKind {
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404 || status === 410) return "not-found";
  if (status === 429) return "rate-limited";
  if (status === 502 || status === 503 || status === 504) return "unavailable";
  if (status >= 500 && status !== 501) return "server-error";
  return "bad-request";
}

/** Issue types that say the request was malformed or incomplete, not that access was refused. */
const REQUEST_CODES = new Set(["required", "invalid", "value", "structure", "not-supported", "business-rule", "too-long"]);

/**
 * What the body of a refused request says. fhirclient's HttpError carries no body: it appends a JSON
 * body to its message after a blank line (or, for `{error, error_description}`, "error: description"
 * on the next line), and the body of any other text type the same way. Only the OperationOutcome's
 * issues are read from it; everything else is reduced to "not FHIR".
 */
function refusalReason(message: string): RefusalReason | undefined {
  const lines = message.split("\n");
  const urlLine = lines.findIndex((l) => l.startsWith("URL: "));
  const rest = lines.slice(urlLine >= 0 ? urlLine + 1 : 1).join("\n").trim();
  if (!rest) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(rest);
  } catch {
    return { notFhir: true };
  }
  if (!isRecord(body) || body.resourceType !== "OperationOutcome") return { notFhir: true };
  const issues = readOutcome(body);
  const issue = issues.find((i) => i.class === "serious") ?? issues[0];
  if (!issue) return {};
  const missingParameter =
    issue.code === "required" || (issue.code !== "forbidden" && issue.code !== "security" && /param/i.test(issue.text) && /\b(required?|missing|mandatory)\b/i.test(issue.text));
  return { ...(issue.code ? { code: issue.code } : {}), ...(issue.text ? { text: issue.text } : {}), ...(missingParameter ? { missingParameter } : {}) };
}

/** A 403 or 404 whose OperationOutcome says the request itself was wrong is a refused query, not a refused permission. */
function requestRefused(reason: RefusalReason | undefined): boolean {
  return !!reason && (reason.missingParameter === true || (reason.code !== undefined && REQUEST_CODES.has(reason.code)));
}

export function classifyError(error: unknown, nowMs: number): Failure {
  if (isRecord(error)) {
    if (error.kind === "refused-next-link") return { kind: "refused-next-link" };
    if (error.name === "TimeoutError") return { kind: "timeout" };
    if (error.name === "AbortError") return { kind: "aborted" };
    const status = typeof error.status === "number" ? error.status : undefined;
    // `redirect: "manual"`: Node's fetch answers the 3xx itself, a browser an opaque redirect with status 0.
    if ((status !== undefined && status >= 300 && status < 400) || (isRecord(error.response) && error.response.type === "opaqueredirect")) {
      return { kind: "redirected", ...(status ? { status } : {}) };
    }
    if (status !== undefined && status >= 400) {
      let retryAfterSeconds: number | undefined;
      const response = error.response;
      if (isRecord(response) && isRecord(response.headers) && typeof response.headers.get === "function") {
        const header = (response.headers as { get(name: string): string | null }).get("retry-after");
        retryAfterSeconds = parseRetryAfter(header, nowMs);
      }
      const reason = typeof error.message === "string" ? refusalReason(error.message) : undefined;
      let kind = statusKind(status);
      if (kind === "forbidden" && requestRefused(reason)) kind = "bad-request";
      return { kind, status, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}), ...(reason ? { reason } : {}) };
    }
    if (error.name === "SyntaxError" || error.kind === "malformed") return { kind: "malformed" };
    // Browsers reject fetch with a TypeError; node-fetch (fhirclient's fetch under Node) with a FetchError.
    if (error.name === "TypeError" || error.name === "FetchError") return { kind: "network" };
  }
  return { kind: "unknown" };
}

/** The server's own words, quoted: “…” (clipped), or nothing. */
function quoted(reason: RefusalReason | undefined): string {
  const text = reason?.text?.trim();
  return text ? ` (“${text.slice(0, 200)}”)` : "";
}

/** Words for a refused request, by what the server said (its OperationOutcome), not by its status alone. */
function describeRefusal(f: Failure, what: string): string {
  const reason = f.reason;
  if (!reason || (!reason.notFhir && !reason.text && !reason.missingParameter)) {
    return f.kind === "forbidden" ? `This app is not authorized to read ${what} in this EHR.` : `${what} are not available from this EHR.`;
  }
  const status = f.status ? `HTTP ${f.status}` : "refused";
  if (reason.notFhir) return `The EHR's web server refused the search for ${what} (${status}, not a FHIR answer).`;
  if (reason.missingParameter) return `The EHR refused the search for ${what}: it wants a search parameter the app did not send${quoted(reason)}. Not a permission problem.`;
  if (f.kind === "forbidden") return `This app is not authorized to read ${what} in this EHR${quoted(reason)}.`;
  if (f.kind === "not-found" && (!reason.code || reason.code === "not-found" || reason.code === "not-supported")) return `${what} are not available from this EHR${quoted(reason)}.`;
  return `The EHR refused the search for ${what} (${status})${quoted(reason)}.`;
}

/** Words for a section that could not be read. Never contains a URL or token; callers scrub the patient id. */
export function describeFailure(f: Failure, what: string): string {
  switch (f.kind) {
    case "unauthorized":
      return `The session with the EHR has ended while reading ${what}.`;
    case "forbidden":
    case "not-found":
    case "bad-request":
      return describeRefusal(f, what);
    case "rate-limited":
      return `The EHR was too busy to return ${what} (asked to slow down), even after retrying.`;
    case "unavailable":
    case "server-error":
      return `The EHR could not return ${what} (server error${f.status ? ` ${f.status}` : ""}), even after retrying.`;
    case "timeout":
      return `The EHR took too long to return ${what}.`;
    case "network":
      return `${what} could not be reached (network error).`;
    case "malformed":
      return `The EHR's answer for ${what} could not be read (malformed data).`;
    case "refused-next-link":
      return `Further ${what} were offered from another address; the app refused to send its access there.`;
    case "redirected":
      return `The EHR answered the request for ${what} with a redirect to another address; the app does not follow redirects, so its access is never sent elsewhere.`;
    case "too-large":
      return `The EHR's answer for ${what} was larger than the app accepts.`;
    case "aborted":
      return `Reading ${what} was cancelled.`;
    default:
      return `${what} could not be read (unexpected error).`;
  }
}
