/**
 * The demo EHR as a CDS client (mocks/cdsClient.ts, mocks/chartPage.ts) over real HTTP, with the service as
 * `npm start` runs it: the EHR publishes its JWKS, a chart calls the service with a signed JWT, and the page
 * shows the card (escaped) with a SMART link that launches the app for the patient.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEhrHttpServer, type EhrHttpServer } from "../../mocks/httpServer";
import { startEhrWithCds } from "../../mocks/cdsDemo";
import { demoPrefetch } from "../../mocks/cdsClient";
import { renderMarkdown } from "../../mocks/chartPage";
import { decodeLaunch } from "../../mocks/launchContext";
import { epicLike } from "../../mocks/data/patients/epicLike";
import type { CdsService } from "../../cds/server";
import { NOW } from "./harness";

const APP = "http://127.0.0.1:4000/launch.html";
let ehr: EhrHttpServer;
let cds: CdsService;

beforeAll(async () => {
  ({ ehr, cds } = await startEhrWithCds({ port: 0, appLaunchUrl: APP, now: () => NOW }));
});
afterAll(async () => {
  await cds?.close();
  await ehr?.close();
});

describe("demo EHR as a CDS Hooks client", () => {
  it("publishes its public signing key (ES384, with a kid, no private part)", async () => {
    const jwks = (await (await fetch(`${ehr.baseUrl}/cds-client/jwks.json`)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: "EC", crv: "P-384", alg: "ES384", use: "sig" });
    expect(typeof jwks.keys[0]!.kid).toBe("string");
    expect(jwks.keys[0]!.d).toBeUndefined();
  });

  it("the home page links each patient's chart", async () => {
    const page = await (await fetch(`${ehr.baseUrl}/`)).text();
    expect(page).toContain('<a href="/chart/cramps-known-cause" data-chart-link>Walter Crampton</a>');
  });

  it("a chart with leg cramps shows the service's card, whose SMART link launches the app for this patient", async () => {
    const page = await (await fetch(`${ehr.baseUrl}/chart/cramps-known-cause`)).text();
    expect(page).toContain('data-cds-state="cards"');
    expect(page).toContain('data-indicator="warning"');
    expect(page).not.toMatch(/<script\b/i);
    const href = /data-cds-link="smart" href="([^"]+)"/.exec(page)![1]!.replace(/&amp;/g, "&");
    const url = new URL(href);
    expect(`${url.origin}${url.pathname}`).toBe(APP);
    expect(url.searchParams.get("iss")).toBe(ehr.fhirBaseUrl);
    expect(decodeLaunch(url.searchParams.get("launch")!)).toEqual({ patient: "cramps-known-cause" });
  });

  it("a chart without leg cramps has no card; without a service, the chart says so", async () => {
    expect(await (await fetch(`${ehr.baseUrl}/chart/${epicLike.id}`)).text()).toContain('data-cds-state="no-cards"');
    const alone = await startEhrHttpServer({ port: 0, appLaunchUrl: APP, now: () => NOW, cds: { serviceBase: () => undefined } });
    try {
      expect(await (await fetch(`${alone.baseUrl}/chart/cramps-known-cause`)).text()).toContain('data-cds-state="off"');
    } finally {
      await alone.close();
    }
  });

  it("the order composer: choosing a linked medicine sends order-select and shows its card; signing sends order-sign", async () => {
    const chosen = await (await fetch(`${ehr.baseUrl}/chart/cramps-known-cause?order=furosemide`)).text();
    expect(chosen).toContain('data-order-state="draft"');
    expect(chosen).toContain('data-order-cds-state="cards"');
    expect(chosen).toMatch(/<article class="card card-info" data-order-card data-indicator="info">/);
    expect(chosen).toContain("Furosemide 40 MG Oral Tablet is a diuretic: possibly linked to night leg cramps (documented for this patient)");
    expect(chosen).toContain('data-cds-state="cards"'); // the chart's own card is still there
    expect(chosen).not.toMatch(/<script\b/i);
    const signed = await (
      await fetch(`${ehr.baseUrl}/chart/cramps-known-cause`, { method: "POST", body: new URLSearchParams({ order: "lisinopril-hctz", action: "sign" }) })
    ).text();
    expect(signed).toContain('data-order-state="signed"');
    expect(signed).toContain("hydrochlorothiazide 12.5 MG / lisinopril 10 MG Oral Tablet");
    expect(signed).toContain("diuretics (possible link); blood pressure medicines (sometimes linked)");
  });

  it("every composer medicine in its draft-order shape is judged: the linked ones make a card, metformin none", async () => {
    const state = async (key: string) => /data-order-cds-state="([a-z-]+)"/.exec(await (await fetch(`${ehr.baseUrl}/chart/cramps-known-cause?order=${key}`)).text())?.[1];
    expect(await state("furosemide")).toBe("cards");
    expect(await state("lisinopril-hctz")).toBe("cards");
    expect(await state("atorvastatin")).toBe("cards");
    expect(await state("amlodipine")).toBe("cards");
    expect(await state("metformin")).toBe("no-cards");
    // No leg cramps documented: no card whatever is ordered.
    expect(/data-order-cds-state="([a-z-]+)"/.exec(await (await fetch(`${ehr.baseUrl}/chart/${epicLike.id}?order=furosemide`)).text())?.[1]).toBe("no-cards");
    // Nothing chosen (or an unknown key): the composer only.
    expect(await (await fetch(`${ehr.baseUrl}/chart/cramps-known-cause?order=unknown`)).text()).not.toContain("data-order-cds-state");
  });

  it("renders card markdown without letting it add markup", () => {
    expect(renderMarkdown("**Known cause**\n\n- **A**: b \\(c\\)\n<script>x</script>")).toBe(
      "<p><strong>Known cause</strong></p>\n<ul><li><strong>A</strong>: b (c)</li></ul>\n<p>&lt;script&gt;x&lt;/script&gt;</p>",
    );
  });

  it("prefetches orders with their referenced Medications included", () => {
    const resources = epicLike.resources(NOW);
    const meds = new Map(resources.filter((r) => r.resourceType === "Medication").map((m) => [m.id!, m]));
    const prefetch = demoPrefetch(resources, "http://ehr.example/fhir", (id) => meds.get(id) as never);
    const entries = (prefetch.medicationRequests as { entry: { search: { mode: string }; resource: { resourceType: string } }[] }).entry;
    expect(entries.filter((e) => e.search.mode === "include").map((e) => e.resource.resourceType)).toEqual(["Medication", "Medication"]);
    expect(prefetch.observations).toMatchObject({ resourceType: "Bundle", type: "searchset" });
  });

  it("prefetches the patient's lab results of the codes the app reads, and no other observation", () => {
    const lab = { resourceType: "Observation", id: "egfr", status: "final", subject: { reference: "Patient/p" }, code: { coding: [{ system: "http://loinc.org", code: "33914-3" }] } };
    const bp = { resourceType: "Observation", id: "bp", status: "final", subject: { reference: "Patient/p" }, code: { coding: [{ system: "http://loinc.org", code: "8480-6" }] } };
    const prefetch = demoPrefetch([lab, bp] as never, "http://ehr.example/fhir", () => undefined);
    const entries = (prefetch.observations as { entry: { resource: { id: string } }[] }).entry;
    expect(entries.map((e) => e.resource.id)).toEqual(["egfr"]);
  });
});
