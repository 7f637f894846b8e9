/**
 * Which FHIR servers a call may make the service read from (docs/spec/cds-hooks.md, "Hostile servers…"):
 * those its own client lists (`clients[].fhirServers`: exact FHIR base URLs, or prefixes ending in "/",
 * compared path segment by segment on a canonical URL — the app's own rule, src/fhir/config.ts). A server
 * one client lists is not open to another client. Any loopback server is allowed only with the demo flag
 * (`--demo`, what `npm start` uses) while the service itself listens on loopback.
 *
 * Per-server reading options (EHR behaviours, paging budget) come from the app's smart-config.json when it
 * has an entry for that server.
 */
import type { AppConfig, ServerConfig } from "../src/fhir/configTypes";
import { canonicalHttpUrl, findServer, isLoopbackHost } from "../src/fhir/config";
import type { CdsConfig, TrustedClient } from "./config";

/** A page URL that is not loopback: findServer's loopback allowance stays off. */
const NOT_LOOPBACK = "https://cds-service.invalid/";

/** Why an entry of `fhirServers` is not usable, or undefined. */
export function fhirServerEntryProblem(entry: string): string | undefined {
  const checked = canonicalHttpUrl(entry);
  if (!checked.ok) return `is not a canonical http(s) URL (${checked.reason})`;
  if (checked.url.protocol !== "https:" && !isLoopbackHost(checked.url.hostname)) return "must be https (plain http only on loopback)";
  return undefined;
}

function clientServers(client: TrustedClient, app: AppConfig): AppConfig {
  return {
    ...app,
    servers: client.fhirServers.map((entry) => (entry.endsWith("/") ? { name: client.iss, issPrefix: entry } : { name: client.iss, iss: entry })),
  };
}

/**
 * The server entry under which `fhirServer` may be read for a call from `clientIss`, or undefined (then the
 * call is answered from its prefetch alone). `demoLoopbackBase`: the service's own loopback URL when the demo
 * flag is on.
 */
export function allowedFhirServer(config: CdsConfig, clientIss: string, fhirServer: string, demoLoopbackBase?: string): ServerConfig | undefined {
  const client = config.clients.find((c) => c.iss === clientIss);
  if (!client) return undefined;
  const base = fhirServer.replace(/\/+$/, "");
  const listed = findServer(clientServers(client, config.app), base, demoLoopbackBase ?? NOT_LOOPBACK);
  if (!listed) return undefined;
  return findServer(config.app, base, NOT_LOOPBACK) ?? listed;
}
