/**
 * Shared set-up of the CDS Hooks tests: a CDS client (ES384 and RS384 key pairs, its JWK Set served over real
 * HTTP, JWTs signed with jose), the service itself over real HTTP on a fixed clock, and the project's mock EHR
 * (MSW handlers, msw/node) as the FHIR server that prefetch is built from and that missing prefetch is read from.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll } from "vitest";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import type Client from "fhirclient/lib/Client";
import type { Bundle, BundleEntry, Condition, Resource } from "fhir/r4";
import type { SetupServer } from "msw/node";
import { createMockEhrServer } from "../../mocks/node";
import { issue, nonce } from "../../mocks/tokens";
import type { DemoPatient } from "../../mocks/data/demoPatient";
import { parseCdsConfig, DEFAULT_APP_CONFIG_FILE, type CdsConfig } from "../../cds/config";
import { PREFETCH_KEYS, PREFETCH_TEMPLATES, type PrefetchKey } from "../../cds/discovery";
import { startCdsService, type CdsService, type CdsServiceOptions } from "../../cds/server";
import type { Finding } from "../../src/engine/types";
import { matchRecords } from "../../src/engine";
import { loadPatientData } from "../../src/fhir/load";
import { defaultPolicy } from "../../src/fhir/request";

/** The clock every CDS test agrees on (service, mock EHR, tokens). */
export const NOW = new Date("2026-11-26T12:00:00Z");
export const NOW_S = Math.floor(NOW.getTime() / 1000);
export const EHR_ORIGIN = "http://127.0.0.1:4010";
export const FHIR_BASE = `${EHR_ORIGIN}/fhir`;
export const CLIENT_ISS = "https://ehr.test.example/cds-client";
export const APP_LAUNCH_URL = "http://127.0.0.1:4000/launch.html";
export const FHIR_SCOPE =
  "patient/Patient.rs patient/Condition.rs patient/MedicationRequest.rs patient/MedicationStatement.rs patient/Procedure.rs patient/Medication.rs patient/Observation.rs";

export const TREY = "f46d1649-8a02-4de8-8cff-f76fae267d3a";

export interface TokenOptions {
  alg?: "ES384" | "RS384";
  /** null: no kid header at all. */
  kid?: string | null;
  iss?: string;
  aud?: string | string[];
  iat?: number;
  exp?: number;
  jti?: string | null;
  jku?: string;
  /** Sign with this private key instead of the published one (a forger's key). */
  key?: CryptoKey;
}

