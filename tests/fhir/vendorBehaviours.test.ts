// @vitest-environment jsdom
/**
 * Issue 19: what real Epic, Oracle Health, MEDITECH, athenahealth, eClinicalWorks and NextGen responses do
 * to the data layer, one block per item of the issue this layer decides, each through the real fhirclient
 * against the demo EHR's profiles (msw/node) or the exact response a capture shows. Each block has a test
 * that fails on the data layer before issue 19.
 */
import { describe, expect, it } from "vitest";
import { http, HttpResponse } from "msw";
import type { DemoLaunch } from "../../mocks/launchContext";
import { epicSuppressed } from "../../mocks/profiles";
import type { LoadOutcome } from "../../src/fhir/load";
import type { ServerConfig } from "../../src/fhir/configTypes";
import type { SourceReport } from "../../src/fhir/types";
import { unreadSources } from "../../src/fhir/sourceReports";
import { isEpic, readCapabilities } from "../../src/fhir/capabilities";
import { resolveOnBase } from "../../src/fhir/search";
import { noticeLines } from "../../src/report/notices";
import { FHIR_BASE, recordRequests, TREY, startMockEhrForFile, landedClient as landed, loadWithClient as loadWith } from "./smartFlow";

const server = startMockEhrForFile();
const requested = recordRequests(server);



const load = async (launch: DemoLaunch, config: Partial<ServerConfig> = {}) => loadWith(await landed(launch), config);

function ok(outcome: LoadOutcome) {
  if (!outcome.ok) throw new Error(`load failed: ${outcome.error}`);
  return outcome.data;
}

const sources = (outcome: LoadOutcome): Record<string, SourceReport> => Object.fromEntries(ok(outcome).sources.map((s) => [s.source, s]));
const searchesOf = (type: string) => requested.filter((u) => u.startsWith(`${FHIR_BASE}/${type}?`)).map((u) => new URL(u));
const readsOf = (type: string) => requested.filter((u) => u.startsWith(`${FHIR_BASE}/${type}/`));

const ALL_INTENTS = "proposal,plan,order,original-order,reflex-order,filler-order,instance-order,option";
const bundle = (entry: unknown[], extra: Record<string, unknown> = {}) => HttpResponse.json({ resourceType: "Bundle", type: "searchset", ...extra, entry });

describe("1. home medicines are fetched whatever their intent", () => {
  it("MEDITECH's proposals with reportedBoolean are read (the old intent=order,plan filter dropped them)", async () => {
    const outcome = await load({ patient: "meditech-home-meds", profile: "meditech" });
    expect(searchesOf("MedicationRequest")[0]!.searchParams.get("intent")).toBe(ALL_INTENTS);
    const mrs = ok(outcome).input.medications.map((m) => m.resource);
    expect(mrs.map((m) => [m.id, "intent" in m ? m.intent : undefined])).toEqual([
      ["meditech-home-furosemide", "proposal"],
      ["meditech-home-lisinopril", "proposal"],
    ]);
    expect(sources(outcome).MedicationRequest).toMatchObject({ status: "read", count: 2 });
  });

  it("Oracle Health's home medicines as intent plan are read beside the orders", async () => {
    const outcome = await load({ patient: "oracle-home-meds", profile: "oracle" });
    expect(ok(outcome).input.medications.map((m) => m.resource.id).sort()).toEqual(["oracle-hm-amlodipine", "oracle-hm-furosemide"]);
  });

  it("athenahealth requires intent: it is always sent, so its 403 never comes", async () => {
    const s = sources(await load({ patient: "athena-local-labs", profile: "athena" }));
    expect(s.MedicationRequest).toMatchObject({ status: "read", count: 1 });
  });
});

