/**
 * The CDS Hooks service over node:http (no framework: three routes do not earn one).
 *
 *   GET  /cds-services                              discovery (public)
 *   POST /cds-services/night-leg-cramps             the patient-view hook (signed JWT)
 *   POST /cds-services/night-leg-cramps/feedback    accepted / overridden counts (signed JWT)
 *   OPTIONS *                                       CORS preflight (any origin, no credentials)
 *
 * Errors: 401 without detail for any refused token, 413 for a body over the limit, 400 for malformed JSON or
 * a malformed call, 404/405 otherwise. Logs never contain tokens, request bodies, patient ids or URLs with
 * query strings: only the method, the route, the status and the time taken.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { isLoopbackHost } from "../src/fhir/config";
import { TokenVerifier } from "./auth";
import type { CdsConfig } from "./config";
import { discoveryDocument, SERVICE_ID } from "./discovery";
import { FeedbackCounter, type FeedbackCounts } from "./feedback";
import { allowedFhirServer } from "./fhirServers";
import { BadRequest, handlePatientView, type HookDeps, type NoCardReason } from "./hook";
import { MemoryStore, openStore, type Store, type StoreSpec } from "../node/store";
import { CLOCK_SKEW_SECONDS, MAX_LIFETIME_SECONDS } from "./auth";
import { ReplayGuard } from "./replay";

export interface CdsLogger {
  info(message: string): void;
  error(message: string): void;
}

export interface CdsServiceOptions {
  config: CdsConfig;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /** The clock (tokens' exp/iat, "current" findings). Default: the real one. */
  now?: () => Date;
  logger?: CdsLogger;
  /** Log one line per request (method, route, status, ms). Default false. */
  accessLog?: boolean;
  /** Timeout of each FHIR request when the prefetch is incomplete, ms (default 8000). */
  fetchTimeoutMs?: number;
  /** One deadline for the whole hook call, ms (default 8000, `--call-deadline-ms`): then `{ "cards": [] }` at once. */
  callDeadlineMs?: number;
  /** The FHIR read path's limits (byte caps, Medication reads); default: node/fhirRead.ts's. */
  readLimits?: HookDeps["readLimits"];
  /** Replaces the FHIR fetch (tests). */
  fetch?: HookDeps["fetch"];
  /** The replay store: overrides the configuration's `replayStore` (`--replay-store <url>`). */
  replayStore?: StoreSpec;
  /** An open store to use instead (tests); the service does not close it. */
  store?: Store;
  /**
   * When the replay records are taken to begin if the store holds none yet (default: start-up). Tokens issued
   * before it are refused (503). Tests that sign tokens "issued" before their fixed clock set it earlier.
   */
  replayEpoch?: Date;
  /**
   * The demo flag (`--demo`, what `npm start` uses): any loopback `fhirServer` may be read, as the demo EHR's
   * port is chosen at start. Only while the service listens on loopback; never in production.
   */
  demo?: boolean;
  /** Server limits: the whole request (30 s), its headers (10 s), open connections (512). */
  limits?: Partial<ServerLimits>;
}

export interface ServerLimits {
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  maxConnections: number;
}

export const DEFAULT_SERVER_LIMITS: Readonly<ServerLimits> = Object.freeze({ requestTimeoutMs: 30_000, headersTimeoutMs: 10_000, maxConnections: 512 });

export interface CdsService {
  /** Base URL, e.g. "http://127.0.0.1:4020". */
  url: string;
  /** The discovery endpoint. */
  discoveryUrl: string;
  /** The hook endpoint (the `aud` its tokens must carry when serviceUrl is not set and the URL is used as is). */
  serviceEndpoint: string;
  feedbackCounts(): FeedbackCounts;
  /** Calls that ended without a card, by reason (counts only). */
  noCardCounts(): Partial<Record<NoCardReason, number>>;
  /** "memory" or "redis" (never the URL). */
  replayStoreKind: Store["kind"];
  close(): Promise<void>;
}

export const DEFAULT_CALL_DEADLINE_MS = 8000;

const SERVICE_PATH = `/cds-services/${SERVICE_ID}`;
const FEEDBACK_PATH = `${SERVICE_PATH}/feedback`;

const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers": "Authorization, Content-Type",
  "Access-Control-Max-Age": "600",
};

class TooLarge extends Error {}

function send(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, {
    ...CORS_HEADERS,
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Content-Length": String(Buffer.byteLength(text)),
    ...extra,
  });
  res.end(text);
}

