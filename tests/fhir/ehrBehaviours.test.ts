// @vitest-environment jsdom
/**
 * Issue 14: the Epic and Oracle Health behaviours that break SMART apps in production, one block per
 * review item, each through the real data layer (real fhirclient, the demo EHR's profiles over MSW).
 * Every block has at least one test that fails on the data layer before this change.
 */
import { describe, expect, it } from "vitest";
import { http, HttpResponse } from "msw";
import type Client from "fhirclient/lib/Client";
import type { DemoLaunch } from "../../mocks/launchContext";
import type { LoadOutcome } from "../../src/fhir/load";
import type { ServerConfig } from "../../src/fhir/configTypes";
import type { SourceReport } from "../../src/fhir/types";
import { unreadSources } from "../../src/fhir/sourceReports";
import { matchRecords } from "../../src/engine";
import { FHIR_BASE, NOW, recordRequests, testPolicy, TREY, startMockEhrForFile, landedClient as landed, loadWithClient as loadWith } from "./smartFlow";

const server = startMockEhrForFile();
const requested = recordRequests(server);

const CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
const ALL =
  "launch openid fhirUser patient/Patient.rs patient/MedicationRequest.rs patient/MedicationStatement.rs patient/Procedure.rs patient/Observation.rs patient/Medication.rs";



async function load(launch: DemoLaunch, config: Partial<ServerConfig> = {}): Promise<LoadOutcome> {
  return loadWith(await landed(launch), config);
}

function ok(outcome: LoadOutcome) {
  if (!outcome.ok) throw new Error(`load failed: ${outcome.error}`);
  return outcome.data;
}

function sources(outcome: LoadOutcome): Record<string, SourceReport> {
  return Object.fromEntries(ok(outcome).sources.map((s) => [s.source, s]));
}

/** Findings as the contract exposes them: cause → current, and sorted evidence refs. */
function findings(outcome: LoadOutcome): Record<string, { current: boolean; evidence: string[] }> {
  const result = matchRecords(ok(outcome).input, { now: NOW });
  return Object.fromEntries(result.findings.map((f) => [f.causeId, { current: f.current, evidence: f.evidence.map((e) => e.ref).sort() }]));
}

const searchesOf = (type: string) => requested.filter((u) => u.startsWith(`${FHIR_BASE}/${type}?`)).map((u) => new URL(u));

describe("1. scope strings", () => {
  it("Epic's 'Condition.read Condition.search' strings are understood: every section is read", async () => {
    // Lab results by category: Epic refuses query strings over 2,048 bytes, which the code list exceeds.
    const outcome = await load({ patient: TREY, profile: "epic" }, { explicitClinicalStatus: true, labQuery: "category", labLookbackDays: 36500 });
    const granted = (await landed({ patient: TREY, profile: "epic" })).state.tokenResponse?.scope;
    expect(granted).toMatch(/\bCondition\.read Condition\.search\b/);
    expect(granted).not.toMatch(/patient\//);
    const s = sources(outcome);
    for (const type of ["Patient", "MedicationRequest", "Procedure", "Observation"]) expect(s[type]!.status).toBe("read");
  });

  it("a granted scope that names no resource scope at all (trimmed): the server's answers decide", async () => {
    const s = sources(await load({ patient: TREY, reportScope: "openid fhirUser" }));
    expect(Object.values(s).every((r) => r.status === "read")).toBe(true);
    expect(searchesOf("Condition")).toHaveLength(1);
  });

  it("the same, when the server does refuse: 403 makes the section not-authorized, never 'nothing found'", async () => {
    const s = sources(await load({ patient: TREY, reportScope: "openid fhirUser", grantScope: ALL }));
    expect(s.Condition!.status).toBe("not-authorized");
    expect(s.Procedure!.status).toBe("read");
  });

  it("scopes reported in the other version (v1 for v2) are understood", async () => {
    const s = sources(await load({ patient: TREY, reportScope: ALL.replace(/\.rs\b/g, ".read") + " patient/Condition.read" }));
    expect(Object.values(s).filter((r) => r.source !== "MedicationStatement").every((r) => r.status === "read")).toBe(true);
  });

  it("a v2 granular scope's parameters are carried into the query (the EHR enforces them)", async () => {
    const grantScope = `${ALL} patient/Condition.rs?category=${CATEGORY}|problem-list-item`;
    const s = sources(await load({ patient: "epic-like", grantScope }));
    const sent = searchesOf("Condition");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.searchParams.get("category")).toBe(`${CATEGORY}|problem-list-item`);
    // Read, but only part of what the panel needs was granted: not `read`, and what was read is kept.
    expect(s.Condition!.status).toBe("not-authorized");
    expect(s.Condition!.count).toBe(3);
    expect(s.Condition!.message).toMatch(/granted only some conditions/);
  });

  it("granular scopes covering every Condition category: one search each, section read", async () => {
    const cats = ["problem-list-item", "encounter-diagnosis", "health-concern"];
    const grantScope = `${ALL} ${cats.map((c) => `patient/Condition.rs?category=${CATEGORY}|${c}`).join(" ")}`;
    const s = sources(await load({ patient: "epic-like", grantScope }));
    expect(searchesOf("Condition").map((u) => u.searchParams.get("category"))).toEqual(cats.map((c) => `${CATEGORY}|${c}`));
    expect(s.Condition!.status).toBe("read");
    expect(s.Condition!.count).toBe(5);
  });
});

