/**
 * Run-time configuration: loading `smart-config.json`, validating it, and deciding whether an `iss`
 * is allowed (the allowlist, plus the loopback rule of docs/spec/panel-contract.md).
 */
import type { AppConfig, ConditionSearch, ServerConfig } from "./configTypes";
import { isRecord, stringList, trimmedString as str } from "../util/json";
import { parseHttpUrl } from "../util/url";
import { parseExchange } from "./exchangeConfig";

export const CONFIG_FILE = "smart-config.json";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

function posInt(v: unknown): number | undefined {
  return typeof v === "number" && Number.isInteger(v) && v > 0 ? v : undefined;
}

/** Longest FHIR base URL considered (a real one is well under 300 characters). */
const MAX_URL_LENGTH = 2048;
/** Backslash, query, fragment, userinfo: never in an iss (nor white space or control characters). */
const FORBIDDEN_CHARS = /[\\?#@]/;

/** Anything but printable ASCII: white space, control characters, non-ASCII look-alikes ("．", "∕"). */
const NOT_PRINTABLE_ASCII = /[^\x21-\x7e]/;
/** How many rounds of percent-decoding a segment is checked through (a server may decode more than once). */
const DECODE_ROUNDS = 4;

/**
 * Why one path segment is unsafe, or undefined. The segment is percent-decoded round after round, and
 * every form must be a plain name: never "." or ".." (matrix parameters ignored, "..;x" counts), never
 * holding "/", "\\" or anything but printable ASCII, and decodable (overlong UTF-8 forms refused).
 */
function unsafeSegment(segment: string): string | undefined {
  let form = segment;
  for (let round = 0; ; round++) {
    const name = (form.split(";", 1)[0] ?? "").toLowerCase();
    if (name === "." || name === "..") return "dot segment";
    if (/[/\\]/.test(form) || NOT_PRINTABLE_ASCII.test(form)) return "encoded separator, white space, control or non-ASCII character";
    if (!form.includes("%")) return undefined;
    if (round === DECODE_ROUNDS) return "percent-encoded too many times";
    try {
      form = decodeURIComponent(form);
    } catch {
      return "malformed percent-encoding";
    }
  }
}

export type CanonicalUrl = { ok: true; url: URL } | { ok: false; reason: string };

/**
 * Checks that `raw` is an http(s) URL in canonical form, so that the string checked against the allowlist
 * is exactly the one the browser will request. Refused: anything whose parsed form differs from what was
 * given (upper-case host, default port, IPv4 shorthands, non-ASCII, dot segments the parser would
 * remove); dot segments however encoded (raw, percent-encoded in any case, double-encoded, with matrix
 * parameters); encoded slashes or backslashes; empty segments; a query or fragment; userinfo; white
 * space or control characters.
 */
export function canonicalHttpUrl(raw: string): CanonicalUrl {
  if (raw.length === 0 || raw.length > MAX_URL_LENGTH) return { ok: false, reason: "empty or too long" };
  if (FORBIDDEN_CHARS.test(raw) || NOT_PRINTABLE_ASCII.test(raw)) return { ok: false, reason: "white space, control character, backslash, query, fragment or userinfo" };
  const url = parseHttpUrl(raw);
  if (!url) return { ok: false, reason: "not an absolute http(s) URL" };
  // The parser's own output must be what was given (a bare origin may omit its "/").
  if (url.href !== raw && url.href !== raw + "/") return { ok: false, reason: "not in canonical form" };
  if (url.username || url.password || url.search || url.hash) return { ok: false, reason: "userinfo, query or fragment" };
  const segments = url.pathname.split("/").slice(1);
  for (const [i, segment] of segments.entries()) {
    if (segment === "") {
      if (i === segments.length - 1) continue;
      return { ok: false, reason: "empty path segment" };
    }
    const unsafe = unsafeSegment(segment);
    if (unsafe) return { ok: false, reason: unsafe };
  }
  return { ok: true, url };
}

/** The path of a canonical URL as segments, without the trailing empty one ("/a/b/" → ["a", "b"]). */
function pathSegments(url: URL): string[] {
  const segments = url.pathname.split("/").slice(1);
  return segments.at(-1) === "" ? segments.slice(0, -1) : segments;
}

/** Plain http is only for loopback hosts, or for a server whose entry says `allowHttp: true`. */
function httpAllowed(url: URL, allowHttp: boolean | undefined): boolean {
  return url.protocol === "https:" || isLoopbackHost(url.hostname) || allowHttp === true;
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
    labSurvey: v.labSurvey === "when-none-found" || v.labSurvey === "always" || v.labSurvey === "off" ? v.labSurvey : undefined,
    labLookbackDays: posInt(v.labLookbackDays),
    styleOrigins: stringList(v.styleOrigins),
    onlineAccess: bool(v.onlineAccess),
  };
  return Object.fromEntries(Object.entries(out).filter(([, value]) => value !== undefined));
}

