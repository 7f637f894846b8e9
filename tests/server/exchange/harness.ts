/**
 * The server exchange end to end over real HTTP, without a browser: the app's server (server/serve.ts on a
 * temporary root holding smart-config.json), the demo EHR with its confidential clients, and a small
 * browser stand-in that keeps cookies and sends what a page of the app sends (Origin, Sec-Fetch-Site).
 * Every response the "browser" received and every log line are kept, so tests can look for tokens in them.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MemoryStore, type Store } from "../../../node/store";
import { startEhrHttpServer, type EhrHttpServer } from "../../../mocks/httpServer";
import { encodeLaunch, simFhirBase, type DemoLaunch } from "../../../mocks/launchContext";
import { startStaticServer, type StaticServer, type ExchangeOptions } from "../../../server/serve";
import { ASYMMETRIC_CLIENT, demoCredentials, serverExchangeDemo, SYMMETRIC_CLIENT } from "../../../scripts/serverExchangeDemo";

export { ASYMMETRIC_CLIENT, SYMMETRIC_CLIENT };

/** The sandbox patient the exchange tests launch for. */
export const TREY = "f46d1649-8a02-4de8-8cff-f76fae267d3a";

export const BASE_CONFIG = {
  clientId: "night-leg-cramps",
  scope: "launch openid fhirUser patient/Patient.rs patient/Condition.rs patient/MedicationRequest.rs patient/MedicationStatement.rs patient/Procedure.rs patient/Observation.rs patient/Medication.rs",
};

/** A store that remembers every value written to it (to find the tokens a session holds); the store itself is `inner`. */
export class WatchedStore implements Store {
  readonly kind: Store["kind"];
  readonly written: string[] = [];
  constructor(private readonly inner: Store) {
    this.kind = inner.kind;
  }
  setIfAbsent(key: string, value: string, ttlMs: number) {
    this.written.push(value);
    return this.inner.setIfAbsent(key, value, ttlMs);
  }
  set(key: string, value: string, ttlMs: number) {
    this.written.push(value);
    return this.inner.set(key, value, ttlMs);
  }
  get(key: string) {
    return this.inner.get(key);
  }
  delete(key: string) {
    return this.inner.delete(key);
  }
  increment(key: string, ttlMs: number) {
    return this.inner.increment(key, ttlMs);
  }
  close() {
    return this.inner.close();
  }
  /** Every access and refresh token a session record held. */
  tokens(): string[] {
    const out = new Set<string>();
    for (const value of this.written) {
      if (!value.startsWith("{")) continue;
      const record = JSON.parse(value) as { accessToken?: string; refreshToken?: string };
      if (record.accessToken) out.add(record.accessToken);
      if (record.refreshToken) out.add(record.refreshToken);
    }
    return [...out];
  }
}

export interface Received {
  url: string;
  status: number;
  headers: string;
  body: string;
}

/** A browser stand-in: one cookie jar, same-origin requests as the app's pages make them. */
export class Browser {
  readonly cookies = new Map<string, string>();
  readonly received: Received[] = [];
  constructor(readonly appUrl: string) {}

  private keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === "" || attributes.some((a) => /max-age=0$/i.test(a.trim()))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /** A request as the app's own page sends it (same origin), unless `headers` say otherwise. */
  async fetch(url: string, init: Omit<RequestInit, "headers"> & { headers?: Record<string, string> } = {}): Promise<Response> {
    const absolute = new URL(url, this.appUrl).href;
    const own = absolute.startsWith(this.appUrl);
    const headers: Record<string, string> = {
      ...(own ? { "Sec-Fetch-Site": "same-origin" } : {}),
      ...(own && init.method && init.method !== "GET" ? { Origin: this.appUrl } : {}),
      ...(own && this.cookies.size > 0 ? { Cookie: this.cookieHeader() } : {}),
      ...init.headers,
    };
    const response = await fetch(absolute, { ...init, headers, redirect: "manual" });
    if (own) this.keep(response);
    const body = await response.clone().text();
    this.received.push({ url: absolute, status: response.status, headers: JSON.stringify([...response.headers]), body });
    return response;
  }

