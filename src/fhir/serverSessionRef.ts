/**
 * Which server session an index.html page shows (servers[].tokenExchange "server"): the little that the
 * page's first module needs to choose between the browser's token exchange and the server's. The rest
 * (reading the session) is in serverSession.ts, loaded only for a server session. The page remembers the
 * handle in its history entry like a state key (session.ts rememberedSession with SESSION_PARAM and
 * HISTORY_SESSION_FIELD).
 */
import { HISTORY_SESSION_FIELD, SESSION_PARAM } from "./exchangeRoutes";
import { field, nonEmptyString } from "../util/json";

const HANDLE = /^[A-Za-z0-9_-]{16,64}$/;

/** The server session's handle for this page load: the address's, else this history entry's; undefined for a browser-exchange page. */
export function serverSessionHandle(pageUrl: string, historyState: unknown): string | undefined {
  const fromUrl = new URL(pageUrl).searchParams.get(SESSION_PARAM);
  const handle = fromUrl ?? nonEmptyString(field(historyState, HISTORY_SESSION_FIELD));
  return handle !== undefined && HANDLE.test(handle) ? handle : undefined;
}
