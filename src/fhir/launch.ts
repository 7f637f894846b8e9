/**
 * The SMART launch (launch.html): EHR launch (`iss` + `launch`) and standalone launch (`iss` only, asks
 * for `launch/patient`). The `iss` is checked against the allowlist before anything leaves the page, and
 * the checked values are the only ones fhirclient can see. fhirclient does discovery and PKCE (required,
 * S256) and builds the request; the app checks where it points before leaving the page.
 */
import type { fhirclient } from "fhirclient/lib/types";
import type { AppConfig } from "./configTypes";
import { findServer, isLoopbackHost } from "./config";
import { usesServerExchange } from "./exchangeConfig";
import type { ErrorKind } from "./errorKind";
import { field } from "../util/json";
import { httpOrigin } from "../util/url";

export type LaunchPlan =
  | {
      ok: true;
      options: fhirclient.AuthorizeParams;
      serverName: string;
      /** Origins the authorization and token endpoints may be on: the FHIR origin and the entry's authOrigins. */
      authOrigins: string[];
      /** Whether plain http is acceptable for those endpoints (loopback from a loopback page, or allowHttp). */
      httpHosts: "loopback" | "any" | "none";
      /** The code goes to the app's server, which exchanges it (servers[].tokenExchange "server"). */
      serverExchange: boolean;
    }
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
  const origins = [iss, ...(server.authOrigins ?? [])].map(httpOrigin).filter((o): o is string => o !== undefined);
  return {
    ok: true,
    serverName: server.name,
    authOrigins: [...new Set(origins)],
    httpHosts: server.allowHttp ? "any" : isLoopbackHost(new URL(pageUrl).hostname) ? "loopback" : "none",
    serverExchange: usesServerExchange(server),
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

/**
 * Whether the page may send the user (authorization endpoint) or the code (token endpoint) to `url`:
 * absolute, https (plain http only as `httpHosts` allows), no userinfo, on one of the plan's origins.
 */
export function endpointAllowed(url: string, plan: Pick<Extract<LaunchPlan, { ok: true }>, "authOrigins" | "httpHosts">): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  const http =
    parsed.protocol === "http:" && (plan.httpHosts === "any" || (plan.httpHosts === "loopback" && isLoopbackHost(parsed.hostname)));
  if (parsed.protocol !== "https:" && !http) return false;
  return plan.authOrigins.includes(parsed.origin);
}

/**
 * Whether fhirclient's authorize URL carries exactly what the app decided (client, audience, launch,
 * state): a guard in case fhirclient ever reads one of them from elsewhere.
 */
function carriesPlan(url: URL, options: fhirclient.AuthorizeParams): boolean {
  const p = url.searchParams;
  return (
    p.get("client_id") === (options.clientId ?? null) &&
    p.get("aud") === (options.iss ?? null) &&
    p.get("state") === (options.stateKey ?? null) &&
    p.get("launch") === (options.launch ?? null)
  );
}

/** The launch page's address with only the checked values: fhirclient re-reads iss, launch, clientId… from it. */
export function checkedLaunchUrl(pageUrl: string, options: fhirclient.AuthorizeParams): string {
  const url = new URL(pageUrl);
  url.hash = "";
  url.search = "";
  if (options.iss) url.searchParams.set("iss", options.iss);
  if (options.launch) url.searchParams.set("launch", options.launch);
  return url.href;
}

/** What performLaunch needs from the page and from fhirclient (injected, so tests run it with real fhirclient). */
export interface LaunchDeps {
  pageUrl: string;
  config: AppConfig;
  newState: () => string;
  /** Rewrites the address bar without navigating (history.replaceState). */
  replaceUrl: (url: string) => void;
  /** FHIR.oauth2.authorize. */
  authorize: (options: fhirclient.AuthorizeParams) => Promise<unknown>;
  /** What fhirclient stored for this launch (sessionStorage[stateKey], parsed). */
  storedState: (stateKey: string) => unknown;
  /** Leaves the page for the authorization server. */
  navigate: (url: string) => void;
  /** The scope to ask for, given the planned launch (online_access where discovery offers it: scopeRequest.ts). Default: the plan's. */
  decideScope?: (options: fhirclient.AuthorizeParams) => Promise<string>;
  /**
   * For a server with `tokenExchange: "server"`: asks the app's server to plan the launch (discovery,
   * PKCE, state and the redirect URI are its own) and answers the authorization URL to go to.
   */
  serverLaunch?: (request: { iss: string; launch?: string }) => Promise<{ authorizeUrl: string } | { error: ErrorKind }>;
}

export type LaunchOutcome = { ok: true; authorizeUrl: string } | { ok: false; error: ErrorKind };

/**
 * The launch page's work. Plans from the page URL, then leaves only the checked values in the address
 * bar (fhirclient 2.6 lets the page's iss, launch, clientId, patientId and fhirServiceUrl override its
 * options), lets fhirclient discover and build the request without redirecting, checks the endpoints
 * discovery named and the request itself, and only then leaves the page.
 */
export async function performLaunch(deps: LaunchDeps): Promise<LaunchOutcome> {
  const plan = planLaunch(deps.pageUrl, deps.config, deps.newState);
  if (!plan.ok) return plan;
  if (plan.serverExchange) return serverLaunch(plan, deps);
  if (deps.decideScope) plan.options.scope = await deps.decideScope(plan.options);
  deps.replaceUrl(checkedLaunchUrl(deps.pageUrl, plan.options));
  let url: unknown;
  try {
    url = await deps.authorize({ ...plan.options, noRedirect: true });
  } catch {
    // fhirclient's message can hold the server URL: a category only.
    return { ok: false, error: "discovery-failed" };
  }
  if (typeof url !== "string") return { ok: false, error: "discovery-failed" };
  const tokenUri = field(deps.storedState(plan.options.stateKey ?? ""), "tokenUri");
  // No token endpoint means fhirclient would skip authorization ("open server"): not for this app.
  if (!endpointAllowed(url, plan) || typeof tokenUri !== "string" || !endpointAllowed(tokenUri, plan)) {
    return { ok: false, error: "auth-endpoint-not-allowed" };
  }
  if (!carriesPlan(new URL(url), plan.options)) return { ok: false, error: "unexpected" };
  deps.navigate(url);
  return { ok: true, authorizeUrl: url };
}

/**
 * The server exchange: the app's server does discovery, PKCE and state, and keeps the code verifier; the
 * page only checks that the authorization URL it was given is on an allowed origin, then leaves.
 */
async function serverLaunch(plan: Extract<LaunchPlan, { ok: true }>, deps: LaunchDeps): Promise<LaunchOutcome> {
  if (!deps.serverLaunch) return { ok: false, error: "exchange-unavailable" };
  const { iss, launch } = plan.options;
  let answer: { authorizeUrl: string } | { error: ErrorKind };
  try {
    answer = await deps.serverLaunch({ iss: iss ?? "", ...(launch ? { launch } : {}) });
  } catch {
    return { ok: false, error: "exchange-unavailable" };
  }
  if ("error" in answer) return { ok: false, error: answer.error };
  if (!endpointAllowed(answer.authorizeUrl, plan)) return { ok: false, error: "auth-endpoint-not-allowed" };
  deps.navigate(answer.authorizeUrl);
  return { ok: true, authorizeUrl: answer.authorizeUrl };
}