  /** launch.html's request, then the EHR's authorize redirect, then the callback: the index.html URL it ends on. */
  async launch(iss: string, launch?: DemoLaunch): Promise<string> {
    const planned = await this.fetch("/smart/launch", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ iss, ...(launch ? { launch: encodeLaunch(launch) } : {}) }),
    });
    const body = (await planned.json()) as { authorizeUrl?: string; error?: string };
    if (!body.authorizeUrl) return `error:${body.error ?? planned.status}`;
    const authorized = await this.fetch(body.authorizeUrl);
    const callback = authorized.headers.get("location");
    if (!callback) throw new Error(`the EHR did not redirect (${authorized.status})`);
    const done = await this.fetch(callback, { headers: { "Sec-Fetch-Site": "cross-site" } });
    return new URL(done.headers.get("location") ?? "", this.appUrl).href;
  }

  /** The session handle from index.html's URL, and its context. */
  async session(indexUrl: string): Promise<{ handle: string; info: Record<string, unknown> }> {
    const handle = new URL(indexUrl).searchParams.get("nlc_session");
    if (!handle) throw new Error(`no session: ${indexUrl}`);
    const response = await this.fetch(`/smart/session/${handle}`);
    return { handle, info: (await response.json()) as Record<string, unknown> };
  }
}

export interface ExchangeStack {
  app: StaticServer;
  ehr: EhrHttpServer;
  store: WatchedStore;
  logs: string[];
  /** FHIR bases on which the app must use the server exchange. */
  jwtBase: string;
  secretBase: string;
  /** A base that requires the JWT client, whose registered JWKS URL holds no key of the app's (the assertion is refused). */
  refusedBase: string;
  browser(): Browser;
  /** A second app server on the same store (another replica). */
  replica(): Promise<StaticServer>;
  close(): Promise<void>;
}

export interface ExchangeStackOptions {
  store?: Store;
  now?: () => number;
  exchange?: Partial<ExchangeOptions>;
  /** Extra fields on every server-exchange entry (e.g. onlineAccess). */
  entry?: Record<string, unknown>;
  /** Launch options put into the server-exchange bases (e.g. a short token lifetime). */
  baseLaunch?: DemoLaunch;
}

export async function startExchangeStack(options: ExchangeStackOptions = {}): Promise<ExchangeStack> {
  const root = await mkdtemp(join(tmpdir(), "nlc-exchange-"));
  await writeFile(join(root, "index.html"), "<!doctype html><title>app</title>");
  const writeConfig = (servers: unknown[]) => writeFile(join(root, "smart-config.json"), JSON.stringify({ ...BASE_CONFIG, servers }));
  await writeConfig([]);
  const credentials = await demoCredentials();
  const store = new WatchedStore(options.store ?? new MemoryStore());
  const logs: string[] = [];
  const logger = { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m) };
  const exchange: ExchangeOptions = { clientKey: credentials.clientKey, secrets: new Map([[SYMMETRIC_CLIENT, credentials.secret]]), store, ...(options.now ? { now: options.now } : {}), ...options.exchange };
  const start = () => startStaticServer({ root, port: 0, host: "127.0.0.1", loopbackCsp: true, accessLog: true, logger, exchange });
  const app = await start();
  const replicas: StaticServer[] = [];
  // The EHR registers the app's clients; the refused one's JWKS URL answers 404.
  const ehr = await startEhrHttpServer({
    port: 0,
    host: "127.0.0.1",
    appLaunchUrl: `${app.url}/launch.html`,
    confidentialClients: {
      ...(await serverExchangeDemo("http://unused.invalid", app.url, credentials)).confidentialClients,
      "nlc-refused": { auth: "private_key_jwt", jwksUrl: `${app.url}/no-such-jwks.json` },
    },
  });
  const extra = options.baseLaunch ?? {};
  const jwtBase = simFhirBase(ehr.baseUrl, { ...extra, refuseCors: "token", requireClient: ASYMMETRIC_CLIENT });
  const secretBase = simFhirBase(ehr.baseUrl, { ...extra, refuseCors: "token", requireClient: SYMMETRIC_CLIENT });
  const refusedBase = simFhirBase(ehr.baseUrl, { refuseCors: "token", requireClient: "nlc-refused" });
  await writeConfig([
    { name: "EHR (signed JWT)", iss: jwtBase, clientId: ASYMMETRIC_CLIENT, tokenExchange: "server", ...options.entry },
    { name: "EHR (secret)", iss: secretBase, clientId: SYMMETRIC_CLIENT, tokenExchange: "server", tokenAuth: "client_secret_post", ...options.entry },
    { name: "EHR (refused)", iss: refusedBase, clientId: "nlc-refused", tokenExchange: "server" },
    { name: "EHR", issPrefix: `${ehr.baseUrl}/` },
  ]);
  return {
    app,
    ehr,
    store,
    logs,
    jwtBase,
    secretBase,
    refusedBase,
    browser: () => new Browser(app.url),
    async replica() {
      const r = await start();
      replicas.push(r);
      return r;
    },
    async close() {
      await Promise.all([app.close(), ehr.close(), ...replicas.map((r) => r.close())]);
      await store.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