describe("2. per-search reports", () => {
  const split = { conditionSearches: [{ category: "problem-list-item" }, { category: "encounter-diagnosis" }] };

  it("one refused search of two keeps what the other read, and says which failed", async () => {
    const client = await landed({ patient: "epic-like" });
    server.use(
      http.get(`${FHIR_BASE}/Condition`, ({ request }) =>
        new URL(request.url).searchParams.get("category") === "encounter-diagnosis"
          ? HttpResponse.json({ resourceType: "OperationOutcome", issue: [{ severity: "error", code: "forbidden" }] }, { status: 403 })
          : undefined,
      ),
    );
    const outcome = await loadWith(client, split);
    const c = sources(outcome).Condition!;
    expect(c.status).toBe("not-authorized");
    expect(c.count).toBe(3);
    expect(ok(outcome).input.conditions.map((x) => x.id).sort()).toEqual(["epic-cond-ckd-pl", "epic-cond-dm-pl", "epic-cond-htn-pl"]);
    expect(c.searches?.map((x) => [x.label, x.status, x.count])).toEqual([
      ["conditions (problem-list-item)", "read", 3],
      ["conditions (encounter-diagnosis)", "not-authorized", 0],
    ]);
    expect(c.message).toMatch(/1 of 2 searches for conditions did not complete \(conditions \(encounter-diagnosis\): not authorised\)/);
  });

  it("a search that fails with a server error: the section is failed, the other search's records kept", async () => {
    const client = await landed({ patient: "epic-like" });
    server.use(
      http.get(`${FHIR_BASE}/Condition`, ({ request }) =>
        new URL(request.url).searchParams.get("category") === "problem-list-item" ? HttpResponse.json({}, { status: 500 }) : undefined,
      ),
    );
    const c = sources(await loadWith(client, split)).Condition!;
    expect(c.status).toBe("failed");
    expect(c.count).toBe(2);
  });
});

describe("3. long Medication ids without display, _include ignored", () => {
  it("every medicine is read by fetching its Medication, and the section is read", async () => {
    const outcome = await load({ patient: TREY, profile: "epic" }, { explicitClinicalStatus: true });
    const data = ok(outcome);
    const refs = data.input.medications.map((m) => m.resource.medicationReference?.reference ?? "");
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.every((r) => /^Medication\/[0-9a-z]{66}$/.test(r))).toBe(true);
    expect(data.input.medications.every((m) => !m.resource.medicationReference?.display)).toBe(true);
    expect(data.input.medications.every((m) => m.conceptSource?.kind === "fetched" && m.concept?.coding?.length)).toBe(true);
    expect(sources(outcome).MedicationRequest!.status).toBe("read");
  });

  it("the findings equal those read from the plain server (recall and precision 100 %)", async () => {
    const plain = findings(await load({ patient: TREY }));
    const epic = findings(await load({ patient: TREY, profile: "epic" }, { explicitClinicalStatus: true }));
    expect(Object.keys(plain).length).toBeGreaterThan(3);
    // Medicines are referenced differently (Medication ids change), the causes and their currency do not.
    const strip = (f: typeof plain) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.current]));
    expect(strip(epic)).toEqual(strip(plain));
    expect(epic).toEqual(plain);
  });

  it("a 66-character id is accepted; a reference to another server or a dot path is never followed", async () => {
    const { resolveMedications } = await import("../../src/fhir/medications");
    const long = `Medication/${"a".repeat(66)}`;
    const base = FHIR_BASE;
    const asked: string[] = [];
    const client = { request: async (o: { url: string }) => (asked.push(o.url), { resourceType: "Medication", code: { text: "x" } }), refreshIfNeeded: async () => undefined } as unknown as Client;
    const rec = (reference: string) => ({ resourceType: "MedicationRequest" as const, id: reference.slice(-3), status: "active" as const, intent: "order" as const, subject: {}, medicationReference: { reference } });
    await resolveMedications([rec(long), rec("https://other.example/fhir/Medication/abc"), rec("Medication/..")], [], new Map(), {
      client, base, canReadMedication: true, policy: testPolicy(),
    });
    expect(asked).toEqual([`${base}/${long}`]);
  });
});

