/**
 * The page's view of its server session: GET smart/session/<handle> (the launch context, never a token)
 * and POST smart/logout/<handle> (ends it; needs the CSRF header, not only the cookie).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { CSRF_HEADER, FHIR_ROUTE, type ServerSessionInfo } from "../../src/fhir/exchangeRoutes";
import type { ExchangeContext } from "./context";
import { clearCookie, cookieName, cookieValue, fromOwnPages, publicOrigin, secureCookies, sendJson } from "./http";
import { sameSecret, type FoundSession } from "./sessions";

/** The session named by `handle` whose cookie this request carries, from one of the app's own pages. */
export async function sessionOf(ctx: ExchangeContext, req: IncomingMessage, handle: string): Promise<FoundSession | undefined> {
  const origin = publicOrigin(req, ctx.publicUrl);
  if (!fromOwnPages(req, origin)) return undefined;
  return ctx.sessions.find(handle, cookieValue(req, cookieName(`nlc-${handle}`, secureCookies(origin))));
}

export async function sessionInfo(ctx: ExchangeContext, req: IncomingMessage, res: ServerResponse, handle: string): Promise<void> {
  const found = await sessionOf(ctx, req, handle);
  if (!found) return sendJson(res, 401, { error: "no-session" });
  const { record } = found;
  const info: ServerSessionInfo = {
    iss: record.iss,
    fhirBase: `/${FHIR_ROUTE}/${handle}`,
    scope: record.scope,
    csrf: record.csrf,
    ...(record.patient ? { patient: record.patient } : {}),
    ...(record.needPatientBanner !== undefined ? { need_patient_banner: record.needPatientBanner } : {}),
    ...(record.smartStyleUrl ? { smart_style_url: record.smartStyleUrl } : {}),
  };
  sendJson(res, 200, info);
}

export async function logout(ctx: ExchangeContext, req: IncomingMessage, res: ServerResponse, handle: string): Promise<void> {
  const found = await sessionOf(ctx, req, handle);
  const csrf = req.headers[CSRF_HEADER];
  // The cookie alone is not enough: a page of the app read the CSRF token from the session first.
  if (!found || typeof csrf !== "string" || !sameSecret(csrf, found.record.csrf)) return sendJson(res, 403, { error: "refused" });
  await ctx.sessions.end(found.id);
  const origin = publicOrigin(req, ctx.publicUrl);
  clearCookie(res, cookieName(`nlc-${handle}`, secureCookies(origin)), secureCookies(origin), ctx.cookies);
  res.statusCode = 204;
  res.setHeader("Cache-Control", "no-store");
  res.end();
}
