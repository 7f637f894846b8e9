/**
 * GET smart/fhir/<handle>/<FHIR path>: the panel's FHIR reads, forwarded to the session's FHIR server
 * with the session's token, which never leaves the server. Only reads of the launch's patient pass
 * (fhirPolicy.ts); the answer carries no header of the EHR's but its type and Retry-After. The token is
 * refreshed where the EHR granted a refresh token (one refresh at a time per session, across replicas);
 * a 401 without one ends the session. Next-page links on the EHR become opaque links on this path, so
 * the EHR's paging URLs stay on the server and only pages of this session's searches can be read.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { FHIR_ROUTE } from "../../src/fhir/exchangeRoutes";
import { isRecord } from "../../src/util/json";
import { onBase } from "../../src/util/url";
import type { ExchangeContext } from "./context";
import { routeFhirRead } from "./fhirPolicy";
import { publicOrigin, sendOutcome } from "./http";
import { sessionOf } from "./sessionRoutes";
import type { FoundSession, SessionRecord } from "./sessions";
import { refreshTokens } from "./tokenClient";
import { readFhirForProxy, type ProxyRead } from "./upstream";

/** A token this close to its expiry is refreshed before use. */
const REFRESH_AHEAD_MS = 60_000;
const WAIT_FOR_OTHER_REFRESH_MS = 10_000;
const POLL_MS = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The session's record with a usable access token: refreshed when due (or when `force`, after a 401).
 * Undefined when the session has ended (no refresh token after a 401, or the refresh was refused).
 */
async function freshRecord(ctx: ExchangeContext, found: FoundSession, force: boolean): Promise<SessionRecord | undefined> {
  const record = found.record;
  const due = force || (record.expiresAt !== undefined && record.expiresAt - REFRESH_AHEAD_MS <= ctx.now());
  if (!due) return record;
  if (!record.refreshToken) return force ? undefined : record;
  if (await ctx.sessions.lockRefresh(found.id)) {
    try {
      // Another request may have refreshed between our read of the session and the lock: its token is the
      // one to use, and the refresh token it stored is the live one (a rotated one refuses reuse).
      const current = await ctx.sessions.reload(found.id);
      if (!current) return undefined;
      if (current.accessToken !== record.accessToken) return current;
      if (!current.refreshToken) return force ? undefined : current;
      const ref = { issuer: current.issuer, tokenEndpoint: current.tokenEndpoint, clientId: current.clientId, tokenAuth: current.tokenAuth, allowHttp: current.allowHttp };
      const outcome = await refreshTokens(ref, ctx.credentials, current.refreshToken, ctx.now, ctx.fetch);
      if (!outcome.ok) {
        await ctx.sessions.end(found.id);
        return undefined;
      }
      const t = outcome.tokens;
      const next: SessionRecord = { ...current, accessToken: t.accessToken, refreshToken: t.refreshToken ?? current.refreshToken, scope: t.scope ?? current.scope };
      if (t.expiresAt !== undefined) next.expiresAt = t.expiresAt;
      else delete next.expiresAt;
      await ctx.sessions.update(found.id, next);
      return next;
    } finally {
      await ctx.sessions.unlockRefresh(found.id);
    }
  }
  // Another request (maybe on another replica) is refreshing: use its token when it lands.
  // Bounded by a count of polls, not by a clock: the injected clock may stand still (tests) and the wait
  // is real time, so comparing the two could wait for ever or not at all.
  for (let polls = 0; polls < WAIT_FOR_OTHER_REFRESH_MS / POLL_MS; polls++) {
    await sleep(POLL_MS);
    const latest = await ctx.sessions.reload(found.id);
    if (!latest) return undefined;
    if (latest.accessToken !== record.accessToken) return latest;
  }
  return undefined;
}

