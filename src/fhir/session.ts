/**
 * After the redirect (index.html): recognising an authorization error returned to the redirect URI and
 * turning whatever `FHIR.oauth2.ready()` threw into a safe error category.
 */
import type { ErrorKind } from "./errorKind";
import { field, isRecord, nonEmptyString } from "../util/json";

const AUTH_ERRORS: Record<string, ErrorKind> = {
  access_denied: "auth-denied",
  invalid_client: "auth-invalid-client",
  invalid_scope: "auth-invalid-scope",
  invalid_request: "auth-invalid-request",
  unauthorized_client: "auth-invalid-client",
  unsupported_response_type: "auth-invalid-request",
  server_error: "auth-server-error",
  temporarily_unavailable: "auth-server-error",
  // Set by the app's server when it exchanged the code (exchangeRoutes.ts EXCHANGE_ERRORS; written out
  // here so that the page does not bundle the server's names).
  nlc_client_refused: "client-refused",
  nlc_token_failed: "token-failed",
  nlc_no_launch: "no-session",
  nlc_exchange_unavailable: "exchange-unavailable",
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
  // A server session's failure (serverSession.ts) carries its category; by name, so this module need not load it.
  if (error instanceof Error && error.name === "ServerSessionError") return (error as Error & { kind: ErrorKind }).kind;
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

/**
 * Sessions are keyed per launch, not per tab: with fhirclient's `fullSessionStorageSupport` off, nothing
 * is kept under the tab-wide SMART_KEY (which a second app instance in the same tab would overwrite, and
 * whose launch would delete the first one's session). Each page remembers its own state key in its
 * history entry (history.state survives a reload, is per frame, and stays out of the address bar).
 */
export const SESSION_SETTINGS = { fullSessionStorageSupport: false } as const;

/** Where in history.state the page keeps its SMART state key. */
/** The field of index.html's history entry that holds this launch's session key (tests and benchmarks read it too). */
export const HISTORY_FIELD = "nlcSmartStateKey";

/** The options for FHIR.oauth2.ready() on this page load: the URL's state wins, else this history entry's. */
export function readyOptions(pageUrl: string, historyState: unknown): { stateKey?: string } {
  if (new URL(pageUrl).searchParams.has("state")) return {};
  const remembered = nonEmptyString(field(historyState, HISTORY_FIELD));
  return remembered ? { stateKey: remembered } : {};
}

/**
 * The history entry that remembers `stateKey`, and the address without the state parameter. A server
 * session (serverSessionRef.ts) is remembered the same way, under its own parameter and field.
 */
export function rememberedSession(
  pageUrl: string,
  historyState: unknown,
  stateKey: string,
  param = "state",
  historyField: string = HISTORY_FIELD,
): { state: Record<string, unknown>; url: string } {
  const url = new URL(pageUrl);
  url.searchParams.delete(param);
  const base = isRecord(historyState) ? historyState : {};
  return { state: { ...base, [historyField]: stateKey }, url: url.href };
}
