/**
 * The reading aids of docs/spec/panel-contract.md in real Chromium, in a side panel (400 × 800), through
 * the production build and a real EHR launch: the cramp anchor in the header, "Worth reviewing" first
 * among the findings, the open "status not recorded" group, "What was checked" closed on a clean read and
 * open otherwise, the note's text (data-note="summary") within its limits, print (every printed page names
 * the patient, no heading alone at the bottom of a page, no "… ago"), and axe clean in every state.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./axe";
import { pdfPageTexts } from "./pdfText";
import { expandAll, panelStatus, startStack, type Stack } from "./stack";

const NOW = new Date("2026-12-07T12:00:00Z");
const ROSA = "reading-aids";
const WALTER = "cramps-known-cause";
const KARL = "labs-kidney-failure";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ now: () => NOW });
});
afterAll(async () => {
  await stack?.close();
});

async function open(patient: string, options: { faults?: Record<string, { status: number }>; bypassCSP?: boolean; width?: number } = {}) {
  const { page, context } = await stack.newPage({ now: NOW, width: options.width ?? 400, height: 800, bypassCSP: options.bypassCSP });
  await page.goto(stack.launchUrl({ patient, ...(options.faults ? { faults: options.faults } : {}) }));
  const status = await panelStatus(page);
  return { page, context, status };
}

/** Document order of two elements: negative when `a` comes first. */
async function order(page: Page, a: string, b: string): Promise<number> {
  return page.evaluate(
    ([x, y]) => {
      const ea = document.querySelector(x!);
      const eb = document.querySelector(y!);
      if (!ea || !eb) return Number.NaN;
      return ea.compareDocumentPosition(eb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    },
    [a, b],
  );
}

describe("reading aids at 400 × 800 (Chromium)", () => {
  it("Rosa Reading: the anchor in the header, worth reviewing first, status not recorded open, checked closed", async () => {
    const { page, context, status } = await open(ROSA);
    expect(status).toBe("ready");
    const anchor = page.locator("[data-leg-cramps]");
    expect(await anchor.count()).toBe(1);
    expect(await anchor.getAttribute("data-leg-cramps")).toBe("Condition/rosa-cramps");
    expect(await page.locator("header [data-leg-cramps]").isVisible()).toBe(true);
    expect(await anchor.innerText()).toMatch(/^Leg cramps on the problem list since Oct 2026 — Nocturnal leg cramps$/);

    expect(await order(page, '[data-section="worth-reviewing"]', "[data-cause]")).toBe(-1);
    const review = await page.$$eval('[data-section="worth-reviewing"] [data-review]', (els) => els.map((e) => [e.getAttribute("data-review"), (e.textContent ?? "").trim()]));
    expect(review.map(([kind]) => kind)).toEqual(["medicine", "reconcile"]);
    expect(review[0]![1]).toBe(
      "Hydrochlorothiazide 25 mg every morning (diuretic: possible link; blood pressure medicine: sometimes linked), started Aug 2026, about 6 weeks before the cramps.",
    );
    expect(review[1]![1]).toContain("Simvastatin 20 mg at bedtime (last ordered 2016)");
    // On the first screen, as the first thing among the findings.
    const box = await page.locator('[data-section="worth-reviewing"]').boundingBox();
    expect(box!.y).toBeLessThan(800);

    const unrecorded = page.locator('[data-section="status-not-recorded"]');
    expect(await unrecorded.isVisible()).toBe(true);
    expect(await unrecorded.locator('[data-cause="peripheral-artery-disease"]').getAttribute("data-current")).toBe("false");
    expect(await unrecorded.locator('[data-cause="peripheral-artery-disease"]').isVisible()).toBe(true);
    expect(await page.locator('.nlc-past [data-cause="peripheral-artery-disease"]').count()).toBe(0);

    expect(await page.locator('[data-section="checked"] button[aria-expanded]').first().getAttribute("aria-expanded")).toBe("false");
    expect(await page.locator("[data-source]").count()).toBe(6);
    expect(await page.locator('[data-source="Condition"]').isVisible()).toBe(false);

    // One row per record: peripheral neuropathy is folded into nerve damage from diabetes, still a finding.
    const folded = page.locator('[data-cause="diabetic-neuropathy"] [data-cause="peripheral-neuropathy"]');
    expect(await folded.isVisible()).toBe(true);
    expect(await folded.getAttribute("data-current")).toBe("true");
    // Tags stripped for display; the anemia row says its latest (normal) result.
    expect(await page.locator('[data-cause="diabetic-neuropathy"] .nlc-finding-facts').innerText()).not.toContain("(HCC)");
    expect(await page.locator('[data-cause="anemia"] .nlc-lab-line').innerText()).toMatch(/^Hemoglobin steady at 13\.1–13\.4 g\/dL .*Latest hemoglobin 13\.1 g\/dL, 7 Nov 2026: does not meet the cut-off/);
    await context.close();
  });

  it("what was checked is open when a kind of record could not be read", async () => {
    const { page, context, status } = await open(ROSA, { faults: { MedicationRequest: { status: 500 } } });
    expect(status).toBe("partial");
    expect(await page.locator('[data-section="checked"] button[aria-expanded]').first().getAttribute("aria-expanded")).toBe("true");
    expect(await page.locator('[data-source="MedicationRequest"]').isVisible()).toBe(true);
    await context.close();
  });

  it("Karl Kidney: a falling eGFR is said in words, worth reviewing as a lab signal", async () => {
    const { page, context } = await open(KARL);
    const review = await page.$$eval('[data-section="worth-reviewing"] [data-review]', (els) => els.map((e) => e.getAttribute("data-review")));
    expect(review).toEqual(["lab-signal"]);
    const line = await page.locator('[data-cause="chronic-kidney-disease"] .nlc-lab-line[data-lab-test="egfr"]').innerText();
    expect(line).toMatch(/^eGFR fell from >90 to 11 mL\/min\/1\.73 m² over 2 years \(5 results\)\./);
    expect(await page.locator('[data-cause="chronic-kidney-disease"] .nlc-finding-label').innerText()).toBe("Chronic kidney disease: kidney failure");
    // The preliminary eGFR of two days ago is said as pending, not as a result that failed to read.
    expect(await page.locator('[data-cause="chronic-kidney-disease"] .nlc-lab-unread-brief').allInnerTexts()).toEqual([expect.stringMatching(/^A newer eGFR result \(\d{1,2} \w{3} \d{4}\) is not final yet\.$/)]);
    await context.close();
  });
});

describe("the note (Chromium)", () => {
  for (const patient of [ROSA, WALTER, KARL, "pregnancy-rls", "epic-like"]) {
    it(`${patient}: Copy summary writes the text of data-note="summary": at most 3 lines and 600 characters, no codes, ids, braces or tags`, async () => {
      const { page, context } = await open(patient);
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: stack.appUrl });
      await page.getByRole("button", { name: "Copy summary" }).click();
      await page.getByText("Summary copied. Paste it into the note.").waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      const shown = await page.locator('[data-note="summary"]').evaluate((el) => el.textContent);
      expect(shown).toBe(copied);
      expect(copied.split("\n").length).toBeLessThanOrEqual(3);
      expect(copied.length).toBeLessThanOrEqual(600);
      expect(copied).not.toMatch(/\((disorder|finding|situation|HCC)\)|[{}]|(Condition|MedicationRequest|Observation|Patient)\/|\bSNOMED|\bRxNorm|\bLOINC|\b[A-TV-Z]\d{2}\.\d/);
      // Restless legs syndrome is never among the causes, never "not a cause".
      expect(copied.split("\n")[0]).not.toMatch(/restless/i);
      expect(copied).not.toMatch(/not a cause/i);
      await context.close();
    });
  }

  it("Walter Crampton: the worked example of issue 23", async () => {
    const { page, context } = await open(WALTER);
    const note = (await page.locator('[data-note="summary"]').evaluate((el) => el.textContent)) ?? "";
    expect(note.split("\n")).toEqual([
      "Night leg cramps (on the problem list since Sep 2026). Record checked 7 Dec 2026 against the Mayo Clinic list of causes (2023): known cause: PAD (since 2019); raises the risk: age 80; possible link: Furosemide 40 mg every morning, started Aug 2026 (about 6 weeks before the cramps); sometimes linked: hypertension (since 2008).",
      "No eGFR, hemoglobin, HbA1c, glucose or TSH on file.",
      "Most night leg cramps have no known cause. Associations, not a diagnosis.",
    ]);
    expect(await page.locator('[data-review="not-on-file"]').innerText()).toBe("No eGFR, hemoglobin, HbA1c, glucose or TSH on file.");
    await context.close();
  });
});

