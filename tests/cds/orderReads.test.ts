/**
 * The ordering hooks read from `fhirServer` exactly as patient-view does (cds/callReads.ts, one read path call
 * per hook call): only a server the client lists, never following a redirect, within the call's deadline and
 * its Medication-read cap. Two kinds of read, over real HTTP against a FHIR server that can turn hostile
 * (tests/cds/hostileFhir.ts): the `conditions` the prefetch lacks, and the Medication a draft order references
 * when it is neither contained nor in the draftOrders Bundle (before: judged by the reference's display alone).
 * Each refusal is paired with the same call getting its card.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Bundle, MedicationRequest } from "fhir/r4";
import type { ServerResponse } from "node:http";
import { ORDER_SIGN_ID } from "../../cds/discovery";
import type { CdsService, CdsServiceOptions } from "../../cds/server";
import { fhirJson, startHostileFhir, type HostileFhir } from "./hostileFhir";
import { FHIR_SCOPE, legCrampCondition, post, startTestClient, startTestService, testConfig, type TestClient } from "./harness";
import { conditionsBundle, draft, draftBundle, DRUG, inline, medication, orderBody, orderPrefetch, PATIENT_ID } from "./orderHarness";

const TOKEN = "ehr-access-token-for-order-reads";
const DEADLINE_MS = 800;

let fhir: HostileFhir;
let client: TestClient;
const services: CdsService[] = [];

beforeAll(async () => {
  fhir = await startHostileFhir();
  client = await startTestClient(() => "unused");
});
afterAll(async () => {
  await Promise.all(services.map((s) => s.close()));
  await client.close();
  await fhir.close();
});
afterEach(() => fhir.reset());

/** A service whose client lists the hostile server (unless `listed` is false). */
async function service(options: Partial<CdsServiceOptions> = {}, listed = true): Promise<CdsService> {
  const fhirServers = listed ? [`${fhir.base}/`] : ["https://another-ehr.example/fhir/"];
  const s = await startTestService(testConfig(client, { clients: [{ iss: client.iss, jwksUrl: client.jwksUrl, fhirServers }] }), { callDeadlineMs: DEADLINE_MS, ...options });
  services.push(s);
  return s;
}

let standard: CdsService;
beforeAll(async () => {
  standard = await service();
});

/** An order-sign call naming the hostile server; `prefetch` undefined: none at all (conditions read from the server). */
async function sign(drafts: Bundle, prefetch: Record<string, unknown> | undefined, target = standard, scope = FHIR_SCOPE): Promise<{ cards: unknown[]; ms: number }> {
  const url = target.endpoints[ORDER_SIGN_ID];
  const body = orderBody("order-sign", drafts, {
    prefetch,
    extra: { fhirServer: fhir.base, fhirAuthorization: { access_token: TOKEN, token_type: "Bearer", scope, subject: "cds-service" } },
  });
  const started = performance.now();
  const answer = await post(url, body, await client.sign({ aud: url }));
  expect(answer.status).toBe(200);
  return { cards: answer.body.cards!, ms: performance.now() - started };
}

const isConditionSearch = (path: string) => path.startsWith("/fhir/Condition?");
const medicationReads = () => fhir.requests.filter((r) => r.path.startsWith("/fhir/Medication/")).map((r) => r.path);

/** Condition searches answer leg cramps (the valid EHR answers every search empty). */
function crampsOnServer(path: string, res: ServerResponse): boolean {
  if (!isConditionSearch(path)) return false;
  fhirJson(res, conditionsBundle([legCrampCondition(PATIENT_ID)]));
  return true;
}

/** The token went to the FHIR base only, and nothing reached the other server. */
function expectTokenStayedHome(): void {
  expect(fhir.leaked).toEqual([]);
  for (const r of fhir.requests) {
    expect(r.path.startsWith("/fhir/")).toBe(true);
    expect(r.authorization).toBe(`Bearer ${TOKEN}`);
  }
}

const FUROSEMIDE = () => draftBundle([inline("d-furosemide", DRUG.furosemide40)]);

/** A draft order whose medicine is only a reference to a Medication on the server (the valid EHR serves furosemide for any id). */
const referencing = (id: string, medication: string, display?: string): MedicationRequest =>
  draft(id, { medicationReference: { reference: medication, ...(display ? { display } : {}) } });

describe("conditions missing from the prefetch: read through the hardened path", () => {
  it("the listed server answers leg cramps → a card; the token stayed on the FHIR base", async () => {
    fhir.use((_req, res, path) => crampsOnServer(path, res));
    expect((await sign(FUROSEMIDE(), undefined)).cards).toHaveLength(1);
    expect(fhir.requests.some((r) => isConditionSearch(r.path))).toBe(true);
    expectTokenStayedHome();
  });

  it("a redirect of the Condition search to another port: not followed, no card", async () => {
    fhir.use((_req, res, path) => {
      if (!isConditionSearch(path)) return false;
      res.writeHead(302, { Location: `${fhir.elsewhere}${path}` });
      res.end();
      return true;
    });
    expect((await sign(FUROSEMIDE(), undefined)).cards).toEqual([]);
    expectTokenStayedHome();
  });

  it("a server that never answers: { cards: [] } at the call's deadline, counted as such", async () => {
    fhir.use((_req, _res, path) => isConditionSearch(path)); // never answered
    const before = standard.noCardCounts().deadline ?? 0;
    const { cards, ms } = await sign(FUROSEMIDE(), undefined);
    expect(cards).toEqual([]);
    expect(ms).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
    expect(ms).toBeLessThan(DEADLINE_MS + 1000);
    expect(standard.noCardCounts().deadline).toBe(before + 1);
  });

  it("a server the client does not list is never contacted: answered from the prefetch alone", async () => {
    const unlisted = await service({}, false);
    fhir.use((_req, res, path) => crampsOnServer(path, res));
    expect((await sign(FUROSEMIDE(), undefined, unlisted)).cards).toEqual([]);
    expect((await sign(FUROSEMIDE(), orderPrefetch(), unlisted)).cards).toHaveLength(1);
    expect(fhir.requests).toEqual([]);
    expect(unlisted.noCardCounts()["server-not-allowed"]).toBe(1);
  });
});