describe("4. a kind the server does not offer", () => {
  it("MedicationStatement absent from the CapabilityStatement (404): not-supported, and not a gap", async () => {
    const outcome = await load({ patient: TREY, profile: "oracle" });
    const s = sources(outcome);
    expect(s.MedicationStatement!.status).toBe("not-supported");
    expect(unreadSources(ok(outcome).sources)).toEqual([]);
  });

  it("configured off: no request, not-supported, not a gap", async () => {
    const outcome = await load({ patient: TREY }, { medicationStatement: false });
    expect(sources(outcome).MedicationStatement!.status).toBe("not-supported");
    expect(searchesOf("MedicationStatement")).toHaveLength(0);
    expect(unreadSources(ok(outcome).sources)).toEqual([]);
  });

  it("no CapabilityStatement to judge by: a 404 means not offered, a 400 or 403 stays a failure", async () => {
    const client = await landed({ patient: TREY });
    server.use(http.get(`${FHIR_BASE}/metadata`, () => HttpResponse.json({}, { status: 404 })));
    server.use(http.get(`${FHIR_BASE}/MedicationStatement`, () => HttpResponse.json({}, { status: 404 })));
    expect(sources(await loadWith(client)).MedicationStatement!.status).toBe("not-supported");
    server.use(http.get(`${FHIR_BASE}/MedicationStatement`, () => HttpResponse.json({}, { status: 403 })));
    expect(sources(await loadWith(client)).MedicationStatement!.status).toBe("not-authorized");
  });

  it("advertised, then refused: failed, and a gap", async () => {
    const outcome = await load({ patient: TREY, faults: { MedicationStatement: { status: 404 } } });
    expect(sources(outcome).MedicationStatement!.status).toBe("failed");
    expect(unreadSources(ok(outcome).sources).map((s) => s.source)).toEqual(["MedicationStatement"]);
  });
});

describe("5. 400 on optional parameters", () => {
  it("Oracle-like: the CapabilityStatement decides — _count only where listed, no _include; nothing refused, nothing retried", async () => {
    const outcome = await load({ patient: "oracle-like", profile: "oracle" });
    const s = sources(outcome);
    expect(s.MedicationRequest!.status).toBe("read");
    expect(s.MedicationRequest!.searches?.[0]?.retriedWithout).toBeUndefined();
    expect(s.MedicationRequest!.warnings).toEqual([]);
    const mr = searchesOf("MedicationRequest");
    expect(mr).toHaveLength(1);
    expect(mr[0]!.searchParams.get("_count")).toBe("200");
    expect(mr[0]!.searchParams.has("_include")).toBe(false);
    expect(searchesOf("Procedure").map((u) => u.searchParams.has("_count"))).toEqual([false]);
    // No _include: the referenced Medication was read by id.
    expect(ok(outcome).input.medications.every((m) => m.concept)).toBe(true);
  });

  it("a server that lists _count and then refuses it (eClinicalWorks): one retry without it, read, not a warning; paging on its own next links", async () => {
    const s = sources(await load({ patient: "c5ed5d78-5b3f-4a75-bdfb-5f318b068a20", profile: "ecw" }));
    expect(s.MedicationRequest).toMatchObject({ status: "read", count: 122, warnings: [] });
    expect(s.MedicationRequest!.searches?.[0]?.retriedWithout).toEqual(["_include", "_count"]);
    expect(searchesOf("MedicationRequest").length).toBeGreaterThan(2);
  });

  it("configured not to send them: no 400, no retry", async () => {
    await load({ patient: "oracle-like", profile: "oracle" }, { useCount: false, useInclude: false });
    expect(searchesOf("MedicationRequest")).toHaveLength(1);
    expect(searchesOf("Procedure")).toHaveLength(1);
  });

  it("a 400 on a required parameter is not retried forever: one retry, then failed", async () => {
    const client = await landed({ patient: TREY });
    server.use(http.get(`${FHIR_BASE}/Procedure`, () => HttpResponse.json({}, { status: 400 })));
    const s = sources(await loadWith(client));
    expect(s.Procedure!.status).toBe("failed");
    expect(searchesOf("Procedure")).toHaveLength(2);
  });
});

