/**
 * Production static server for the built app (dist/): plain static files at the root of the origin,
 * with a CSP derived from smart-config.json and the other security headers on every response.
 *
 *   npx tsx server/serve.ts [--port 4000] [--host 127.0.0.1] [--root dist] [--loopback-csp] [--access-log]
 *     [--client-key <private JWK or PEM file>] [--client-secrets <JSON file>] [--session-store memory|redis://host:port/db]
 *     [--public-url https://app.example] [--cookie-same-site lax|none] [--session-idle-minutes 30] [--session-max-hours 8]
 *   (npm run serve -- --port 4000). Env PORT and HOST are read when the flags are absent; NLC_CLIENT_KEY
 *   (the key itself) or NLC_CLIENT_KEY_FILE, NLC_CLIENT_SECRETS (the JSON itself) or NLC_CLIENT_SECRETS_FILE,
 *   NLC_SESSION_STORE and NLC_PUBLIC_URL likewise.
 *
 * Besides the static files it runs the token exchange of servers whose smart-config.json entry says
 * `"tokenExchange": "server"` (server/exchange/): the launch, the redirect URI, sessions, the same-origin
 * FHIR path and the public key set at /.well-known/jwks.json.
 *
 * Serves plain HTTP: in production put a TLS-terminating reverse proxy in front of it.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { realpath, stat } from "node:fs/promises";
import { realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AppConfig } from "../src/fhir/configTypes";
import { ConfigFileWatcher } from "./configFile";
import { buildCsp, cspOrigins } from "./csp";
import { createRequestHandler } from "./requestHandler";
import { openStore, parseStoreSpec, type Store, type StoreSpec } from "../node/store";
import { handleExchange } from "./exchange";
import { readClientKey, parseClientKey, type ClientKey } from "./exchange/clientKey";
import { parseClientSecrets, readClientSecrets, type ClientSecrets } from "./exchange/secrets";
import { DEFAULT_LIMITS, Sessions, type SessionLimits } from "./exchange/sessions";
import type { CookiePolicy } from "./exchange/http";
import type { FetchLike } from "./exchange/upstream";

export { buildCsp, cspOrigins, isLoopbackHost, LOOPBACK_SOURCES } from "./csp";
export type { CspOrigins } from "./csp";

export interface ServerLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface StaticServerOptions {
  /** The built app directory (dist/). */
  root: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /** Default: read <root>/smart-config.json at start, and again whenever the file changes. */
  config?: AppConfig;
  /**
   * Loopback sources (http://localhost:*, http://127.0.0.1:*) in connect-src and frame-ancestors, for
   * the demo EHR and local tests. Default false; only an explicit true turns them on (never the Host
   * header, which a proxy may forward as 127.0.0.1).
   */
  loopbackCsp?: boolean;
  /** Where start-up warnings (skipped config entries) and the access log go. Default: console. */
  logger?: ServerLogger;
  /** Log "METHOD /path STATUS" per request (never the query string). Default false. */
  accessLog?: boolean;
  /** The server token exchange (servers[].tokenExchange "server"). */
  exchange?: ExchangeOptions;
}

export interface ExchangeOptions {
  /** The private key for private_key_jwt (its public half is served at /.well-known/jwks.json). */
  clientKey?: ClientKey;
  /** Secrets per client id, for client_secret_basic / client_secret_post. */
  secrets?: ClientSecrets;
  /** Where sessions live: "memory" (default, one instance) or a Redis URL (replicas), or an open store. */
  store?: StoreSpec | Store;
  limits?: Partial<SessionLimits>;
  cookieSameSite?: CookiePolicy["sameSite"];
  /** The public URL behind a TLS proxy (https://app.example); default: from the Host header. */
  publicUrl?: string;
  now?: () => number;
  /** Replaces fetch for the calls to EHRs (tests). */
  fetch?: FetchLike;
}

export interface StaticServer {
  /** Base URL without trailing slash, e.g. "http://127.0.0.1:4000". */
  url: string;
  close(): Promise<void>;
}