/** Reads the body up to `limit` bytes; rejects with TooLarge beyond it. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      if (size > limit) return;
      size += chunk.length;
      if (size > limit) reject(new TooLarge());
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function routeOf(pathname: string): string {
  if (pathname === "/cds-services" || pathname === SERVICE_PATH || pathname === FEEDBACK_PATH) return pathname;
  return "(other)";
}

/** Whether the service listens on loopback only (the host it was given, before listening). */
function listensOnLoopback(host: string): boolean {
  return isLoopbackHost(host.replace(/^\[(.*)\]$/, "$1")) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export async function startCdsService(options: CdsServiceOptions): Promise<CdsService> {
  const { config } = options;
  const host = options.host ?? "127.0.0.1";
  // Off loopback, `aud` could otherwise be derived from a Host header anyone can send.
  if (!listensOnLoopback(host) && !config.serviceUrl) {
    throw new Error(`"serviceUrl" is required when the service listens on ${host} (not loopback): set it to the URL the EHR calls`);
  }
  if (options.demo && !listensOnLoopback(host)) throw new Error("the demo flag (loopback FHIR servers) is only for a service listening on loopback");
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? { info: () => undefined, error: () => undefined };
  // The replay store: memory (one instance) or Redis (replicas). With memory, each client's quota of live jtis
  // (at most twice its quota: this window's and the last's) fits, so no client can fill it for the others.
  const windowMs = (MAX_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) * 1000;
  const spec = options.replayStore ?? config.replayStore;
  const ownsStore = !options.store;
  const store =
    options.store ??
    (spec === "memory"
      ? new MemoryStore({ maxEntries: 2 * config.replayQuotaPerClient * Math.max(1, config.clients.length) + 1024, nowMs: () => now().getTime() })
      : await openStore(spec, {
          // A generous deadline per command: a busy event loop must not turn a slow reply into a 503; a Redis that is
          // down is noticed at once anyway (the connection drops and nothing is queued).
          redis: { commandTimeoutMs: 3000, onError: (message) => logger.error(`CDS service: replay store: ${message}`) },
        }));
  const replay = new ReplayGuard(store, { windowMs, skewMs: CLOCK_SKEW_SECONDS * 1000, quotaPerClient: config.replayQuotaPerClient });
  try {
    await replay.epoch((options.replayEpoch ?? now()).getTime());
  } catch (error) {
    if (ownsStore) await store.close();
    throw new Error(`the replay store (${store.kind}) did not answer`, { cause: error });
  }
  const verifier = new TokenVerifier({ clients: config.clients, now, replay });
  const feedback = new FeedbackCounter();
  const noCard: Partial<Record<NoCardReason, number>> = {};
  let listeningPort = 0;
  let ownBase = "";

  /** The base URL tokens' `aud` is checked against: serviceUrl, else the Host the request was sent to on our port. */
  const audienceBase = (req: IncomingMessage): string | undefined => {
    if (config.serviceUrl) return config.serviceUrl;
    const hostHeader = req.headers.host;
    if (!hostHeader) return undefined;
    let url: URL;
    try {
      url = new URL(`http://${hostHeader}`);
    } catch {
      return undefined;
    }
    if (url.username || url.password || url.pathname !== "/" || Number(url.port || 80) !== listeningPort) return undefined;
    return url.origin;
  };

  const authorize = async (req: IncomingMessage, paths: string[]): Promise<{ iss: string } | "unauthorized" | "over-quota" | "unavailable"> => {
    const base = audienceBase(req);
    const result = await verifier.verify(req.headers.authorization, base ? paths.map((p) => base + p) : []);
    if (result.ok) return { iss: result.iss };
    if (result.reason === "over-quota") return "over-quota";
    if (result.reason === "store-unavailable" || result.reason === "before-epoch") return "unavailable";
    return "unauthorized";
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<number> => {
    const method = req.method ?? "GET";
    const pathname = new URL(req.url ?? "/", "http://service.invalid").pathname.replace(/\/+$/, "") || "/";
    if (method === "OPTIONS") {
      res.writeHead(204, CORS_HEADERS);
      res.end();
      return 204;
    }
    if (pathname === "/cds-services") {
      if (method !== "GET") return reply(res, 405, { error: "Use GET." }, { Allow: "GET, OPTIONS" });
      return reply(res, 200, discoveryDocument());
    }
    if (pathname !== SERVICE_PATH && pathname !== FEEDBACK_PATH) return reply(res, 404, { error: "Not found." });
    if (method !== "POST") return reply(res, 405, { error: "Use POST." }, { Allow: "POST, OPTIONS" });

    // Refusals before the body is read still drain it (req.resume), so the client reads the answer instead of a
    // reset connection; a body far beyond the limit closes the connection.
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > config.maxBodyBytes) return refuse(req, res, 413, { error: "The request body is too large." });
    const audiences = pathname === FEEDBACK_PATH ? [FEEDBACK_PATH, SERVICE_PATH] : [SERVICE_PATH];
    const auth = await authorize(req, audiences);
    // Fail closed: a token that cannot be checked against the replay records is not accepted.
    if (auth === "unavailable") return refuse(req, res, 503, { error: "Service unavailable, try again." }, { "Retry-After": "1" });
    if (auth === "over-quota") return refuse(req, res, 429, { error: "Too many calls from this client, try again later." }, { "Retry-After": "30" });
    if (auth === "unauthorized") return refuse(req, res, 401, { error: "Unauthorized." }, { "WWW-Authenticate": "Bearer" });

    let body: unknown;
    try {
      const raw = await readBody(req, config.maxBodyBytes);
      body = JSON.parse(raw.toString("utf8")) as unknown;
    } catch (error) {
      if (error instanceof TooLarge) return refuse(req, res, 413, { error: "The request body is too large." });
      return reply(res, 400, { error: "The request body is not valid JSON." });
    }

    try {
      if (pathname === FEEDBACK_PATH) {
        feedback.record(body);
        return reply(res, 200, {});
      }
      const outcome = await handlePatientView(body, {
        appLaunchUrl: config.appLaunchUrl,
        fhirServerFor: (fhirServer) => allowedFhirServer(config, auth.iss, fhirServer, options.demo ? ownBase : undefined),
        now,
        fetchTimeoutMs: options.fetchTimeoutMs ?? 8000,
        callDeadlineMs: options.callDeadlineMs ?? DEFAULT_CALL_DEADLINE_MS,
        ...(options.readLimits ? { readLimits: options.readLimits } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
      if (outcome.noCard) noCard[outcome.noCard] = (noCard[outcome.noCard] ?? 0) + 1;
      return reply(res, 200, outcome.response);
    } catch (error) {
      if (error instanceof BadRequest) return reply(res, 400, { error: error.message });
      throw error;
    }
  };

  const reply = (res: ServerResponse, status: number, body: unknown, extra?: Record<string, string>): number => {
    send(res, status, body, extra);
    return status;
  };

  /** Answers without reading the body: the rest is discarded, up to a bound past which the socket is closed. */
  const refuse = (req: IncomingMessage, res: ServerResponse, status: number, body: unknown, extra?: Record<string, string>): number => {
    let drained = 0;
    const bound = config.maxBodyBytes * 4;
    req.removeAllListeners("data");
    req.on("data", (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > bound) req.socket.destroy();
    });
    req.resume();
    return reply(res, status, body, extra);
  };

  const limits: ServerLimits = { ...DEFAULT_SERVER_LIMITS, ...options.limits };
  // A slow upload or slow headers cannot hold a connection: Node checks both timeouts every
  // connectionsCheckingInterval (30 s by default, which would let a 30 s limit run to a minute).
  const server = createServer({
    requestTimeout: limits.requestTimeoutMs,
    headersTimeout: limits.headersTimeoutMs,
    connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
  }, (req, res) => {
    const started = performance.now();
    handle(req, res)
      .catch((error: unknown) => {
        // The error's class only: a message could quote a record.
        logger.error(`CDS service: internal error (${error instanceof Error ? error.name : "unknown"})`);
        if (!res.headersSent) send(res, 500, { error: "Internal error." });
        else res.destroy();
        return 500;
      })
      .then((status) => {
        if (options.accessLog) {
          const route = routeOf(new URL(req.url ?? "/", "http://service.invalid").pathname.replace(/\/+$/, ""));
          logger.info(`${req.method ?? "?"} ${route} ${status} ${(performance.now() - started).toFixed(1)} ms`);
        }
      });
  });
  server.keepAliveTimeout = 5000;
  server.maxConnections = limits.maxConnections;

  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
  } catch (error) {
    if (ownsStore) await store.close();
    throw error;
  }
  listeningPort = (server.address() as AddressInfo).port;
  const hostForUrl = host.includes(":") ? `[${host}]` : host;
  const url = `http://${hostForUrl === "0.0.0.0" || hostForUrl === "[::]" ? "127.0.0.1" : hostForUrl}:${listeningPort}`;
  // The loopback rule of the app applies only when the service itself listens on loopback.
  ownBase = isLoopbackHost(hostForUrl) ? url : `http://${hostForUrl}:${listeningPort}`;

  return {
    url,
    discoveryUrl: `${url}/cds-services`,
    serviceEndpoint: `${url}${SERVICE_PATH}`,
    feedbackCounts: () => feedback.snapshot(),
    noCardCounts: () => ({ ...noCard }),
    replayStoreKind: store.kind,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      });
      if (ownsStore) await store.close();
    },
  };
}