describe("6. default filters: every clinical status explicitly", () => {
  it("the option asks for every clinical status on a search that names none", async () => {
    const withAll = ok(await load({ patient: TREY, profile: "epic" }, { explicitClinicalStatus: true }));
    expect(withAll.input.conditions.filter((c) => c.clinicalStatus?.coding?.[0]?.code === "resolved")).toHaveLength(2);
    expect(searchesOf("Condition").at(-1)!.searchParams.get("clinical-status")).toBe("active,recurrence,relapse,inactive,remission,resolved");
  });

  it("a configured status list on a search wins over the option", async () => {
    await load({ patient: TREY }, { explicitClinicalStatus: true, conditionSearches: [{ clinicalStatus: "active" }] });
    expect(searchesOf("Condition")[0]!.searchParams.get("clinical-status")).toBe("active");
  });
});

describe("7. an error outcome inside a 200 searchset", () => {
  it("makes the section incomplete: not read, what came back kept, the panel partial", async () => {
    const outcome = await load({ patient: TREY, faults: {} }, {});
    expect(sources(outcome).Condition!.status).toBe("read");
    const client = await landed({ patient: TREY });
    const condition = { resourceType: "Condition", id: "c1", subject: { reference: `Patient/${TREY}` }, code: { text: "x" } };
    server.use(
      http.get(`${FHIR_BASE}/Condition`, () =>
        HttpResponse.json({
          resourceType: "Bundle",
          type: "searchset",
          entry: [
            { search: { mode: "match" }, resource: condition },
            { search: { mode: "outcome" }, resource: { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "incomplete", diagnostics: "This response may not contain the entire record." }] } },
          ],
        }),
      ),
    );
    const failed = await loadWith(client);
    const c = sources(failed).Condition!;
    expect(c.status).toBe("failed");
    expect(c.count).toBe(1);
    expect(c.message).toMatch(/may be incomplete/);
    expect(c.warnings.join(" ")).toMatch(/may not contain the entire record/);
    expect(unreadSources(ok(failed).sources).map((s) => s.source)).toEqual(["Condition"]);
  });

  it("a warning or information outcome does not", async () => {
    const client = await landed({ patient: TREY });
    server.use(
      http.get(`${FHIR_BASE}/Procedure`, () =>
        HttpResponse.json({
          resourceType: "Bundle",
          type: "searchset",
          entry: [{ search: { mode: "outcome" }, resource: { resourceType: "OperationOutcome", issue: [{ severity: "information", code: "informational", diagnostics: "fyi" }] } }],
        }),
      ),
    );
    expect(sources(await loadWith(client)).Procedure!.status).toBe("read");
  });

  it("a fatal outcome, even without search.mode, does", async () => {
    const client = await landed({ patient: TREY });
    server.use(
      http.get(`${FHIR_BASE}/Procedure`, () =>
        HttpResponse.json({ resourceType: "Bundle", type: "searchset", entry: [{ resource: { resourceType: "OperationOutcome", issue: [{ severity: "fatal", code: "exception" }] } }] }),
      ),
    );
    expect(sources(await loadWith(client)).Procedure!.status).toBe("failed");
  });
});

