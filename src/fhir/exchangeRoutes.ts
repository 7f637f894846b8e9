/**
 * The names the pages and the app's server share for the server token exchange: its same-origin routes,
 * the session's parameter and header names, the context it gives the page, and the error codes it sends
 * to index.html. Pure constants, one per name, so that each page bundles only those it uses.
 */

/** POST {iss, launch}: the server plans the launch and answers {authorizeUrl} (or {error}). */
export const LAUNCH_ROUTE = "smart/launch";
/** The redirect URI registered with the EHR: the server exchanges the code there. */
export const CALLBACK_ROUTE = "smart/callback";
/** GET smart/session/<handle>: the launch's context (never a token). */
export const SESSION_ROUTE = "smart/session";
/** GET smart/fhir/<handle>/<FHIR path>: FHIR reads of the launch's patient, forwarded with the session's token. */
export const FHIR_ROUTE = "smart/fhir";
/** POST smart/logout/<handle> (with the CSRF header): ends the session. */
export const LOGOUT_ROUTE = "smart/logout";
/** The app's public key set, to register with an EHR as the client's JWKS URL. */
export const JWKS_ROUTE = ".well-known/jwks.json";

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
 * the OAuth ones the EHR may return. session.ts words each (tests/fhir/serverExchange.test.ts holds them together).
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
