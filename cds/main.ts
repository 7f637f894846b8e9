/**
 * `npm run cds -- [--port 4020] [--host 127.0.0.1] [--config cds-config.json] [--call-deadline-ms 8000] [--replay-store memory|redis://host:port/db] [--demo] [--trust-public-sandbox-for-testing] [--access-log]`: starts the CDS
 * Hooks service and prints its discovery URL. An unreadable or invalid configuration stops it with a message
 * saying what is wrong (exit code 1). Serves plain HTTP: in production put a TLS-terminating proxy in front
 * and set "serviceUrl" to the URL the EHR uses.
 */
import path from "node:path";
import { describeRedisUrl, parseStoreSpec, type StoreSpec } from "../node/store";
import { DEFAULT_CONFIG_FILE, readCdsConfig } from "./config";
import { PUBLIC_SANDBOX_WARNING, trustPublicSandbox } from "./publicSandbox";
import { startCdsService } from "./server";

export interface CdsCli {
  port: number;
  host: string;
  config: string;
  accessLog: boolean;
  /** `--call-deadline-ms N`: one deadline for each hook call (default 8000). */
  callDeadlineMs?: number;
  /** `--demo`: loopback FHIR servers may be read (the demo EHR); only on loopback. */
  demo?: boolean;
  /** `--trust-public-sandbox-for-testing`: the public CDS Hooks sandbox as the only client (cds/publicSandbox.ts). */
  publicSandbox?: boolean;
  /** `--replay-store memory|redis://host:port/db`: overrides the configuration's `replayStore`. */
  replayStore?: StoreSpec;
}

/** Parses the command line; throws an Error naming the bad argument. */
export function parseCdsArgs(argv: readonly string[], defaultConfig = DEFAULT_CONFIG_FILE): CdsCli {
  const cli: CdsCli = { port: 4020, host: "127.0.0.1", config: defaultConfig, accessLog: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "") throw new Error(`missing value for ${name}`);
      return v;
    };
    switch (name) {
      case "--port": {
        const v = value();
        const port = Number(v);
        if (!/^\d+$/.test(v) || port > 65535) throw new Error(`invalid port: ${v}`);
        cli.port = port;
        break;
      }
      case "--host":
        cli.host = value();
        break;
      case "--config":
        cli.config = path.resolve(value());
        break;
      case "--access-log":
        cli.accessLog = true;
        break;
      case "--demo":
        cli.demo = true;
        break;
      case "--replay-store":
        cli.replayStore = parseStoreSpec(value(), "--replay-store");
        break;
      case "--trust-public-sandbox-for-testing":
        cli.publicSandbox = true;
        break;
      case "--call-deadline-ms": {
        const v = value();
        if (!/^\d+$/.test(v) || Number(v) < 100 || Number(v) > 120_000) throw new Error(`invalid --call-deadline-ms (100 to 120000): ${v}`);
        cli.callDeadlineMs = Number(v);
        break;
      }
      default:
        throw new Error(`unknown argument: ${arg}`);
    }
  }
  return cli;
}

const write = (stream: NodeJS.WriteStream) => (message: string) => stream.write(`${message}\n`);

async function main(): Promise<void> {
  let cli: CdsCli;
  try {
    cli = parseCdsArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`cds: ${(error as Error).message}\nusage: npm run cds -- [--port 4020] [--host 127.0.0.1] [--config cds-config.json] [--call-deadline-ms 8000] [--replay-store memory|redis://host:port/db] [--demo] [--trust-public-sandbox-for-testing] [--access-log]\n`);
    process.exit(2);
  }
  let service;
  try {
    const read = await readCdsConfig(cli.config);
    const config = cli.publicSandbox ? trustPublicSandbox(read) : read;
    if (cli.publicSandbox) write(process.stderr)(`cds: WARNING ${PUBLIC_SANDBOX_WARNING}`);
    service = await startCdsService({
      config,
      port: cli.port,
      host: cli.host,
      accessLog: cli.accessLog,
      ...(cli.callDeadlineMs !== undefined ? { callDeadlineMs: cli.callDeadlineMs } : {}),
      ...(cli.demo ? { demo: true } : {}),
      ...(cli.replayStore ? { replayStore: cli.replayStore } : {}),
      logger: { info: write(process.stdout), error: write(process.stderr) },
    });
    const nobody = config.clients.length === 0 ? `\n  (${path.basename(cli.config)} trusts no CDS client yet: every call is refused)` : "";
    const spec = cli.replayStore ?? config.replayStore;
    const replay = spec === "memory" ? "memory (one instance: run one replica only)" : describeRedisUrl(spec);
    write(process.stdout)(`CDS Hooks service: ${service.discoveryUrl}${nobody}\n  replay store: ${replay}`);
  } catch (error) {
    process.stderr.write(`cds: the service did not start: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const stop = () => {
    void service.close().finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await main();
