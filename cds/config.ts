/**
 * The service's configuration file (cds-config.json): the CDS clients it trusts, the panel's launch URL its
 * card links to, the base URL clients use to reach it (for `aud`), and where the app's smart-config.json is
 * (its FHIR-server allowlist decides which `fhirServer` the service may query). Read once at start: an
 * invalid file stops the service with a message naming the problem.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AppConfig } from "../src/fhir/configTypes";
import { parseConfig } from "../src/fhir/config";
import { isRecord } from "../src/util/json";
import { parseStoreSpec, type StoreSpec } from "../node/store";
import { DEFAULT_JTI_QUOTA } from "./replay";
import { fhirServerEntryProblem } from "./fhirServers";
import { isPublicSandbox } from "./publicSandbox";

export interface TrustedClient {
  /** The EHR's issuer: the JWT's `iss` must equal it exactly. */
  iss: string;
  /** Where its public keys (a JWK Set) are published; a `jku` header is honoured only when it equals this. */
  jwksUrl: string;
  /**
   * The FHIR servers this client's calls may name as `fhirServer`: exact base URLs, or prefixes ending in "/"
   * (cds/fhirServers.ts). Any other `fhirServer` is never contacted. Default: none (prefetch only).
   */
  fhirServers: string[];
}

export interface CdsConfig {
  clients: TrustedClient[];
  /** The panel's SMART launch URL (the card's smart link). */
  appLaunchUrl: string;
  /** Base URL the EHR uses to reach the service (e.g. "https://cds.example.org"); undefined: derived per request. */
  serviceUrl?: string;
  /** The app's run-time configuration, for its allowed FHIR servers. */
  app: AppConfig;
  /** Request bodies larger than this are refused with 413. */
  maxBodyBytes: number;
  /** Where accepted `jti`s are recorded: "memory" (one instance) or a Redis URL (several replicas). */
  replayStore: StoreSpec;
  /** New `jti`s one client may record per five and a half minutes (cds/replay.ts). */
  replayQuotaPerClient: number;
}

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

/** The repository root (this file is <root>/cds/config.ts). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DEFAULT_CONFIG_FILE = path.join(REPO_ROOT, "cds-config.json");
/** Default app configuration: the one the build copies to dist/. */
export const DEFAULT_APP_CONFIG_FILE = path.join(REPO_ROOT, "public", "smart-config.json");

/** An absolute http(s) URL without credentials, or an error message. */
function httpUrl(value: unknown, name: string): string {
  if (typeof value !== "string" || value.trim() === "") throw new Error(`"${name}" must be a non-empty string`);
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`"${name}" is not an absolute URL`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`"${name}" must be an http(s) URL`);
  if (url.username || url.password) throw new Error(`"${name}" must not contain credentials`);
  return value.trim();
}

/** `clients[i].fhirServers`: absent means none; each entry a canonical https URL (http on loopback only). */
function fhirServerList(value: unknown, name: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`"${name}" must be an array of FHIR base URLs (exact, or a prefix ending in "/")`);
  return value.map((entry, i) => {
    if (typeof entry !== "string") throw new Error(`${name}[${i}] must be a string`);
    const problem = fhirServerEntryProblem(entry);
    if (problem) throw new Error(`${name}[${i}] ${problem}`);
    return entry;
  });
}

/**
 * The service's base URL without a trailing slash or a trailing "/cds-services" (either spelling is accepted
 * in the file), so the endpoint is always `${base}/cds-services/night-leg-cramps`.
 */
export function normalizeServiceBase(url: string): string {
  return url.replace(/\/+$/, "").replace(/\/cds-services$/, "");
}

/**
 * Validates the parsed file. `appConfigJson` is the app's smart-config.json when the file names none (the
 * caller reads it). Throws an Error whose message says which field is wrong.
 */
export function parseCdsConfig(json: unknown, appConfigJson: unknown, source = "cds-config.json"): CdsConfig {
  try {
    if (!isRecord(json)) throw new Error("expected a JSON object");
    if (!Array.isArray(json.clients)) throw new Error('"clients" must be an array (empty: trust nobody)');
    const seen = new Set<string>();
    const clients = json.clients.map((c, i) => {
      if (!isRecord(c)) throw new Error(`clients[${i}] must be an object with "iss" and "jwksUrl"`);
      if (typeof c.iss !== "string" || c.iss.trim() === "") throw new Error(`clients[${i}].iss must be a non-empty string`);
      if (seen.has(c.iss)) throw new Error(`clients[${i}].iss is listed twice`);
      seen.add(c.iss);
      const client = { iss: c.iss, jwksUrl: httpUrl(c.jwksUrl, `clients[${i}].jwksUrl`), fhirServers: fhirServerList(c.fhirServers, `clients[${i}].fhirServers`) };
      if (isPublicSandbox(client)) {
        throw new Error(`clients[${i}] is the public CDS Hooks sandbox, whose signing key is published: trust it only for testing, with --trust-public-sandbox-for-testing and no other client`);
      }
      return client;
    });
    const appLaunchUrl = httpUrl(json.appLaunchUrl, "appLaunchUrl");
    const serviceUrl = json.serviceUrl === undefined ? undefined : normalizeServiceBase(httpUrl(json.serviceUrl, "serviceUrl"));
    let maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    if (json.maxBodyBytes !== undefined) {
      if (typeof json.maxBodyBytes !== "number" || !Number.isInteger(json.maxBodyBytes) || json.maxBodyBytes < 1024) {
        throw new Error('"maxBodyBytes" must be an integer of at least 1024');
      }
      maxBodyBytes = json.maxBodyBytes;
    }
    const replayStore = parseStoreSpec(json.replayStore ?? "memory", '"replayStore"');
    let replayQuotaPerClient = DEFAULT_JTI_QUOTA;
    if (json.replayQuotaPerClient !== undefined) {
      if (typeof json.replayQuotaPerClient !== "number" || !Number.isInteger(json.replayQuotaPerClient) || json.replayQuotaPerClient < 1) {
        throw new Error('"replayQuotaPerClient" must be a positive integer');
      }
      replayQuotaPerClient = json.replayQuotaPerClient;
    }
    let app: AppConfig;
    try {
      app = parseConfig(appConfigJson);
    } catch (error) {
      throw new Error(`the app configuration is invalid: ${(error as Error).message}`, { cause: error });
    }
    return { clients, appLaunchUrl, ...(serviceUrl ? { serviceUrl } : {}), app, maxBodyBytes, replayStore, replayQuotaPerClient };
  } catch (error) {
    throw new Error(`${source}: ${(error as Error).message}`, { cause: error });
  }
}

async function readJson(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new Error(`${what} ${file} could not be read (${(error as NodeJS.ErrnoException).code ?? "error"})`, { cause: error });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${what} ${file} is not valid JSON (${(error as Error).message})`, { cause: error });
  }
}

/**
 * Reads the configuration file and the app configuration it names (`"smartConfig"`: a path relative to the
 * configuration file; default: the repository's public/smart-config.json).
 */
export async function readCdsConfig(file: string): Promise<CdsConfig> {
  const json = await readJson(file, "configuration file");
  const named = isRecord(json) ? json.smartConfig : undefined;
  if (named !== undefined && (typeof named !== "string" || named.trim() === "")) {
    throw new Error(`${file}: "smartConfig" must be a path to the app's smart-config.json`);
  }
  const appFile = named ? path.resolve(path.dirname(file), named) : DEFAULT_APP_CONFIG_FILE;
  const appJson = await readJson(appFile, "app configuration");
  return parseCdsConfig(json, appJson, file);
}
