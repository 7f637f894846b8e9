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
 * in the first wave costs about one more round trip for every patient (measured with bench/load.bench.ts) —
 * and `labSurvey: "always"` runs it in the first wave for servers known to mislabel some results.
 */
import type { Resource } from "fhir/r4";
import { asArray, isRecord } from "../util/json";
import type { Capabilities } from "./capabilities";
import type { ServerConfig } from "./configTypes";
import { queryUrl, restrictQueries, type SearchQuery } from "./queries";
import { fetchJson, RequestFailure, type FhirConnection, type RequestPolicy } from "./request";
import { failureOrEnd } from "./sectionRun";
import { namesOtherPatient } from "./sectionReport";
import { daysBefore, DEFAULT_LAB_LOOKBACK_DAYS } from "./sections";
import type { Restriction } from "./scopes";
import type { LabSurveyReport } from "./types";

/** The server's statement lists `category` and `date` for Observation searches, and the deployer did not turn the survey off. */
export function surveyAllowed(server: ServerConfig, caps: Capabilities): boolean {
  const names = caps.searchParams?.get("Observation");
  return server.labSurvey !== "off" && server.labQuery !== "category" && names?.has("category") === true && names.has("date");
}

export interface SurveyEnv {
  client: FhirConnection;
  base: string;
  policy: RequestPolicy;
  signal?: AbortSignal;
  patientId: string;
  server: ServerConfig;
  now: Date;
  /** The granted restrictions on Observation searches (undefined: none). */
  restrictions: Restriction[] | undefined;
}

/** The survey's one search, within what the grant allows (undefined when it allows none). */
export function surveyQuery(env: Pick<SurveyEnv, "patientId" | "server" | "now" | "restrictions">): SearchQuery | undefined {
  const since = daysBefore(env.now, env.server.labLookbackDays ?? DEFAULT_LAB_LOOKBACK_DAYS);
  // No `_count`: the server's own page size is enough to learn what the results are, and nothing to refuse.
  const params: [string, string][] = [["patient", env.patientId], ["category", "laboratory"], ["date", `ge${since}`]];
  return restrictQueries([{ type: "Observation", label: since, params, optional: [] }], env.restrictions)[0];
}

/** The first page of the patient's laboratory results since the date bound, and what it showed. */
export async function surveyLabs(env: SurveyEnv): Promise<{ resources: Resource[]; report: LabSurveyReport } | undefined> {
  const query = surveyQuery(env);
  if (!query) return undefined;
  const report: LabSurveyReport = { since: query.label, status: "read", read: 0, more: false };
  const resources: Resource[] = [];
  try {
    const bundle = await fetchJson(env.client, queryUrl(env.base, query), env.policy, env.signal);
    if (bundle.resourceType !== "Bundle") throw new RequestFailure({ kind: "malformed" });
    for (const entry of asArray(bundle.entry)) {
      const r = isRecord(entry) ? entry.resource : undefined;
      if (isRecord(r) && r.resourceType === "Observation" && !namesOtherPatient(r as unknown as Resource, env.patientId)) resources.push(r as unknown as Resource);
    }
    report.read = resources.length;
    report.more = asArray(bundle.link).some((l) => isRecord(l) && l.relation === "next");
    if (typeof bundle.total === "number") report.total = bundle.total;
  } catch (e) {
    // A 401 ends the session (failureOrEnd throws), as in every other search.
    report.status = failureOrEnd(e).kind === "forbidden" ? "not-authorized" : "failed";
  }
  return { resources, report };
}
