/**
 * The server's CapabilityStatement decides which optional parameters a search carries: `_count` and
 * `_include` are left out where the statement shows the server does not take them (capabilities.ts), so
 * a server that says so is never sent them, refused, and retried. A server that lists them and then
 * refuses them still gets the one retry without them (sectionRun.ts).
 */
import { countAllowed, includeAllowed, type Capabilities } from "./capabilities";
import type { SearchQuery } from "./queries";

/** `query` without the `_count` / `_include` values the statement rules out for its type. */
export function fitToCapabilities(query: SearchQuery, caps: Capabilities): SearchQuery {
  const params = query.params.filter(([k, v]) => {
    if (k === "_count") return countAllowed(caps, query.type);
    if (k === "_include") return includeAllowed(caps, query.type, v);
    return true;
  });
  return params.length === query.params.length ? query : { ...query, params };
}
