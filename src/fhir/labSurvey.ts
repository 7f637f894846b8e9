/**
 * Learning that lab results exist which the app could not identify (lab-results.md, "What real
 * laboratories send"; issue 19). A search by LOINC code cannot see results a server codes locally or
 * labels wrongly ("12809" under http://loinc.org): when the code search found none of the app's tests,
 * one `category=laboratory` search with a date bound reads the first page of the patient's lab results,
 * and the engine says what each is (not LOINC, another test, or one of the five after all).
 *
 * Only where the server's CapabilityStatement lists both `category` and `date` for Observation searches.
 * One request, never paged: a survey, whose failure or refusal is said but is never a gap of its own. By
 * default it runs only after the first wave and only when the code search found nothing — an eighth request
 * in the first wave costs about one more round trip for every patient (measured: bench/load.bench.ts) —
 * and `labSurvey: "always"` runs it in the first wave for servers known to mislabel some results.
 */
import type Client from "fhirclient/lib/Client";
import type { Resource } from "fhir/r4";
import { asArray, isRecord } from "../util/json";
import type { ServerConfig } from "./configTypes";
import type { Failure } from "./errors";
import { queryUrl, restrictQueries, type SearchQuery } from "./queries";
import { fetchJson, RequestFailure, type RequestPolicy } from "./request";
import { failureOrEnd } from "./sectionRun";
import { namesOtherPatient } from "./sectionReport";
import { daysBefore, DEFAULT_LAB_LOOKBACK_DAYS, DEFAULT_PAGE_SIZE, isReadLabResult } from "./sections";
import type { Restriction } from "./scopes";
import type { LabSurveyReport } from "./types";

export type LabSurveyMode = NonNullable<ServerConfig["labSurvey"]>;

/** The survey mode of a server: "when-none-found" unless configured. */
export function labSurveyMode(server: ServerConfig): LabSurveyMode {
  return server.labSurvey ?? "when-none-found";
}

/** The search parameters the CapabilityStatement lists for Observation (undefined: it lists none). */
export function observationSearchParams(metadata: Record<string, unknown> | undefined): ReadonlySet<string> | undefined {
  if (!metadata || metadata.resourceType !== "CapabilityStatement") return undefined;
  const names = asArray(metadata.rest)
    .filter(isRecord)
    .filter((r) => r.mode === undefined || r.mode === "server")
    .flatMap((r) => asArray(r.resource).filter(isRecord))
    .filter((r) => r.type === "Observation")
    .flatMap((r) => asArray(r.searchParam).filter(isRecord))
    .map((p) => p.name)
    .filter((n): n is string => typeof n === "string");
  return names.length > 0 ? new Set(names) : undefined;
}

/** The server's statement allows the survey, and the deployer did not turn it off or read labs by category anyway. */
export function surveyAllowed(server: ServerConfig, metadata: Record<string, unknown> | undefined): boolean {
  if (labSurveyMode(server) === "off" || server.labQuery === "category") return false;
  const params = observationSearchParams(metadata);
  return params !== undefined && params.has("category") && params.has("date");
}

/** The code search read completely and found no result of the five tests: the case the survey is for. */
export function noneFound(observations: readonly Resource[]): boolean {
  return !observations.some(isReadLabResult);
}

export interface SurveyEnv {
  client: Client;
  base: string;
  policy: RequestPolicy;
  signal?: AbortSignal;
  patientId: string;
  server: ServerConfig;
  now: Date;
  /** The granted restrictions on Observation searches (undefined: none). */
  restrictions: Restriction[] | undefined;
}

export interface SurveyResult {
  resources: Resource[];
  report: LabSurveyReport;
}

/** The survey's one search, within what the grant allows (undefined when it allows none). */
export function surveyQuery(env: Pick<SurveyEnv, "patientId" | "server" | "now" | "restrictions">): SearchQuery | undefined {
  const since = daysBefore(env.now, env.server.labLookbackDays ?? DEFAULT_LAB_LOOKBACK_DAYS);
  const params: [string, string][] = [["patient", env.patientId], ["category", "laboratory"], ["date", `ge${since}`]];
  if (env.server.useCount !== false) params.push(["_count", String(env.server.pageSize ?? DEFAULT_PAGE_SIZE)]);
  return restrictQueries([{ type: "Observation", label: `lab results since ${since}`, params, optional: [] }], env.restrictions)[0];
}

export async function surveyLabs(env: SurveyEnv): Promise<SurveyResult | undefined> {
  const query = surveyQuery(env);
  if (!query) return undefined;
  const since = query.params.find(([k]) => k === "date")![1].slice(2);
  let bundle: Record<string, unknown>;
  try {
    bundle = await fetchJson(env.client, queryUrl(env.base, query), env.policy, env.signal);
    if (bundle.resourceType !== "Bundle") throw new RequestFailure({ kind: "malformed" });
  } catch (e) {
    const f: Failure = failureOrEnd(e); // a 401 ends the session, as in every other search
    return { resources: [], report: { since, status: f.kind === "forbidden" ? "not-authorized" : "failed", read: 0, more: false } };
  }
  const resources: Resource[] = [];
  for (const entry of asArray(bundle.entry)) {
    const r = isRecord(entry) ? entry.resource : undefined;
    const mode = isRecord(entry) && isRecord(entry.search) ? entry.search.mode : undefined;
    if (!isRecord(r) || r.resourceType !== "Observation" || (mode !== undefined && mode !== "match")) continue;
    const resource = r as unknown as Resource;
    if (!namesOtherPatient(resource, env.patientId)) resources.push(resource);
  }
  const more = asArray(bundle.link).some((l) => isRecord(l) && l.relation === "next");
  const report: LabSurveyReport = { since, status: "read", read: resources.length, more };
  if (typeof bundle.total === "number" && Number.isInteger(bundle.total) && bundle.total >= 0) report.total = bundle.total;
  return { resources, report };
}