describe("5. paging that real servers break", () => {
  it("a same-origin next link whose path differs from the base only in case is followed (NextGen)", async () => {
    const outcome = await load({ patient: "nextgen-paging", profile: "nextgen" });
    const s = sources(outcome);
    expect(s.MedicationRequest).toMatchObject({ status: "read", count: 60 });
    expect(requested.some((u) => u.includes("/FHIR/MedicationRequest?"))).toBe(true);
  });

  it("a server that stops paging before its own total: the section is cut, 'the EHR sent 50 of 109 procedures'", async () => {
    const outcome = await load({ patient: "nextgen-paging", profile: "nextgen" });
    const p = sources(outcome).Procedure!;
    expect(p.status).toBe("truncated");
    expect(p.count).toBe(50);
    expect(p.message).toBe("The EHR sent 50 of 109 procedures and stopped; the rest could not be read.");
    expect(unreadSources(ok(outcome).sources).map((x) => x.source)).toEqual(["Procedure"]);
  });

  it("the case rule: same origin and the same path but for case only; never another origin or path", () => {
    const base = "https://ehr.example/r4/tenant";
    expect(resolveOnBase("https://ehr.example/R4/tenant/Procedure?page=2", base)).toBe("https://ehr.example/R4/tenant/Procedure?page=2");
    expect(resolveOnBase("https://ehr.example/r4/other/Procedure?page=2", base)).toBeUndefined();
    expect(resolveOnBase("https://EHR.example.evil/r4/tenant/Procedure", base)).toBeUndefined();
    expect(resolveOnBase("https://ehr.example/r4/tenantx/Procedure", base)).toBeUndefined();
  });

  it("a total that only counts the page (Epic) or matches what was sent never cuts", async () => {
    const client = await landed({ patient: TREY });
    const proc = (id: string) => ({ search: { mode: "match" }, resource: { resourceType: "Procedure", id, status: "completed", subject: { reference: `Patient/${TREY}` }, code: { text: "x" } } });
    server.use(http.get(`${FHIR_BASE}/Procedure`, () => bundle([proc("a"), proc("b")], { total: 2 })));
    expect(sources(await loadWith(client)).Procedure!.status).toBe("read");
  });
});

describe("6. Epic's outcomes", () => {
  it("suppressed outside records: the section stays read; one notice per section, none of them a warning; Epic's 'no results' is not a warning", async () => {
    const outcome = await load({ patient: "epic-like", profile: "epic" }, { labQuery: "category" });
    const s = sources(outcome);
    for (const type of ["Condition", "MedicationRequest", "Observation"]) {
      expect(s[type]!.status).toBe("read");
      expect(s[type]!.warnings).toEqual([]);
      expect(s[type]!.notices).toHaveLength(1);
    }
    expect(s.Condition!.notices![0]).toBe(
      "Outside records (from other organisations) were not shared with this app: Outside Record Problems. Not checked; the patient's own records were read.",
    );
    // Two Condition searches (problem list, encounter diagnoses) each carried the same outcome: one line.
    expect(searchesOf("Condition")).toHaveLength(2);
    expect(unreadSources(ok(outcome).sources)).toEqual([]);
    // Across sections, one line naming every kind withheld.
    expect(noticeLines(ok(outcome).sources)).toEqual([
      "Outside records (from other organisations) were not shared with this app: Outside Record Problems, Outside Record, Outside Record Results. Not checked; the patient's own records were read.",
    ]);
  });

  it("withheld records that are not outside records are a gap, named", async () => {
    const client = await landed({ patient: TREY });
    const issue = epicSuppressed("Procedure", "Confidential Procedures");
    server.use(http.get(`${FHIR_BASE}/Procedure`, () => bundle([{ search: { mode: "outcome" }, resource: { resourceType: "OperationOutcome", issue: [issue] } }])));
    const p = sources(await loadWith(client)).Procedure!;
    expect(p.status).toBe("not-authorized");
    expect(p.message).toBe("The EHR withheld some procedures (Confidential Procedures); the 0 it sent were checked.");
  });

  it("an information-level outcome is a notice, not a warning", async () => {
    const client = await landed({ patient: TREY });
    server.use(
      http.get(`${FHIR_BASE}/Procedure`, () =>
        bundle([{ search: { mode: "outcome" }, resource: { resourceType: "OperationOutcome", issue: [{ severity: "information", code: "informational", diagnostics: "Results limited to the last 10 years." }] } }]),
      ),
    );
    const p = sources(await loadWith(client)).Procedure!;
    expect(p).toMatchObject({ status: "read", warnings: [], notices: ["Results limited to the last 10 years."] });
  });

  it("identical warnings on every page are one line", async () => {
    const client = await landed({ patient: TREY });
    const warning = { search: { mode: "outcome" }, resource: { resourceType: "OperationOutcome", issue: [{ severity: "warning", code: "processing", diagnostics: "Some results may be delayed." }] } };
    server.use(
      http.get(`${FHIR_BASE}/Procedure`, ({ request }) =>
        new URL(request.url).searchParams.has("page")
          ? bundle([warning])
          : bundle([warning], { link: [{ relation: "next", url: `${FHIR_BASE}/Procedure?patient=${TREY}&page=2` }] }),
      ),
    );
    expect(sources(await loadWith(client)).Procedure!.warnings).toEqual(["The EHR reported a warning: Some results may be delayed."]);
  });
});

