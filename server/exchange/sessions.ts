/**
 * Server sessions of the token exchange, on the shared store (node/store: memory for one instance, Redis
 * for replicas). What the browser holds is a random secret in an HttpOnly cookie; the store knows the
 * session under the secret's SHA-256 only, so reading the store does not give a usable cookie.
 *
 * Keys (nothing readable about the patient in a key):
 *   session:<id>        the session (tokens and launch context), until the absolute limit
 *   session-idle:<id>   present while the session is in use; gone after the idle limit
 *   session-page:<id>:<token>   a next-page link the proxy handed out (the EHR's URL stays here)
 *   session-pages:<id>          how many links the session saved (a quota)
 *   session-refresh:<id>        a refresh in progress (one replica refreshes, the others wait)
 *   launch:<state>      a launch between the authorization request and the callback (10 minutes)
 *   launch-used:<state> a callback already answered (the same state works once, on every replica)
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Store } from "../../node/store";
import type { TokenAuthMethod } from "../../src/fhir/configTypes";

export interface SessionRecord {
  /** Public name of the session, in the page's URL and the cookie's name (not a secret). */
  handle: string;
  /** The EHR's FHIR base. */
  iss: string;
  issuer: string;
  tokenEndpoint: string;
  clientId: string;
  tokenAuth: TokenAuthMethod;
  allowHttp: boolean;
  accessToken: string;
  refreshToken?: string;
  /** Milliseconds since the epoch. */
  expiresAt?: number;
  scope: string;
  patient?: string;
  needPatientBanner?: boolean;
  smartStyleUrl?: string;
  /** Sent back by the page in a header on state-changing routes. */
  csrf: string;
  createdAt: number;
}

export interface PendingLaunch {
  iss: string;
  serverName: string;
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  clientId: string;
  tokenAuth: TokenAuthMethod;
  allowHttp: boolean;
  codeVerifier: string;
  redirectUri: string;
  /** The cookie (by name) that ties the callback to the browser that started the launch, and its value. */
  bindingName: string;
  binding: string;
}

export interface SessionLimits {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after it began, whatever its use. */
  absoluteMs: number;
  /** Distinct next-page links a session may save (default DEFAULT_MAX_PAGES). */
  maxPages?: number;
}

export const DEFAULT_LIMITS: SessionLimits = { idleMs: 30 * 60_000, absoluteMs: 8 * 3600_000 };
/** 500 pages of a search is far beyond one patient's records at any page size an EHR uses. */
export const DEFAULT_MAX_PAGES = 500;
export const LAUNCH_TTL_MS = 10 * 60_000;
const REFRESH_LOCK_MS = 20_000;

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

const idOf = (secret: string): string => createHash("sha256").update(secret).digest("base64url");

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A session found for a request: its store id (never the cookie's value) and its record. */
export interface FoundSession {
  id: string;
  record: SessionRecord;
}

export class Sessions {
  constructor(
    private readonly store: Store,
    readonly limits: SessionLimits,
    private readonly now: () => number,
  ) {}

  private remaining(record: Pick<SessionRecord, "createdAt">): number {
    return record.createdAt + this.limits.absoluteMs - this.now();
  }

  /** Starts a session; answers the cookie's secret. */
  async create(record: SessionRecord): Promise<string> {
    const secret = randomToken();
    const id = idOf(secret);
    await this.store.set(`session:${id}`, JSON.stringify(record), this.limits.absoluteMs);
    await this.store.set(`session-idle:${id}`, "1", this.limits.idleMs);
    return secret;
  }

  /** The live session whose cookie holds `secret`, for the page that names `handle`; its idle time starts again. */
  async find(handle: string, secret: string | undefined): Promise<FoundSession | undefined> {
    if (!secret) return undefined;
    const id = idOf(secret);
    const [text, idle] = await Promise.all([this.store.get(`session:${id}`), this.store.get(`session-idle:${id}`)]);
    if (text === undefined) return undefined;
    const record = JSON.parse(text) as SessionRecord;
    if (record.handle !== handle || idle === undefined || this.remaining(record) <= 0) {
      if (idle === undefined || this.remaining(record) <= 0) await this.end(id);
      return undefined;
    }
    await this.store.set(`session-idle:${id}`, "1", Math.max(1, Math.min(this.limits.idleMs, this.remaining(record))));
    return { id, record };
  }

  /** Replaces the session's record (new tokens after a refresh), within its absolute limit. */
  async update(id: string, record: SessionRecord): Promise<void> {
    const ttl = this.remaining(record);
    if (ttl <= 0) return this.end(id);
    await this.store.set(`session:${id}`, JSON.stringify(record), ttl);
  }

  /** Whether the session whose cookie holds `secret` still exists (without starting its idle time again). */
  async exists(secret: string): Promise<boolean> {
    return (await this.store.get(`session:${idOf(secret)}`)) !== undefined;
  }

  async reload(id: string): Promise<SessionRecord | undefined> {
    const text = await this.store.get(`session:${id}`);
    return text === undefined ? undefined : (JSON.parse(text) as SessionRecord);
  }

  async end(id: string): Promise<void> {
    await Promise.all([this.store.delete(`session:${id}`), this.store.delete(`session-idle:${id}`)]);
  }

  /** Only one refresh per session at a time, across replicas: true when this caller may refresh. */
  async lockRefresh(id: string): Promise<boolean> {
    return this.store.setIfAbsent(`session-refresh:${id}`, "1", REFRESH_LOCK_MS);
  }

  async unlockRefresh(id: string): Promise<void> {
    await this.store.delete(`session-refresh:${id}`);
  }

  /**
   * The opaque token of a next-page link, or undefined when the session has saved its quota of links.
   * The token is a digest of the session and the URL, so reading the same Bundle again reuses its entry;
   * an entry lives as long as an idle session would (renewed on each save), and each session saves at
   * most `maxPages` distinct links: one user paging cannot fill the store every session shares.
   */
  async savePage(id: string, record: SessionRecord, upstreamUrl: string): Promise<string | undefined> {
    const token = createHash("sha256").update(`${id}\n${upstreamUrl}`).digest("base64url").slice(0, 24);
    const key = `session-page:${id}:${token}`;
    const remaining = Math.max(1, this.remaining(record));
    if ((await this.store.get(key)) === undefined) {
      const saved = await this.store.increment(`session-pages:${id}`, remaining);
      if (saved > (this.limits.maxPages ?? DEFAULT_MAX_PAGES)) return undefined;
    }
    await this.store.set(key, upstreamUrl, Math.min(this.limits.idleMs, remaining));
    return token;
  }

  async page(id: string, token: string): Promise<string | undefined> {
    return this.store.get(`session-page:${id}:${token}`);
  }

  async savePending(state: string, pending: PendingLaunch): Promise<void> {
    await this.store.set(`launch:${state}`, JSON.stringify(pending), LAUNCH_TTL_MS);
  }

  /** The pending launch of `state`, once: a second callback with the same state finds nothing. */
  async takePending(state: string): Promise<PendingLaunch | undefined> {
    const text = await this.store.get(`launch:${state}`);
    if (text === undefined) return undefined;
    if (!(await this.store.setIfAbsent(`launch-used:${state}`, "1", LAUNCH_TTL_MS))) return undefined;
    await this.store.delete(`launch:${state}`);
    return JSON.parse(text) as PendingLaunch;
  }
}
