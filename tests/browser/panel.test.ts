/**
 * Real Chromium, production build, demo EHR over HTTP: full SMART EHR launches for sample patients,
 * findings read only through the panel contract's attributes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PATIENTS } from "../../mocks/patients";
import { panelStatus, readFindings, readSources, startStack, type Stack } from "./stack";

const TREY = "f46d1649-8a02-4de8-8cff-f76fae267d3a";
const AMMIE = "aa0b29d0-6916-4fb7-85f0-6e42370dd5fa";
const NEVA = "132f48ba-1d72-4e0c-a220-91786d7501aa";
const CHRISTA = "72aace43-07ff-4900-96ae-ff77059ae354";
const PARKER = "ec6a274e-5090-45c9-b153-e40418f6fa3d";
/** The clock both sides agree on, so "current" and ages never depend on the day the tests run. */
const NOW = new Date("2026-11-26T12:00:00Z");

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ now: () => NOW });
});
afterAll(async () => {
  await stack?.close();
});

async function launch(patient: string) {
  const { page, context, cspViolations } = await stack.newPage({ now: NOW });
  const tokenPosts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().endsWith("/auth/token")) tokenPosts.push(r.url());
  });
  await page.goto(stack.launchUrl({ patient }));
  const status = await panelStatus(page);
  return { page, context, status, cspViolations, tokenPosts };
}