describe("7. refusals worded by their reason", () => {
  it("athenahealth's 403 with an OperationOutcome for a missing parameter is a refused query, not 'not authorised'", async () => {
    const client = await landed({ patient: TREY });
    server.use(
      http.get(`${FHIR_BASE}/MedicationRequest`, () =>
        HttpResponse.json({ resourceType: "OperationOutcome", issue: [{ severity: "error", code: "required", diagnostics: "Search parameter 'intent' is required" }] }, { status: 403 }),
      ),
    );
    const mr = sources(await loadWith(client)).MedicationRequest!;
    expect(mr.status).toBe("failed");
    expect(mr.message).toBe(
      "The EHR refused the search for medicine orders: it wants a search parameter the app did not send (“Search parameter 'intent' is required”). Not a permission problem.",
    );
  });

  it("a 403 whose outcome says forbidden stays 'not authorised', with the EHR's words", async () => {
    const client = await landed({ patient: TREY });
    server.use(http.get(`${FHIR_BASE}/Procedure`, () => HttpResponse.json({ resourceType: "OperationOutcome", issue: [{ severity: "error", code: "forbidden", diagnostics: "Client not authorized for Procedure" }] }, { status: 403 })));
    const p = sources(await loadWith(client)).Procedure!;
    expect(p.status).toBe("not-authorized");
    expect(p.message).toBe("This app is not authorized to read procedures in this EHR (“Client not authorized for Procedure”).");
  });

  it("Epic's fatal business-rule outcome (its generic details.text) is quoted from diagnostics", async () => {
    const client = await landed({ patient: TREY });
    const generic = "The content/operation failed to pass a business rule, and so could not proceed.";
    server.use(
      http.get(`${FHIR_BASE}/Procedure`, () =>
        HttpResponse.json(
          {
            resourceType: "OperationOutcome",
            issue: [{ severity: "fatal", code: "business-rule", details: { coding: [{ code: "59159", display: generic }], text: generic }, diagnostics: "This resource requires a category parameter for searching." }],
          },
          { status: 400 },
        ),
      ),
    );
    expect(sources(await loadWith(client)).Procedure!.message).toMatch(/“This resource requires a category parameter for searching\.”/);
  });

  it("an HTML 404 (Epic's web server refusing a long query string) and a plain-text 400 (MEDITECH) are said to be non-FHIR answers", async () => {
    const client = await landed({ patient: TREY });
    server.use(
      http.get(`${FHIR_BASE}/Procedure`, () => new HttpResponse("<html><body><h2>404 - File or directory not found.</h2></body></html>", { status: 404, headers: { "Content-Type": "text/html" } })),
      http.get(`${FHIR_BASE}/Condition`, () => new HttpResponse("Error 400: bad search", { status: 400, headers: { "Content-Type": "text/plain" } })),
    );
    const s = sources(await loadWith(client));
    expect(s.Procedure!.message).toBe("The EHR's web server refused the search for procedures (HTTP 404, not a FHIR answer).");
    expect(s.Condition!.message).toBe("The EHR's web server refused the search for conditions (HTTP 400, not a FHIR answer).");
    expect(s.Procedure!.status).toBe("failed");
  });
});

describe("8. the CapabilityStatement decides", () => {
  it("MEDITECH's 2021 baseline: no _count, no _include, no MedicationStatement search, no Medication read — nothing refused, every section read", async () => {
    const outcome = await load({ patient: "meditech-home-meds", profile: "meditech" });
    const sent = requested.filter((u) => u.startsWith(`${FHIR_BASE}/`) && u.includes("?")).map((u) => new URL(u));
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((u) => u.searchParams.has("_count") || u.searchParams.has("_include"))).toEqual([]);
    expect(searchesOf("MedicationStatement")).toEqual([]);
    expect(readsOf("Medication")).toEqual([]);
    const s = sources(outcome);
    expect(s.MedicationStatement!.status).toBe("not-supported");
    expect(unreadSources(ok(outcome).sources)).toEqual([]);
    expect(Object.values(s).flatMap((x) => x.searches ?? []).filter((x) => x.retriedWithout)).toEqual([]);
  });

  it("a type the statement does not list is never asked for; the one retry remains for a server that lists a parameter and refuses it", async () => {
    await load({ patient: TREY, profile: "oracle" });
    expect(searchesOf("MedicationStatement")).toEqual([]);
  });

  it("the rules read from real statements: MEDITECH lists _count for other types only; Epic lists '*' includes", async () => {
    const { countAllowed, includeAllowed } = await import("../../src/fhir/capabilities");
    const meditech = readCapabilities({
      resourceType: "CapabilityStatement",
      software: { name: "Interoperability Services: US Core FHIR R4" },
      rest: [{ mode: "server", resource: [
        { type: "MedicationRequest", searchParam: [{ name: "patient" }, { name: "intent" }], searchInclude: ["MedicationRequest.medication"] },
        { type: "Location", searchParam: [{ name: "_count" }] },
      ] }],
    });
    expect(countAllowed(meditech, "MedicationRequest")).toBe(false);
    expect(countAllowed(meditech, "Location")).toBe(true);
    expect(includeAllowed(meditech, "MedicationRequest", "MedicationRequest:medication")).toBe(false);
    const epic = readCapabilities({ resourceType: "CapabilityStatement", software: { name: "Epic" }, rest: [{ mode: "server", resource: [{ type: "MedicationRequest", searchParam: [{ name: "_count" }], searchInclude: ["*"] }] }] });
    expect(countAllowed(epic, "MedicationRequest")).toBe(true);
    expect(includeAllowed(epic, "MedicationRequest", "MedicationRequest:medication")).toBe(true);
    // A statement that says nothing about either: both are sent (and a refusal retried).
    const bare = readCapabilities({ resourceType: "CapabilityStatement", rest: [{ mode: "server", resource: [{ type: "MedicationRequest" }] }] });
    expect([countAllowed(bare, "MedicationRequest"), includeAllowed(bare, "MedicationRequest", "MedicationRequest:medication")]).toEqual([true, true]);
  });
});

