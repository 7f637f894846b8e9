/**
 * Accessibility of every panel state in Chromium: axe-core (WCAG 2.0/2.1 A and AA) finds no violation,
 * and the findings work from the keyboard with a visible focus. Pages open with bypassCSP because axe
 * injects its own script, which the production CSP (rightly) blocks.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expandAll, panelStatus, readFindings, startStack, type Stack } from "./stack";
import { axeViolations } from "./axe";

const TREY = "f46d1649-8a02-4de8-8cff-f76fae267d3a";
const NEVA = "132f48ba-1d72-4e0c-a220-91786d7501aa";
/** States the layout treats differently: past findings folded, EHR warnings, deceased, RLS and dialysis, no conditions, hostile text. */
const MORE_STATES: [string, string][] = [
  ["past findings folded (Neva Hyatt)", NEVA],
  ["the EHR's warnings at the top (Paula Partial)", "partial-dates"],
  ["deceased (Desmond Departed)", "deceased-ckd"],
  ["pregnancy, dialysis and restless legs (Priya Pregnant)", "pregnancy-rls"],
  ["no conditions at all (Stella Statement)", "statements-only"],
  ["markup in every field (Hostile Data)", "hostile-data"],
];
const NOW = new Date("2026-11-26T12:00:00Z");

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ now: () => NOW });
});
afterAll(async () => {
  await stack?.close();
});

async function openPage(url: string) {
  const { page, context } = await stack.newPage({ now: NOW, bypassCSP: true });
  await page.goto(url);
  return { page, context };
}

describe("axe-core: no WCAG 2.1 A/AA violation in any state (Chromium)", () => {
  it("loading", async () => {
    const { page, context } = await openPage(stack.launchUrl({ patient: TREY, latencyMs: 3000 }));
    await page.waitForURL(/\/index\.html/);
    await page.waitForSelector("[data-panel-status='loading']");
    expect(await page.locator("[data-panel-status]").getAttribute("aria-busy")).toBe("true");
    expect(await axeViolations(page, "loading")).toEqual([]);
    // Still loading when analysed: the state under test is really "loading".
    expect(await page.locator("[data-panel-status]").getAttribute("data-panel-status")).toBe("loading");
    await context.close();
  });

  it("ready, with every disclosure open", async () => {
    const { page, context } = await openPage(stack.launchUrl({ patient: TREY }));
    expect(await panelStatus(page)).toBe("ready");
    expect(await expandAll(page, "button[aria-expanded='false']")).toBeGreaterThan(5);
    expect(await page.locator("[data-evidence]").first().isVisible()).toBe(true);
    expect(await axeViolations(page, "ready")).toEqual([]);
    await context.close();
  });

  for (const [label, patient] of MORE_STATES) {
    it(`${label}, collapsed and with every disclosure open`, async () => {
      const { page, context } = await openPage(stack.launchUrl({ patient }));
      expect(["ready", "partial"]).toContain(await panelStatus(page));
      expect(await axeViolations(page, `${label} collapsed`)).toEqual([]);
      await expandAll(page, "button[aria-expanded='false']");
      expect(await axeViolations(page, `${label} open`)).toEqual([]);
      await context.close();
    });
  }

  it("partial (medication orders fail)", async () => {
    const { page, context } = await openPage(stack.launchUrl({ patient: TREY, faults: { MedicationRequest: { status: 500 } } }));
    expect(await panelStatus(page)).toBe("partial");
    await expandAll(page, "button[aria-expanded='false']");
    expect(await axeViolations(page, "partial")).toEqual([]);
    await context.close();
  });

  it("error (index.html opened directly)", async () => {
    const { page, context } = await openPage(`${stack.appUrl}/index.html`);
    expect(await panelStatus(page)).toBe("error");
    expect(await axeViolations(page, "error")).toEqual([]);
    await context.close();
  });

  it("launch page error (no iss)", async () => {
    const { page, context } = await openPage(`${stack.appUrl}/launch.html`);
    expect(await panelStatus(page)).toBe("error");
    expect(await axeViolations(page, "launch error")).toEqual([]);
    await context.close();
  });
});

interface FocusInfo {
  cause: string | null;
  isDisclosure: boolean;
  focusVisible: boolean;
  outline: string;
  boxShadow: string;
}

async function focused(page: Page): Promise<FocusInfo | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
      cause: el.closest("[data-cause]")?.getAttribute("data-cause") ?? null,
      isDisclosure: el.tagName === "BUTTON" && el.hasAttribute("aria-expanded"),
      focusVisible: el.matches(":focus-visible"),
      outline: style.outlineStyle === "none" || parseFloat(style.outlineWidth) === 0 ? "none" : `${style.outlineStyle} ${style.outlineWidth}`,
      boxShadow: style.boxShadow,
    };
  });
}

function visibleFocus(f: FocusInfo): boolean {
  return f.focusVisible && (f.outline !== "none" || (f.boxShadow !== "none" && f.boxShadow !== ""));
}

describe("keyboard (Chromium)", () => {
  it("Tab reaches every finding's disclosure (past ones once their section is open), Enter and Space toggle it, and focus is visible", async () => {
    const { page, context } = await openPage(stack.launchUrl({ patient: NEVA }));
    expect(await panelStatus(page)).toBe("ready");
    const past = page.getByRole("button", { name: /^Past \/ not current \(\d+\)$/ });
    expect(await past.getAttribute("aria-expanded")).toBe("false");
    await past.focus();
    await page.keyboard.press("Enter");
    expect(await past.getAttribute("aria-expanded")).toBe("true");
    // Start tabbing from the top of the page again.
    await page.evaluate(() => {
      const h1 = document.querySelector("h1") as HTMLElement;
      h1.tabIndex = -1;
      h1.focus();
      h1.removeAttribute("tabindex");
    });
    const causes = Object.keys(await readFindings(page));
    expect(causes.length).toBeGreaterThan(4);

    const reached = new Set<string>();
    const invisible: string[] = [];
    let stops = 0;
    for (let i = 0; i < 200 && reached.size < causes.length; i++) {
      await page.keyboard.press("Tab");
      const f = await focused(page);
      if (!f) continue;
      stops++;
      if (!visibleFocus(f)) invisible.push(JSON.stringify(f));
      if (f.cause && f.isDisclosure) reached.add(f.cause);
    }
    expect([...reached].sort()).toEqual([...causes].sort());
    expect(stops).toBeGreaterThan(causes.length);
    expect(invisible, "every focus stop shows a focus indicator").toEqual([]);

    // Focus is on the last finding's disclosure now: Enter opens it, Space closes it.
    const button = page.locator(":focus");
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    const regionId = await button.getAttribute("aria-controls");
    expect(regionId).toBeTruthy();
    const region = page.locator(`[id="${regionId}"]`);
    expect(await region.isVisible()).toBe(false);
    await page.keyboard.press("Enter");
    expect(await button.getAttribute("aria-expanded")).toBe("true");
    expect(await region.isVisible()).toBe(true);
    expect(await region.locator("[data-evidence]").count()).toBeGreaterThan(0);
    await page.keyboard.press("Space");
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    expect(await region.isVisible()).toBe(false);
    await page.keyboard.press(" ");
    expect(await button.getAttribute("aria-expanded")).toBe("true");
    await context.close();
  });
});
