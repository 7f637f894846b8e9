/**
 * Granted scopes: which resource types the app may read, in SMART v1 (`patient/Condition.read`) and
 * v2 (`patient/Condition.rs`) syntax, with `*` wildcards.
 */
export interface ScopeCheck {
  /** True when the grant allows searching `resourceType` for the patient. */
  canSearch(resourceType: string): boolean;
  /** True when the grant allows reading one `resourceType` by id. */
  canRead(resourceType: string): boolean;
}

const SCOPE_RE = /^(patient|user|system)\/([A-Za-z*]+)\.(\*|read|write|[cruds]+)(\?.*)?$/;

export function parseScopes(granted: string): ScopeCheck {
  const perms: { type: string; read: boolean; search: boolean }[] = [];
  for (const token of granted.split(/\s+/)) {
    const m = SCOPE_RE.exec(token);
    if (!m) continue;
    const type = m[2]!;
    const access = m[3]!;
    const v1Read = access === "read" || access === "*";
    perms.push({ type, read: v1Read || access.includes("r"), search: v1Read || access.includes("s") });
  }
  const allows = (resourceType: string, key: "read" | "search") =>
    perms.some((p) => p[key] && (p.type === "*" || p.type === resourceType));
  return {
    canSearch: (t) => allows(t, "search"),
    canRead: (t) => allows(t, "read"),
  };
}
