/**
 * Reading every page of a search. fhirclient would follow `next` links to any origin with the bearer
 * token, so paging is done here, following a link only when it stays on the FHIR base URL.
 */
import type Client from "fhirclient/lib/Client";
import type { Resource } from "fhir/r4";
import { fetchJson, RequestFailure, type RequestPolicy } from "./request";
import { isRecord } from "../util/json";

export interface SearchResult {
  /** Entries with search.mode "match" (or no mode). */
  matches: Resource[];
  /** Entries with search.mode "include" (e.g. Medications). */
  included: Resource[];
  /** fullUrl of included entries, to resolve absolute references. */
  includedByFullUrl: Map<string, Resource>;
  /** Safe text of OperationOutcome entries and refused links. */
  warnings: string[];
  /** Reading stopped before the end: cap reached, or a next link was refused. */
  truncated: boolean;
  truncatedReason?: "cap" | "foreign-next-link" | "paging-loop";
  /** Entries skipped because they were not resources. */
  skipped: number;
}

/** True when `url` (absolute or relative to base) stays on the FHIR base URL. */
export function staysOnBase(url: string, base: string): boolean {
  let resolved: URL;
  let baseUrl: URL;
  try {
    baseUrl = new URL(base.replace(/\/+$/, "") + "/");
    resolved = new URL(url, baseUrl);
  } catch {
    return false;
  }
  if (resolved.origin !== baseUrl.origin) return false;
  const basePath = baseUrl.pathname.replace(/\/+$/, "");
  return resolved.pathname === basePath || resolved.pathname.startsWith(basePath + "/");
}

/** Plain text of an OperationOutcome's issues, without URLs. */
export function outcomeText(outcome: Record<string, unknown>): string[] {
  const issues = Array.isArray(outcome.issue) ? outcome.issue.filter(isRecord) : [];
  return issues.map((issue) => {
    const details = isRecord(issue.details) && typeof issue.details.text === "string" ? issue.details.text : "";
    const diag = typeof issue.diagnostics === "string" ? issue.diagnostics : "";
    const severity = typeof issue.severity === "string" ? issue.severity : "warning";
    const text = (details || diag || (typeof issue.code === "string" ? issue.code : "")).replace(/https?:\/\/\S+/g, "[address]");
    return `The EHR reported a ${severity}: ${text.slice(0, 200)}`;
  });
}

export async function searchAll(
  client: Client,
  firstUrl: string,
  opts: { base: string; maxResources: number; policy: RequestPolicy; signal?: AbortSignal },
): Promise<SearchResult> {
  const result: SearchResult = {
    matches: [],
    included: [],
    includedByFullUrl: new Map(),
    warnings: [],
    truncated: false,
    skipped: 0,
  };
  const seen = new Set<string>();
  let url: string | undefined = firstUrl;
  while (url) {
    seen.add(url);
    const bundle = await fetchJson(client, url, opts.policy, opts.signal);
    if (bundle.resourceType !== "Bundle") throw new RequestFailure({ kind: "malformed" });
    const entries: unknown[] = Array.isArray(bundle.entry) ? bundle.entry : [];
    for (const entry of entries) {
      const resource = isRecord(entry) ? entry.resource : undefined;
      if (!isRecord(resource) || typeof resource.resourceType !== "string") {
        result.skipped++;
        continue;
      }
      const mode = isRecord(entry) && isRecord(entry.search) ? entry.search.mode : undefined;
      if (resource.resourceType === "OperationOutcome" || mode === "outcome") {
        result.warnings.push(...outcomeText(resource));
      } else if (mode === "include") {
        result.included.push(resource as unknown as Resource);
        if (isRecord(entry) && typeof entry.fullUrl === "string") {
          result.includedByFullUrl.set(entry.fullUrl, resource as unknown as Resource);
        }
      } else if (result.matches.length < opts.maxResources) {
        result.matches.push(resource as unknown as Resource);
      } else {
        result.truncated = true;
        result.truncatedReason = "cap";
      }
    }
    if (result.truncated) break;
    const links: unknown[] = Array.isArray(bundle.link) ? bundle.link : [];
    const next = links.find((l) => isRecord(l) && l.relation === "next");
    const nextUrl = isRecord(next) && typeof next.url === "string" ? next.url : undefined;
    if (!nextUrl) break;
    if (result.matches.length >= opts.maxResources) {
      result.truncated = true;
      result.truncatedReason = "cap";
      break;
    }
    if (!staysOnBase(nextUrl, opts.base)) {
      result.truncated = true;
      result.truncatedReason = "foreign-next-link";
      break;
    }
    if (seen.has(nextUrl)) {
      result.truncated = true;
      result.truncatedReason = "paging-loop";
      break;
    }
    url = nextUrl;
  }
  return result;
}