describe("8. Oracle ingredient-coded contained Medications", () => {
  it("the RxNorm codes on ingredient.itemCodeableConcept are read, and the findings equal the plain server's", async () => {
    const oracle = await load({ patient: TREY, profile: "oracle" });
    const meds = ok(oracle).input.medications;
    expect(meds.length).toBeGreaterThan(0);
    expect(meds.every((m) => m.conceptSource?.kind === "contained")).toBe(true);
    expect(meds.every((m) => m.concept?.coding?.some((c) => c.system === "http://www.nlm.nih.gov/research/umls/rxnorm"))).toBe(true);
    expect(findings(oracle)).toEqual(findings(await load({ patient: TREY })));
  });
});

describe("9. lab results: query mode per server", () => {
  it("default: one search by the LOINC codes, in the first wave", async () => {
    const outcome = await load({ patient: TREY });
    const obs = searchesOf("Observation");
    expect(obs).toHaveLength(1);
    expect(obs[0]!.searchParams.get("code")!.split(",")).toHaveLength(59);
    expect(sources(outcome).Observation!.count).toBe(13);
  });

  it("labCategory adds category=laboratory to the code search", async () => {
    await load({ patient: TREY }, { labCategory: true });
    expect(searchesOf("Observation")[0]!.searchParams.get("category")).toBe("laboratory");
  });

  it("category mode: category=laboratory with a date bound; every result kept for the engine to say what it is", async () => {
    const client = await landed({ patient: TREY });
    const obs = (id: string, code: string, date: string) => ({
      resource: {
        resourceType: "Observation", id, status: "final", subject: { reference: `Patient/${TREY}` },
        category: [{ coding: [{ code: "laboratory" }] }], code: { coding: [{ system: "http://loinc.org", code }] },
        effectiveDateTime: date, valueQuantity: { value: 1, unit: "x" },
      },
    });
    server.use(
      http.get(`${FHIR_BASE}/Observation`, () =>
        HttpResponse.json({ resourceType: "Bundle", type: "searchset", entry: [obs("egfr", "33914-3", "2025-01-01"), obs("cholesterol", "2093-3", "2025-01-01")] }),
      ),
    );
    const outcome = await loadWith(client, { labQuery: "category", labLookbackDays: 365 });
    const sent = searchesOf("Observation")[0]!;
    expect(sent.searchParams.get("category")).toBe("laboratory");
    expect(sent.searchParams.get("date")).toBe("ge2025-11-26");
    expect(sent.searchParams.has("code")).toBe(false);
    expect(ok(outcome).input.observations?.map((o) => o.id)).toEqual(["egfr", "cholesterol"]);
    expect(sources(outcome).Observation!.count).toBe(2);
    expect(sources(outcome).Observation!.labSurvey).toBeUndefined();
  });

  it("category mode against the demo EHR: date-bounded, and the same results as the code search within the bound", async () => {
    const byCode = ok(await load({ patient: TREY })).input.observations!.filter((o) => (o.effectiveDateTime ?? "") >= "2016-11-27");
    const byCategory = ok(await load({ patient: TREY }, { labQuery: "category", labLookbackDays: 3651 })).input.observations!;
    expect(byCategory.map((o) => o.id).sort()).toEqual(byCode.map((o) => o.id).sort());
  });

  it("Epic-like: an Observation search needs a category or code, which category mode sends", async () => {
    expect(sources(await load({ patient: TREY, profile: "epic" }, { labQuery: "category" })).Observation!.status).toBe("read");
  });
});

describe("12. a refused CORS request", () => {
  it("every request fails at the network level but the EHR answers a no-cors probe: origin-refused", async () => {
    const client = await landed({ patient: TREY });
    server.use(http.get(`${FHIR_BASE}/*`, () => HttpResponse.error()));
    const probed: string[] = [];
    const outcome = await loadWith(client, {}, { probeReachable: async (url) => (probed.push(url), true) });
    expect(outcome).toEqual({ ok: false, error: "origin-refused" });
    expect(probed).toEqual([`${FHIR_BASE}/metadata`]);
  });

  it("the probe fails too: a network failure, reported per section", async () => {
    const client = await landed({ patient: TREY });
    server.use(http.get(`${FHIR_BASE}/*`, () => HttpResponse.error()));
    const s = sources(await loadWith(client, {}, { probeReachable: async () => false }));
    expect(s.Condition!.status).toBe("failed");
    expect(s.Condition!.message).toMatch(/network/);
  });
});
