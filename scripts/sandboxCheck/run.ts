/**
 * Drives real EHR launches of the built app (dist/) in headless Chromium, through a SMART launcher (the
 * public sandbox by default) or through the built-in demo EHR, and reads each panel through the
 * panel-contract attributes. Used by `npm run sandbox:check` (scripts/sandbox-check.ts) and its tests.
 */
import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { startEhrHttpServer, type EhrHttpServer } from "../../mocks/httpServer";
import { encodeLaunch } from "../../mocks/launchContext";
import { startStaticServer, type StaticServer } from "../../server/serve";
import { isLoopbackHost } from "../../src/fhir/config";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../chromium";
import { encodeLauncherLaunch, launcherFhirBase } from "./launcherLaunch";
import { readPanel, type PanelReading } from "./readPanel";

export const PUBLIC_LAUNCHER = "https://launch.smarthealthit.org";
export const DIST_DIR = resolve(import.meta.dirname, "../../dist");

export interface CheckOptions {
  /** "launcher": a SMART launcher at `launcherUrl`; "demo": the built-in demo EHR (offline). */
  mode: "launcher" | "demo";
  launcherUrl?: string;
  patients: string[];
  /** Practitioner id for the launcher (default: the first one its FHIR server lists). */
  provider?: string;
  /** Per patient, from opening launch.html to a panel that is no longer loading. Default 30 s. */
  timeoutMs?: number;
  distDir?: string;
  /** Seconds to wait for the launcher to answer its discovery document. Default 10. */
  probeTimeoutSeconds?: number;
  /** A fixed clock for the browser and the demo EHR (tests); default: the real time. */
  now?: Date;
}

export interface PatientCheck extends Partial<PanelReading> {
  patient: string;
  /** Set when the launch did not reach a panel (with where it stopped, path only). */
  error?: string;
}

export interface CheckReport {
  target: string;
  checks: PatientCheck[];
}

/** A failure of the check itself (no network, no build, no browser): its message says what to do. */
export class CheckError extends Error {}

async function probeLauncher(fhirBase: string, seconds: number): Promise<void> {
  const url = `${fhirBase}/.well-known/smart-configuration`;
  let status: number;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(seconds * 1000), headers: { accept: "application/json" } });
    status = res.status;
    if (res.ok) {
      await res.json();
      return;
    }
  } catch (error) {
    const why = error instanceof Error && error.name === "TimeoutError" ? `no answer within ${seconds} s` : "network error";
    throw new CheckError(
      `Cannot reach the SMART launcher at ${new URL(fhirBase).origin} (${why}). This check needs network access to it: ` +
        "run it where that launcher can be reached, pass --launcher <url> for one you can reach, or use --demo for the built-in demo EHR.",
      { cause: error },
    );
  }
  throw new CheckError(`The SMART launcher at ${new URL(fhirBase).origin} answered HTTP ${status} for its SMART configuration: is this a SMART launcher?`);
}

/** The first Practitioner the launcher's FHIR server lists, or undefined when it cannot say. */
async function firstPractitioner(fhirBase: string): Promise<string | undefined> {
  try {
    const res = await fetch(`${fhirBase}/Practitioner?_count=1&_elements=id`, { signal: AbortSignal.timeout(10_000), headers: { accept: "application/fhir+json" } });
    if (!res.ok) return undefined;
    const bundle = (await res.json()) as { entry?: { resource?: { id?: unknown } }[] };
    const id = bundle.entry?.[0]?.resource?.id;
    return typeof id === "string" ? id : undefined;
  } catch {
    return undefined;
  }
}

/** A copy of the build whose smart-config.json also allows the launcher (a loopback page already allows a loopback launcher). */
async function distAllowing(distDir: string, launcherOrigin: string): Promise<{ root: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "nlc-sandbox-check-"));
  await cp(distDir, dir, { recursive: true });
  const file = join(dir, "smart-config.json");
  const config = JSON.parse(await readFile(file, "utf8")) as { servers?: unknown[] };
  config.servers = [...(config.servers ?? []), { name: "SMART launcher (sandbox check)", issPrefix: `${launcherOrigin}/v/`, allowHttp: launcherOrigin.startsWith("http:") }];
  await writeFile(file, JSON.stringify(config, null, 2));
  return { root: dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export async function runCheck(options: CheckOptions): Promise<CheckReport> {
  const distDir = options.distDir ?? DIST_DIR;
  if (!existsSync(resolve(distDir, "index.html"))) throw new CheckError("dist/ is missing: run `npm run build` first.");
  if (!existsSync(CHROMIUM_PATH)) throw new CheckError(`No browser at ${CHROMIUM_PATH}: install Debian's chromium (apt-get install -y chromium).`);
  if (options.patients.length === 0) throw new CheckError("No patient to check: pass --patient <id>.");
  const timeoutMs = options.timeoutMs ?? 30_000;
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    let launchUrlFor: (appUrl: string, patient: string) => string;
    let root = distDir;
    let target: string;
    let ehr: EhrHttpServer | undefined;
    if (options.mode === "demo") {
      const now = options.now;
      ehr = await startEhrHttpServer({ port: 0, host: "127.0.0.1", ...(now ? { now: () => now } : {}) });
      cleanups.push(() => ehr!.close());
      const fhirBase = ehr.fhirBaseUrl;
      target = `demo EHR ${ehr.baseUrl}`;
      launchUrlFor = (appUrl, patient) =>
        `${appUrl}/launch.html?iss=${encodeURIComponent(fhirBase)}&launch=${encodeURIComponent(encodeLaunch({ patient }))}`;
    } else {
      const launcher = new URL(options.launcherUrl ?? PUBLIC_LAUNCHER).origin;
      const fhirBase = launcherFhirBase(launcher);
      await probeLauncher(fhirBase, options.probeTimeoutSeconds ?? 10);
      const provider = options.provider ?? (await firstPractitioner(fhirBase));
      if (!isLoopbackHost(new URL(launcher).hostname)) {
        const copy = await distAllowing(distDir, launcher);
        cleanups.push(copy.remove);
        root = copy.root;
      }
      target = `SMART launcher ${launcher}`;
      launchUrlFor = (appUrl, patient) =>
        `${appUrl}/launch.html?iss=${encodeURIComponent(fhirBase)}&launch=${encodeURIComponent(encodeLauncherLaunch({ patient, provider }))}`;
    }
    const app: StaticServer = await startStaticServer({ root, port: 0, host: "127.0.0.1", loopbackCsp: true, logger: { info: () => undefined, warn: () => undefined } });
    cleanups.push(() => app.close());
    const browser: Browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
    cleanups.push(() => browser.close());
    const checks: PatientCheck[] = [];
    for (const patient of options.patients) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      if (options.now) await page.clock.setFixedTime(options.now);
      try {
        await page.goto(launchUrlFor(app.url, patient));
        checks.push({ patient, ...(await readPanel(page, timeoutMs)) });
      } catch (error) {
        const where = (() => {
          try {
            const u = new URL(page.url());
            return `${u.origin}${u.pathname}`;
          } catch {
            return "an unknown page";
          }
        })();
        const why = error instanceof Error && error.name === "TimeoutError" ? `no panel within ${timeoutMs} ms` : "the launch failed";
        checks.push({ patient, error: `${why}; stopped at ${where}` });
      } finally {
        await context.close();
      }
    }
    return { target, checks };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }
}

/** True when every launch reached a panel that is not an error. */
export function allReachedPanel(report: CheckReport): boolean {
  return report.checks.every((c) => !c.error && c.status !== "error");
}
