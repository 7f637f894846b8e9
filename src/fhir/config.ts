/**
 * Run-time configuration: loading `smart-config.json`, validating it, and deciding whether an `iss`
 * is allowed (the allowlist, plus the loopback rule of docs/spec/panel-contract.md).
 */
import type { AppConfig, ConditionSearch, ServerConfig } from "./configTypes";
import { isRecord, stringList, trimmedString as str } from "../util/json";

export const CONFIG_FILE = "smart-config.json";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

function posInt(v: unknown): number | undefined {
  return typeof v === "number" && Number.isInteger(v) && v > 0 ? v : undefined;
}

/** An http(s) URL string with a host, or undefined. */
function parseHttpUrl(v: string | undefined): URL | undefined {
  if (!v) return undefined;
  try {
    const u = new URL(v);
    return u.protocol === "https:" || u.protocol === "http:" ? u : undefined;
  } catch {
    return undefined;
  }
}

function parseConditionSearches(v: unknown): ConditionSearch[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = v.filter(isRecord).map((s) => ({ category: str(s.category), clinicalStatus: str(s.clinicalStatus) }));
  return out.length > 0 ? out : undefined;
}

function bool(v: unknown): boolean | undefined {
  return typeof v === "boolean" ? v : undefined;
}

/** The per-server options of the data layer (docs/ehr-guide.md); an unusable value is dropped, never guessed. */
function parseReadingOptions(v: Record<string, unknown>): Partial<ServerConfig> {
  const out: Partial<ServerConfig> = {
    explicitClinicalStatus: bool(v.explicitClinicalStatus),
    maxPagesPerSearch: posInt(v.maxPagesPerSearch),
    searchTimeBudgetMs: posInt(v.searchTimeBudgetMs),
    useCount: bool(v.useCount),
    useInclude: bool(v.useInclude),
    labQuery: v.labQuery === "codes" || v.labQuery === "category" ? v.labQuery : undefined,
    labCategory: bool(v.labCategory),
    labLookbackDays: posInt(v.labLookbackDays),
    styleOrigins: stringList(v.styleOrigins),
    onlineAccess: bool(v.onlineAccess),
  };
  return Object.fromEntries(Object.entries(out).filter(([, value]) => value !== undefined));
}

function parseServer(v: unknown): ServerConfig | undefined {
  if (!isRecord(v)) return undefined;
  const iss = parseHttpUrl(str(v.iss)) ? str(v.iss) : undefined;
  let issPrefix = str(v.issPrefix);
  // A prefix must contain the origin and a path slash, so "https://ehr.org" never matches "https://ehr.org.evil".
  const prefixUrl = parseHttpUrl(issPrefix);
  if (!prefixUrl || !issPrefix || !issPrefix.startsWith(prefixUrl.origin + "/")) issPrefix = undefined;
  if (!iss && !issPrefix) return undefined;
  return {
    name: str(v.name) ?? "FHIR server",
    iss,
    issPrefix,
    clientId: str(v.clientId),
    scope: str(v.scope),
    authOrigins: stringList(v.authOrigins),
    conditionSearches: parseConditionSearches(v.conditionSearches),
    medicationStatement: typeof v.medicationStatement === "boolean" ? v.medicationStatement : undefined,
    pageSize: posInt(v.pageSize),
    maxResourcesPerType: posInt(v.maxResourcesPerType),
    ...parseReadingOptions(v),
  };
}

/** Validates parsed JSON; throws an Error with a deployer-readable message when unusable. */
export function parseConfig(json: unknown): AppConfig {
  if (!isRecord(json)) throw new Error(`${CONFIG_FILE} is not a JSON object`);
  const clientId = str(json.clientId);
  const scope = str(json.scope);
  if (!clientId) throw new Error(`${CONFIG_FILE}: "clientId" is missing`);
  if (!scope) throw new Error(`${CONFIG_FILE}: "scope" is missing`);
  const servers = Array.isArray(json.servers) ? json.servers.map(parseServer).filter((s): s is ServerConfig => !!s) : [];
  return {
    clientId,
    scope,
    servers,
    frameAncestors: stringList(json.frameAncestors),
    requestTimeoutMs: posInt(json.requestTimeoutMs),
  };
}

/** Reads the configuration next to the page (never cached: a deployer edits it without rebuilding). */
export async function loadConfig(baseUrl: string): Promise<AppConfig> {
  const res = await fetch(new URL(CONFIG_FILE, baseUrl), { cache: "no-store", credentials: "same-origin" });
  if (!res.ok) throw new Error(`${CONFIG_FILE} could not be read (HTTP ${res.status})`);
  return parseConfig(await res.json());
}

/** Normalizes a FHIR base URL for comparison: no trailing slash. */
export function normalizeBase(url: string): string {
  return url.replace(/\/+$/, "");
}

/**
 * The server entry that allows `iss`, or undefined when the launch must be refused.
 * `pageUrl` is the page's own URL: from a loopback page, loopback FHIR servers are allowed too.
 */
export function findServer(config: AppConfig, iss: string, pageUrl: string): ServerConfig | undefined {
  const issUrl = parseHttpUrl(iss);
  if (!issUrl || issUrl.username || issUrl.password) return undefined;
  const base = normalizeBase(iss);
  for (const s of config.servers) {
    if (s.iss && normalizeBase(s.iss) === base) return s;
    if (s.issPrefix && (base + "/").startsWith(s.issPrefix)) return s;
  }
  const page = parseHttpUrl(pageUrl);
  if (page && isLoopbackHost(page.hostname) && isLoopbackHost(issUrl.hostname)) {
    return { name: "Local FHIR server (loopback)", iss: base };
  }
  return undefined;
}