describe("10. a Patient read answered with a searchset Bundle", () => {
  it("a Bundle holding exactly this patient is the patient; anything else is a mismatch", async () => {
    const client = await landed({ patient: TREY });
    const patient = { resourceType: "Patient", id: TREY, birthDate: "1950-01-01", gender: "male" };
    server.use(http.get(`${FHIR_BASE}/Patient/${TREY}`, () => bundle([{ fullUrl: `${FHIR_BASE}/Patient/${TREY}`, resource: patient, search: { mode: "match" } }], { total: 1 })));
    const outcome = await loadWith(client);
    expect(ok(outcome).patient).toMatchObject({ resourceType: "Patient", id: TREY });
    expect(sources(outcome).Patient!.status).toBe("read");
    server.use(http.get(`${FHIR_BASE}/Patient/${TREY}`, () => bundle([{ resource: { ...patient, id: "someone-else" } }])));
    expect(await loadWith(client)).toEqual({ ok: false, error: "patient-mismatch" });
  });
});

describe("11. an Epic server gets Epic's Condition searches without configuration", () => {
  it("recognised from its CapabilityStatement: problem list with every Epic status, and encounter diagnoses — resolved problems come back", async () => {
    const outcome = await load({ patient: "epic-like", profile: "epic" }, { labQuery: "category" });
    const sent = searchesOf("Condition").map((u) => [u.searchParams.get("category"), u.searchParams.get("clinical-status")]);
    expect(sent).toEqual([
      ["problem-list-item", "active,inactive,resolved"],
      ["encounter-diagnosis", null],
    ]);
    expect(sources(outcome).Condition).toMatchObject({ status: "read", count: 5 });
  });

  it("Trey on the Epic profile: resolved conditions are read with no hand configuration", async () => {
    const data = ok(await load({ patient: TREY, profile: "epic" }, { labQuery: "category" }));
    expect(data.input.conditions.filter((c) => c.clinicalStatus?.coding?.[0]?.code === "resolved")).toHaveLength(2);
  });

  it("the deployer's configuration wins; a server that is not Epic is left alone", async () => {
    await load({ patient: "epic-like", profile: "epic" }, { labQuery: "category", conditionSearches: [{}] });
    expect(searchesOf("Condition")).toHaveLength(1);
    requested.length = 0;
    await load({ patient: "epic-like" });
    expect(searchesOf("Condition").map((u) => u.searchParams.has("category"))).toEqual([false]);
  });

  it("a server session reads through the app's own path: the EHR's own base (iss) is what is recognised", async () => {
    const client = await landed({ patient: "epic-like" });
    await loadWith(client, {}, { iss: "https://fhir.example.org/interconnect-fhir-oauth/api/FHIR/R4" });
    expect(searchesOf("Condition").map((u) => u.searchParams.get("category"))).toEqual(["problem-list-item", "encounter-diagnosis"]);
    requested.length = 0;
    // The path a session reads through says nothing about the EHR behind it.
    await loadWith(client, {}, { iss: FHIR_BASE });
    expect(searchesOf("Condition").map((u) => u.searchParams.has("category"))).toEqual([false]);
  });

  it("recognised from its software name or its /api/FHIR/R4 base", () => {
    expect(isEpic({ software: "Epic" }, "https://x.example/fhir")).toBe(true);
    expect(isEpic({}, "https://fhir.example.org/interconnect-fhir-oauth/api/FHIR/R4")).toBe(true);
    expect(isEpic({}, "https://fhir.example.org/api/FHIR/R4/")).toBe(true);
    expect(isEpic({ software: "Epicure EHR" }, "https://x.example/r4")).toBe(false);
    expect(isEpic({}, "https://fhir.example.org/api/FHIR/DSTU2")).toBe(false);
  });
});
