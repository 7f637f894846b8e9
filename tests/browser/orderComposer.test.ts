/**
 * The ordering hooks in Chromium: on the demo EHR's chart, choosing a medicine in the order composer sends
 * order-select and shows its card; "Sign" sends order-sign. Writes the composer's screenshot with its card to
 * docs/screenshots/cds-order.png.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolve } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser } from "playwright-core";
import type { EhrHttpServer } from "../../mocks/httpServer";
import { startEhrWithCds } from "../../mocks/cdsDemo";
import type { CdsService } from "../../cds/server";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./stack";

const NOW = new Date("2026-11-26T12:00:00Z");
const SCREENSHOT = resolve(import.meta.dirname, "../../docs/screenshots/cds-order.png");
const APP = "http://127.0.0.1:4000/launch.html";

let ehr: EhrHttpServer;
let cds: CdsService;
let browser: Browser;

beforeAll(async () => {
  ({ ehr, cds } = await startEhrWithCds({ port: 0, appLaunchUrl: APP, now: () => NOW }));
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
});
afterAll(async () => {
  await browser?.close();
  await cds?.close();
  await ehr?.close();
});

describe("the demo EHR's order composer (Chromium)", () => {
  it("choosing furosemide for a patient with leg cramps shows the order-select card; signing shows the order-sign card", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${ehr.baseUrl}/chart/cramps-known-cause`);
    expect(await page.locator("[data-order-card]").count()).toBe(0);

    await page.getByRole("button", { name: "Furosemide 40 mg tablet" }).click();
    const card = page.locator("[data-order-card]");
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getAttribute("data-indicator")).toBe("info");
    expect(await card.locator(".card-summary").innerText()).toBe(
      "Furosemide 40 MG Oral Tablet is a diuretic: possibly linked to night leg cramps (documented for this patient)",
    );
    expect(await card.locator(".card-detail").innerText()).toContain("Leg cramps documented: Nocturnal leg cramps (active, since");
    expect(await page.getByRole("button", { name: "Furosemide 40 mg tablet" }).getAttribute("aria-pressed")).toBe("true");
    expect(await page.locator("[data-cds-card]").count()).toBe(1); // the chart's own patient-view card stays
    const composer = page.locator("[data-order-composer]");
    await composer.screenshot({ path: SCREENSHOT, animations: "disabled", caret: "hide" });
    const axe = await new AxeBuilder({ page }).include("[data-order-composer]").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(axe.passes.length).toBeGreaterThan(0);
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    await page.getByRole("button", { name: "Sign" }).click();
    await expect.poll(() => page.locator('[data-order-state="signed"]').count()).toBe(1);
    expect(await page.locator("[data-order-card] .card-summary").innerText()).toMatch(/^Furosemide 40 MG Oral Tablet is a diuretic/);
    await context.close();
  });

  it("a medicine not linked to leg cramps, or a patient without them: no card", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${ehr.baseUrl}/chart/cramps-known-cause`);
    await page.getByRole("button", { name: "Metformin ER 500 mg tablet" }).click();
    await expect.poll(() => page.locator("[data-order-cds-state]").getAttribute("data-order-cds-state")).toBe("no-cards");
    await page.goto(`${ehr.baseUrl}/chart/f46d1649-8a02-4de8-8cff-f76fae267d3a`);
    await page.getByRole("button", { name: "Furosemide 40 mg tablet" }).click();
    await expect.poll(() => page.locator("[data-order-cds-state]").getAttribute("data-order-cds-state")).toBe("no-cards");
    expect(await page.locator("[data-order-card]").count()).toBe(0);
    await context.close();
  });
});