const consoleLogger: ServerLogger = {
  info: (message) => console.log(message),
  warn: (message) => console.warn(message),
};

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const logger = options.logger ?? consoleLogger;
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 0;

  const root = await realpath(path.resolve(options.root)).catch(() => {
    throw new Error(`static root ${options.root} does not exist`);
  });
  if (!(await stat(root)).isDirectory()) throw new Error(`static root ${options.root} is not a directory`);

  // The CSP is computed once per configuration, not per request; the loopback sources are fixed per server.
  const loopback = options.loopbackCsp === true;
  let csp = "";
  const applyConfig = (config: AppConfig): void => {
    for (const warning of cspOrigins(config).warnings) logger.warn(warning);
    csp = buildCsp(config, { loopback });
  };

  let currentConfig: () => Promise<AppConfig>;
  if (options.config) {
    const fixed = options.config;
    applyConfig(fixed);
    currentConfig = async () => fixed;
  } else {
    const watcher = await ConfigFileWatcher.open(root, { onChange: applyConfig, onError: (m) => logger.warn(m) });
    currentConfig = () => watcher.current();
  }

  const exchange = options.exchange ?? {};
  const givenStore = typeof exchange.store === "object" ? exchange.store : undefined;
  // A dropped Redis connection is logged (the store's message names neither the URL nor its password).
  const store = givenStore ?? (await openStore(typeof exchange.store === "string" ? exchange.store : "memory", { redis: { onError: (m) => logger.warn(`session store: ${m}`) } }));
  const now = exchange.now ?? (() => Date.now());
  const exchangeContext = {
    config: currentConfig,
    credentials: { ...(exchange.clientKey ? { clientKey: exchange.clientKey } : {}), secrets: exchange.secrets ?? new Map<string, string>() },
    sessions: new Sessions(store, { ...DEFAULT_LIMITS, ...exchange.limits }, now),
    cookies: { sameSite: exchange.cookieSameSite ?? "lax" },
    ...(exchange.publicUrl ? { publicUrl: exchange.publicUrl } : {}),
    loopback,
    now,
    logger,
    ...(exchange.fetch ? { fetch: exchange.fetch } : {}),
  };

  const handler = createRequestHandler({
    root,
    csp: async () => {
      await currentConfig();
      return csp;
    },
    ...(options.accessLog ? { accessLog: (line: string) => logger.info(line) } : {}),
    routes: (req, res) => handleExchange(exchangeContext, req, res),
  });

  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });

  const address = server.address() as AddressInfo;
  return {
    url: `http://${displayHost(host)}:${address.port}`,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      // A store handed in belongs to the caller.
      if (!givenStore) await store.close();
    },
  };
}

/** Host for the printed URL: wildcard binds are reached through localhost; IPv6 goes in brackets. */
function displayHost(host: string): string {
  if (host === "0.0.0.0" || host === "::" || host === "") return "localhost";
  return host.includes(":") ? `[${host}]` : host;
}

export interface CliOptions {
  root: string;
  port: number;
  host: string;
  loopbackCsp: boolean;
  accessLog: boolean;
  /** Where the client key comes from: a file, or the key itself (environment). */
  clientKey?: { file: string } | { text: string; source: string };
  clientSecrets?: { file: string } | { text: string; source: string };
  sessionStore: StoreSpec;
  publicUrl?: string;
  cookieSameSite: CookiePolicy["sameSite"];
  limits: SessionLimits;
}

const USAGE =
  "usage: tsx server/serve.ts [--port 4000] [--host 127.0.0.1] [--root dist] [--loopback-csp] [--access-log]\n" +
  "  [--client-key <file>] [--client-secrets <file>] [--session-store memory|redis://host:port/db] [--public-url <https URL>]\n" +
  "  [--cookie-same-site lax|none] [--session-idle-minutes 30] [--session-max-hours 8]";

const VALUE_FLAGS = ["port", "host", "root", "client-key", "client-secrets", "session-store", "public-url", "cookie-same-site", "session-idle-minutes", "session-max-hours"];

function positive(text: string, name: string): number {
  const n = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || n <= 0) throw new Error(`invalid ${name} ${JSON.stringify(text)}`);
  return n;
}

function source(file: string | undefined, text: string | undefined, envName: string): { file: string } | { text: string; source: string } | undefined {
  if (file !== undefined) return { file: path.resolve(file) };
  if (text !== undefined && text.trim() !== "") return { text, source: envName };
  return undefined;
}

