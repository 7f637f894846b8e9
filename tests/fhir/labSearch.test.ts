// @vitest-environment jsdom
/**
 * The lab search as real servers see it (issue 19 items 3 and 4), through the real data layer (real
 * fhirclient, the demo EHR over MSW): every request URL under 2,048 bytes on every server, and the search of
 * all laboratory results that learns of results a search by LOINC code cannot see.
 */
import { describe, expect, it } from "vitest";
import { http, HttpResponse } from "msw";
import type { DemoLaunch } from "../../mocks/launchContext";
import type { LoadOutcome } from "../../src/fhir/load";
import type { ServerConfig } from "../../src/fhir/configTypes";
import type { SourceReport } from "../../src/fhir/types";
import { queryUrl, restrictQueries } from "../../src/fhir/queries";
import { SECTIONS } from "../../src/fhir/sections";
import { surveyQuery } from "../../src/fhir/labSurvey";
import { interpretLabs } from "../../src/engine/labs";
import { FHIR_BASE, NOW, recordRequests, TREY, startMockEhrForFile, landedClient as landed, loadWithClient as loadWith } from "./smartFlow";

const server = startMockEhrForFile();
const requested = recordRequests(server);



const load = async (launch: DemoLaunch, config: Partial<ServerConfig> = {}) => loadWith(await landed(launch), config);

function ok(outcome: LoadOutcome) {
  if (!outcome.ok) throw new Error(`load failed: ${outcome.error}`);
  return outcome.data;
}

const labSource = (outcome: LoadOutcome): SourceReport => ok(outcome).sources.find((s) => s.source === "Observation")!;
const observationSearches = () => requested.filter((u) => u.startsWith(`${FHIR_BASE}/Observation?`)).map((u) => new URL(u));
const surveys = () => observationSearches().filter((u) => u.searchParams.get("category") === "laboratory" && u.searchParams.has("date"));

describe("every request URL stays under 2,048 bytes (Epic's IIS front end refuses longer query strings)", () => {
  // A production-length Epic base and an Epic-length patient id.
  const EPIC_BASE = "https://fhir.example-health-system.org/interconnect-fhir-oauth-prd/api/FHIR/R4/";
  const EPIC_PATIENT = "eAB3mDIBBcyUKviyzrxsnAw3.XcNQ2m6aUWqOVhOaN2gLZhU4JHxPVIVy6KgvkmPjBQ3";
  const configs: Partial<ServerConfig>[] = [
    {},
    { labCategory: true },
    { labQuery: "category", labLookbackDays: 3650 },
    { explicitClinicalStatus: true, pageSize: 1000 },
    {
      conditionSearches: [
        { category: "problem-list-item", clinicalStatus: "active,inactive,resolved" },
        { category: "encounter-diagnosis" },
        { category: "health-concern" },
      ],
    },
  ];

  it.each(configs.map((c) => [JSON.stringify(c), c] as const))("%s", (_name, config) => {
    const ctx = { patientId: EPIC_PATIENT, server: { name: "epic", ...config }, now: NOW };
    const restricted = [undefined, [[["category", "laboratory"]]] as [string, string][][]];
    for (const spec of SECTIONS) {
      for (const restriction of restricted) {
        for (const q of restrictQueries(spec.queries(ctx), spec.type === "Observation" ? restriction : undefined)) {
          const url = queryUrl(EPIC_BASE, q);
          expect(url.length, `${spec.type}: ${url.slice(0, 120)}…`).toBeLessThan(2048);
        }
      }
    }
    const survey = surveyQuery({ ...ctx, restrictions: undefined })!;
    expect(queryUrl(EPIC_BASE, survey).length).toBeLessThan(2048);
  });

  it("the lab search sends every code of lab-results.md, without a system, so LOINC sent as its OID matches too", async () => {
    await load({ patient: TREY });
    const [search] = observationSearches();
    expect(search!.href.length).toBeLessThan(2048);
    const codes = search!.searchParams.get("code")!.split(",");
    expect(codes).toHaveLength(59);
    expect(codes.every((c) => /^\d+-\d$/.test(c))).toBe(true);
  });

  it("a result sent under LOINC's OID is found by the code search and read", async () => {
    const client = await landed({ patient: TREY });
    const oid = {
      resourceType: "Observation", id: "oid-tsh", status: "final", subject: { reference: `Patient/${TREY}` },
      code: { coding: [{ system: "urn:oid:2.16.840.1.113883.6.1", code: "3016-3" }] },
      effectiveDateTime: "2026-11-01", valueQuantity: { value: 14, unit: "mU/L" },
    };
    server.use(
      http.get(`${FHIR_BASE}/Observation`, ({ request }) => {
        const codes = new URL(request.url).searchParams.get("code")?.split(",") ?? [];
        // A server matching tokens as FHIR says: a code without a system matches it in any system.
        const entry = codes.includes("3016-3") ? [{ resource: oid }] : [];
        return HttpResponse.json({ resourceType: "Bundle", type: "searchset", entry });
      }),
    );
    const outcome = await loadWith(client);
    const labs = interpretLabs(ok(outcome).input.observations, { patient: ok(outcome).input.patient, now: NOW });
    expect(labs.causes.map((c) => c.cause)).toEqual(["hypothyroidism"]);
  });
});