/** Rewrites the Bundle's links on the EHR's base to this path (next pages as opaque tokens). */
async function rewriteLinks(ctx: ExchangeContext, found: FoundSession, record: SessionRecord, bundle: Record<string, unknown>, proxyBase: string): Promise<boolean> {
  if (!Array.isArray(bundle.link)) return true;
  const base = record.iss.replace(/\/+$/, "");
  for (const link of bundle.link as unknown[]) {
    if (!isRecord(link) || typeof link.url !== "string") continue;
    const url = link.url;
    const onEhr = url === base || url.startsWith(`${base}/`) || url.startsWith(`${base}?`);
    // A link elsewhere is left as it is: the page refuses to follow it (and says the read is incomplete).
    if (!onEhr) continue;
    if (link.relation === "next") {
      const token = await ctx.sessions.savePage(found.id, record, url);
      if (token === undefined) return false;
      link.url = `${proxyBase}/_page/${token}`;
    } else {
      link.url = proxyBase + url.slice(base.length);
    }
  }
  return true;
}

const OUTCOME_CODES: Record<number, string> = { 401: "login", 403: "forbidden", 404: "not-found", 410: "deleted", 429: "throttled" };

async function forward(ctx: ExchangeContext, res: ServerResponse, found: FoundSession, record: SessionRecord, read: ProxyRead, proxyBase: string): Promise<void> {
  if (!read.ok) {
    // The EHR's refusal as a status the page's data layer knows (its body is never read: node/fhirRead).
    if (read.retryAfter !== undefined && /^[\w ,:]{1,40}$/.test(read.retryAfter)) res.setHeader("Retry-After", read.retryAfter);
    const code = OUTCOME_CODES[read.status] ?? (read.status >= 500 ? "transient" : "processing");
    return sendOutcome(res, read.status, code, "The EHR did not answer this read with FHIR data.");
  }
  let text = read.text;
  if (read.resource.resourceType === "Bundle") {
    if (!(await rewriteLinks(ctx, found, record, read.resource, proxyBase))) {
      // Without its next link the Bundle would look complete: refuse the read rather than lose pages.
      return sendOutcome(res, 429, "throttled", "This session has read as many pages of results as it may.");
    }
    text = JSON.stringify(read.resource);
  }
  const out = Buffer.from(text);
  res.statusCode = 200;
  res.setHeader("Content-Type", "application/fhir+json; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Content-Length", String(out.byteLength));
  res.end(res.req.method === "HEAD" ? undefined : out);
}

export async function proxyFhir(ctx: ExchangeContext, req: IncomingMessage, res: ServerResponse, handle: string, path: string, query: string): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD");
    return sendOutcome(res, 405, "not-supported", "Only FHIR reads pass through this app's server.");
  }
  const found = await sessionOf(ctx, req, handle);
  if (!found) return sendOutcome(res, 401, "login", "The session with the EHR has ended.");
  const route = routeFhirRead(path, query, found.record.patient);
  if (route.kind === "refused") return sendOutcome(res, 403, "forbidden", "Only reads of this launch's patient pass through this app's server.");
  let target: string;
  if (route.kind === "page") {
    const url = await ctx.sessions.page(found.id, route.token);
    if (!url) return sendOutcome(res, 404, "not-found", "This page of results is not known in this session.");
    target = url;
  } else {
    target = onBase(found.record.iss, route.path);
  }
  const proxyBase = `${publicOrigin(req, ctx.publicUrl)}/${FHIR_ROUTE}/${handle}`;
  let record = await freshRecord(ctx, found, false);
  if (!record) return sendOutcome(res, 401, "login", "The session with the EHR has ended.");
  let read = await readFhirForProxy(record.iss, target, record.accessToken);
  if (!read.ok && read.status === 401) {
    record = await freshRecord(ctx, { id: found.id, record }, true);
    if (!record) {
      await ctx.sessions.end(found.id);
      return sendOutcome(res, 401, "login", "The session with the EHR has ended.");
    }
    read = await readFhirForProxy(record.iss, target, record.accessToken);
  }
  await forward(ctx, res, found, record, read, proxyBase);
}