describe("a draft order's Medication that is neither contained nor in the Bundle: read from the server", () => {
  it("read once through the call → a card naming it (before: no concept, no display, so no card)", async () => {
    const { cards } = await sign(draftBundle([referencing("d-ref", "Medication/furo-1")]), orderPrefetch());
    expect(cards).toHaveLength(1);
    expect((cards[0] as { extension: { findings: { id: string; evidence: string[] }[] } }).extension.findings).toEqual([
      expect.objectContaining({ id: "diuretics", basis: "draft-order", evidence: ["MedicationRequest/d-ref"] }),
    ]);
    expect(medicationReads()).toEqual(["/fhir/Medication/furo-1"]);
    expectTokenStayedHome();
  });

  it("a display that names nothing known is no longer all there is: the Medication read decides", async () => {
    expect((await sign(draftBundle([referencing("d-ref", "Medication/furo-2", "Pharmacy item 4471")]), orderPrefetch())).cards).toHaveLength(1);
    expect(medicationReads()).toEqual(["/fhir/Medication/furo-2"]);
  });

  it("one read per reference: two orders naming the same Medication, one read", async () => {
    const drafts = draftBundle([referencing("d-a", "Medication/same"), referencing("d-b", `${fhir.base}/Medication/same`)]);
    const { cards } = await sign(drafts, orderPrefetch());
    expect(cards).toHaveLength(1);
    expect(medicationReads()).toEqual(["/fhir/Medication/same"]);
  });

  it("a Medication carried in the Bundle or contained is not read again", async () => {
    const drafts = draftBundle([
      referencing("d-bundled", "Medication/in-bundle"),
      medication("in-bundle", [DRUG.furosemide40]),
      draft("d-contained", { contained: [{ resourceType: "Medication", id: "m", code: { coding: [DRUG.atorvastatin20] } }], medicationReference: { reference: "#m" } }),
    ]);
    expect((await sign(drafts, orderPrefetch())).cards).toHaveLength(1);
    expect(medicationReads()).toEqual([]);
  });

  it("not read from a server the client does not list, nor with a scope that cannot read Medications, nor on another origin", async () => {
    const unlisted = await service({}, false);
    expect((await sign(draftBundle([referencing("d-ref", "Medication/furo-1")]), orderPrefetch(), unlisted)).cards).toEqual([]);
    const noMedicationScope = FHIR_SCOPE.replace(" patient/Medication.rs", "");
    expect((await sign(draftBundle([referencing("d-ref", "Medication/furo-1")]), orderPrefetch(), standard, noMedicationScope)).cards).toEqual([]);
    expect((await sign(draftBundle([referencing("d-ref", `${fhir.elsewhere}/fhir/Medication/furo-1`)]), orderPrefetch())).cards).toEqual([]);
    expect(medicationReads()).toEqual([]);
    expectTokenStayedHome();
  });

  it("within the call's Medication-read cap: 3 references with a cap of 2 → 2 reads", async () => {
    const capped = await service({ readLimits: { maxMedicationReads: 2 } });
    const drafts = draftBundle([referencing("d-1", "Medication/m1"), referencing("d-2", "Medication/m2"), referencing("d-3", "Medication/m3")]);
    expect((await sign(drafts, orderPrefetch(), capped)).cards).toHaveLength(1);
    expect(medicationReads()).toHaveLength(2);
  });

  it("within the call's deadline: a Medication read that never ends → { cards: [] } at the deadline", async () => {
    fhir.use((_req, _res, path) => path.startsWith("/fhir/Medication/")); // never answered
    const before = standard.noCardCounts().deadline ?? 0;
    const { cards, ms } = await sign(draftBundle([referencing("d-ref", "Medication/slow")]), orderPrefetch());
    expect(cards).toEqual([]);
    expect(ms).toBeLessThan(DEADLINE_MS + 1000);
    expect(standard.noCardCounts().deadline).toBe(before + 1);
  });

  it("a refused read (a redirect) leaves the reference's display to judge: furosemide by name still makes a card", async () => {
    fhir.use((_req, res, path) => {
      if (!path.startsWith("/fhir/Medication/")) return false;
      res.writeHead(302, { Location: `${fhir.elsewhere}${path}` });
      res.end();
      return true;
    });
    expect((await sign(draftBundle([referencing("d-ref", "Medication/moved", "furosemide 40 mg tablet")]), orderPrefetch())).cards).toHaveLength(1);
    expect((await sign(draftBundle([referencing("d-ref", "Medication/moved")]), orderPrefetch())).cards).toEqual([]);
    expectTokenStayedHome();
  });

  it("with both missing, the Medication and the conditions are read in the same hook call, and the card needs both", async () => {
    fhir.use((_req, res, path) => crampsOnServer(path, res));
    expect((await sign(draftBundle([referencing("d-ref", "Medication/furo-3")]), undefined)).cards).toHaveLength(1);
    expect(medicationReads()).toEqual(["/fhir/Medication/furo-3"]);
    expect(fhir.requests.some((r) => isConditionSearch(r.path))).toBe(true);
  });
});
