/**
 * The demo EHR as a CDS client (mocks/cdsClient.ts, mocks/chartPage.ts) over real HTTP, with the service as
 * `npm start` runs it: the EHR publishes its JWKS, a chart calls the service with a signed JWT, and the page
 * shows the card (escaped) with a SMART link that launches the app for the patient.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEhrHttpServer, type EhrHttpServer } from "../../mocks/httpServer";
import { startDemoCdsService } from "../../mocks/cdsDemo";
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
  const service: { url?: string } = {};
  ehr = await startEhrHttpServer({ port: 0, appLaunchUrl: APP, now: () => NOW, cds: { serviceBase: () => service.url } });
  cds = await startDemoCdsService({ ehrBaseUrl: ehr.baseUrl, appLaunchUrl: APP, port: 0, now: () => NOW });
  service.url = cds.url;
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
