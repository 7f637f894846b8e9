// @vitest-environment jsdom
/**
 * Issue 11 items 3 and 4: paging within a budget (pages, included and outcome entries, time), and the
 * exact absolute URL that was checked is the one requested. Real fhirclient against MSW.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { delay, http, HttpResponse } from "msw";
import type Client from "fhirclient/lib/Client";
import { loadPatientData } from "../../src/fhir/load";
import type { ServerConfig } from "../../src/fhir/configTypes";
import { resolveOnBase } from "../../src/fhir/search";
import { FHIR_BASE, launchAndLand, NOW, recordRequests, testPolicy, TREY, startMockEhrForFile } from "./smartFlow";

const server = startMockEhrForFile();
const requested = recordRequests(server);
let client: Client;
beforeAll(async () => {
  client = await (await launchAndLand({ patient: TREY })).clientP!;
});

async function procedures(config: Partial<ServerConfig> = {}) {
  requested.length = 0;
  const outcome = await loadPatientData({
    client,
    patientId: TREY,
    base: FHIR_BASE,
    grantedScope: String(client.state.tokenResponse?.scope),
    server: { name: "t", ...config },
    policy: testPolicy({ timeoutMs: 5000 }),
    now: () => NOW,
  });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.data.sources.find((s) => s.source === "Procedure")!;
}

const bundle = (entry: unknown[], next?: string) => ({
  resourceType: "Bundle",
  type: "searchset",
  entry,
  link: next ? [{ relation: "next", url: next }] : [],
});

const procedure = (id: string) => ({ resource: { resourceType: "Procedure", id, status: "completed", subject: { reference: `Patient/${TREY}` } } });

describe("paging budget", () => {
  it("a server whose paging never ends: truncated after the page budget, well under 100 requests", async () => {
    let n = 0;
    server.use(http.get(`${FHIR_BASE}/Procedure`, () => HttpResponse.json(bundle([], `${FHIR_BASE}/Procedure?cursor=${++n}`))));
    const report = await procedures();
    expect(report.status).toBe("truncated");
    expect(report.message).toMatch(/did not end within 50 pages/);
    expect(requested.filter((u) => u.includes("/Procedure")).length).toBe(50);
  });

  it("the page budget is a per-server setting", async () => {
    let n = 0;
    server.use(http.get(`${FHIR_BASE}/Procedure`, () => HttpResponse.json(bundle([procedure(`p${n}`)], `${FHIR_BASE}/Procedure?cursor=${++n}`))));
    const report = await procedures({ maxPagesPerSearch: 3 });
    expect(report.status).toBe("truncated");
    expect(report.count).toBe(3);
    expect(requested.filter((u) => u.includes("/Procedure")).length).toBe(3);
  });

  it("slow pages: the search stops at its time budget and keeps what was read", async () => {
    let n = 0;
    server.use(
      http.get(`${FHIR_BASE}/Procedure`, async () => {
        await delay(120);
        return HttpResponse.json(bundle([procedure(`p${n}`)], `${FHIR_BASE}/Procedure?cursor=${++n}`));
      }),
    );
    const report = await procedures({ searchTimeBudgetMs: 500 });
    expect(report.status).toBe("truncated");
    expect(report.message).toMatch(/took longer than/);
    expect(report.count).toBeGreaterThan(0);
    expect(report.count).toBeLessThan(6);
  });

  it("a first page slower than the time budget: failed (nothing was read), not loading forever", async () => {
    server.use(
      http.get(`${FHIR_BASE}/Procedure`, async () => {
        await delay(1000);
        return HttpResponse.json(bundle([procedure("late")]));
      }),
    );
    const report = await procedures({ searchTimeBudgetMs: 200 });
    expect(report.status).toBe("failed");
    expect(report.message).toMatch(/too long/);
  });

  it("too many outcome entries: truncated, and the warnings kept are bounded", async () => {
    const outcome = { search: { mode: "outcome" }, resource: { resourceType: "OperationOutcome", issue: [{ severity: "warning", code: "informational", diagnostics: "note" }] } };
    server.use(http.get(`${FHIR_BASE}/Procedure`, () => HttpResponse.json(bundle([procedure("p1"), ...Array.from({ length: 150 }, () => outcome)]))));
    const report = await procedures();
    expect(report.status).toBe("truncated");
    expect(report.warnings.length).toBeLessThanOrEqual(100);
  });

  it("too many included entries: truncated", async () => {
    const med = (i: number) => ({ search: { mode: "include" }, resource: { resourceType: "Medication", id: `m${i}` } });
    server.use(http.get(`${FHIR_BASE}/Procedure`, () => HttpResponse.json(bundle([procedure("p1"), ...Array.from({ length: 5001 }, (_, i) => med(i))]))));
    const report = await procedures();
    expect(report.status).toBe("truncated");
    expect(report.message).toMatch(/linked records/);
  });
});

describe("the checked URL is the requested URL", () => {
  it("a next link that a URL parser reads as relative is requested on the FHIR base, never on the host it seems to name", async () => {
    const evil: string[] = [];
    server.use(
      http.get("http://evil.example/*", ({ request }) => {
        evil.push(request.url);
        return HttpResponse.json(bundle([]));
      }),
      http.get(`${FHIR_BASE}/evil.example/fhir/Procedure`, () => HttpResponse.json(bundle([procedure("p2")]))),
      http.get(`${FHIR_BASE}/Procedure`, () => HttpResponse.json(bundle([procedure("p1")], "http:evil.example/fhir/Procedure?page=2"))),
    );
    const report = await procedures();
    expect(evil).toEqual([]);
    expect(requested).toContain(`${FHIR_BASE}/evil.example/fhir/Procedure?page=2`);
    expect(report).toMatchObject({ status: "read", count: 2 });
  });

  it("resolveOnBase returns the absolute URL it checked, or nothing", () => {
    expect(resolveOnBase("http:evil.example/x", FHIR_BASE)).toBe(`${FHIR_BASE}/evil.example/x`);
    expect(resolveOnBase("https:evil.example/x", FHIR_BASE)).toBeUndefined();
    expect(resolveOnBase("httpfoo", FHIR_BASE)).toBe(`${FHIR_BASE}/httpfoo`);
    expect(resolveOnBase("//evil.example/fhir/x", FHIR_BASE)).toBeUndefined();
    expect(resolveOnBase(`${FHIR_BASE}/../other/x`, FHIR_BASE)).toBeUndefined();
    expect(resolveOnBase("http://user:pw@127.0.0.1:4010/fhir/x", FHIR_BASE)).toBeUndefined();
    expect(resolveOnBase(`${FHIR_BASE}/Procedure?page=2`, FHIR_BASE)).toBe(`${FHIR_BASE}/Procedure?page=2`);
  });
});
