/**
 * The scope the launch asks for, given what the server says it supports: `online_access` (a refresh token
 * for the session) when its SMART configuration lists `permission-online`, unless the deployer turned it
 * off. Oracle Health gives public clients a refresh token only when asked; Epic gives them none, whatever
 * is asked (docs/ehr-guide.md). Pure, apart from `discoverCapabilities`.
 */
import type { fhirclient } from "fhirclient/lib/types";
import { findServer } from "./config";
import type { AppConfig } from "./configTypes";
import { field, stringList } from "../util/json";
import { onBase } from "../util/url";

export function withOnlineAccess(scope: string, capabilities: readonly string[] | undefined, setting: boolean | undefined): string {
  const parts = scope.split(/\s+/).filter(Boolean);
  if (setting === false || parts.includes("online_access") || parts.includes("offline_access")) return parts.join(" ");
  if (!capabilities?.includes("permission-online")) return parts.join(" ");
  return [...parts, "online_access"].join(" ");
}

/**
 * `capabilities` of `<iss>/.well-known/smart-configuration`, or undefined when it cannot be read (the
 * launch then goes on without online_access; fhirclient still does its own discovery).
 */
export async function discoverCapabilities(iss: string, fetchJson: (url: string) => Promise<unknown>): Promise<string[] | undefined> {
  try {
    const body = await fetchJson(onBase(iss, ".well-known/smart-configuration"));
    return stringList(field(body, "capabilities"));
  } catch {
    return undefined;
  }
}

/** The planned launch's scope with online_access decided from the server's discovery (one GET, no token). */
export async function scopeForLaunch(
  options: fhirclient.AuthorizeParams,
  config: AppConfig,
  pageUrl: string,
  // Bounded: a discovery document that never arrives must not hold up the launch (fhirclient reads it again).
  fetchJson: (url: string) => Promise<unknown> = (url) =>
    fetch(url, { credentials: "omit", referrerPolicy: "no-referrer", signal: AbortSignal.timeout(5000) }).then((r) => r.json()),
): Promise<string> {
  const scope = options.scope ?? "";
  const iss = options.iss;
  if (!iss) return scope;
  const setting = findServer(config, iss, pageUrl)?.onlineAccess;
  if (setting === false) return scope;
  return withOnlineAccess(scope, await discoverCapabilities(iss, fetchJson), setting);
}
