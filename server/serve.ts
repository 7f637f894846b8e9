/**
 * Production static server for the built app (dist/): plain static files at the root of the origin,
 * with a CSP derived from smart-config.json and the other security headers on every response.
 *
 *   npx tsx server/serve.ts [--port 4000] [--host 127.0.0.1] [--root dist] [--loopback-csp] [--access-log]
 *   (npm run serve -- --port 4000). Env PORT and HOST are read when the flags are absent.
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

  const handler = createRequestHandler({
    root,
    csp: async () => {
      await currentConfig();
      return csp;
    },
    ...(options.accessLog ? { accessLog: (line: string) => logger.info(line) } : {}),
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
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
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
}

const USAGE = "usage: tsx server/serve.ts [--port 4000] [--host 127.0.0.1] [--root dist] [--loopback-csp] [--access-log]";

/** Parses CLI flags (both "--port 4000" and "--port=4000"); env PORT / HOST fill in absent flags. */
export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv, defaultRoot: string): CliOptions {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const match = /^--(port|host|root)(?:=(.*))?$/.exec(arg);
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
  const server = await startStaticServer(cli);
  console.log(`Serving ${cli.root} at ${server.url}/ (launch URL: ${server.url}/launch.html)`);
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
