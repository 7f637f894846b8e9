/**
 * Drives a real fhirclient (browser build, under jsdom) through the demo EHR's MSW handlers:
 * launch.html → authorize (PKCE, state) → redirect with a code → index.html → ready() (token exchange).
 * jsdom cannot navigate, so each "page load" is simulated with history.replaceState + vi.resetModules().
 */
import { vi } from "vitest";
import type Client from "fhirclient/lib/Client";
import { parseConfig } from "../../src/fhir/config";
import { planLaunch } from "../../src/fhir/launch";
import { encodeLaunch, type DemoLaunch } from "../../mocks/launchContext";

export const EHR_ORIGIN = "http://127.0.0.1:4010";
export const FHIR_BASE = `${EHR_ORIGIN}/fhir`;
export const CONFIG = parseConfig({
  clientId: "night-leg-cramps",
  scope:
    "launch launch/patient openid fhirUser patient/Patient.rs patient/Condition.rs patient/MedicationRequest.rs patient/MedicationStatement.rs patient/Procedure.rs patient/Medication.rs",
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