/** Parses CLI flags (both "--port 4000" and "--port=4000"); env PORT / HOST fill in absent flags. */
export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv, defaultRoot: string): CliOptions {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const match = new RegExp(`^--(${VALUE_FLAGS.join("|")})(?:=(.*))?$`).exec(arg);
    if (match) {
      const value = match[2] ?? argv[++i];
      if (value === undefined || value === "") throw new Error(`missing value for --${match[1]}\n${USAGE}`);
      values.set(match[1]!, value);
    } else if (arg === "--loopback-csp" || arg === "--no-loopback-csp" || arg === "--access-log") {
      // --no-loopback-csp was the opt-out when the relaxations were inferred; it is the default now.
      flags.add(arg);
    } else {
      throw new Error(`unknown argument ${JSON.stringify(arg)}\n${USAGE}`);
    }
  }
  const portText = values.get("port") ?? env.PORT ?? "4000";
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new Error(`invalid port ${JSON.stringify(portText)}`);
  const rootArg = values.get("root");
  return {
    root: rootArg === undefined ? defaultRoot : path.resolve(rootArg),
    port,
    host: values.get("host") ?? env.HOST ?? "127.0.0.1",
    loopbackCsp: flags.has("--loopback-csp") && !flags.has("--no-loopback-csp"),
    accessLog: flags.has("--access-log"),
    ...optional("clientKey", source(values.get("client-key") ?? env.NLC_CLIENT_KEY_FILE, env.NLC_CLIENT_KEY, "NLC_CLIENT_KEY")),
    ...optional("clientSecrets", source(values.get("client-secrets") ?? env.NLC_CLIENT_SECRETS_FILE, env.NLC_CLIENT_SECRETS, "NLC_CLIENT_SECRETS")),
    sessionStore: parseStoreSpec(values.get("session-store") ?? env.NLC_SESSION_STORE ?? "memory", "--session-store"),
    ...optional("publicUrl", publicUrlOf(values.get("public-url") ?? env.NLC_PUBLIC_URL)),
    cookieSameSite: sameSiteOf(values.get("cookie-same-site") ?? "lax"),
    limits: {
      idleMs: positive(values.get("session-idle-minutes") ?? String(DEFAULT_LIMITS.idleMs / 60_000), "--session-idle-minutes") * 60_000,
      absoluteMs: positive(values.get("session-max-hours") ?? String(DEFAULT_LIMITS.absoluteMs / 3600_000), "--session-max-hours") * 3600_000,
    },
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function sameSiteOf(value: string): CookiePolicy["sameSite"] {
  if (value === "lax" || value === "none") return value;
  throw new Error(`--cookie-same-site must be lax or none, not ${JSON.stringify(value)}`);
}

function publicUrlOf(value: string | undefined): string | undefined {
  if (value === undefined || value === "") return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`--public-url must be an absolute URL such as https://app.example`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("--public-url must be an http(s) URL");
  return url.origin;
}

/** Reads the key and secrets the CLI options name (files or environment). */
export async function exchangeFromCli(cli: CliOptions): Promise<ExchangeOptions> {
  const key = cli.clientKey;
  const secrets = cli.clientSecrets;
  return {
    ...(key ? { clientKey: "file" in key ? await readClientKey(key.file) : await parseClientKey(key.text, key.source) } : {}),
    ...(secrets ? { secrets: "file" in secrets ? await readClientSecrets(secrets.file) : parseClientSecrets(secrets.text, secrets.source) } : {}),
    store: cli.sessionStore,
    limits: cli.limits,
    cookieSameSite: cli.cookieSameSite,
    ...(cli.publicUrl ? { publicUrl: cli.publicUrl } : {}),
  };
}

async function main(): Promise<void> {
  const defaultRoot = fileURLToPath(new URL("../dist", import.meta.url));
  let cli: CliOptions;
  try {
    cli = parseCliArgs(process.argv.slice(2), process.env, defaultRoot);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const exchange = await exchangeFromCli(cli);
  const server = await startStaticServer({ ...cli, exchange });
  console.log(`Serving ${cli.root} at ${server.url}/ (launch URL: ${server.url}/launch.html)`);
  if (exchange.clientKey) console.log(`Client key ${exchange.clientKey.kid} (${exchange.clientKey.alg}); JWKS URL: ${server.url}/.well-known/jwks.json`);
  if (exchange.secrets) console.log(`Client secrets for ${exchange.secrets.size} client id(s)`);
  console.log(`Sessions: ${cli.sessionStore === "memory" ? "in memory (one instance)" : "in Redis"}`);
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

function isMainModule(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMainModule()) {
  main().catch((error: unknown) => {
    console.error(`serve: ${(error as Error).message}`);
    process.exit(1);
  });
}
