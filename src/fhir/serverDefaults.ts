/**
 * Per-server behaviour the app recognises without hand configuration: an Epic server (capabilities.ts
 * `isEpic`) gets the Condition searches docs/ehr-guide.md recommends for Epic, because its Condition
 * search returns active problems only when no clinical status is named. A deployer's own
 * `conditionSearches` or `explicitClinicalStatus` always wins.
 */
import { isEpic, type Capabilities } from "./capabilities";
import type { ConditionSearch, ServerConfig } from "./configTypes";

/**
 * Epic's Condition searches: the problem list with every status Epic supports (active, inactive,
 * resolved — its documented values; the other R4 statuses are not known to be accepted), and encounter
 * diagnoses, which Epic sends without a clinical status (a status filter would drop them).
 */
const EPIC_CONDITION_SEARCHES: readonly ConditionSearch[] = [
  { category: "problem-list-item", clinicalStatus: "active,inactive,resolved" },
  { category: "encounter-diagnosis" },
];

/** The server entry as the data layer uses it: the deployer's entry plus what the server was recognised as. */
export function withRecognisedDefaults(server: ServerConfig, caps: Capabilities, iss: string): ServerConfig {
  if (server.conditionSearches !== undefined || server.explicitClinicalStatus !== undefined) return server;
  if (!isEpic(caps, iss)) return server;
  return { ...server, conditionSearches: EPIC_CONDITION_SEARCHES };
}
