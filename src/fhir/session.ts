/**
 * After the redirect (index.html): recognising an authorization error returned to the redirect URI and
 * turning whatever `FHIR.oauth2.ready()` threw into a safe error category.
 */
import type { ErrorKind } from "./errorKind";

const AUTH_ERRORS: Record<string, ErrorKind> = {
  access_denied: "auth-denied",
  invalid_client: "auth-invalid-client",
  invalid_scope: "auth-invalid-scope",
  invalid_request: "auth-invalid-request",
  unauthorized_client: "auth-invalid-client",
  unsupported_response_type: "auth-invalid-request",
  server_error: "auth-server-error",
  temporarily_unavailable: "auth-server-error",
};

/** An OAuth error in the redirect URI's query, as a category and its (safe, known) code. */
export function redirectError(pageUrl: string): { kind: ErrorKind; code: string } | undefined {
  const code = new URL(pageUrl).searchParams.get("error");
  if (!code) return undefined;
  const kind = AUTH_ERRORS[code];
  return kind ? { kind, code } : { kind: "auth-server-error", code: "unknown_error" };
}

/** Classifies a rejection of FHIR.oauth2.ready(). Never returns the message itself. */
export function readyErrorKind(error: unknown): ErrorKind {
  const message = error instanceof Error ? error.message : String(error);
  const status = typeof error === "object" && error !== null && "status" in error ? Number((error as { status: unknown }).status) : NaN;
  if (/No 'state' parameter found|No state found/i.test(message)) return "no-session";
  const head = message.split(":")[0]?.trim() ?? "";
  if (head in AUTH_ERRORS) return AUTH_ERRORS[head]!;
  if (/well-known|smart-configuration|metadata|conformance|authorization endpoint|token endpoint/i.test(message) && !Number.isFinite(status)) {
    return "discovery-failed";
  }
  if (Number.isFinite(status) || /token/i.test(message)) return "token-failed";
  if (error instanceof TypeError) return "token-failed";
  return "unexpected";
}

/** What fhirclient stored under a state key (sessionStorage[stateKey], JSON), or undefined. */
export function storedState(storage: Pick<Storage, "getItem">, stateKey: string): unknown {
  try {
    return JSON.parse(storage.getItem(stateKey) ?? "null") ?? undefined;
  } catch {
    return undefined;
  }
}
