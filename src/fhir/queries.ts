/**
 * One FHIR search as data: its parameters, which of them are optional (dropped in one retry when the
 * server answers 400), and the absolute URL it is sent to. Granular scopes (`?category=…`) are carried
 * into the queries here.
 */
import type { Restriction } from "./scopes";
import { onBase } from "../util/url";

export interface SearchQuery {
  /** Resource type searched. */
  type: string;
  /** Words naming this search in reports ("conditions (problem-list-item)"). */
  label: string;
  /** Parameters in the order they are sent. */
  params: [string, string][];
  /** Names of parameters the search can do without (e.g. `_count`, `_include`): retried without them after a 400. */
  optional: readonly string[];
}

/** The absolute URL of `query` on `base` (the exact string that is checked and requested). */
export function queryUrl(base: string, query: SearchQuery, without: ReadonlySet<string> = new Set()): string {
  const q = new URLSearchParams();
  for (const [k, v] of query.params) if (!without.has(k)) q.append(k, v);
  return onBase(base, `${query.type}?${q.toString()}`);
}

/** The optional parameters `query` actually carries. */
export function optionalPresent(query: SearchQuery): string[] {
  return [...new Set(query.params.map(([k]) => k).filter((k) => query.optional.includes(k)))];
}

/** `code` and `system|code` tokens agree when their codes match and their systems do not contradict. */
function sameToken(a: string, b: string): boolean {
  const split = (t: string) => {
    const bar = t.lastIndexOf("|");
    return bar >= 0 ? { system: t.slice(0, bar), code: t.slice(bar + 1) } : { system: "", code: t };
  };
  const x = split(a);
  const y = split(b);
  return x.code === y.code && (x.system === "" || y.system === "" || x.system === y.system);
}

/** Every value of `wanted` (comma-separated) is among the allowed values. */
function within(wanted: string, allowed: string): boolean {
  const allowedTokens = allowed.split(",");
  return wanted.split(",").every((w) => allowedTokens.some((a) => sameToken(w, a)));
}

/**
 * The queries a granular grant allows: each query combined with each restriction, its parameters added
 * (and made required). A query that asks for something the restriction excludes is dropped for it.
 * Duplicates are removed. `restrictions` undefined = unrestricted (queries unchanged).
 */
export function restrictQueries(queries: readonly SearchQuery[], restrictions: Restriction[] | undefined): SearchQuery[] {
  if (!restrictions) return [...queries];
  const out = new Map<string, SearchQuery>();
  for (const query of queries) {
    for (const restriction of restrictions) {
      const names = new Set(restriction.map(([k]) => k));
      const conflicts = restriction.some(([k, v]) => query.params.some(([qk, qv]) => qk === k && !within(qv, v)));
      if (conflicts) continue;
      const params: [string, string][] = [...query.params.filter(([k]) => !names.has(k)), ...restriction];
      const restricted: SearchQuery = {
        type: query.type,
        label: `${query.label.replace(/ \(.*\)$/, "")} (${restriction.map(([, v]) => v.slice(v.lastIndexOf("|") + 1)).join(", ")})`,
        params,
        optional: query.optional.filter((k) => !names.has(k)),
      };
      out.set(queryUrl("", restricted), restricted);
    }
  }
  return [...out.values()];
}

/**
 * True when the granted restrictions still let the section read everything it needs: each restriction is
 * on `need.param` alone and, together, they allow every value in `need.values`.
 */
export function restrictionsCover(restrictions: Restriction[] | undefined, need: { param: string; values: readonly string[] } | undefined): boolean {
  if (!restrictions) return true;
  if (!need) return false;
  if (!restrictions.every((r) => r.every(([k]) => k === need.param))) return false;
  const allowed = restrictions.flatMap((r) => r.flatMap(([, v]) => v.split(",")));
  return need.values.every((value) => allowed.some((a) => sameToken(value, a)));
}
