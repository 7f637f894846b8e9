/**
 * Granted scopes: which resource types the app may read, and with which search restrictions.
 *
 * Understood forms: SMART v1 (`patient/Condition.read`, `.*`), SMART v2 (`patient/Condition.rs`, with a
 * granular `?category=…` restriction), `user/` and `system/` contexts, `*` wildcards, and Epic's
 * context-less strings (`Condition.read Condition.search`). A grant that names no resource scope in any of
 * these forms (trimmed to `openid fhirUser`, or written in a form this file does not know) "cannot be
 * read": the data layer then asks the server and decides from its answer (403 = not authorised).
 */

/** Search parameters a granular scope restricts a search to, e.g. [["category", "…|problem-list-item"]]. */
export type Restriction = [string, string][];

export interface ScopeCheck {
  /** False when the grant names no resource scope the app understands: ask the server instead. */
  readable: boolean;
  /** True when the grant allows searching `resourceType` for the patient (always true when not readable). */
  canSearch(resourceType: string): boolean;
  /** True when the grant allows reading one `resourceType` by id (always true when not readable). */
  canRead(resourceType: string): boolean;
  /**
   * The granular restrictions on searching `resourceType`: undefined when at least one granted scope
   * allows unrestricted search; otherwise one parameter list per granular scope (each alone is allowed).
   */
  restrictions(resourceType: string): Restriction[] | undefined;
}

interface Permission {
  type: string;
  read: boolean;
  search: boolean;
  restriction?: Restriction;
}

const SMART_RE = /^(patient|user|system)\/([A-Za-z]+|\*)\.(\*|read|write|[cruds]+)(\?.*)?$/;
/** Epic's documented token responses list `Patient.read Patient.search` without a context. */
const CONTEXTLESS_RE = /^([A-Z][A-Za-z]+)\.(read|search)$/;

function restrictionOf(query: string | undefined): Restriction | undefined {
  if (!query || query.length < 2) return undefined;
  const params = [...new URLSearchParams(query.slice(1))].filter(([k, v]) => k !== "" && v !== "");
  return params.length > 0 ? params : undefined;
}

function parsePermission(token: string): Permission | undefined {
  const m = SMART_RE.exec(token);
  if (m) {
    const access = m[3]!;
    const v1Read = access === "read" || access === "*";
    const perm: Permission = { type: m[2]!, read: v1Read || access.includes("r"), search: v1Read || access.includes("s") };
    const restriction = restrictionOf(m[4]);
    if (restriction) perm.restriction = restriction;
    return perm;
  }
  const e = CONTEXTLESS_RE.exec(token);
  // `X.read` without a context may mean read-by-id only (Epic lists `X.search` beside it): allow the
  // search too and let a 403 say otherwise, rather than skip a section the EHR may well serve.
  if (e) return { type: e[1]!, read: e[2] === "read", search: true };
  return undefined;
}

export function parseScopes(granted: string): ScopeCheck {
  const perms = granted
    .split(/\s+/)
    .filter(Boolean)
    .map(parsePermission)
    .filter((p): p is Permission => !!p);
  const readable = perms.length > 0;
  const covering = (resourceType: string) => perms.filter((p) => p.type === "*" || p.type === resourceType);
  const allows = (resourceType: string, key: "read" | "search") => covering(resourceType).some((p) => p[key]);
  return {
    readable,
    canSearch: (t) => !readable || allows(t, "search"),
    canRead: (t) => !readable || allows(t, "read"),
    restrictions(t) {
      if (!readable) return undefined;
      const searchable = covering(t).filter((p) => p.search);
      if (searchable.length === 0 || searchable.some((p) => !p.restriction)) return undefined;
      return searchable.map((p) => p.restriction!);
    },
  };
}
