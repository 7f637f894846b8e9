/**
 * index.html's side of the server exchange: which server session this page shows (its handle, from the
 * address or this history entry), and that session's context read from the app's server. No token ever
 * reaches the page: the context names the same-origin FHIR base the panel reads through, and the session
 * itself is an HttpOnly cookie the page cannot see.
 */
import { CSRF_HEADER, LOGOUT_ROUTE, SESSION_ROUTE, type ServerSessionInfo } from "./exchangeRoutes";
import type { ErrorKind } from "./errorKind";
import { isRecord } from "../util/json";

/** A failure of the server session with the category the panel shows (session.ts readyErrorKind reads it). */
export class ServerSessionError extends Error {
  readonly kind: ErrorKind;
  constructor(kind: ErrorKind) {
    super(`server session: ${kind}`);
    this.name = "ServerSessionError";
    this.kind = kind;
  }
}

/**
 * Checks the answer of the app's own server (same origin): a context with the EHR's base, the scope, and
 * a data path on the page's origin (the page never sends the session's reads anywhere else).
 */
export function parseSessionInfo(body: unknown, pageUrl: string): ServerSessionInfo | undefined {
  if (!isRecord(body) || typeof body.iss !== "string" || typeof body.fhirBase !== "string" || typeof body.scope !== "string") return undefined;
  const fhirBase = new URL(body.fhirBase, pageUrl);
  if (fhirBase.origin !== new URL(pageUrl).origin) return undefined;
  return { ...(body as unknown as ServerSessionInfo), fhirBase: fhirBase.href };
}

/** Reads the session's context (GET smart/session/<handle>, with the session cookie). */
export async function readServerSession(pageUrl: string, handle: string, fetchFn: typeof fetch = fetch): Promise<ServerSessionInfo> {
  let response: Response;
  try {
    response = await fetchFn(new URL(`${SESSION_ROUTE}/${handle}`, pageUrl), { credentials: "same-origin", cache: "no-store" });
  } catch {
    throw new ServerSessionError("exchange-unavailable");
  }
  // 401: no such session for this browser (ended, expired, or the cookie is gone).
  if (response.status === 401 || response.status === 404) throw new ServerSessionError("session-expired");
  if (!response.ok) throw new ServerSessionError("exchange-unavailable");
  const info = parseSessionInfo(await response.json().catch(() => undefined), pageUrl);
  if (!info) throw new ServerSessionError("exchange-unavailable");
  return info;
}

/**
 * Ends the session on the app's server (POST smart/logout/<handle> with the session's CSRF token and
 * cookie): true when the server ended it, false when it could not be reached or refused.
 */
export async function endServerSession(pageUrl: string, handle: string, csrf: string, fetchFn: typeof fetch = fetch): Promise<boolean> {
  try {
    const response = await fetchFn(new URL(`${LOGOUT_ROUTE}/${handle}`, pageUrl), {
      method: "POST",
      headers: { [CSRF_HEADER]: csrf },
      credentials: "same-origin",
      cache: "no-store",
    });
    return response.ok;
  } catch {
    return false;
  }
}
