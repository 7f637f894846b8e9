/**
 * Small origin decisions of the browser app that depend on the server's configuration: where
 * smart_style_url may be read from, and whether an unreachable-looking EHR is in fact refusing the app's
 * origin (CORS). Browser only for the probe; pure otherwise.
 */
import type { ServerConfig } from "./configTypes";
import { storedState } from "./session";
import { field, isRecord } from "../util/json";
import { httpOrigin, onBase } from "../util/url";

/**
 * True when smart_style_url may be fetched: an http(s) URL on the FHIR server's origin, one of its
 * authorization origins, or a style origin the deployer listed for the server (`styleOrigins`, which the
 * server's CSP also lists in connect-src). Anything else is ignored rather than blocked by the CSP.
 */
export function styleUrlAllowed(styleUrl: string, fhirBase: string, server: ServerConfig): boolean {
  const origin = httpOrigin(styleUrl);
  if (!origin) return false;
  const allowed = [fhirBase, ...(server.authOrigins ?? []), ...(server.styleOrigins ?? [])].map(httpOrigin);
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

/**
 * A string field of the session fhirclient stored for this launch (sessionStorage[stateKey]). One session
 * per launch (session.ts): the page knows its own key; SMART_KEY is fhirclient's per-tab default.
 */
function storedField(storage: Pick<Storage, "getItem">, stateKey: string | undefined, name: "tokenUri" | "serverUrl"): string | undefined {
  const key = stateKey ?? storedState(storage, "SMART_KEY");
  const value = typeof key === "string" ? field(storedState(storage, key), name) : undefined;
  return typeof value === "string" ? value : undefined;
}

/** The token endpoint fhirclient stored for this launch's session, if any. */
export function storedTokenUri(storage: Pick<Storage, "getItem">, stateKey?: string): string | undefined {
  return storedField(storage, stateKey, "tokenUri");
}

/** The FHIR base fhirclient stored for this launch's session, if any. */
export function storedServerUrl(storage: Pick<Storage, "getItem">, stateKey?: string): string | undefined {
  return storedField(storage, stateKey, "serverUrl");
}

/** The server's CapabilityStatement read ahead of the session, and the FHIR base it came from. */
export interface EarlyMetadata {
  base: string;
  metadata?: Record<string, unknown>;
}

/**
 * Starts reading `<FHIR base>/metadata` while the token exchange is still running (index.html), so the
 * data requests need no extra round: the CapabilityStatement is public, so no token is sent, and a
 * request without one needs no CORS preflight (Accept is a safelisted header). Undefined when the tab
 * holds no session; `metadata` undefined when it could not be read (the data layer then reads it itself).
 */
export function readMetadataEarly(
  storage: Pick<Storage, "getItem">,
  stateKey: string | undefined,
  fetchJson: (url: string) => Promise<unknown>,
): Promise<EarlyMetadata> | undefined {
  const base = storedServerUrl(storage, stateKey);
  if (!base || !/^https?:\/\//.test(base)) return undefined;
  return fetchJson(onBase(base, "metadata")).then(
    (body) => ({ base, ...(isRecord(body) ? { metadata: body } : {}) }),
    () => ({ base }),
  );
}
