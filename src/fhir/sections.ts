/**
 * The kinds of record the data layer searches, as one table: resource type, the words used in reports,
 * the queries (with their optional parameters), what a granular scope may restrict without leaving a gap,
 * and which results are kept. Adding a resource type = a row here, a reader (`keep`) if the search
 * returns more than the app uses, and its field in EngineInput (the `input` load.ts assembles).
 *
 * Patient is read by id, not searched: load.ts reads it beside these rows.
 */
import type { Observation, Resource } from "fhir/r4";
import type { RecordType } from "../knowledge";
// The lab codes module itself, not the knowledge index: the data layer must not pull the code lists into
// the page's first chunk (src/app/main.ts loads the engine in parallel with the token exchange).
import { LAB_LOINC_CODES, LOINC_SYSTEMS } from "../knowledge/labTests";
import type { ServerConfig } from "./configTypes";
import type { SearchQuery } from "./queries";

export const DEFAULT_PAGE_SIZE = 200;
export const DEFAULT_LAB_LOOKBACK_DAYS = 1826;
/** Every Condition clinical status (R4 condition-clinical), for servers that return active ones by default. */
export const ALL_CLINICAL_STATUSES = "active,recurrence,relapse,inactive,remission,resolved";
/**
 * Every MedicationRequest intent (R4 medicationrequest-intent). US Core makes `intent` a required search
 * parameter (athenahealth refuses a search without it), yet home medicines come as `proposal` (MEDITECH,
 * with reportedBoolean) or `plan` (Oracle Health): naming every intent satisfies the first without
 * dropping the second. Which intents count as current is the engine's decision, not the query's.
 */
export const ALL_MEDICATION_INTENTS = "proposal,plan,order,original-order,reflex-order,filler-order,instance-order,option";

export interface SectionContext {
  patientId: string;
  server: ServerConfig;
  now: Date;
}

export type SearchedType = Exclude<RecordType, "Patient">;

export interface SectionSpec {
  type: SearchedType;
  /** Plural words for reports: "conditions", "lab results". */
  words: string;
  /** The searches that read this kind for the patient (merged, duplicates removed). */
  queries(ctx: SectionContext): SearchQuery[];
  /**
   * A granular scope restricted to these values of this parameter still reads everything the section
   * needs (e.g. lab results under `category=laboratory`). Any other restriction leaves a gap.
   */
  coveredBy?: { param: string; values: readonly string[] };
  /** Keeps the results the app reads (e.g. only the LOINC codes of lab-results.md); default: all. */
  keep?(resource: Resource): boolean;
  /** The deployer turned this kind off for the server (reported `not-supported`, not a gap). */
  configuredOff?(server: ServerConfig): boolean;
}

/** Parameters every search sends last: the page size, unless the server is configured not to get it. */
function paging(server: ServerConfig): [string, string][] {
  return server.useCount === false ? [] : [["_count", String(server.pageSize ?? DEFAULT_PAGE_SIZE)]];
}

function query(type: string, label: string, params: [string, string | undefined][], optional: string[]): SearchQuery {
  return {
    type,
    label,
    params: params.filter((p): p is [string, string] => p[1] !== undefined),
    optional: [...optional, "_count"],
  };
}

function conditionQueries({ patientId, server }: SectionContext): SearchQuery[] {
  return (server.conditionSearches ?? [{}]).map((s) =>
    query(
      "Condition",
      s.category ? `conditions (${s.category})` : "conditions",
      [
        ["patient", patientId],
        ["category", s.category],
        ["clinical-status", s.clinicalStatus ?? (server.explicitClinicalStatus ? ALL_CLINICAL_STATUSES : undefined)],
        ...paging(server),
      ],
      ["category"],
    ),
  );
}

function medicationRequestQueries({ patientId, server }: SectionContext): SearchQuery[] {
  return [
    query(
      "MedicationRequest",
      "medicine orders",
      [
        ["patient", patientId],
        ["intent", ALL_MEDICATION_INTENTS],
        ["_include", server.useInclude === false ? undefined : "MedicationRequest:medication"],
        ...paging(server),
      ],
      ["_include"],
    ),
  ];
}

function patientQuery(type: SearchedType, label: string) {
  return ({ patientId, server }: SectionContext): SearchQuery[] => [query(type, label, [["patient", patientId], ...paging(server)], [])];
}

/**
 * The `code=` list: the codes alone, without `http://loinc.org|` before each. A token without a system
 * matches the code in any system (FHIR search, token parameters), so results sent under LOINC's OID are
 * found too (the engine then reads only LOINC systems); and the query string stays near 600 bytes where
 * `system|code` tokens made it 2,101 — over the 2,048 bytes Epic's IIS front end accepts (issue 19).
 */
const LAB_CODE_TOKENS = LAB_LOINC_CODES.join(",");
const LAB_CODES = new Set(LAB_LOINC_CODES);
const LOINC_URIS = new Set(LOINC_SYSTEMS);

/** ISO date `days` before `now` (UTC), for a `date=ge…` bound. */
export function daysBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

function labQueries({ patientId, server, now }: SectionContext): SearchQuery[] {
  if (server.labQuery === "category") {
    const since = daysBefore(now, server.labLookbackDays ?? DEFAULT_LAB_LOOKBACK_DAYS);
    return [
      query(
        "Observation",
        `lab results since ${since}`,
        [["patient", patientId], ["category", "laboratory"], ["date", `ge${since}`], ...paging(server)],
        [],
      ),
    ];
  }
  return [
    query(
      "Observation",
      "lab results",
      [["patient", patientId], ["code", LAB_CODE_TOKENS], ["category", server.labCategory ? "laboratory" : undefined], ...paging(server)],
      ["category"],
    ),
  ];
}

/** A result of the five lab tests: a LOINC coding (either LOINC system URI) among the codes of lab-results.md. */
export function isReadLabResult(resource: Resource): boolean {
  if (resource.resourceType !== "Observation") return false;
  return ((resource as Observation).code?.coding ?? []).some(
    (c) => c.system !== undefined && LOINC_URIS.has(c.system) && typeof c.code === "string" && LAB_CODES.has(c.code.trim()),
  );
}

export const SECTIONS: readonly SectionSpec[] = [
  {
    type: "Condition",
    words: "conditions",
    queries: conditionQueries,
    coveredBy: { param: "category", values: ["problem-list-item", "encounter-diagnosis", "health-concern"] },
  },
  { type: "MedicationRequest", words: "medicine orders", queries: medicationRequestQueries },
  {
    type: "MedicationStatement",
    words: "medicine statements",
    queries: patientQuery("MedicationStatement", "medicine statements"),
    configuredOff: (server) => server.medicationStatement === false,
  },
  { type: "Procedure", words: "procedures", queries: patientQuery("Procedure", "procedures") },
  // Every Observation the lab searches return is kept: the engine says what each is (a result of the five
  // tests, another test, not a LOINC code) and nothing unread is silent (lab-results.md).
  {
    type: "Observation",
    words: "lab results",
    queries: labQueries,
    coveredBy: { param: "category", values: ["laboratory"] },
  },
];

/** Words for every kind of record, Patient included (reports and messages). */
export const WORDS: Record<RecordType, string> = {
  Patient: "the patient's demographics",
  ...(Object.fromEntries(SECTIONS.map((s) => [s.type, s.words])) as Record<SearchedType, string>),
};
