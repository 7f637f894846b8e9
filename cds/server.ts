/**
 * The CDS Hooks service over node:http (no framework: a few routes do not earn one).
 *
 *   GET  /cds-services                                           discovery (public)
 *   POST /cds-services/night-leg-cramps                          the patient-view hook (signed JWT)
 *   POST /cds-services/night-leg-cramps-order-select             the order-select hook (signed JWT)
 *   POST /cds-services/night-leg-cramps-order-sign               the order-sign hook (signed JWT)
 *   POST /cds-services/<any of them>/feedback                    accepted / overridden counts (signed JWT)
 *   OPTIONS *                                                    CORS preflight (any origin, no credentials)
 *
 * Each service has its own endpoint URL, and a token's `aud` must be that endpoint (or, for feedback, its
 * feedback URL): a token made for one service is refused by the others.
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
import { discoveryDocument, ORDER_SERVICES, SERVICE_ID, SERVICE_IDS, type ServiceId } from "./discovery";
import { FeedbackCounter, type FeedbackCounts } from "./feedback";
import { allowedFhirServer } from "./fhirServers";
import { BadRequest, handlePatientView, type HookDeps, type HookOutcome, type NoCardReason } from "./hook";
import { handleOrderHook } from "./orderHooks";
import { openStore, StoreUnavailable, type Store, type StoreSpec } from "../node/store";
import { CLOCK_SKEW_SECONDS, MAX_LIFETIME_SECONDS } from "./auth";
import { ReplayGuard } from "./replay";
import { CardSilence, cardDigest, overriddenCards, silenceStoreRoom } from "./silence";
import { discardBound, discardRest, readRequestBody, RequestTooLarge } from "../node/requestBody";

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
  /**
   * The service's one store (node/store, memory or Redis): the jti replay records and the card silences after
   * an override. Overrides the configuration's `replayStore` (`--replay-store <url>`).
   */
  replayStore?: StoreSpec;
  /** An open store to use instead (tests, replicas sharing one memory store); the service does not close it. */
  store?: Store;
  /**
   * When the replay records are taken to begin if the store holds none yet (default: start-up). Tokens issued
   * before it cannot be proven unseen and are refused (401). Tests that sign tokens "issued" before their
   * fixed clock set it earlier.
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
  /** The patient-view endpoint (the `aud` its tokens must carry when serviceUrl is not set and the URL is used as is). */
  serviceEndpoint: string;
  /** Every service's endpoint, by service id (order-select and order-sign included). */
  endpoints: Record<ServiceId, string>;
  feedbackCounts(): FeedbackCounts;
  /** Calls that ended without a card, by reason (counts only). */
  noCardCounts(): Partial<Record<NoCardReason, number>>;
  /** "memory" or "redis" (never the URL). */
  replayStoreKind: Store["kind"];
  close(): Promise<void>;
}

export const DEFAULT_CALL_DEADLINE_MS = 8000;

const servicePath = (id: ServiceId) => `/cds-services/${id}`;
const SERVICE_PATH = servicePath(SERVICE_ID);

/** The service a path calls, and whether it is its feedback endpoint. */
function serviceOf(pathname: string): { id: ServiceId; feedback: boolean } | undefined {
  for (const id of SERVICE_IDS) {
    if (pathname === servicePath(id)) return { id, feedback: false };
    if (pathname === `${servicePath(id)}/feedback`) return { id, feedback: true };
  }
  return undefined;
}

const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers": "Authorization, Content-Type",
  "Access-Control-Max-Age": "600",
};

const UNAVAILABLE = { error: "Service unavailable, try again." };

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

function routeOf(pathname: string): string {
  if (pathname === "/cds-services" || serviceOf(pathname)) return pathname;
  return "(other)";
}

