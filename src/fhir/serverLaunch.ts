/**
 * launch.html's side of the server exchange: asks the app's server (same origin) to plan the launch. The
 * server answers the authorization URL, or one of the launch's error categories; anything else is
 * "exchange-unavailable" (the server is not running the exchange).
 */
import type { ErrorKind } from "./errorKind";
import { LAUNCH_ROUTE } from "./exchangeRoutes";
import { field, nonEmptyString } from "../util/json";

/** The categories the server's launch route may answer with (the rest are the page's own or the callback's). */
const SERVER_LAUNCH_ERRORS: readonly ErrorKind[] = ["iss-not-allowed", "discovery-failed", "auth-endpoint-not-allowed", "exchange-unavailable"];

export async function requestServerLaunch(
  pageUrl: string,
  request: { iss: string; launch?: string },
  fetchFn: typeof fetch = fetch,
): Promise<{ authorizeUrl: string } | { error: ErrorKind }> {
  const response = await fetchFn(new URL(LAUNCH_ROUTE, pageUrl), {
    method: "POST",
    // JSON makes the request non-simple: another origin cannot send it without a CORS preflight the server never grants.
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(request),
    credentials: "same-origin",
    cache: "no-store",
  });
  const body: unknown = await response.json().catch(() => undefined);
  const authorizeUrl = nonEmptyString(field(body, "authorizeUrl"));
  if (response.ok && authorizeUrl) return { authorizeUrl };
  const error = field(body, "error") as ErrorKind;
  return { error: SERVER_LAUNCH_ERRORS.includes(error) ? error : "exchange-unavailable" };
}
