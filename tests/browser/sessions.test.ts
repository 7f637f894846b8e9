/**
 * Two app instances in one browser tab (two EHR panes, same app origin, one sessionStorage): each keeps
 * its own SMART session. Reloading the first pane after the second was launched shows the first patient.
 */
import type { Frame, Page } from "playwright-core";
import type { Patient } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findDemoPatient } from "../../mocks/patients";
import { startStack, type Stack } from "./stack";

const TREY = "f46d1649-8a02-4de8-8cff-f76fae267d3a";
const AMMIE = "aa0b29d0-6916-4fb7-85f0-6e42370dd5fa";
const NOW = new Date("2026-11-26T12:00:00Z");

function familyName(id: string): string {
  const p = findDemoPatient(id)?.resources(NOW).find((r): r is Patient => r.resourceType === "Patient");
  const family = p?.name?.[0]?.family;
  if (!family) throw new Error(`no family name for ${id}`);
  return family;
}

function ownRefs(id: string): Set<string> {
  return new Set((findDemoPatient(id)?.resources(NOW) ?? []).map((r) => `${r.resourceType}/${r.id ?? ""}`));
}

/** Waits until the pane's panel (a new document, not one marked by `reload`) has left "loading" on index.html. */
async function paneStatus(frame: Frame, timeout = 20000): Promise<string> {
  await frame.waitForFunction(
    () => {
      const s = document.querySelector("[data-panel-status]")?.getAttribute("data-panel-status");
      const old = (window as unknown as { __nlcOld?: boolean }).__nlcOld === true;
      return !old && location.pathname.endsWith("/index.html") && !!s && s !== "loading";
    },
    undefined,
    { timeout, polling: 100 },
  );
  return (await frame.locator("[data-panel-status]").getAttribute("data-panel-status")) ?? "";
}

/** Adds an iframe pane named `name` to the EHR page, opened at `src`, and returns its frame. */
async function addPane(page: Page, name: string, src: string): Promise<Frame> {
  await page.evaluate(
    ([n, s]) => {
      const f = document.createElement("iframe");
      f.name = n;
      f.src = s;
      f.style.width = "900px";
      f.style.height = "700px";
      document.body.append(f);
    },
    [name, src] as const,
  );
  let frame: Frame | null = null;
  for (let i = 0; i < 100 && !frame; i++) {
    frame = page.frame({ name });
    if (!frame) await page.waitForTimeout(50);
  }
  if (!frame) throw new Error(`pane ${name} did not appear`);
  return frame;
}

/** Reloads the pane's document and waits for the new one's panel. */
async function reload(frame: Frame): Promise<string> {
  await frame.evaluate(() => {
    (window as unknown as { __nlcOld?: boolean }).__nlcOld = true;
    location.reload();
  });
  return paneStatus(frame);
}

/** Who the pane shows: banner text and the evidence references of its findings. */
async function shown(frame: Frame): Promise<{ text: string; refs: string[] }> {
  const text = await frame.locator("body").innerText();
  const refs = await frame.$$eval("[data-cause] [data-evidence]", (els) => els.map((e) => e.getAttribute("data-evidence") ?? ""));
  return { text, refs };
}

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ now: () => NOW });
});
afterAll(async () => {
  await stack?.close();
});

describe("two launches in one tab (Chromium)", () => {
  it("each pane keeps its own patient, also after the first pane is reloaded", async () => {
    const { page, context } = await stack.newPage({ now: NOW, width: 1900 });
    // The EHR's page (loopback origin, allowed by the demo's frame-ancestors) hosts both panes.
    await page.goto(`${stack.ehrUrl}/`);
    const paneA = await addPane(page, "pane-a", stack.launchUrl({ patient: TREY }));
    expect(["ready", "partial"]).toContain(await paneStatus(paneA));
    const paneB = await addPane(page, "pane-b", stack.launchUrl({ patient: AMMIE }));
    expect(["ready", "partial"]).toContain(await paneStatus(paneB));

    const trey = familyName(TREY);
    const ammie = familyName(AMMIE);
    expect(trey).not.toBe(ammie);
    const before = await shown(paneA);
    expect(before.text).toContain(trey);
    expect((await shown(paneB)).text).toContain(ammie);

    // Reload the first pane: it must come back with its own patient, not the one launched last.
    expect(["ready", "partial"]).toContain(await reload(paneA));
    const after = await shown(paneA);
    expect(after.text).toContain(trey);
    expect(after.text).not.toContain(ammie);
    const treyRefs = ownRefs(TREY);
    expect(after.refs.length).toBeGreaterThan(0);
    for (const ref of after.refs) expect(treyRefs.has(ref), ref).toBe(true);

    // And the second pane, reloaded too, still shows its own.
    expect(["ready", "partial"]).toContain(await reload(paneB));
    expect((await shown(paneB)).text).toContain(ammie);
    expect((await shown(paneB)).text).not.toContain(trey);
    await context.close();
  });
});