describe("EHR launch into the panel (Chromium)", () => {
  it("Trey Berge: hypertension, thiazide as diuretic and BP medicine, hypothyroidism, statin, older age — not PAD", async () => {
    const { page, context, status, cspViolations, tokenPosts } = await launch(TREY);
    expect(status).toBe("ready");
    // ready() runs once per page load even under React StrictMode: the code is exchanged once.
    expect(tokenPosts).toHaveLength(1);
    expect(new URL(page.url()).pathname).toBe("/index.html");
    const f = await readFindings(page);
    for (const id of ["hypertension", "diuretics", "blood-pressure-medicines", "hypothyroidism", "anemia", "cholesterol-medicines", "older-age"]) {
      expect(f[id], id).toBeDefined();
      expect(f[id]!.current, id).toBe("true");
    }
    expect(f["diuretics"]!.evidence.some((e) => e.startsWith("MedicationRequest/3d74586a"))).toBe(true);
    expect(f["hypertension"]!.evidence.some((e) => e.startsWith("Condition/68a1578d"))).toBe(true);
    expect(f["older-age"]!.evidence).toEqual([`Patient/${TREY}`]);
    expect(f["peripheral-artery-disease"], "stroke and coronary disease are not PAD").toBeUndefined();
    expect(f["physical-inactivity"], "obesity is not inactivity").toBeUndefined();
    const sources = await readSources(page);
    expect(sources).toMatchObject({ Patient: "read", Condition: "read", MedicationRequest: "read", Procedure: "read" });
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it("Ammie Huels: prediabetes is not diabetes, obesity is not inactivity; only older age", async () => {
    const { page, context, status } = await launch(AMMIE);
    expect(status).toBe("ready");
    const f = await readFindings(page);
    expect(f["type-2-diabetes"]).toBeUndefined();
    expect(f["type-1-diabetes"]).toBeUndefined();
    expect(f["physical-inactivity"]).toBeUndefined();
    expect(f["older-age"]?.current).toBe("true");
    await context.close();
  });

  it("Neva Hyatt: diabetes and CKD current; spinal cord lesion is not spinal stenosis; hyperglycemia is not hypoglycemia", async () => {
    const { page, context, status } = await launch(NEVA);
    expect(status).toBe("ready");
    const f = await readFindings(page);
    expect(f["type-2-diabetes"]?.current).toBe("true");
    expect(f["type-2-diabetes"]!.evidence.some((e) => e.startsWith("Condition/75448cb2"))).toBe(true);
    expect(f["chronic-kidney-disease"]?.current).toBe("true");
    expect(f["spinal-stenosis"]).toBeUndefined();
    expect(f["hypoglycemia"]).toBeUndefined();
    if (f["pregnancy"]) expect(f["pregnancy"].current).toBe("false");
    await context.close();
  });

  it("Christa Heller: a pregnancy still marked active but begun in 2020 is not current", async () => {
    const { page, context, status } = await launch(CHRISTA);
    expect(status).toBe("ready");
    const f = await readFindings(page);
    expect(f["pregnancy"]?.current).toBe("false");
    await context.close();
  });

  it("Parker Casper (deceased): findings shown, none current, folded, and the panel says so once", async () => {
    const { page, context, status } = await launch(PARKER);
    expect(status).toBe("ready");
    const f = await readFindings(page);
    expect(Object.keys(f).length).toBeGreaterThan(3);
    for (const [id, v] of Object.entries(f)) expect(v.current, id).toBe("false");
    expect((await page.locator("main").innerText()).match(/deceased/gi)).toHaveLength(1);
    expect(await page.locator("[data-cause]").first().isVisible()).toBe(false);
    await context.close();
  });

  it("from the demo EHR's patient list: Launch performs the EHR launch into the panel", async () => {
    const { page, context } = await stack.newPage({ now: NOW });
    await page.goto(`${stack.ehrUrl}/`);
    expect(await page.locator("tbody tr").count()).toBeGreaterThanOrEqual(7);
    await page.locator(`a[data-patient-id="${NEVA}"]`).click();
    expect(await panelStatus(page)).toBe("ready");
    expect(new URL(page.url()).origin).toBe(stack.appUrl);
    expect((await readFindings(page))["type-2-diabetes"]?.current).toBe("true");
    await context.close();
  });

  it("standalone launch: the EHR's patient picker chooses the patient", async () => {
    const { page, context } = await stack.newPage({ now: NOW });
    await page.goto(stack.launchUrl(undefined));
    await page.locator(`a[href*="launch="]`).first().waitFor();
    const links = page.locator("a");
    const trey = links.filter({ hasText: "Trey" });
    await trey.first().click();
    expect(await panelStatus(page)).toBe("ready");
    expect((await readFindings(page))["older-age"]?.evidence).toEqual([`Patient/${TREY}`]);
    await context.close();
  });
});

interface ShownFinding {
  cause: string;
  current: string;
  strength: string;
  basis: string;
  evidence: number;
  folded: boolean;
  visible: boolean;
  /** In the open "status not recorded — check" group (panel-contract "Reading aids"). */
  unrecorded: boolean;
}

describe("reading order, for every demo patient (Chromium)", () => {
  const STRENGTHS = ["known-cause", "raises-risk", "possible", "sometimes-linked", "differential"];
  for (const patient of DEMO_PATIENTS) {
    it(`${patient.label}: no past finding above a current one; past ones folded (status not recorded open); every finding carries the contract attributes`, async () => {
      const { page, context, status } = await launch(patient.id);
      expect(["ready", "partial"]).toContain(status);
      const shown: ShownFinding[] = await page.$$eval("[data-cause]", (els) =>
        els.map((el) => ({
          cause: el.getAttribute("data-cause") ?? "",
          current: el.getAttribute("data-current") ?? "",
          strength: el.getAttribute("data-strength") ?? "",
          basis: el.getAttribute("data-basis") ?? "",
          evidence: el.querySelectorAll("[data-evidence]").length,
          folded: el.closest("[hidden]") !== null,
          visible: el.getClientRects().length > 0,
          unrecorded: el.closest('[data-section="status-not-recorded"]') !== null,
        })),
      );
      const flags = shown.map((f) => f.current);
      const firstPast = flags.indexOf("false");
      if (firstPast >= 0) expect(flags.slice(firstPast), "a current finding below a past one").not.toContain("true");
      for (const f of shown) {
        expect(STRENGTHS, f.cause).toContain(f.strength);
        expect(["record", "lab"], f.cause).toContain(f.basis);
        expect(f.evidence, f.cause).toBeGreaterThan(0);
        expect(f.current, f.cause).toMatch(/^(true|false)$/);
        // Past findings are in the document, inside a closed disclosure; current ones are shown, and so are
        // those resting on a condition sent with no clinical status (open, never among the past ones).
        if (f.unrecorded) expect(f.current, f.cause).toBe("false");
        expect(f.folded, f.cause).toBe(f.current === "false" && !f.unrecorded);
        expect(f.visible, f.cause).toBe(f.current === "true" || f.unrecorded);
      }
      await context.close();
    });
  }
});
