/**
 * `npm start`: the app (production build, served with its security headers) plus the built-in demo EHR
 * (SMART authorization + FHIR R4 from the MSW handlers in mocks/), on loopback, with sample patients.
 * `npm run dev`: the same with Vite's dev server (hot reload) instead of the build.
 *
 * The demo EHR is also a CDS Hooks client of the CDS service started here: opening a chart calls it.
 *
 * The demo EHR also offers a patient launched with the token exchange on the app's server (a confidential
 * client: signed JWT or client secret, a token endpoint without CORS): the app is served from a temporary
 * copy of dist/ whose smart-config.json names those FHIR bases (not with --dev, which has no app server).
 *
 * Options: --port <app port, default 4000> --ehr-port <default 4010> --cds-port <default 4020> --latency <ms per FHIR request>
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { serverExchangeDemo } from "./serverExchangeDemo";
import { startEhrWithCds } from "../mocks/cdsDemo";
import { startStaticServer } from "../server/serve";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) ? v : fallback;
}

const dev = process.argv.includes("--dev");
const appPort = arg("--port", 4000);
const ehrPort = arg("--ehr-port", 4010);
const cdsPort = arg("--cds-port", 4020);
const latencyMs = arg("--latency", 0);
const host = "127.0.0.1";

const ehrBase = `http://${host}:${ehrPort}`;
const exchangeDemo = dev ? undefined : await serverExchangeDemo(ehrBase, `http://${host}:${appPort}`);
let tempRoot: string | undefined;

/** dist/ copied, with smart-config.json listing the server-exchange bases first and the rest of the demo EHR after. */
async function demoRoot(): Promise<string> {
  const dist = resolve(import.meta.dirname, "../dist");
  tempRoot = await mkdtemp(join(tmpdir(), "nlc-demo-"));
  await cp(dist, tempRoot, { recursive: true });
  const file = join(tempRoot, "smart-config.json");
  const config = JSON.parse(await readFile(file, "utf8")) as { servers?: unknown[] };
  config.servers = [...(exchangeDemo?.servers ?? []), ...(config.servers ?? []), { name: "Demo EHR", issPrefix: `${ehrBase}/` }];
  await writeFile(file, JSON.stringify(config, null, 2));
  return tempRoot;
}

async function startApp(): Promise<{ url: string; close(): Promise<void> }> {
  // The demo EHR is on another loopback port: the loopback CSP relaxations are switched on explicitly.
  if (!dev) {
    return startStaticServer({
      root: await demoRoot(),
      port: appPort,
      host,
      loopbackCsp: true,
      ...(exchangeDemo ? { exchange: { clientKey: exchangeDemo.clientKey, secrets: exchangeDemo.secrets } } : {}),
    });
  }
  const { createServer } = await import("vite");
  const server = await createServer({ server: { port: appPort, host, strictPort: true } });
  await server.listen();
  return { url: `http://${host}:${appPort}`, close: () => server.close() };
}

const app = await startApp();
const { ehr, cds } = await startEhrWithCds(
  {
    port: ehrPort,
    host,
    appLaunchUrl: `${app.url}/launch.html`,
    latencyMs,
    ...(exchangeDemo ? { confidentialClients: exchangeDemo.confidentialClients, serverExchangeLaunches: exchangeDemo.launches } : {}),
  },
  cdsPort,
);

console.log("");
console.log(`  Demo EHR with sample patients:  ${ehr.baseUrl}/`);
console.log(`  CDS Hooks service:              ${cds.discoveryUrl} (a patient's chart in the demo EHR shows its card)`);
console.log("");
console.log(`  (app ${app.url}${dev ? " [vite dev]" : ""}, FHIR base ${ehr.fhirBaseUrl}; Ctrl+C to stop)`);

const stop = async () => {
  await Promise.allSettled([ehr.close(), app.close(), cds.close()]);
  if (tempRoot) await rm(tempRoot, { recursive: true, force: true });
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
