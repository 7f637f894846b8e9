/**
 * Lab results in Chromium, with the hand-made lab patients of the demo EHR (mocks/data/patients/labResults.ts)
 * at a fixed clock: the findings and their attributes, the lab-only marking, the chart per test and its
 * table of values from the keyboard, "what was checked", lab results that fail to load, print, and axe.
 *
 * These need the data layer's Observation section (lab results read in the same wave as the other
 * searches): without it the panel reads no lab results and these tests fail by design.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LAB_PATIENTS, labsAnemiaBoundary, labsCodedJoined, labsKidneyFailure } from "../../mocks/data/patients/labResults";
import { labsLocalCodes, labsNewerUnread } from "../../mocks/data/patients/realLabs";
import { expandAll, panelStatus, readFindings, readSources, startStack, type Stack } from "./stack";
import { axeViolations } from "./axe";

const NOW = new Date("2026-11-26T12:00:00Z");

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ now: () => NOW });
});
afterAll(async () => {
  await stack?.close();
});

async function open(patient: string, options: { width?: number; bypassCSP?: boolean; faults?: Record<string, { status: number }> } = {}) {
  const { page, context } = await stack.newPage({ now: NOW, width: options.width ?? 1280, bypassCSP: options.bypassCSP });
  await page.goto(stack.launchUrl({ patient, ...(options.faults ? { faults: options.faults } : {}) }));
  const status = await panelStatus(page);
  return { page, context, status };
}

/** Every finding as the contract exposes it: cause → [data-current, data-strength, data-basis]. */
async function attributes(page: Page): Promise<Record<string, [boolean, string, string]>> {
  return page.$$eval("[data-cause]", (els) =>
    Object.fromEntries(
      els.map((el) => [el.getAttribute("data-cause") ?? "", [el.getAttribute("data-current") === "true", el.getAttribute("data-strength") ?? "", el.getAttribute("data-basis") ?? ""]]),
    ),
  );
}

describe("lab demo patients (Chromium)", () => {
  for (const p of LAB_PATIENTS) {
    // Alma Localcode's results carry local codes only: none can be interpreted, so her panel is partial.
    const unreadable = p.id === labsLocalCodes.id;
    it(`${p.label}: lab results read; the expected findings with data-current, data-strength and data-basis`, async () => {
      const { page, context, status } = await open(p.id);
      expect(status).toBe(unreadable ? "partial" : "ready");
      expect((await readSources(page)).Observation).toBe(unreadable ? "failed" : "read");
      expect(await attributes(page)).toEqual(p.expected);
      await context.close();
    });
  }
});

