import { describe, expect, it } from "vitest";
import { classifyError, describeFailure, parseRetryAfter } from "../../src/fhir/errors";
import { readyErrorKind, redirectError } from "../../src/fhir/session";

const NOW = Date.parse("2026-01-01T00:00:00Z");

describe("classifyError", () => {
  it("maps HTTP statuses to safe categories", () => {
    const cases: [number, string][] = [[401, "unauthorized"], [403, "forbidden"], [404, "not-found"], [400, "bad-request"], [429, "rate-limited"], [503, "unavailable"], [500, "server-error"], [501, "bad-request"]];
    for (const [status, kind] of cases) expect(classifyError({ name: "HttpError", status }, NOW).kind).toBe(kind);
  });

  it("reads Retry-After in seconds and as an HTTP date", () => {
    const headers = new Headers({ "retry-after": "7" });
    expect(classifyError({ status: 429, response: { headers } }, NOW).retryAfterSeconds).toBe(7);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", NOW)).toBe(30);
    expect(parseRetryAfter("soon", NOW)).toBeUndefined();
  });

  it("recognises network, timeout, abort and malformed JSON", () => {
    expect(classifyError(new TypeError("Failed to fetch"), NOW).kind).toBe("network");
    expect(classifyError(new DOMException("t", "TimeoutError"), NOW).kind).toBe("timeout");
    expect(classifyError(new DOMException("a", "AbortError"), NOW).kind).toBe("aborted");
    expect(classifyError(new SyntaxError("Unexpected token"), NOW).kind).toBe("malformed");
  });

  it("a redirect (Node's 3xx, or a browser's opaque redirect with status 0) is its own kind, with words that say why", () => {
    expect(classifyError({ name: "HttpError", status: 302 }, NOW)).toEqual({ kind: "redirected", status: 302 });
    expect(classifyError({ name: "HttpError", status: 0, response: { type: "opaqueredirect", status: 0 } }, NOW)).toEqual({ kind: "redirected" });
    expect(describeFailure({ kind: "redirected" }, "conditions")).toMatch(/^The EHR answered the request for conditions with a redirect .*never sent elsewhere\.$/);
  });

  it("never echoes URLs or ids in its words", () => {
    const text = describeFailure({ kind: "forbidden", status: 403 }, "conditions");
    expect(text).toBe("This app is not authorized to read conditions in this EHR.");
  });
});

describe("redirect and ready() errors", () => {
  it("maps OAuth errors returned to the redirect URI", () => {
    expect(redirectError("https://a/index.html?error=access_denied&state=x")).toEqual({ kind: "auth-denied", code: "access_denied" });
    expect(redirectError("https://a/index.html?error=invalid_scope")?.kind).toBe("auth-invalid-scope");
    expect(redirectError("https://a/index.html?error=invalid_client")?.kind).toBe("auth-invalid-client");
    expect(redirectError("https://a/index.html?error=<script>")).toEqual({ kind: "auth-server-error", code: "unknown_error" });
    expect(redirectError("https://a/index.html?code=1&state=2")).toBeUndefined();
  });

  it("maps fhirclient's lost-session messages and token failures", () => {
    expect(readyErrorKind(new Error("No 'state' parameter found. Please (re)launch the app."))).toBe("no-session");
    expect(readyErrorKind(new Error("No state found! Please (re)launch the app."))).toBe("no-session");
    expect(readyErrorKind(new Error("access_denied: The user said no"))).toBe("auth-denied");
    expect(readyErrorKind(Object.assign(new Error("401 Unauthorized\nURL: https://x/token"), { status: 401 }))).toBe("token-failed");
  });
});
