/**
 * Reading every page of one search, within a budget. fhirclient would follow `next` links to any origin
 * with the bearer token, so paging is done here: a link is resolved against the FHIR base once, checked,
 * and that exact absolute URL is what is requested (fhirclient resolves strings its own way, so a
 * relative or scheme-relative string is never handed to it).
 *
 * The budget bounds pages, included and outcome entries, and time: a server whose paging never ends
 * leaves the search `truncated` within seconds, never loading forever.
 */
import type { Resource } from "fhir/r4";
import { fetchJson, RequestFailure, type RequestPolicy, type FhirConnection } from "./request";
import { readOutcome } from "./outcomes";
import { asArray, isRecord } from "../util/json";
import { onBase } from "../util/url";

export type TruncatedReason = "cap" | "foreign-next-link" | "paging-loop" | "pages" | "time" | "included" | "outcomes" | "short-of-total";

export interface SearchResult {
  /** Entries with search.mode "match" (or no mode). */
  matches: Resource[];
  /** Entries with search.mode "include" (e.g. Medications). */
  included: Resource[];
  /** fullUrl of included entries, to resolve absolute references. */
  includedByFullUrl: Map<string, Resource>;
  /** Safe text of warning OperationOutcome entries (outcomes.ts). */
  warnings: string[];
  /** Safe text of error or fatal OperationOutcome entries: the server says the result is incomplete. */
  errors: string[];
  /** Safe text of `suppressed` issues: records the server left out on purpose. */
  withheld: string[];
  /** Safe text of information-level issues: not warnings. */
  notices: string[];
  /** The searchset's own `total` (the last page that gave one), when it gave one. */
  total?: number;
  /** Reading stopped before the end: a budget was reached, or a next link was refused. */
  truncated: boolean;
  truncatedReason?: TruncatedReason;
  /** Entries skipped because they were not resources. */
  skipped: number;
  /** Pages requested. */
  pages: number;
}

export interface SearchBudget {
  /** Matches kept before the search is cut. */
  maxResources: number;
  /** Pages requested, the first included. */
  maxPages: number;
  /** Included entries kept (e.g. Medications). */
  maxIncluded: number;
  /** OperationOutcome entries kept. */
  maxOutcomes: number;
  /** Wall-clock time for the whole search, in ms. */
  maxTimeMs: number;
}

/**
 * The absolute URL `url` (absolute or relative to base) stands for, when it stays on the FHIR base; else
 * undefined. The same origin is required; the path is compared without regard to case, because servers
 * change its case in their own next links (NextGen: `/r4/` → `/R4/`) and the origin, where the token
 * goes, is the same. The server's own spelling is what is then requested.
 */
export function resolveOnBase(url: string, base: string): string | undefined {
  let resolved: URL;
  let baseUrl: URL;
  try {
    baseUrl = new URL(onBase(base, ""));
    resolved = new URL(url, baseUrl);
  } catch {
    return undefined;
  }
  if (resolved.origin !== baseUrl.origin || resolved.username || resolved.password) return undefined;
  const basePath = baseUrl.pathname.replace(/\/+$/, "").toLowerCase();
  const path = resolved.pathname.toLowerCase();
  const inside = path === basePath || path.startsWith(basePath + "/");
  return inside ? resolved.href : undefined;
}

/** True when `url` (absolute or relative to base) stays on the FHIR base URL. */
export function staysOnBase(url: string, base: string): boolean {
  return resolveOnBase(url, base) !== undefined;
}

function cut(result: SearchResult, reason: TruncatedReason): SearchResult {
  result.truncated = true;
  result.truncatedReason = reason;
  return result;
}