describe("print (Chromium, a real PDF)", () => {
  it("every printed page names the patient with the birth date and the print time; headings never end a page; no '… ago'", async () => {
    const { page, context } = await open(ROSA, { width: 1024 });
    // The lazily loaded parts (charts, technical details) are in before printing, as the Print button makes sure.
    await page.waitForSelector("figure.nlc-chart", { state: "attached" });
    await page.emulateMedia({ media: "print" });
    const pages = await pdfPageTexts(new Uint8Array(await page.pdf({ format: "A4", printBackground: true })));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toMatch(/^Rosa Reading born 11 Feb 1947 printed 12:00 on 7 Dec 2026/);
    });
    const body = pages.join("\n");
    // No time relative to the print ("3 months ago", "just now"); a rule's period ("over 12 months ago") is not one.
    expect(body).not.toMatch(/(?<!over )\b\d+ (?:minute|hour|day|week|month|year)s? ago\b|\bjust now\b|\byesterday\b/);
    // Everything folded on screen is printed, the findings and the checked section included.
    for (const text of ["Peripheral vascular disease", "What was checked", "Medication orders Read: 2 records"]) expect(body).toContain(text);
    // No heading is the last line of a page.
    const headings = await page.$$eval("h1, h2, h3, h4, h5", (hs) => hs.filter((h) => h.getClientRects().length > 0).map((h) => (h.textContent ?? "").trim()));
    for (const [i, text] of pages.entries()) {
      const last = text.trim().split("\n").at(-1)!.trim();
      expect(headings, `page ${i + 1} ends with a heading: ${last}`).not.toContain(last);
    }
    const breaks = await page.$$eval("h2, h3, .nlc-group-h", (hs) => hs.map((h) => getComputedStyle(h).breakAfter));
    expect(new Set(breaks)).toEqual(new Set(["avoid"]));
    await context.close();
  });
});

describe("axe-core in every reading-aid state (Chromium)", () => {
  for (const [label, patient, faults] of [
    ["Rosa Reading, collapsed and open", ROSA, undefined],
    ["Rosa Reading, partial (checked open)", ROSA, { MedicationRequest: { status: 500 } }],
    ["Walter Crampton", WALTER, undefined],
    ["Karl Kidney", KARL, undefined],
  ] as const) {
    it(label, async () => {
      const { page, context } = await open(patient, { bypassCSP: true, ...(faults ? { faults } : {}) });
      expect(await axeViolations(page, `${label}, collapsed`)).toEqual([]);
      await expandAll(page, "button[aria-expanded='false']");
      await page.waitForTimeout(100);
      expect(await axeViolations(page, `${label}, every disclosure open`)).toEqual([]);
      await page.emulateMedia({ media: "print" });
      expect(await axeViolations(page, `${label}, print`)).toEqual([]);
      await context.close();
    });
  }
});
