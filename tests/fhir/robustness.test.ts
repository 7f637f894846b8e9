// @vitest-environment jsdom
/**
 * Hostile and broken server answers through the real data layer (real fhirclient, MSW) and the engine:
 * malformed, truncated and enormous bundles never crash, finish in bounded time, and every section ends
 * in a known status.
 */
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { http, HttpResponse } from "msw";
import type Client from "fhirclient/lib/Client";
import { loadPatientData } from "../../src/fhir/load";
import { matchRecords } from "../../src/engine";
import { FHIR_BASE, launchAndLand, NOW, testPolicy, TREY, startMockEhrForFile } from "./smartFlow";

const STATUSES = ["read", "failed", "not-authorized", "not-supported", "truncated"];
const server = startMockEhrForFile();
let client: Client;

beforeAll(async () => {
  const { clientP } = await launchAndLand({ patient: TREY });
  client = await clientP!;
});

const policy = testPolicy({ maxRetries: 1, networkRetries: 0, maxDelayMs: 1 });

function load(maxResourcesPerType?: number) {
  return loadPatientData({
    client,
    patientId: TREY,
    base: FHIR_BASE,
    grantedScope: String(client.state.tokenResponse?.scope),
    server: { name: "t", maxResourcesPerType },
    policy,
    now: () => NOW,
  });
}

/** Any JSON, shaped to look like FHIR often enough to reach deep code paths. */
const fhirish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom(null, true, 0, -1, "", "Condition", "active", "Patient/x", "#m1"),
    fc.string({ maxLength: 20 }),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(
      fc.constantFrom("resourceType", "id", "code", "coding", "system", "clinicalStatus", "subject", "entry", "resource", "search", "mode", "link", "relation", "url", "onsetDateTime", "medicationReference", "contained"),
      tie("value"),
      { maxKeys: 5 },
    ),
  ),
})).value;

const bundleOf = (entries: unknown[]) => ({ resourceType: "Bundle", type: "searchset", entry: entries });

describe("robustness of the data layer and engine", () => {
  it("arbitrary JSON answers for every search never crash and end in known statuses", async () => {
    await fc.assert(
      fc.asyncProperty(fhirish, fc.array(fhirish, { maxLength: 6 }), async (body, entries) => {
        server.use(
          http.get(`${FHIR_BASE}/Condition`, () => HttpResponse.json(body as never)),
          http.get(`${FHIR_BASE}/Procedure`, () => HttpResponse.json(bundleOf(entries.map((resource) => ({ resource }))))),
          http.get(`${FHIR_BASE}/MedicationRequest`, () => HttpResponse.json(bundleOf(entries.map((resource) => ({ resource, search: { mode: "include" } }))))),
        );
        const outcome = await load();
        expect(outcome.ok).toBe(true);
        if (!outcome.ok) return;
        for (const s of outcome.data.sources) expect(STATUSES).toContain(s.status);
        expect(() => matchRecords(outcome.data.input, { now: NOW })).not.toThrow();
      }),
      { numRuns: 40 },
    );
  });

  it("truncated JSON and wrong content types fail the section, not the panel", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 60 }), fc.constantFrom("application/fhir+json", "text/plain", "application/octet-stream"), async (cut, type) => {
        const text = JSON.stringify(bundleOf([{ resource: { resourceType: "Condition", id: "c1" } }])).slice(0, cut);
        server.use(http.get(`${FHIR_BASE}/Condition`, () => new HttpResponse(text, { headers: { "content-type": type } })));
        const outcome = await load();
        expect(outcome.ok).toBe(true);
        if (outcome.ok) expect(outcome.data.sources.find((s) => s.source === "Condition")?.status).toBe("failed");
      }),
      { numRuns: 15 },
    );
  });

  it("an enormous bundle (10,000 entries) is cut at the cap, reported, and matched in bounded time", async () => {
    const entries = Array.from({ length: 10000 }, (_, i) => ({
      resource: {
        resourceType: "Condition",
        id: `big-${i}`,
        subject: { reference: `Patient/${TREY}` },
        clinicalStatus: { coding: [{ code: i % 2 ? "active" : "resolved" }] },
        code: { coding: [{ system: "http://snomed.info/sct", code: i % 3 ? "59621000" : "999999999" }], text: `condition ${i}` },
      },
    }));
    server.use(http.get(`${FHIR_BASE}/Condition`, () => HttpResponse.json(bundleOf(entries))));
    const started = performance.now();
    const capped = await load();
    expect(capped.ok && capped.data.sources.find((s) => s.source === "Condition")).toMatchObject({ status: "truncated", count: 5000 });
    const all = await load(20000);
    expect(all.ok && all.data.input.conditions.length).toBe(10000);
    if (!all.ok) return;
    const result = matchRecords(all.data.input, { now: NOW });
    const htn = result.findings.find((f) => f.causeId === "hypertension");
    expect(htn?.current).toBe(true);
    expect(performance.now() - started).toBeLessThan(15000);
  });
});