/** Adds one page's entries to `result`; false when a budget on entries was reached. */
function addEntries(result: SearchResult, entries: unknown[], budget: SearchBudget): TruncatedReason | undefined {
  let outcomes = result.warnings.length + result.errors.length + result.withheld.length + result.notices.length;
  for (const entry of entries) {
    const resource = isRecord(entry) ? entry.resource : undefined;
    if (!isRecord(resource) || typeof resource.resourceType !== "string") {
      result.skipped++;
      continue;
    }
    const mode = isRecord(entry) && isRecord(entry.search) ? entry.search.mode : undefined;
    if (resource.resourceType === "OperationOutcome" || mode === "outcome") {
      if (++outcomes > budget.maxOutcomes) return "outcomes";
      // An error or fatal outcome counts even when the server did not mark the entry as an outcome.
      for (const issue of readOutcome(resource)) {
        if (issue.class === "serious") result.errors.push(`The EHR reported a${issue.severity === "error" ? "n" : ""} ${issue.severity}: ${issue.text}`);
        else if (issue.class === "withheld") result.withheld.push(issue.text);
        else if (issue.class === "notice") result.notices.push(issue.text);
        else if (issue.class === "warning") result.warnings.push(`The EHR reported a warning: ${issue.text}`);
      }
    } else if (mode === "include") {
      if (result.included.length >= budget.maxIncluded) return "included";
      result.included.push(resource as unknown as Resource);
      if (isRecord(entry) && typeof entry.fullUrl === "string") {
        result.includedByFullUrl.set(entry.fullUrl, resource as unknown as Resource);
      }
    } else {
      if (result.matches.length >= budget.maxResources) return "cap";
      result.matches.push(resource as unknown as Resource);
    }
  }
  return undefined;
}

/**
 * Reads `firstUrl` (absolute, on `base`) and every next page within `budget`. Throws RequestFailure when
 * the first page cannot be read; a later failure keeps what was read and marks the result truncated only
 * for budget reasons (other failures are rethrown, so the caller reports the search as failed).
 */
export async function searchAll(
  client: FhirConnection,
  firstUrl: string,
  opts: { base: string; budget: SearchBudget; policy: RequestPolicy; signal?: AbortSignal },
): Promise<SearchResult> {
  const { budget } = opts;
  const result: SearchResult = {
    matches: [],
    included: [],
    includedByFullUrl: new Map(),
    warnings: [],
    errors: [],
    withheld: [],
    notices: [],
    truncated: false,
    skipped: 0,
    pages: 0,
  };
  const deadline = AbortSignal.timeout(budget.maxTimeMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, deadline]) : deadline;
  const seen = new Set<string>();
  let url: string | undefined = resolveOnBase(firstUrl, opts.base);
  if (!url) throw new RequestFailure({ kind: "refused-next-link" });
  while (url) {
    if (result.pages >= budget.maxPages) return cut(result, "pages");
    seen.add(url);
    result.pages++;
    let bundle: Record<string, unknown>;
    try {
      bundle = await fetchJson(client, url, opts.policy, signal);
    } catch (e) {
      // The time budget ran out while waiting: keep what was read (nothing read: the search failed).
      if (deadline.aborted && !opts.signal?.aborted) {
        if (result.pages > 1) return cut(result, "time");
        throw new RequestFailure({ kind: "timeout" });
      }
      throw e;
    }
    if (bundle.resourceType !== "Bundle") throw new RequestFailure({ kind: "malformed" });
    if (typeof bundle.total === "number" && Number.isInteger(bundle.total) && bundle.total >= 0) result.total = bundle.total;
    const over = addEntries(result, asArray(bundle.entry), budget);
    if (over) return cut(result, over);
    const next = asArray(bundle.link).find((l) => isRecord(l) && l.relation === "next");
    const nextUrl = isRecord(next) && typeof next.url === "string" ? next.url : undefined;
    if (!nextUrl) break;
    if (result.matches.length >= budget.maxResources) return cut(result, "cap");
    const resolved = resolveOnBase(nextUrl, opts.base);
    if (!resolved) return cut(result, "foreign-next-link");
    if (seen.has(resolved)) return cut(result, "paging-loop");
    if (deadline.aborted) return cut(result, "time");
    url = resolved;
  }
  // The server stopped paging before the end it announced itself: what it did not send was not read.
  if (result.total !== undefined && result.matches.length + result.skipped < result.total) return cut(result, "short-of-total");
  return result;
}
