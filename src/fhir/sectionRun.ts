/**
 * Running the searches of one kind of record: each query within the paging budget, one retry without the
 * optional parameters after a 400, and every search's outcome kept (one failed search of several never
 * discards what the others read).
 */
import { RequestFailure, type RequestPolicy, type FhirConnection } from "./request";
import type { Failure } from "./errors";
import { optionalPresent, queryUrl, type SearchQuery } from "./queries";
import { searchAll, type SearchBudget, type SearchResult } from "./search";

/** A 401 anywhere: the session has ended, and the whole load stops. */
export class SessionEnded extends Error {}

export interface SearchRun {
  query: SearchQuery;
  result?: SearchResult;
  failure?: Failure;
  /** Optional parameters dropped after the server answered 400. */
  retriedWithout?: string[];
}

export interface SearchEnv {
  client: FhirConnection;
  base: string;
  budget: SearchBudget;
  policy: RequestPolicy;
  signal?: AbortSignal;
}

/** The failure a request's error stands for; a 401 ends the session instead (throws SessionEnded). */
export function failureOrEnd(e: unknown): Failure {
  const f: Failure = e instanceof RequestFailure ? e.failure : { kind: "unknown" };
  if (f.kind === "unauthorized") throw new SessionEnded();
  return f;
}

/** A 400 (or 422) that dropping the optional parameters may cure. */
function refusedParameters(f: Failure): boolean {
  return f.kind === "bad-request" && (f.status === 400 || f.status === 422);
}

async function attempt(env: SearchEnv, url: string): Promise<SearchResult | Failure> {
  try {
    return await searchAll(env.client, url, { base: env.base, budget: env.budget, policy: env.policy, signal: env.signal });
  } catch (e) {
    return failureOrEnd(e);
  }
}

function isFailure(x: SearchResult | Failure): x is Failure {
  return "kind" in x;
}

export async function runSearch(env: SearchEnv, query: SearchQuery): Promise<SearchRun> {
  const first = await attempt(env, queryUrl(env.base, query));
  if (!isFailure(first)) return { query, result: first };
  const optional = optionalPresent(query);
  if (!refusedParameters(first) || optional.length === 0) return { query, failure: first };
  const retry = await attempt(env, queryUrl(env.base, query, new Set(optional)));
  return isFailure(retry) ? { query, failure: retry, retriedWithout: optional } : { query, result: retry, retriedWithout: optional };
}

export function runSearches(env: SearchEnv, queries: readonly SearchQuery[]): Promise<SearchRun[]> {
  return Promise.all(queries.map((q) => runSearch(env, q)));
}
