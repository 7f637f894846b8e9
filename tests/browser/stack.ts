/**
 * The browser-test stack: the production build (dist/) served by server/serve.ts, the demo EHR served
 * over HTTP from the same MSW handlers the unit tests use, and Debian's Chromium driven by playwright-core.
 */
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startStaticServer, type ExchangeOptions } from "../../server/serve";
import { startEhrHttpServer, type EhrHttpServerOptions } from "../../mocks/httpServer";
import { encodeLaunch, type DemoLaunch } from "../../mocks/launchContext";

export { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../scripts/chromium";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../scripts/chromium";

export interface NewPageOptions {
  width?: number;
  height?: number;
  now?: Date;
  /** Ignore the page's Content-Security-Policy (axe-core injects its script, which the CSP would block). */
  bypassCSP?: boolean;
}

export interface StackOptions {
  latencyMs?: number;
  now?: () => Date;
  /** Directory to serve instead of dist/ (e.g. a temp copy of dist/ with a modified smart-config.json). */
  root?: string;
  /** The app server's token exchange (its client key, secrets, store). */
  exchange?: ExchangeOptions;
  /** More options for the demo EHR, given the app's URL (e.g. confidential clients whose JWKS URL is on the app). */
  ehr?: (appUrl: string) => Partial<EhrHttpServerOptions>;
}

export interface Stack {
  appUrl: string;
  fhirBaseUrl: string;
  ehrUrl: string;
  browser: Browser;
  launchUrl(launch: DemoLaunch | undefined, iss?: string): string;
  newPage(options?: NewPageOptions): Promise<{ page: Page; context: BrowserContext; consoleLines: string[]; cspViolations: string[] }>;
  close(): Promise<void>;
}

export const DIST_DIR = resolve(import.meta.dirname, "../../dist");

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const root = options.root ?? DIST_DIR;
  if (!existsSync(resolve(root, "index.html"))) throw new Error("dist/ is missing: run `npm run build` first");
  // The demo EHR runs on another loopback port: the loopback CSP relaxations, switched on as the demo does.
  const app = await startStaticServer({ root, port: 0, host: "127.0.0.1", loopbackCsp: true, ...(options.exchange ? { exchange: options.exchange } : {}) });
  const ehr = await startEhrHttpServer({
    port: 0,
    host: "127.0.0.1",
    appLaunchUrl: `${app.url}/launch.html`,
    latencyMs: options.latencyMs,
    now: options.now,
    ...options.ehr?.(app.url),
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  return {
    appUrl: app.url,
    fhirBaseUrl: ehr.fhirBaseUrl,
    ehrUrl: ehr.baseUrl,
    browser,
    launchUrl(launch, iss = ehr.fhirBaseUrl) {
      const q = new URLSearchParams({ iss });
      if (launch) q.set("launch", encodeLaunch(launch));
      return `${app.url}/launch.html?${q.toString()}`;
    },
    async newPage({ width = 1280, height = 900, now, bypassCSP } = {}) {
      const context = await browser.newContext({ viewport: { width, height }, ...(bypassCSP ? { bypassCSP: true } : {}) });
      const page = await context.newPage();
      if (now) await page.clock.setFixedTime(now);
      const consoleLines: string[] = [];
      const cspViolations: string[] = [];
      page.on("console", (m) => {
        consoleLines.push(m.text());
        if (/Content[- ]Security[- ]Policy/i.test(m.text())) cspViolations.push(m.text());
      });
      return { page, context, consoleLines, cspViolations };
    },
    async close() {
      await browser.close();
      await ehr.close();
      await app.close();
    },
  };
}

/** Waits until the panel leaves "loading" and returns its status. */
export async function panelStatus(page: Page, timeout = 20000): Promise<string> {
  const el = page.locator("[data-panel-status]");
  try {
    await page.waitForFunction(
      () => {
        const s = document.querySelector("[data-panel-status]")?.getAttribute("data-panel-status");
        return s !== undefined && s !== null && s !== "loading";
      },
      undefined,
      { timeout },
    );
  } catch (error) {
    // Say where it was stuck: the page (path only) and what it showed.
    const url = new URL(page.url());
    const shown = await page.evaluate(() => document.body?.innerText.slice(0, 300) ?? "").catch(() => "?");
    throw new Error(`panel still loading after ${timeout} ms at ${url.pathname}: ${JSON.stringify(shown)}`, { cause: error });
  }
  return (await el.getAttribute("data-panel-status")) ?? "";
}

/** The findings as the contract exposes them: cause id → current flag and evidence refs. */
export async function readFindings(page: Page): Promise<Record<string, { current: string; evidence: string[] }>> {
  return page.$$eval("[data-cause]", (els) =>
    Object.fromEntries(
      els.map((el) => [
        el.getAttribute("data-cause") ?? "",
        {
          current: el.getAttribute("data-current") ?? "",
          evidence: [...el.querySelectorAll("[data-evidence]")].map((e) => e.getAttribute("data-evidence") ?? ""),
        },
      ]),
    ),
  );
}

export async function readSources(page: Page): Promise<Record<string, string>> {
  return page.$$eval("[data-source]", (els) =>
    Object.fromEntries(els.map((el) => [el.getAttribute("data-source") ?? "", el.getAttribute("data-source-status") ?? ""])),
  );
}

/**
 * A temporary copy of dist/ whose smart-config.json is changed by `patch` (dist/ itself is never touched).
 * Returns the directory and a function removing it.
 */
export async function distWithConfig(
  patch: (config: Record<string, unknown>) => Record<string, unknown>,
): Promise<{ root: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "nlc-dist-"));
  await cp(DIST_DIR, dir, { recursive: true });
  const file = join(dir, "smart-config.json");
  const config = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
  await writeFile(file, JSON.stringify(patch(config), null, 2));
  return { root: dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Clicks every collapsed disclosure button matched by `selector` (default: the findings') until none is left. */
export async function expandAll(page: Page, selector = "[data-cause] button[aria-expanded='false']"): Promise<number> {
  let clicked = 0;
  for (;;) {
    const collapsed = page.locator(selector);
    if ((await collapsed.count()) === 0) return clicked;
    if (clicked > 500) throw new Error("expandAll: the disclosures do not stay open");
    await collapsed.first().click();
    clicked++;
  }
}
