/**
 * `fhirServer` is tied to the caller (issue 21, item 4): each client lists the FHIR servers its calls may
 * name (`clients[].fhirServers`); another client's server, or any unlisted one, is never contacted and the
 * call is answered from its prefetch alone. The loopback allowance needs the demo flag, and `serviceUrl` is
 * required off loopback. Two FHIR servers over real HTTP stand for two EHRs.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CdsService } from "../../cds/server";
import { startCdsService } from "../../cds/server";
import { allowedFhirServer } from "../../cds/fhirServers";
import { startHostileFhir, type HostileFhir } from "./hostileFhir";
import { FHIR_SCOPE, hookBody, legCrampCondition, post, startTestClient, startTestService, testConfig, type TestClient } from "./harness";

const PATIENT = "two-ehrs-1";
const OTHER_ISS = "https://other-ehr.test.example/cds-client";
let first: HostileFhir;
let second: HostileFhir;
let client: TestClient;
let service: CdsService;

beforeAll(async () => {
  first = await startHostileFhir();
  second = await startHostileFhir();
  client = await startTestClient(() => service.serviceEndpoint);
  service = await startTestService(
    testConfig(client, {
      clients: [
        { iss: client.iss, jwksUrl: client.jwksUrl, fhirServers: [first.base] },
        { iss: OTHER_ISS, jwksUrl: client.jwksUrl, fhirServers: [`${second.base}/`] },
      ],
    }),
  );
});
afterAll(async () => {
  await service.close();
  await client.close();
  await Promise.all([first.close(), second.close()]);
});
afterEach(() => {
  first.reset();
  second.reset();
});

const empty = { resourceType: "Bundle", type: "searchset", entry: [] };
function prefetch(complete: boolean): Record<string, unknown> {
  return {
    patient: { resourceType: "Patient", id: PATIENT, birthDate: "1950-01-01" },
    conditions: { resourceType: "Bundle", type: "searchset", entry: [{ resource: legCrampCondition(PATIENT), search: { mode: "match" } }] },
    medicationRequests: empty,
    medicationStatements: empty,
    procedures: complete ? empty : null,
    observations: empty,
  };
}

async function call(iss: string, fhirServer: string, complete = false) {
  const body = hookBody(PATIENT, prefetch(complete), { fhirServer, fhirAuthorization: { access_token: `token-of-${iss}`, token_type: "Bearer", scope: FHIR_SCOPE } });
  const answer = await post(service.serviceEndpoint, body, await client.sign({ iss }));
  expect(answer.status).toBe(200);
  return answer.body.cards!;
}

describe("each client reads only the FHIR servers it lists", () => {
  it("each client's own server is read, with its own token", async () => {
    expect(await call(client.iss, first.base)).toHaveLength(1);
    expect(await call(OTHER_ISS, `${second.base}/`)).toHaveLength(1);
    expect(first.requests.length).toBeGreaterThan(0);
    expect(second.requests.length).toBeGreaterThan(0);
    expect(first.requests.every((r) => r.authorization === `Bearer token-of-${client.iss}`)).toBe(true);
    expect(second.requests.every((r) => r.authorization === `Bearer token-of-${OTHER_ISS}`)).toBe(true);
  });

  it("a second client naming the first client's server: never contacted, no card (its prefetch is incomplete)", async () => {
    expect(await call(OTHER_ISS, first.base)).toEqual([]);
    expect(await call(client.iss, second.base)).toEqual([]);
    expect(first.requests).toEqual([]);
    expect(second.requests).toEqual([]);
  });

  it("with a complete prefetch, the card comes from it alone: the unlisted server is still never contacted", async () => {
    expect(await call(OTHER_ISS, first.base, true)).toHaveLength(1);
    expect(first.requests).toEqual([]);
  });

  it("an unlisted loopback server (another local port) is never contacted without the demo flag", async () => {
    const local = `${first.base.replace(/:\d+\//, ":9/")}`;
    expect(await call(client.iss, local)).toEqual([]);
    expect(await call(client.iss, `${first.base}-evil`)).toEqual([]);
    expect(await call(client.iss, `${first.base}/../admin`)).toEqual([]);
    expect(first.requests).toEqual([]);
  });
});

describe("exact bases and prefixes", () => {
  const config = testConfig(undefined, {
    clients: [{ iss: "a", jwksUrl: "https://a.example/jwks", fhirServers: ["https://ehr.example/fhir", "https://tenants.example/r4/"] }],
  });

  it("an exact base allows itself (with or without a final slash) and nothing under or beside it", () => {
    expect(allowedFhirServer(config, "a", "https://ehr.example/fhir")).toBeDefined();
    expect(allowedFhirServer(config, "a", "https://ehr.example/fhir/")).toBeDefined();
    expect(allowedFhirServer(config, "a", "https://ehr.example/fhir/other")).toBeUndefined();
    expect(allowedFhirServer(config, "a", "https://ehr.example/fhir-evil")).toBeUndefined();
    expect(allowedFhirServer(config, "a", "https://ehr.example.evil.example/fhir")).toBeUndefined();
  });

  it("a prefix ending in / allows the bases under it, segment by segment, and only canonical ones", () => {
    expect(allowedFhirServer(config, "a", "https://tenants.example/r4/t1/fhir")).toBeDefined();
    expect(allowedFhirServer(config, "a", "https://tenants.example/r4-evil/fhir")).toBeUndefined();
    expect(allowedFhirServer(config, "a", "https://tenants.example/r4/%2e%2e/admin")).toBeUndefined();
    expect(allowedFhirServer(config, "a", "https://TENANTS.example/r4/t1")).toBeUndefined();
    expect(allowedFhirServer(config, "a", "http://tenants.example/r4/t1")).toBeUndefined();
  });

  it("another client, or no client, allows nothing", () => {
    expect(allowedFhirServer(config, "b", "https://ehr.example/fhir")).toBeUndefined();
  });
});

describe("start-up rules", () => {
  it("serviceUrl is required when the service listens on anything but loopback", async () => {
    await expect(startCdsService({ config: testConfig(client), host: "0.0.0.0", port: 0 })).rejects.toThrow(/"serviceUrl" is required when the service listens on 0\.0\.0\.0/);
    await expect(startCdsService({ config: testConfig(client), host: "192.0.2.10", port: 0 })).rejects.toThrow(/"serviceUrl" is required/);
  });

  it("the demo flag is refused off loopback", async () => {
    await expect(startCdsService({ config: testConfig(client, { serviceUrl: "https://cds.example.org" }), host: "0.0.0.0", port: 0, demo: true })).rejects.toThrow(/demo flag/);
  });
});