/** Whether the service listens on loopback only (the host it was given, before listening). */
function listensOnLoopback(host: string): boolean {
  // isLoopbackHost knows "::1" and "[::1]" already. The whole of 127.0.0.0/8 counts only here, for where this
  // service listens: the pages' allowlist (isLoopbackHost) deliberately names 127.0.0.1 alone.
  return isLoopbackHost(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
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
  // The service's one store: memory (one instance) or Redis (replicas), for the replay records and the card
  // silences. With memory, each client's quota of live jtis (at most twice its quota: this window's and the
  // last's) and its quota of silence entries (silenceStoreRoom) fit, so no client can fill it for the others, and
  // card silences can never crowd out the replay check (which fails closed).
  const windowMs = (MAX_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) * 1000;
  const spec = options.replayStore ?? config.replayStore;
  const ownsStore = !options.store;
  const store =
    options.store ??
    (await openStore(spec, {
      memory: {
        maxEntries: (2 * config.replayQuotaPerClient + silenceStoreRoom()) * Math.max(1, config.clients.length) + 1024,
        nowMs: () => now().getTime(),
      },
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
  // The card silences live in the same store as the replay records: one store per service, shared by replicas.
  const silence = new CardSilence(store, now);
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

  /**
   * The verified client's issuer (the silence after an override is per client), or why the call is refused.
   * Only a store that cannot answer is "unavailable" (503); a token issued before the replay records began
   * cannot be proven unseen and is refused like any other failed check (401, no detail).
   */
  const authorize = async (req: IncomingMessage, paths: string[]): Promise<{ iss: string } | "unauthorized" | "over-quota" | "unavailable"> => {
    const base = audienceBase(req);
    const result = await verifier.verify(req.headers.authorization, base ? paths.map((p) => base + p) : []);
    if (result.ok) return { iss: result.iss };
    if (result.reason === "over-quota") return "over-quota";
    if (result.reason === "store-unavailable") return "unavailable";
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
    const route = serviceOf(pathname);
    if (!route) return reply(res, 404, { error: "Not found." });
    if (method !== "POST") return reply(res, 405, { error: "Use POST." }, { Allow: "POST, OPTIONS" });

    // Refusals before the body is read still drain it (req.resume), so the client reads the answer instead of a
    // reset connection; a body far beyond the limit closes the connection.
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > config.maxBodyBytes) return refuse(req, res, 413, { error: "The request body is too large." });
    const own = servicePath(route.id);
    const audiences = route.feedback ? [`${own}/feedback`, own] : [own];
    const auth = await authorize(req, audiences);
    // Fail closed: a token that cannot be checked against the replay records is not accepted.
    if (auth === "unavailable") return refuse(req, res, 503, UNAVAILABLE, { "Retry-After": "1" });
    if (auth === "over-quota") return refuse(req, res, 429, { error: "Too many calls from this client, try again later." }, { "Retry-After": "30" });
    if (auth === "unauthorized") return refuse(req, res, 401, { error: "Unauthorized." }, { "WWW-Authenticate": "Bearer" });

    let body: unknown;
    try {
      const raw = await readRequestBody(req, config.maxBodyBytes);
      body = JSON.parse(raw.toString("utf8")) as unknown;
    } catch (error) {
      if (error instanceof RequestTooLarge) return refuse(req, res, 413, { error: "The request body is too large." });
      return reply(res, 400, { error: "The request body is not valid JSON." });
    }

    try {
      if (route.feedback) {
        feedback.record(body);
        // An override with one of the card's reasons silences the same card for this patient and client.
        try {
          for (const card of overriddenCards(body)) if (await silence.overridden(auth.iss, card)) feedback.silenced();
        } catch (error) {
          if (error instanceof StoreUnavailable) return reply(res, 503, UNAVAILABLE, { "Retry-After": "1" });
          throw error;
        }
        return reply(res, 200, {});
      }
      const deps: HookDeps = {
        appLaunchUrl: config.appLaunchUrl,
        fhirServerFor: (fhirServer) => allowedFhirServer(config, auth.iss, fhirServer, options.demo ? ownBase : undefined),
        now,
        fetchTimeoutMs: options.fetchTimeoutMs ?? 8000,
        callDeadlineMs: options.callDeadlineMs ?? DEFAULT_CALL_DEADLINE_MS,
        ...(options.readLimits ? { readLimits: options.readLimits } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      };
      const outcome: HookOutcome =
        route.id === SERVICE_ID ? await handlePatientView(body, deps) : await handleOrderHook(body, ORDER_SERVICES[route.id], deps);
      const answer = await unlessSilenced(outcome, route.id, auth.iss);
      if (answer.noCard) noCard[answer.noCard] = (noCard[answer.noCard] ?? 0) + 1;
      return reply(res, 200, answer.response);
    } catch (error) {
      if (error instanceof BadRequest) return reply(res, 400, { error: error.message });
      throw error;
    }
  };

  /** No card while an override silences this card's content for this patient and client; else the card is remembered for feedback. */
  const unlessSilenced = async (outcome: HookOutcome, service: ServiceId, iss: string): Promise<HookOutcome> => {
    const card = outcome.response.cards[0];
    if (!card || outcome.patientId === undefined) return outcome;
    const digest = cardDigest(service, iss, outcome.patientId, card.extension.findings);
    try {
      if (await silence.silenced(digest)) return { response: { cards: [] }, noCard: "silenced" };
      await silence.shown(iss, card.uuid, digest);
    } catch (error) {
      // The silence is a courtesy: when the store cannot answer, the card is shown (it cannot be silenced then).
      if (!(error instanceof StoreUnavailable)) throw error;
    }
    return outcome;
  };

  const reply = (res: ServerResponse, status: number, body: unknown, extra?: Record<string, string>): number => {
    send(res, status, body, extra);
    return status;
  };

  /** Answers without reading the body: the rest is discarded, up to a bound past which the socket is closed. */
  const refuse = (req: IncomingMessage, res: ServerResponse, status: number, body: unknown, extra?: Record<string, string>): number => {
    discardRest(req, discardBound(config.maxBodyBytes));
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
    endpoints: Object.fromEntries(SERVICE_IDS.map((id) => [id, `${url}${servicePath(id)}`])) as Record<ServiceId, string>,
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
