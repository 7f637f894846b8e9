/**
 * The pure rules of the data layer: scope parsing (v1, v2 granular, Epic strings, unreadable grants),
 * queries under granular grants, what a CapabilityStatement offers, medicine concepts from ingredients,
 * style origins, and which reports make the panel partial.
 */
import { describe, expect, it } from "vitest";
import type { Medication } from "fhir/r4";
import { parseScopes } from "../../src/fhir/scopes";
import { queryUrl, restrictionsCover, restrictQueries, type SearchQuery } from "../../src/fhir/queries";
import { notOffered, readCapabilities } from "../../src/fhir/capabilities";
import { medicationConcept } from "../../src/fhir/medications";
import { readMetadataEarly, storedServerUrl, storedTokenUri, styleUrlAllowed } from "../../src/fhir/origins";
import { unreadSources } from "../../src/fhir/sourceReports";
import { SECTIONS } from "../../src/fhir/sections";
import { RECORD_TYPES } from "../../src/knowledge";
import type { SourceReport, SourceStatus } from "../../src/fhir/types";

const CAT = "http://terminology.hl7.org/CodeSystem/condition-category";

describe("parseScopes", () => {
  it("Epic's context-less strings grant read and search", () => {
    const s = parseScopes("openid fhirUser Patient.read Patient.search Condition.read Condition.search Medication.read");
    expect(s.readable).toBe(true);
    expect(s.canSearch("Condition")).toBe(true);
    expect(s.canRead("Medication")).toBe(true);
    expect(s.canSearch("Procedure")).toBe(false);
  });

  it("a grant with no resource scope in any known form cannot be read: every kind is tried", () => {
    for (const grant of ["", "openid fhirUser launch", "patient-Condition-read"]) {
      const s = parseScopes(grant);
      expect(s.readable).toBe(false);
      expect(s.canSearch("Condition") && s.canRead("Medication")).toBe(true);
      expect(s.restrictions("Condition")).toBeUndefined();
    }
  });

  it("granular v2 scopes are restrictions; an unrestricted scope for the same type lifts them", () => {
    const g = parseScopes(`patient/Condition.rs?category=${CAT}|problem-list-item patient/Condition.rs?category=${CAT}|encounter-diagnosis`);
    expect(g.restrictions("Condition")).toEqual([[["category", `${CAT}|problem-list-item`]], [["category", `${CAT}|encounter-diagnosis`]]]);
    expect(parseScopes(`patient/Condition.rs?category=x patient/Condition.rs`).restrictions("Condition")).toBeUndefined();
    expect(parseScopes(`patient/*.rs patient/Condition.rs?category=x`).restrictions("Condition")).toBeUndefined();
  });
});

describe("queries under a granular grant", () => {
  const q: SearchQuery = { type: "Condition", label: "conditions", params: [["patient", "p1"], ["_count", "200"]], optional: ["_count"] };

  it("the restriction's parameters are added and become required", () => {
    const [r] = restrictQueries([q], [[["category", `${CAT}|problem-list-item`]]]);
    expect(queryUrl("https://ehr/fhir/", r!)).toBe(`https://ehr/fhir/Condition?patient=p1&_count=200&category=${encodeURIComponent(`${CAT}|problem-list-item`)}`);
    expect(r!.optional).toEqual(["_count"]);
    expect(r!.label).toBe("conditions (problem-list-item)");
  });

  it("a query asking for what the restriction excludes is dropped; one asking within it is kept", () => {
    const asks = (category: string): SearchQuery => ({ ...q, params: [...q.params, ["category", category]], optional: ["category", "_count"] });
    const restriction: [string, string][][] = [[["category", `${CAT}|problem-list-item`]]];
    expect(restrictQueries([asks("encounter-diagnosis")], restriction)).toEqual([]);
    expect(restrictQueries([asks("problem-list-item")], restriction)).toHaveLength(1);
  });

  it("coverage: every needed value granted on the one parameter, or not covered", () => {
    const need = { param: "category", values: ["problem-list-item", "encounter-diagnosis"] };
    expect(restrictionsCover(undefined, need)).toBe(true);
    expect(restrictionsCover([[["category", `${CAT}|problem-list-item`]]], need)).toBe(false);
    expect(restrictionsCover([[["category", `${CAT}|problem-list-item,${CAT}|encounter-diagnosis`]]], need)).toBe(true);
    expect(restrictionsCover([[["category", "problem-list-item"], ["clinical-status", "active"]]], need)).toBe(false);
    expect(restrictionsCover([[["category", "x"]]], undefined)).toBe(false);
  });
});

describe("the table of sections", () => {
  it("has one row per searched record type, in the shared order, Patient read beside it", () => {
    expect(SECTIONS.map((s) => s.type)).toEqual(RECORD_TYPES.filter((t) => t !== "Patient"));
  });

  it("every query keeps the patient and names _count as optional", () => {
    const ctx = { patientId: "p1", server: { name: "s" }, now: new Date("2026-01-01T00:00:00Z") };
    for (const section of SECTIONS) {
      for (const query of section.queries(ctx)) {
        expect(query.params[0]).toEqual(["patient", "p1"]);
        expect(query.optional).toContain("_count");
        expect(query.optional).not.toContain("patient");
      }
    }
  });
});

