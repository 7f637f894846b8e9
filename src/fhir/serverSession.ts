/**
 * index.html's side of the server exchange: which server session this page shows (its handle, from the
 * address or this history entry), and that session's context read from the app's server. No token ever
 * reaches the page: the context names the same-origin FHIR base the panel reads through, and the session
 * itself is an HttpOnly cookie the page cannot see.
 */
import { CSRF_HEADER, EXCHANGE_ROUTES, type ServerSessionInfo } from "./exchangeConfig";
import { ServerSessionError } from "./serverSessionRef";
import { isRecord, nonEmptyString } from "../util/json";

/** Checks the shape of the server's answer; undefined when it is not a session context. */
export function parseSessionInfo(body: unknown, pageUrl: string): ServerSessionInfo | undefined {
  if (!isRecord(body)) return undefined;
  const iss = nonEmptyString(body.iss);
  const fhirBase = nonEmptyString(body.fhirBase);
  const csrf = nonEmptyString(body.csrf);
  const scope = typeof body.scope === "string" ? body.scope : undefined;
  if (!iss || !fhirBase || !csrf || scope === undefined) return undefined;
  // The data path must be on the page's own origin: the page never sends the session's reads anywhere else.
  if (new URL(fhirBase, pageUrl).origin !== new URL(pageUrl).origin) return undefined;
  const info: ServerSessionInfo = { iss, fhirBase: new URL(fhirBase, pageUrl).href, scope, csrf };
  const patient = nonEmptyString(body.patient);
  if (patient) info.patient = patient;
  if (typeof body.need_patient_banner === "boolean") info.need_patient_banner = body.need_patient_banner;
  const style = nonEmptyString(body.smart_style_url);
  if (style) info.smart_style_url = style;
  return info;
}

/** Reads the session's context (GET smart/session/<handle>, with the session cookie). */
export async function readServerSession(pageUrl: string, handle: string, fetchFn: typeof fetch = fetch): Promise<ServerSessionInfo> {
  let response: Response;
  try {
    response = await fetchFn(new URL(`${EXCHANGE_ROUTES.session}/${handle}`, pageUrl), { credentials: "same-origin", cache: "no-store" });
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

/** Ends the session on the server (POST smart/logout/<handle> with the CSRF header). */
export async function endServerSession(pageUrl: string, handle: string, csrf: string, fetchFn: typeof fetch = fetch): Promise<boolean> {
  const response = await fetchFn(new URL(`${EXCHANGE_ROUTES.logout}/${handle}`, pageUrl), {
    method: "POST",
    headers: { [CSRF_HEADER]: csrf },
    credentials: "same-origin",
    cache: "no-store",
  });
  return response.ok;
}
