/**
 * Which server session an index.html page shows (servers[].tokenExchange "server"): the little that the
 * page's first module needs to choose between the browser's token exchange and the server's. The rest
 * (reading the session) is in serverSession.ts, loaded only for a server session.
 */
import type { ErrorKind } from "./errorKind";
import { HISTORY_SESSION_FIELD, SESSION_PARAM } from "./exchangeConfig";
import { field, isRecord, nonEmptyString } from "../util/json";

/** A failure of the server session with the category the panel shows (session.ts readyErrorKind reads it). */
export class ServerSessionError extends Error {
  readonly kind: ErrorKind;
  constructor(kind: ErrorKind) {
    super(`server session: ${kind}`);
    this.name = "ServerSessionError";
    this.kind = kind;
  }
}

const HANDLE = /^[A-Za-z0-9_-]{16,64}$/;

/** The server session's handle for this page load: the address's, else this history entry's; undefined for a browser-exchange page. */
export function serverSessionHandle(pageUrl: string, historyState: unknown): string | undefined {
  const fromUrl = new URL(pageUrl).searchParams.get(SESSION_PARAM);
  const handle = fromUrl ?? nonEmptyString(field(historyState, HISTORY_SESSION_FIELD));
  return handle !== undefined && HANDLE.test(handle) ? handle : undefined;
}

/** The history entry that remembers `handle` (a reload finds it), and the address without it. */
export function rememberedServerSession(pageUrl: string, historyState: unknown, handle: string): { state: Record<string, unknown>; url: string } {
  const url = new URL(pageUrl);
  url.searchParams.delete(SESSION_PARAM);
  const base = isRecord(historyState) ? historyState : {};
  return { state: { ...base, [HISTORY_SESSION_FIELD]: handle }, url: url.href };
}

