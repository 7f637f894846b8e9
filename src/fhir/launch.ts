/**
 * The SMART launch (launch.html): EHR launch (`iss` + `launch`) and standalone launch (`iss` only, asks
 * for `launch/patient`). The `iss` is checked against the allowlist before anything leaves the page.
 * fhirclient does discovery, PKCE (required, S256) and the redirect.
 */
import type { fhirclient } from "fhirclient/lib/types";
import type { AppConfig } from "./configTypes";
import { findServer } from "./config";
import type { ErrorKind } from "./errorKind";

export type LaunchPlan =
  | { ok: true; options: fhirclient.AuthorizeParams; serverName: string }
  | { ok: false; error: ErrorKind };

/** Adds scopes a launch needs: `launch` always (fhirclient drops it once `launch/patient` is present). */
export function launchScope(scope: string, standalone: boolean): string {
  const parts = new Set(scope.split(/\s+/).filter(Boolean));
  parts.add("launch");
  if (standalone) parts.add("launch/patient");
  return [...parts].join(" ");
}

/** Decides, from the page URL and the configuration, what to ask the authorization server. Pure. */
export function planLaunch(pageUrl: string, config: AppConfig, newState: () => string): LaunchPlan {
  const params = new URL(pageUrl).searchParams;
  const iss = params.get("iss")?.trim();
  if (!iss) return { ok: false, error: "no-iss" };
  const server = findServer(config, iss, pageUrl);
  if (!server) return { ok: false, error: "iss-not-allowed" };
  const launch = params.get("launch")?.trim() || undefined;
  return {
    ok: true,
    serverName: server.name,
    options: {
      clientId: server.clientId ?? config.clientId,
      scope: launchScope(server.scope ?? config.scope, !launch),
      iss,
      ...(launch ? { launch } : {}),
      redirectUri: "index.html",
      pkceMode: "required",
      // fhirclient's default state uses Math.random (~95 bits); SMART asks for ≥122 bits from a CSPRNG.
      stateKey: newState(),
      // Stay inside the EHR's frame when framed (an explicit false would hang in a frame).
      completeInTarget: true,
    },
  };
}

/** What performLaunch needs from the page and from fhirclient (injected, so tests run it with real fhirclient). */
export interface LaunchDeps {
  pageUrl: string;
  config: AppConfig;
  newState: () => string;
  /** FHIR.oauth2.authorize. */
  authorize: (options: fhirclient.AuthorizeParams) => Promise<string | void>;
  /** Leaves the page for the authorization server. */
  navigate: (url: string) => void;
}

export type LaunchOutcome = { ok: true; authorizeUrl: string } | { ok: false; error: ErrorKind };

/** The launch page's work: plan, let fhirclient discover and build the request, then leave for it. */
export async function performLaunch(deps: LaunchDeps): Promise<LaunchOutcome> {
  const plan = planLaunch(deps.pageUrl, deps.config, deps.newState);
  if (!plan.ok) return plan;
  let url: string | void;
  try {
    url = await deps.authorize({ ...plan.options, noRedirect: true });
  } catch {
    // fhirclient's message can hold the server URL: a category only.
    return { ok: false, error: "discovery-failed" };
  }
  if (typeof url !== "string") return { ok: false, error: "discovery-failed" };
  deps.navigate(url);
  return { ok: true, authorizeUrl: url };
}
