/**
 * Small origin decisions of the browser app that depend on the server's configuration: where
 * smart_style_url may be read from, and whether an unreachable-looking EHR is in fact refusing the app's
 * origin (CORS). Browser only for the probe; pure otherwise.
 */
import type { ServerConfig } from "./configTypes";

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True when smart_style_url may be fetched: an http(s) URL on the FHIR server's origin, one of its
 * authorization origins, or a style origin the deployer listed for the server (`styleOrigins`, which the
 * server's CSP also lists in connect-src). Anything else is ignored rather than blocked by the CSP.
 */
export function styleUrlAllowed(styleUrl: string, fhirBase: string, server: ServerConfig): boolean {
  const origin = originOf(styleUrl);
  if (!origin) return false;
  const allowed = [fhirBase, ...(server.authOrigins ?? []), ...(server.styleOrigins ?? [])].map(originOf);
  return allowed.includes(origin);
}

/**
 * Whether `url`'s server answers at all. A `no-cors` request needs no CORS permission: it succeeds (with an
 * opaque response) when the server answers and fails only when it cannot be reached. So when a normal
 * request failed with a network error and this succeeds, the EHR refused the app's origin.
 */
export async function probeReachable(url: string): Promise<boolean> {
  try {
    await fetch(url, { mode: "no-cors", credentials: "omit", cache: "no-store", referrerPolicy: "no-referrer" });
    return true;
  } catch {
    return false;
  }
}

/** The token endpoint fhirclient stored for this tab's session (sessionStorage), if any. */
export function storedTokenUri(storage: Pick<Storage, "getItem">): string | undefined {
  try {
    const key: unknown = JSON.parse(storage.getItem("SMART_KEY") ?? "null");
    if (typeof key !== "string") return undefined;
    const state: unknown = JSON.parse(storage.getItem(key) ?? "null");
    const uri = typeof state === "object" && state !== null ? (state as { tokenUri?: unknown }).tokenUri : undefined;
    return typeof uri === "string" ? uri : undefined;
  } catch {
    return undefined;
  }
}