describe("a finding suggested by lab results alone (Karl Kidney, kidney failure by eGFR)", () => {
  it("is marked, in the known-cause group, with its results as evidence", async () => {
    const { page, context } = await open(labsKidneyFailure.id, { width: 400 });
    const ckd = page.locator('[data-cause="chronic-kidney-disease"]');
    expect(await ckd.getAttribute("data-basis")).toBe("lab");
    expect(await ckd.getAttribute("data-strength")).toBe("known-cause");
    expect(await ckd.locator(".nlc-lab-basis").innerText()).toBe("Suggested by lab results — not recorded as a diagnosis.");
    expect(await ckd.locator(".nlc-lab-basis").isVisible()).toBe(true);
    expect(await ckd.locator(".nlc-badge-lab").isVisible()).toBe(true);
    expect(await ckd.locator("xpath=ancestor::*[contains(@class,'nlc-group')][1]//h3").innerText()).toMatch(/known cause/i);
    const evidence = (await readFindings(page))["chronic-kidney-disease"]!.evidence;
    expect(evidence).toEqual(expect.arrayContaining(["Observation/kk-egfr-25", "Observation/kk-egfr-130"]));
    expect(evidence).not.toContain("Observation/kk-egfr-prelim");
    expect(evidence).not.toContain("Observation/kk-egfr-cancelled");
    await context.close();
  });

  it("its eGFR chart: the cut-offs drawn dashed, one mark per result, readable in a side panel, the values from the keyboard", async () => {
    const { page, context } = await open(labsKidneyFailure.id, { width: 400 });
    const ckd = page.locator('[data-cause="chronic-kidney-disease"]');
    await ckd.locator("button.nlc-disclosure").first().click();
    const figure = ckd.locator("figure.nlc-chart");
    // Charts load after the first screen.
    await figure.first().waitFor({ state: "attached" });
    expect(await figure.count()).toBe(1);
    expect(await figure.locator("[data-cause], [data-evidence]").count()).toBe(0);
    const svg = figure.locator("svg");
    const box = (await svg.boundingBox())!;
    expect(box.width).toBeGreaterThan(280);
    const cutoffs = figure.locator(".nlc-chart-cutoff path");
    expect(await cutoffs.count()).toBe(2);
    expect(await cutoffs.first().evaluate((el) => getComputedStyle(el).strokeDasharray)).not.toBe("none");
    expect(await figure.locator(".nlc-chart-meets, .nlc-chart-other").count()).toBe(5);
    const tick = (await figure.locator(".nlc-chart-tick").first().boundingBox())!;
    expect(tick.height).toBeGreaterThanOrEqual(9);

    // The table is read by screen readers even when not shown; the button shows it, from the keyboard.
    const table = figure.locator("table");
    const values = figure.locator(".nlc-chart-values");
    expect((await values.boundingBox())!.width).toBeLessThanOrEqual(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const button = figure.getByRole("button", { name: "Show the values" });
    await button.focus();
    await page.keyboard.press("Enter");
    expect(await figure.getByRole("button", { name: "Hide the values" }).getAttribute("aria-expanded")).toBe("true");
    expect((await values.boundingBox())!.width).toBeGreaterThan(100);
    expect(await table.isVisible()).toBe(true);
    expect(await table.locator("tbody tr td:nth-child(3)").allInnerTexts()).toEqual([">90", "44", "24", "13", "11"]);
    await context.close();
  });

  it("prints with its marking, its records and the chart, without the buttons", async () => {
    const { page, context } = await open(labsKidneyFailure.id);
    await page.emulateMedia({ media: "print" });
    const ckd = page.locator('[data-cause="chronic-kidney-disease"]');
    // The chart loads after the first screen; Print waits for it.
    await ckd.locator("figure svg").waitFor({ state: "attached" });
    expect(await ckd.locator(".nlc-lab-basis").isVisible()).toBe(true);
    expect(await ckd.locator('[data-evidence="Observation/kk-egfr-25"]').isVisible()).toBe(true);
    expect(await ckd.locator("figure svg").isVisible()).toBe(true);
    expect(await ckd.locator(".nlc-chart-toggle").isVisible()).toBe(false);
    await context.close();
  });
});

describe("coded findings joined by results (Dora Joined)", () => {
  it("one finding per cause, record-based, with its results and chart", async () => {
    const { page, context } = await open(labsCodedJoined.id);
    const findings = await readFindings(page);
    expect(findings["chronic-kidney-disease"]!.evidence).toEqual(expect.arrayContaining(["Condition/dj-cond-ckd3", "Observation/dj-egfr-12"]));
    expect(findings["type-2-diabetes"]!.evidence).toEqual(expect.arrayContaining(["Condition/dj-cond-t2dm", "Observation/dj-hba1c-35", "Observation/dj-hba1c-210"]));
    expect(await page.locator(".nlc-lab-basis").count()).toBe(0);
    await expandAll(page);
    expect(await page.locator('[data-cause="chronic-kidney-disease"] figcaption strong').allInnerTexts()).toEqual(["eGFR results over time (mL/min/1.73 m²)"]);
    expect(await page.locator('[data-cause="type-2-diabetes"] figcaption strong').allInnerTexts()).toEqual(["HbA1c results over time (%)"]);
    await context.close();
  });
});

describe("what was checked", () => {
  it("lists lab results, how many were counted, and the result in an unknown unit, never interpreted (Anna Boundary)", async () => {
    const { page, context } = await open(labsAnemiaBoundary.id);
    const row = page.locator('[data-source="Observation"]');
    expect(await row.getAttribute("data-source-status")).toBe("read");
    expect(await row.locator(".nlc-lab-counts").innerText()).toBe("The EHR returned 5 lab results: 4 interpreted; not interpreted: 1 unit not recognised.");
    expect(await row.locator('[data-not-interpreted="unit-not-recognised"]').innerText()).toContain("mg/mmol");
    expect(await page.locator('[data-evidence="Observation/ab-hb-unknown-unit"]').count()).toBe(0);
    await context.close();
  });

  it("lab results that fail to load: partial, said at the top, and no lab-based claim (Karl Kidney)", async () => {
    const { page, context, status } = await open(labsKidneyFailure.id, { faults: { Observation: { status: 500 } } });
    expect(status).toBe("partial");
    expect((await readSources(page)).Observation).toBe("failed");
    expect(await page.locator(".nlc-gaps").innerText()).toContain("Lab results");
    expect(await page.locator('[data-cause="chronic-kidney-disease"]').count()).toBe(0);
    expect(await page.locator('[data-source="Observation"] .nlc-lab-counts').count()).toBe(0);
    await context.close();
  });
});

describe("what real laboratories send", () => {
  it("local codes labelled as LOINC (Alma Localcode): partial, with how many results and why, and the search that found them", async () => {
    const { page, context, status } = await open(labsLocalCodes.id, { width: 400 });
    expect(status).toBe("partial");
    const row = page.locator('[data-source="Observation"]');
    expect(await row.getAttribute("data-source-status")).toBe("failed");
    expect(await row.locator(".nlc-lab-counts").innerText()).toBe(
      "The EHR returned 3 lab results: 0 interpreted; not interpreted: 3 not a LOINC code (the app cannot tell which test they are).",
    );
    expect(await row.locator(".nlc-lab-survey").innerText()).toContain("cannot see: 3.");
    expect(await page.locator(".nlc-gaps").innerText()).toContain("Lab results");
    expect(await page.locator("body").innerText()).not.toMatch(/No documented causes found/i);
    await context.close();
  });

  it("a newer eGFR in an unknown unit and an HbA1c of 3.03 % are said next to their findings, never charted (Ned Newerunread)", async () => {
    const { page, context, status } = await open(labsNewerUnread.id, { width: 400 });
    expect(status).toBe("ready");
    await expandAll(page);
    const ckd = page.locator('[data-cause="chronic-kidney-disease"] [data-lab-unread]');
    expect(await ckd.innerText()).toBe("Newer eGFR result of 21 Nov 2026 could not be read: unit not recognised: mL/s/{1.73_m2}.");
    expect(await ckd.isVisible()).toBe(true);
    const diabetes = page.locator('[data-cause="type-2-diabetes"] [data-lab-unread="implausible"]');
    expect(await diabetes.innerText()).toBe("HbA1c result of 27 Sep 2026 not interpreted: 3.03 % is not a value this test can take (a recording or unit error).");
    expect(await page.locator('[data-evidence="Observation/nn-hba1c-60"], [data-evidence="Observation/nn-egfr-5"]').count()).toBe(0);
    await context.close();
  });
});

describe("axe-core: no WCAG 2.1 A/AA violation with lab results (Chromium)", () => {
  it("a lab-only finding and its chart, collapsed, open, and with the values shown", async () => {
    const { page, context } = await open(labsKidneyFailure.id, { bypassCSP: true });
    expect(await axeViolations(page, "labs collapsed")).toEqual([]);
    await expandAll(page);
    expect(await axeViolations(page, "labs open")).toEqual([]);
    await expandAll(page, "button[aria-expanded='false']");
    expect(await page.locator("figure table").first().isVisible()).toBe(true);
    expect(await axeViolations(page, "labs, values shown")).toEqual([]);
    await context.close();
  });

  it("results not interpreted, a past lab finding, joined findings, results said next to their findings, and unreadable results", async () => {
    for (const p of [labsAnemiaBoundary, labsCodedJoined, labsNewerUnread, labsLocalCodes]) {
      const { page, context } = await open(p.id, { bypassCSP: true });
      await expandAll(page, "button[aria-expanded='false']");
      expect(await axeViolations(page, p.label)).toEqual([]);
      await context.close();
    }
  });

  it("lab results failed to load", async () => {
    const { page, context, status } = await open(labsKidneyFailure.id, { bypassCSP: true, faults: { Observation: { status: 500 } } });
    expect(status).toBe("partial");
    expect(await axeViolations(page, "labs failed")).toEqual([]);
    await context.close();
  });
});
