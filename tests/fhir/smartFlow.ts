/**
 * Drives a real fhirclient (browser build, under jsdom) through the demo EHR's MSW handlers:
 * launch.html → authorize (PKCE, state) → redirect with a code → index.html → ready() (token exchange).
 * jsdom cannot navigate, so each "page load" is simulated with history.replaceState + vi.resetModules().
 */
import { afterAll, afterEach, beforeAll, vi } from "vitest";
import type { SetupServer } from "msw/node";
import type Client from "fhirclient/lib/Client";
import { createMockEhrServer } from "../../mocks/node";
import type { RequestPolicy } from "../../src/fhir/request";
import type { ServerConfig } from "../../src/fhir/configTypes";
import { loadPatientData, type LoadOptions, type LoadOutcome } from "../../src/fhir/load";
import { parseConfig } from "../../src/fhir/config";
import { planLaunch } from "../../src/fhir/launch";
import { encodeLaunch, type DemoLaunch } from "../../mocks/launchContext";

/** The clock every integration test agrees on (server and app), so nothing depends on today's date. */
export const NOW = new Date("2026-11-26T12:00:00Z");
/** Sandbox patient Trey Berge: hypertension, thiazide, hypothyroidism, statin, older age. */
export const TREY = "f46d1649-8a02-4de8-8cff-f76fae267d3a";

export const EHR_ORIGIN = "http://127.0.0.1:4010";
export const FHIR_BASE = `${EHR_ORIGIN}/fhir`;
export const CONFIG = parseConfig({
  clientId: "night-leg-cramps",
  scope:
    "launch launch/patient openid fhirUser patient/Patient.rs patient/Condition.rs patient/MedicationRequest.rs patient/MedicationStatement.rs patient/Procedure.rs patient/Observation.rs patient/Medication.rs",
  servers: [],
});

async function freshFhir() {
  vi.resetModules();
  return (await import("fhirclient")).default;
}

export interface Landed {
  /** The authorize request the app sent. */
  authorizeUrl: URL;
  /** index.html's URL after the redirect (with code and state, or error). */
  pageUrl: string;
  /** FHIR.oauth2.ready() started once for this simulated page load (undefined when the redirect has ?error). */
  clientP: Promise<Client> | undefined;
}

/** Performs the launch and the authorization redirect; returns the landing page's state. */
export async function launchAndLand(launch: DemoLaunch | undefined, iss = FHIR_BASE): Promise<Landed> {
  sessionStorage.clear();
  const q = new URLSearchParams({ iss });
  if (launch) q.set("launch", encodeLaunch(launch));
  window.history.replaceState(null, "", `/launch.html?${q.toString()}`);
  const plan = planLaunch(window.location.href, CONFIG, () => crypto.randomUUID());
  if (!plan.ok) throw new Error(`launch refused: ${plan.error}`);
  const FHIR = await freshFhir();
  const url = await FHIR.oauth2.authorize({ ...plan.options, noRedirect: true });
  if (typeof url !== "string") throw new Error("authorize() returned no URL");
  const authorizeUrl = new URL(url);
  const res = await fetch(authorizeUrl, { redirect: "manual" });
  const location = res.headers.get("location");
  if (!location) throw new Error(`authorize answered ${res.status} without a redirect`);
  const back = new URL(location);
  window.history.replaceState(null, "", `${back.pathname}${back.search}`);
  const FHIR2 = await freshFhir();
  const pageUrl = window.location.href;
  const clientP = back.searchParams.has("error") ? undefined : FHIR2.oauth2.ready();
  clientP?.catch(() => undefined);
  return { authorizeUrl, pageUrl, clientP };
}

/** The mock EHR (msw/node) for this test file, on the fixed clock; handlers reset after each test. */
export function startMockEhrForFile(): SetupServer {
  const server = createMockEhrServer(EHR_ORIGIN, { now: () => NOW });
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

/** Every URL requested of `server` (msw) during the current test: the list is emptied after each test. */
export function recordRequests(server: SetupServer): string[] {
  const requested: string[] = [];
  server.events.on("request:start", ({ request }) => {
    requested.push(request.url);
  });
  afterEach(() => {
    requested.length = 0;
  });
  return requested;
}

/** A request policy for tests: short timeout, no real waiting between retries. */
export function testPolicy(overrides: Partial<RequestPolicy> = {}): RequestPolicy {
  return {
    timeoutMs: 2000,
    maxRetries: 3,
    networkRetries: 1,
    baseDelayMs: 1,
    maxDelayMs: 50,
    sleep: async () => undefined,
    nowMs: () => NOW.getTime(),
    ...overrides,
  };
}

/** Launches with `launch` and returns the landed fhirclient Client. */
export async function landedClient(launch: DemoLaunch): Promise<Client> {
  const { clientP } = await launchAndLand(launch);
  return clientP!;
}

/** Reads the launched patient's data with an already-landed client, at NOW, with the test policy. */
export function loadWithClient(client: Client, config: Partial<ServerConfig> = {}, extra: Partial<LoadOptions> = {}): Promise<LoadOutcome> {
  return loadPatientData({
    client,
    patientId: client.patient.id!,
    base: client.state.serverUrl,
    grantedScope: String(client.state.tokenResponse?.scope ?? ""),
    server: { name: "test", ...config },
    policy: testPolicy(),
    now: () => NOW,
    ...extra,
  });
}