function parseServer(v: unknown): ServerConfig | undefined {
  if (!isRecord(v)) return undefined;
  const allowHttp = v.allowHttp === true;
  // Listed URLs must be canonical, and plain http only on loopback or with "allowHttp": true.
  const listed = (value: string | undefined): string | undefined => {
    const checked = value === undefined ? undefined : canonicalHttpUrl(value);
    return checked?.ok && httpAllowed(checked.url, allowHttp) ? value : undefined;
  };
  const iss = listed(str(v.iss));
  // A prefix names a path ("https://ehr.org/" at least): a bare origin is too easily a typo. Matching is by
  // whole path segments, so "https://ehr.org/fhir" never matches "https://ehr.org/fhir-evil".
  const prefix = str(v.issPrefix);
  const prefixUrl = parseHttpUrl(prefix);
  const issPrefix = prefixUrl && prefix?.startsWith(prefixUrl.origin + "/") ? listed(prefix) : undefined;
  if (!iss && !issPrefix) return undefined;
  return {
    name: str(v.name) ?? "FHIR server",
    iss,
    issPrefix,
    ...(allowHttp ? { allowHttp } : {}),
    clientId: str(v.clientId),
    scope: str(v.scope),
    authOrigins: stringList(v.authOrigins),
    conditionSearches: parseConditionSearches(v.conditionSearches),
    medicationStatement: typeof v.medicationStatement === "boolean" ? v.medicationStatement : undefined,
    pageSize: posInt(v.pageSize),
    maxResourcesPerType: posInt(v.maxResourcesPerType),
    ...parseReadingOptions(v),
    ...parseExchange(v),
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

/** Whether `iss` (canonical) is the entry's `iss` or lies inside its `issPrefix`: same origin, then path segment by segment. */
function entryAllows(s: ServerConfig, iss: URL): boolean {
  if (!httpAllowed(iss, s.allowHttp)) return false;
  const segments = pathSegments(iss);
  const same = (listed: string | undefined, exact: boolean): boolean => {
    const checked = listed === undefined ? undefined : canonicalHttpUrl(listed);
    if (!checked?.ok || checked.url.origin !== iss.origin) return false;
    const want = pathSegments(checked.url);
    if (exact ? want.length !== segments.length : want.length > segments.length) return false;
    return want.every((segment, i) => segments[i] === segment);
  };
  return same(s.iss, true) || same(s.issPrefix, false);
}

/**
 * Whether the configuration names a server at `url`'s origin. Loopback names are aliases of one another
 * ("localhost", "127.0.0.1", "[::1]" on one port reach the same server), so they compare by scheme and port.
 */
function originListed(config: AppConfig, url: URL): boolean {
  const key = (u: URL) => (isLoopbackHost(u.hostname) ? `${u.protocol}//loopback:${u.port}` : u.origin);
  return config.servers.some((s) =>
    [s.iss, s.issPrefix].some((v) => {
      const listed = v === undefined ? undefined : parseHttpUrl(v);
      return listed !== undefined && key(listed) === key(url);
    }),
  );
}

/**
 * The server entry that allows `iss`, or undefined when the launch must be refused. `iss` must be in
 * canonical form (canonicalHttpUrl): the string checked here is the string the app then uses.
 * `pageUrl` is the page's own URL: from a loopback page, loopback FHIR servers are allowed too, except
 * on an origin the configuration lists, under any of its loopback names (there its entries alone
 * decide, so a tenant prefix holds).
 */
export function findServer(config: AppConfig, iss: string, pageUrl: string): ServerConfig | undefined {
  const checked = canonicalHttpUrl(iss);
  if (!checked.ok) return undefined;
  const issUrl = checked.url;
  const entry = config.servers.find((s) => entryAllows(s, issUrl));
  if (entry) return entry;
  const page = parseHttpUrl(pageUrl);
  if (page && isLoopbackHost(page.hostname) && isLoopbackHost(issUrl.hostname) && !originListed(config, issUrl)) {
    return { name: "Local FHIR server (loopback)", iss };
  }
  return undefined;
}