export interface TestClient {
  iss: string;
  jwksUrl: string;
  /** How many times the JWK Set was fetched. */
  jwksHits(): number;
  sign(options?: TokenOptions): Promise<string>;
  close(): Promise<void>;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

/** A CDS client whose public keys are served at `${url}/jwks.json`; tokens default to a valid call of `aud`. */
export async function startTestClient(defaultAud: () => string): Promise<TestClient> {
  const es = await generateKeyPair("ES384", { extractable: true });
  const rs = await generateKeyPair("RS384", { extractable: true });
  const keys: JWK[] = [
    { ...(await exportJWK(es.publicKey)), kid: "es-1", alg: "ES384", use: "sig" },
    { ...(await exportJWK(rs.publicKey)), kid: "rs-1", alg: "RS384", use: "sig" },
  ];
  let hits = 0;
  const server = createServer((req, res) => {
    hits++;
    res.writeHead(req.url === "/jwks.json" ? 200 : 404, { "Content-Type": "application/json" });
    res.end(req.url === "/jwks.json" ? JSON.stringify({ keys }) : "{}");
  });
  const url = await listen(server);
  return {
    iss: CLIENT_ISS,
    jwksUrl: `${url}/jwks.json`,
    jwksHits: () => hits,
    async sign(o = {}) {
      const alg = o.alg ?? "ES384";
      const iat = o.iat ?? NOW_S;
      const payload: Record<string, unknown> = { sub: "demo-ehr" };
      if (o.jti !== null) payload.jti = o.jti ?? randomUUID();
      const jwt = new SignJWT(payload)
        .setProtectedHeader({
          alg,
          typ: "JWT",
          ...(o.kid === null ? {} : { kid: o.kid ?? (alg === "ES384" ? "es-1" : "rs-1") }),
          ...(o.jku ? { jku: o.jku } : {}),
        })
        .setIssuer(o.iss ?? CLIENT_ISS)
        .setAudience(o.aud ?? defaultAud())
        .setIssuedAt(iat)
        .setExpirationTime(o.exp ?? iat + 300);
      return jwt.sign(o.key ?? (alg === "ES384" ? es.privateKey : rs.privateKey));
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The app configuration the repository ships (public/smart-config.json). */
export const APP_CONFIG_JSON: unknown = JSON.parse(readFileSync(DEFAULT_APP_CONFIG_FILE, "utf8"));

/** A configuration trusting `client`, whose calls may name the mock EHR's FHIR base (FHIR_BASE) as fhirServer. */
export function testConfig(client: { iss: string; jwksUrl: string } | undefined, extra: Record<string, unknown> = {}, app = APP_CONFIG_JSON): CdsConfig {
  return parseCdsConfig({ clients: client ? [{ iss: client.iss, jwksUrl: client.jwksUrl, fhirServers: [FHIR_BASE] }] : [], appLaunchUrl: APP_LAUNCH_URL, ...extra }, app);
}

/**
 * The service over HTTP on 127.0.0.1 with the fixed clock, trusting `client`. Its replay records are taken to
 * begin an hour before NOW, so tokens the tests sign as issued minutes before NOW are not "issued before the
 * records began" (cds/replay.ts).
 */
export function startTestService(config: CdsConfig, options: Partial<CdsServiceOptions> = {}): Promise<CdsService> {
  return startCdsService({ config, now: () => NOW, fetchTimeoutMs: 3000, replayEpoch: new Date(NOW.getTime() - 3_600_000), ...options });
}

export interface TestStack {
  client: TestClient;
  service: CdsService;
}

/**
 * For the tests of one file: a test client and a service trusting it, started before all and closed after
 * all; the mock EHR, when given, listens first (requests it has no handler for pass through). The fields are
 * set once beforeAll has run.
 */
export function withTestStack(ehr?: SetupServer): TestStack {
  const stack = {} as TestStack;
  beforeAll(async () => {
    ehr?.listen({ onUnhandledRequest: "bypass" });
    stack.client = await startTestClient(() => stack.service.serviceEndpoint);
    stack.service = await startTestService(testConfig(stack.client));
  });
  afterAll(async () => {
    await stack.service?.close();
    await stack.client?.close();
    ehr?.close();
  });
  return stack;
}

export interface HookAnswer {
  status: number;
  body: { cards?: CardJson[]; error?: string } & Record<string, unknown>;
  headers: Headers;
}

export interface CardJson {
  uuid: string;
  summary: string;
  indicator: string;
  detail: string;
  source: { label: string; url: string };
  links: { label: string; url: string; type: string }[];
  overrideReasons: { code: string; system: string; display: string }[];
  extension: { findings: { id: string; current: boolean; strength: string; basis: string; evidence: string[] }[] };
}

export async function post(url: string, body: unknown, token?: string, headers: Record<string, string> = {}): Promise<HookAnswer> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: HookAnswer["body"] = {};
  try {
    parsed = text ? (JSON.parse(text) as HookAnswer["body"]) : {};
  } catch {
    parsed = { error: `not JSON: ${text.slice(0, 80)}` };
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

export function hookBody(patientId: string, prefetch: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    hook: "patient-view",
    hookInstance: randomUUID(),
    context: { userId: "Practitioner/example", patientId },
    ...(prefetch ? { prefetch } : {}),
    ...extra,
  };
}

/** An access token of the mock EHR for `patientId` (what an EHR puts in fhirAuthorization). */
export function mockAccessToken(patientId: string, scope = FHIR_SCOPE): string {
  const iat = NOW.getTime();
  return issue({ t: "access", p: patientId, s: scope, c: "cds-service", l: {}, aud: FHIR_BASE, iat, n: nonce(), exp: iat + 3_600_000 });
}

export function fhirAuthorization(patientId: string, scope = FHIR_SCOPE): Record<string, unknown> {
  return { access_token: mockAccessToken(patientId, scope), token_type: "Bearer", expires_in: 3600, scope, subject: "cds-service" };
}

/** The mock EHR (msw/node) on the fixed clock; requests it has no handler for (the service, JWKS) pass through. */
export function mockEhr(patients: readonly DemoPatient[]): SetupServer {
  return createMockEhrServer(EHR_ORIGIN, { now: () => NOW, patients });
}

const SYSTEM_ICD10 = "http://hl7.org/fhir/sid/icd-10-cm";

/** A Condition documenting (active) sleep-related leg cramps for `patientId`. */
export function legCrampCondition(patientId: string, id = "cds-leg-cramps", extra: Partial<Condition> = {}): Condition {
  return {
    resourceType: "Condition",
    id,
    subject: { reference: `Patient/${patientId}` },
    clinicalStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "active" }] },
    verificationStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-ver-status", code: "confirmed" }] },
    code: { coding: [{ system: SYSTEM_ICD10, code: "G47.62", display: "Sleep related leg cramps" }], text: "Nocturnal leg cramps" },
    recordedDate: "2026-10-01",
    ...extra,
  };
}

/** The same patient with a leg-cramp Condition (id "cds-leg-cramps") added. */
export function withLegCramps(p: DemoPatient): DemoPatient {
  return { ...p, resources: (now) => [...p.resources(now), legCrampCondition(p.id)] };
}

/** Runs one prefetch template against the mock FHIR server, following `next` links into one complete Bundle. */
async function runTemplate(template: string, patientId: string, token: string): Promise<unknown> {
  let url: string | undefined = `${FHIR_BASE}/${template.replaceAll("{{context.patientId}}", patientId)}`;
  const entries: BundleEntry[] = [];
  let first: Resource | undefined;
  while (url) {
    const res = await fetch(url, { headers: { Authorization: `Bearer ${token}`, Accept: "application/fhir+json" } });
    if (!res.ok) throw new Error(`prefetch ${template}: HTTP ${res.status}`);
    const body = (await res.json()) as Resource;
    if (body.resourceType !== "Bundle") return body;
    first ??= body;
    const bundle = body as Bundle;
    entries.push(...(bundle.entry ?? []));
    url = bundle.link?.find((l) => l.relation === "next")?.url;
  }
  return { resourceType: "Bundle", type: "searchset", total: entries.length, entry: entries };
}

/** The complete prefetch an EHR would send for `patientId`, read from the mock FHIR server with the templates. */
export async function prefetchFor(patientId: string, keys: readonly PrefetchKey[] = PREFETCH_KEYS): Promise<Record<string, unknown>> {
  const token = mockAccessToken(patientId);
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = await runTemplate(PREFETCH_TEMPLATES[key], patientId, token);
  return out;
}

const nodeSmart = createRequire(import.meta.url)("fhirclient") as (req: IncomingMessage, res: ServerResponse) => { client(state: unknown): Client };

/** The panel's findings for `patientId`: the app's data layer against the mock FHIR server, then the engine. */
export async function panelFindings(patientId: string): Promise<Finding[]> {
  const client = nodeSmart({ headers: {}, socket: {} } as unknown as IncomingMessage, {} as ServerResponse).client({
    serverUrl: FHIR_BASE,
    tokenResponse: { access_token: mockAccessToken(patientId), scope: FHIR_SCOPE, patient: patientId },
  });
  const outcome = await loadPatientData({
    client,
    patientId,
    base: FHIR_BASE,
    grantedScope: FHIR_SCOPE,
    server: { name: "mock" },
    policy: { ...defaultPolicy(3000), maxRetries: 0 },
    now: () => NOW,
  });
  if (!outcome.ok) throw new Error(`panel load failed: ${outcome.error}`);
  for (const s of outcome.data.sources) if (s.status !== "read" && s.status !== "not-supported") throw new Error(`panel: ${s.source} ${s.status}`);
  return matchRecords(outcome.data.input, { now: NOW }).findings;
}

/** The panel's data attributes of each finding (panel-contract.md), as the card's extension must carry them. */
export function panelAttributes(findings: readonly Finding[]) {
  return findings.map((f) => ({
    id: f.causeId,
    current: f.current,
    strength: f.strength,
    basis: f.evidence.every((e) => e.resourceType === "Observation") ? "lab" : "record",
    evidence: f.evidence.map((e) => e.ref),
  }));
}

export const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

/** A complete prefetch of `TREY` without leg cramps (every key present, no records): a valid call answers 200 with no card. */
export const EMPTY_PREFETCH = {
  patient: { resourceType: "Patient", id: TREY, birthDate: "1950-01-01" },
  conditions: { resourceType: "Bundle", type: "searchset", entry: [] },
  medicationRequests: { resourceType: "Bundle", type: "searchset" },
  medicationStatements: { resourceType: "Bundle", type: "searchset" },
  procedures: { resourceType: "Bundle", type: "searchset" },
  observations: { resourceType: "Bundle", type: "searchset" },
};