describe("learning of lab results the code search cannot see", () => {
  it("local codes labelled as LOINC: the code search finds none, so the first page of all laboratory results is read, after the first wave", async () => {
    const outcome = await load({ patient: "labs-local-codes" });
    const s = labSource(outcome);
    expect(surveys()).toHaveLength(1);
    const survey = surveys()[0]!;
    expect(survey.searchParams.get("date")).toBe("ge2021-11-26");
    expect(survey.searchParams.has("code")).toBe(false);
    // The server's own page size: no _count for a server to refuse (Oracle Health answers 400 to it).
    expect(survey.searchParams.has("_count")).toBe(false);
    expect(s.status).toBe("read");
    expect(s.count).toBe(3);
    expect(s.labSurvey).toEqual({ since: "2021-11-26", status: "read", read: 3, total: 3, more: false });
    const labs = interpretLabs(ok(outcome).input.observations, { patient: ok(outcome).input.patient, now: NOW });
    expect(labs.counts).toMatchObject({ observations: 3, labResults: 0, notLoinc: 3 });
  });

  it("when the code search finds results of the tests, there is no second search (the load stays one wave)", async () => {
    await load({ patient: TREY });
    expect(observationSearches()).toHaveLength(1);
    expect(surveys()).toHaveLength(0);
  });

  it("only where the CapabilityStatement lists category and date for Observation", async () => {
    const client = await landed({ patient: "labs-local-codes" });
    server.use(
      http.get(`${FHIR_BASE}/metadata`, () =>
        HttpResponse.json({
          resourceType: "CapabilityStatement", fhirVersion: "4.0.1",
          rest: [{ mode: "server", resource: [{ type: "Observation", searchParam: [{ name: "patient", type: "reference" }, { name: "code", type: "token" }] }] }],
        }),
      ),
    );
    const outcome = await loadWith(client);
    expect(surveys()).toHaveLength(0);
    expect(labSource(outcome).labSurvey).toBeUndefined();
  });

  it('"off" never searches; "always" searches in the first wave even when the code search finds results', async () => {
    await load({ patient: "labs-local-codes" }, { labSurvey: "off" });
    expect(surveys()).toHaveLength(0);
    requested.length = 0;
    const outcome = await load({ patient: TREY }, { labSurvey: "always" });
    expect(surveys()).toHaveLength(1);
    expect(labSource(outcome).labSurvey?.status).toBe("read");
  });

  it("a refused survey is said, and is no gap of its own: the section stays read", async () => {
    const client = await landed({ patient: "labs-local-codes" });
    server.use(
      http.get(`${FHIR_BASE}/Observation`, ({ request }) =>
        new URL(request.url).searchParams.has("date")
          ? HttpResponse.json({ resourceType: "OperationOutcome", issue: [{ severity: "error", code: "forbidden" }] }, { status: 403 })
          : HttpResponse.json({ resourceType: "Bundle", type: "searchset" }),
      ),
    );
    const s = labSource(await loadWith(client));
    expect(s.status).toBe("read");
    expect(s.labSurvey).toEqual({ since: "2021-11-26", status: "not-authorized", read: 0, more: false });
  });

  it("a survey page that says there are more: only the first page is read, with the server's total", async () => {
    const client = await landed({ patient: "labs-local-codes" });
    const local = (i: number) => ({
      resource: {
        resourceType: "Observation", id: `l${i}`, status: "final", subject: { reference: `Patient/labs-local-codes` },
        code: { coding: [{ system: "http://loinc.org", code: `L${i}` }] }, effectiveDateTime: "2026-01-01", valueQuantity: { value: i, unit: "mg/dL" },
      },
    });
    server.use(
      http.get(`${FHIR_BASE}/Observation`, ({ request }) =>
        new URL(request.url).searchParams.has("date")
          ? HttpResponse.json({
              resourceType: "Bundle", type: "searchset", total: 419,
              link: [{ relation: "next", url: `${FHIR_BASE}/Observation?page=2` }],
              entry: [local(1), local(2)],
            })
          : HttpResponse.json({ resourceType: "Bundle", type: "searchset" }),
      ),
    );
    const s = labSource(await loadWith(client));
    expect(s.labSurvey).toEqual({ since: "2021-11-26", status: "read", read: 2, total: 419, more: true });
    expect(requested.filter((u) => u.includes("page=2"))).toEqual([]);
  });

  it("a 401 during the survey ends the session, as anywhere else", async () => {
    const client = await landed({ patient: "labs-local-codes" });
    server.use(
      http.get(`${FHIR_BASE}/Observation`, ({ request }) =>
        new URL(request.url).searchParams.has("date") ? new HttpResponse(null, { status: 401 }) : HttpResponse.json({ resourceType: "Bundle", type: "searchset" }),
      ),
    );
    expect(await loadWith(client)).toEqual({ ok: false, error: "session-expired" });
  });
});
