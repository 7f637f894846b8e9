/**
 * Shape of the run-time configuration file `smart-config.json` (public/ in the source tree, dist/ after
 * the build). A deployer edits it without rebuilding; server/serve.ts derives its CSP from it.
 */
export interface ConditionSearch {
  /** Condition `category` token to add to the search (e.g. "problem-list-item"), or undefined for none. */
  category?: string;
  /** Condition `clinical-status` tokens (comma-separated) to add, or undefined for none. */
  clinicalStatus?: string;
}

export interface ServerConfig {
  /** Human name shown in messages ("SMART sandbox", "Epic production"). */
  name: string;
  /**
   * An `iss` is accepted when it is in canonical form and equals `iss` (trailing slash ignored) or lies
   * inside `issPrefix`: the same origin, then the prefix's path segments one by one. A prefix ends with a
   * path slash ("https://ehr.example.org/fhir/"), so "https://ehr.example.org.evil" never matches.
   */
  iss?: string;
  issPrefix?: string;
  /**
   * Plain http for this server's FHIR base and authorization endpoint when it is not on loopback.
   * Off by default: such an entry is ignored. For closed test networks only, never in production.
   */
  allowHttp?: boolean;
  /** Overrides of the top-level clientId / scope for this server. */
  clientId?: string;
  scope?: string;
  /** Origins of the authorization and token endpoints when they differ from the FHIR origin (for CSP). */
  authOrigins?: string[];
  /** Condition searches to run and merge. Default: one search with no category or status filter. */
  conditionSearches?: readonly ConditionSearch[];
  /** Read MedicationStatement: true (default) or false when the server is known not to support it. */
  medicationStatement?: boolean;
  /**
   * Ask for every Condition clinical status explicitly (`clinical-status=active,recurrence,relapse,
   * inactive,remission,resolved`) on Condition searches that name none: for servers whose default search
   * returns active problems only (Epic). Default false (no status filter: records without one are read too).
   */
  explicitClinicalStatus?: boolean;
  /** Page size asked for with _count (servers clamp it). Default 200. */
  pageSize?: number;
  /** Maximum resources read per kind of record before the section is marked truncated. Default 5000. */
  maxResourcesPerType?: number;
  /** Pages read per search before it is marked truncated. Default 50. */
  maxPagesPerSearch?: number;
  /** Time allowed for one search, all pages included, in milliseconds. Default 20000. */
  searchTimeBudgetMs?: number;
  /** Send `_count` (default true). false for servers that refuse it (else: one retry without it after a 400). */
  useCount?: boolean;
  /** Send `_include` for Medications (default true). false for servers that refuse it (else: one retry without it). */
  useInclude?: boolean;
  /**
   * How lab results are searched: "codes" (default) = `code=` with the app's LOINC codes; "category" =
   * `category=laboratory` with a date bound (`labLookbackDays`), the LOINC codes filtered in the app, for
   * servers whose local codes map to LOINC unevenly.
   */
  labQuery?: "codes" | "category";
  /** In "codes" mode, also send `category=laboratory` (servers that want it). Default false. */
  labCategory?: boolean;
  /** In "category" mode, how far back lab results are read, in days. Default 1826 (five years). */
  labLookbackDays?: number;
  /**
   * Reading the first page of `category=laboratory` results since `labLookbackDays`, to learn of lab results
   * the code search cannot see (local codes, codes labelled LOINC that are not): "when-none-found" (default)
   * after the first wave when the code search found none of the five tests; "always" in the first wave (one
   * more request for every patient, for servers known to mislabel some results); "off". Only where the
   * server's CapabilityStatement lists `category` and `date` for Observation.
   */
  labSurvey?: "when-none-found" | "always" | "off";
  /** Origins smart_style_url may be read from besides the FHIR and authorization origins (also in CSP connect-src). */
  styleOrigins?: string[];
  /**
   * Request `online_access` (a refresh token for the session) when the server's SMART configuration lists
   * `permission-online`. Default true; false never requests it.
   */
  onlineAccess?: boolean;
  /**
   * Where the authorization code is exchanged for a token: "browser" (default: a public client with PKCE,
   * tokens in the tab) or "server" (the app's own server, as a SMART confidential client; tokens stay on
   * the server and the browser reads FHIR through it: docs/spec/confidential-clients.md).
   */
  tokenExchange?: "browser" | "server";
  /**
   * How the server authenticates to the token endpoint with `tokenExchange: "server"`: "private_key_jwt"
   * (default, SMART confidential-asymmetric), "client_secret_basic" or "client_secret_post" (symmetric).
   * The key and secrets themselves are never here (this file is public): the server reads them at start.
   */
  tokenAuth?: TokenAuthMethod;
}

export type TokenAuthMethod = "private_key_jwt" | "client_secret_basic" | "client_secret_post";

export interface AppConfig {
  /** Default OAuth client id. */
  clientId: string;
  /** Default scopes (space-separated). Always contains "launch" explicitly. */
  scope: string;
  /** Allowed FHIR servers. A launch whose iss matches none is refused before any redirect. */
  servers: ServerConfig[];
  /** Origins allowed to frame the app (CSP frame-ancestors), e.g. the EHR's web origin. */
  frameAncestors?: string[];
  /** Per-request timeout in milliseconds. Default 20000. */
  requestTimeoutMs?: number;
}