describe("CapabilityStatement", () => {
  it("lists the offered types; unread or empty statements offer nothing to judge by", () => {
    const caps = readCapabilities({ resourceType: "CapabilityStatement", fhirVersion: "4.0.1", rest: [{ mode: "server", resource: [{ type: "Condition" }] }] });
    expect(notOffered(caps, "MedicationStatement")).toBe(true);
    expect(notOffered(caps, "Condition")).toBe(false);
    expect(notOffered(readCapabilities(undefined), "MedicationStatement")).toBe(false);
    expect(notOffered(readCapabilities({ resourceType: "CapabilityStatement", rest: [{ mode: "server" }] }), "MedicationStatement")).toBe(false);
  });
});

describe("medicationConcept", () => {
  const rx = "http://www.nlm.nih.gov/research/umls/rxnorm";
  it("reads RxNorm codes from ingredients when code has text only (Oracle Health)", () => {
    const med: Medication = { resourceType: "Medication", code: { text: "lisinopril 10 mg" }, ingredient: [{ itemCodeableConcept: { coding: [{ system: rx, code: "29046" }] } }] };
    expect(medicationConcept(med)).toEqual({ coding: [{ system: rx, code: "29046" }], text: "lisinopril 10 mg" });
  });
  it("keeps code's codings first; nothing at all gives undefined", () => {
    const med: Medication = { resourceType: "Medication", code: { coding: [{ system: rx, code: "314076" }] }, ingredient: [{ itemCodeableConcept: { coding: [{ system: rx, code: "29046" }], text: "lisinopril" } }] };
    expect(medicationConcept(med)?.coding?.map((c) => c.code)).toEqual(["314076", "29046"]);
    expect(medicationConcept(med)?.text).toBe("lisinopril");
    expect(medicationConcept({ resourceType: "Medication" })).toBeUndefined();
  });
});

describe("origins", () => {
  const server = { name: "s", authOrigins: ["https://auth.ehr.example"], styleOrigins: ["https://style.ehr.example"] };
  it("smart_style_url: the FHIR, authorization and listed style origins only", () => {
    expect(styleUrlAllowed("https://ehr.example/style.json", "https://ehr.example/fhir", server)).toBe(true);
    expect(styleUrlAllowed("https://style.ehr.example/a.json", "https://ehr.example/fhir", server)).toBe(true);
    expect(styleUrlAllowed("https://auth.ehr.example/a.json", "https://ehr.example/fhir", server)).toBe(true);
    expect(styleUrlAllowed("https://other.example/a.json", "https://ehr.example/fhir", server)).toBe(false);
    expect(styleUrlAllowed("javascript:alert(1)", "https://ehr.example/fhir", server)).toBe(false);
  });
  it("the stored token endpoint, or undefined for anything unreadable", () => {
    const store = (m: Record<string, string>) => ({ getItem: (k: string) => m[k] ?? null });
    expect(storedTokenUri(store({ SMART_KEY: '"k"', k: '{"tokenUri":"https://ehr/token"}' }))).toBe("https://ehr/token");
    expect(storedTokenUri(store({ SMART_KEY: "{bad" }))).toBeUndefined();
    expect(storedTokenUri(store({}))).toBeUndefined();
  });
});

describe("the CapabilityStatement read beside the token exchange", () => {
  const store = (m: Record<string, string>) => ({ getItem: (k: string) => m[k] ?? null });
  const session = store({ SMART_KEY: '"k"', k: '{"serverUrl":"https://ehr.example/fhir/"}' });

  it("reads <stored FHIR base>/metadata, and says which base it came from", async () => {
    const asked: string[] = [];
    const early = await readMetadataEarly(session, undefined, async (url) => (asked.push(url), { resourceType: "CapabilityStatement" }));
    expect(asked).toEqual(["https://ehr.example/fhir/metadata"]);
    expect(early).toEqual({ base: "https://ehr.example/fhir/", metadata: { resourceType: "CapabilityStatement" } });
    expect(storedServerUrl(session)).toBe("https://ehr.example/fhir/");
  });

  it("no session, a base that is not http(s), or a failed read: nothing, or no metadata", async () => {
    expect(readMetadataEarly(store({}), undefined, async () => ({}))).toBeUndefined();
    expect(readMetadataEarly(store({ SMART_KEY: '"k"', k: '{"serverUrl":"javascript:x"}' }), undefined, async () => ({}))).toBeUndefined();
    expect(await readMetadataEarly(session, undefined, async () => { throw new TypeError("offline"); })).toEqual({ base: "https://ehr.example/fhir/" });
  });

  it("one session per launch: the page's own state key finds its session, whatever SMART_KEY names", async () => {
    const two = store({ SMART_KEY: '"other"', other: '{"serverUrl":"https://other.example/fhir"}', mine: '{"serverUrl":"https://ehr.example/fhir/","tokenUri":"https://ehr.example/token"}' });
    const asked: string[] = [];
    await readMetadataEarly(two, "mine", async (url) => (asked.push(url), {}));
    expect(asked).toEqual(["https://ehr.example/fhir/metadata"]);
    expect(storedTokenUri(two, "mine")).toBe("https://ehr.example/token");
    expect(storedServerUrl(two, "absent")).toBeUndefined();
  });
});

describe("unreadSources: what makes the panel partial", () => {
  const report = (status: SourceStatus): SourceReport => ({ source: "Condition", status, count: 0, warnings: [] });
  it("failed, not-authorized and truncated do; read and not-supported (not offered at all) do not", () => {
    const statuses: SourceStatus[] = ["read", "failed", "not-authorized", "not-supported", "truncated"];
    expect(unreadSources(statuses.map(report)).map((s) => s.status)).toEqual(["failed", "not-authorized", "truncated"]);
  });
});
