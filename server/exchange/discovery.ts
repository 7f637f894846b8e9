/**
 * The EHR's SMART configuration as the app's server reads it for a server-exchange launch
 * (`<iss>/.well-known/smart-configuration`, SMART App Launch 2.x): the authorization and token endpoints,
 * each checked against the same rule as the browser's launch (https, or plain http only where the
 * configuration allows it; on the FHIR origin or the entry's authOrigins), PKCE S256 offered, and the
 * capabilities that decide online_access.
 */
import type { ServerConfig } from "../../src/fhir/configTypes";
import { endpointAllowed } from "../../src/fhir/launch";
import { field, stringList } from "../../src/util/json";
import { httpOrigin, onBase } from "../../src/util/url";
import { DISCOVERY_LIMITS, upstreamFetch, type FetchLike } from "./upstream";

export interface SmartEndpoints {
  /** The authorization server's issuer when it names one (RFC 9207 `iss` on the redirect), else the FHIR base. */
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  capabilities: string[];
}

export type DiscoveryOutcome = { ok: true; endpoints: SmartEndpoints } | { ok: false; error: "discovery-failed" | "auth-endpoint-not-allowed" };

/** Which origins, and whether plain http, the endpoints may use: the browser launch's rule (launch.ts). */
function endpointRule(iss: string, server: ServerConfig, loopbackPage: boolean): { authOrigins: string[]; httpHosts: "loopback" | "any" | "none" } {
  const origins = [iss, ...(server.authOrigins ?? [])].map(httpOrigin).filter((o): o is string => o !== undefined);
  return {
    authOrigins: [...new Set(origins)],
    httpHosts: server.allowHttp ? "any" : loopbackPage ? "loopback" : "none",
  };
}

export async function discoverEndpoints(iss: string, server: ServerConfig, loopbackPage: boolean, fetchFn?: FetchLike): Promise<DiscoveryOutcome> {
  let body: unknown;
  try {
    const response = await upstreamFetch(onBase(iss, ".well-known/smart-configuration"), { headers: { Accept: "application/json" } }, DISCOVERY_LIMITS, fetchFn);
    if (!response.ok) return { ok: false, error: "discovery-failed" };
    body = await response.json();
  } catch {
    return { ok: false, error: "discovery-failed" };
  }
  const authorizationEndpoint = field(body, "authorization_endpoint");
  const tokenEndpoint = field(body, "token_endpoint");
  const methods = stringList(field(body, "code_challenge_methods_supported")) ?? [];
  if (typeof authorizationEndpoint !== "string" || typeof tokenEndpoint !== "string" || !methods.includes("S256")) {
    return { ok: false, error: "discovery-failed" };
  }
  const rule = endpointRule(iss, server, loopbackPage);
  if (!endpointAllowed(authorizationEndpoint, rule) || !endpointAllowed(tokenEndpoint, rule)) return { ok: false, error: "auth-endpoint-not-allowed" };
  const issuer = field(body, "issuer");
  return {
    ok: true,
    endpoints: {
      issuer: typeof issuer === "string" && issuer !== "" ? issuer : iss,
      authorizationEndpoint,
      tokenEndpoint,
      capabilities: stringList(field(body, "capabilities")) ?? [],
    },
  };
}
