/**
 * The per-server token-exchange options of smart-config.json (`tokenExchange`, `tokenAuth`) and the
 * names both the pages and the app's server use for the server exchange (docs/spec/confidential-clients.md).
 * Pure: no browser or Node API.
 */
import type { ServerConfig, TokenAuthMethod } from "./configTypes";

export const TOKEN_AUTH_METHODS: readonly TokenAuthMethod[] = ["private_key_jwt", "client_secret_basic", "client_secret_post"];

/** `tokenExchange` and `tokenAuth` of one raw entry; an unknown value is dropped (the default applies), never guessed. */
export function parseExchange(v: Record<string, unknown>): Pick<ServerConfig, "tokenExchange" | "tokenAuth"> {
  const out: Pick<ServerConfig, "tokenExchange" | "tokenAuth"> = {};
  if (v.tokenExchange === "server" || v.tokenExchange === "browser") out.tokenExchange = v.tokenExchange;
  if (TOKEN_AUTH_METHODS.includes(v.tokenAuth as TokenAuthMethod)) out.tokenAuth = v.tokenAuth as TokenAuthMethod;
  return out;
}

export function usesServerExchange(server: Pick<ServerConfig, "tokenExchange"> | undefined): boolean {
  return server?.tokenExchange === "server";
}

/** Same-origin routes of the app's server (relative to the pages, which sit at the root of the origin). */
export const EXCHANGE_ROUTES = {
  /** POST {iss, launch}: the server plans the launch and answers {authorizeUrl} (or {error}). */
  launch: "smart/launch",
  /** The redirect URI registered with the EHR: the server exchanges the code there. */
  callback: "smart/callback",
  /** GET smart/session/<handle>: the launch's context (never a token). */
  session: "smart/session",
  /** GET smart/fhir/<handle>/<FHIR path>: FHIR reads of the launch's patient, forwarded with the session's token. */
  fhir: "smart/fhir",
  /** POST smart/logout/<handle> (with the CSRF header): ends the session. */
  logout: "smart/logout",
  jwks: ".well-known/jwks.json",
} as const;

/** Request header carrying the session's CSRF token on state-changing routes (logout). */
export const CSRF_HEADER = "x-nlc-csrf";

/** Query parameter of index.html naming a server session (its handle, not a secret: the cookie is). */
export const SESSION_PARAM = "nlc_session";

/** The field of index.html's history entry that remembers the server session's handle across reloads. */
export const HISTORY_SESSION_FIELD = "nlcServerSession";

/** What GET smart/session/<handle> answers: the launch context, without any token. */
export interface ServerSessionInfo {
  /** The EHR's FHIR base (for the configuration entry and smart_style_url; the browser never calls it for data). */
  iss: string;
  /** The same-origin FHIR base the panel reads through. */
  fhirBase: string;
  patient?: string;
  scope: string;
  need_patient_banner?: boolean;
  smart_style_url?: string;
  /** Sent back in CSRF_HEADER on logout. */
  csrf: string;
}

/**
 * Error codes the server puts in index.html's `error` parameter when the server exchange fails, beside
 * the OAuth ones the EHR may return (session.ts turns both into an ErrorKind).
 */
export const EXCHANGE_ERRORS = {
  /** The token endpoint refused the client's authentication (its signed assertion or secret). */
  refused: "nlc_client_refused",
  /** The token endpoint failed otherwise, or answered without a token. */
  failed: "nlc_token_failed",
  /** The callback named no pending launch (expired, used, or from another browser). */
  noLaunch: "nlc_no_launch",
  /** The server has no key or secret for this client. */
  unavailable: "nlc_exchange_unavailable",
} as const;
