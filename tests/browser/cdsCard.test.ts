/**
 * The CDS Hooks demo in Chromium: the demo EHR's chart calls the service with a signed JWT, shows the card
 * beside the patient, and the card's SMART link launches the panel for that patient. Writes the card's
 * screenshot to docs/screenshots/cds-card.png.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolve } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { startStaticServer } from "../../server/serve";
import type { EhrHttpServer } from "../../mocks/httpServer";
import { startEhrWithCds } from "../../mocks/cdsDemo";
import type { CdsService } from "../../cds/server";
import { CHROMIUM_ARGS, CHROMIUM_PATH, DIST_DIR, panelStatus, readFindings } from "./stack";

const NOW = new Date("2026-11-26T12:00:00Z");
const SCREENSHOT = resolve(import.meta.dirname, "../../docs/screenshots/cds-card.png");

let app: { url: string; close(): Promise<void> };
let ehr: EhrHttpServer;
let cds: CdsService;
let browser: Browser;

beforeAll(async () => {
  app = await startStaticServer({ root: DIST_DIR, port: 0, host: "127.0.0.1", loopbackCsp: true });
  ({ ehr, cds } = await startEhrWithCds({ port: 0, appLaunchUrl: `${app.url}/launch.html`, now: () => NOW }));
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
});
afterAll(async () => {
  await browser?.close();
  await cds?.close();
  await ehr?.close();
  await app?.close();
});

describe("demo EHR as a CDS Hooks client (Chromium)", () => {
  it("the chart of a patient with leg cramps shows the card; its link opens the panel for that patient", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.clock.setFixedTime(NOW);
    await page.goto(`${ehr.baseUrl}/`);
    await page.click('a[data-chart-link][href="/chart/cramps-known-cause"]');
    const card = page.locator("[data-cds-card]");
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getAttribute("data-indicator")).toBe("warning");
    expect(await card.locator(".card-summary").innerText()).toMatch(/^Night leg cramps: peripheral artery disease .* are current$/);
    await card.screenshot({ path: SCREENSHOT, animations: "disabled", caret: "hide" });

    await card.locator('a[data-cds-link="smart"]').click();
    expect(await panelStatus(page)).toBe("ready");
    const findings = await readFindings(page);
    expect(findings["peripheral-artery-disease"]?.current).toBe("true");
    expect(findings["diuretics"]?.evidence).toContain("MedicationRequest/walter-furosemide");
    await context.close();
  });

  it("a chart without documented leg cramps shows no card", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${ehr.baseUrl}/chart/f46d1649-8a02-4de8-8cff-f76fae267d3a`);
    expect(await page.locator("[data-cds-state]").getAttribute("data-cds-state")).toBe("no-cards");
    expect(await page.locator("[data-cds-card]").count()).toBe(0);
    await context.close();
  });
});
