/**
 * SMART scope parsing for the mock's access checks: v1 (`patient/Condition.read`, `.write`, `.*`) and
 * v2 (`patient/Condition.rs`, optionally with a `?param=value` restriction that a search must carry),
 * with `patient/`, `user/` and `system/` contexts and `*` resource wildcards.
 */
export type ScopeContext = "patient" | "user" | "system";
export type ScopeAction = "read" | "search";

export interface ResourceScope {
  context: ScopeContext;
  /** A resource type or "*". */
  resourceType: string;
  read: boolean;
  search: boolean;
  /** v2 granular restriction: the search parameters (name, allowed values) a search must carry. */
  restriction?: [string, string][];
}

const V1 = /^(patient|user|system)\/([A-Za-z]+|\*)\.(read|write|\*)$/;
const V2 = /^(patient|user|system)\/([A-Za-z]+|\*)\.([cruds]+)(\?.*)?$/;

/** Resource scopes in a space-separated scope string; other scopes (openid, launch, ...) are skipped. */
export function parseResourceScopes(scope: string): ResourceScope[] {
  const out: ResourceScope[] = [];
  for (const token of scope.split(/\s+/).filter(Boolean)) {
    const v1 = V1.exec(token);
    if (v1) {
      const readable = v1[3] === "read" || v1[3] === "*";
      out.push({ context: v1[1] as ScopeContext, resourceType: v1[2]!, read: readable, search: readable });
      continue;
    }
    const v2 = V2.exec(token);
    if (v2) {
      const perms = v2[3]!;
      const scope: ResourceScope = {
        context: v2[1] as ScopeContext,
        resourceType: v2[2]!,
        read: perms.includes("r"),
        search: perms.includes("s"),
      };
      const restriction = v2[4] ? [...new URLSearchParams(v2[4].slice(1))] : [];
      if (restriction.length > 0) scope.restriction = restriction;
      out.push(scope);
    }
  }
  return out;
}

export interface ScopeDecision {
  allowed: boolean;
  /** True when only patient/ scopes allow it: the request must stay within the token's patient. */
  patientOnly: boolean;
  /** When every allowing scope is granular: the restrictions, one of which a search must satisfy. */
  restrictions?: [string, string][][];
}

/** Token values agree on code, and on system when both name one. */
function sameToken(a: string, b: string): boolean {
  const split = (t: string) => (t.includes("|") ? [t.slice(0, t.lastIndexOf("|")), t.slice(t.lastIndexOf("|") + 1)] : ["", t]);
  const [sa, ca] = split(a);
  const [sb, cb] = split(b);
  return ca === cb && (sa === "" || sb === "" || sa === sb);
}

/** Does a search's query satisfy one granular restriction (each restricted parameter present, within the allowed values)? */
export function satisfies(query: URLSearchParams, restriction: [string, string][]): boolean {
  return restriction.every(([name, allowed]) => {
    const values = query.getAll(name).flatMap((v) => v.split(","));
    return values.length > 0 && values.every((v) => allowed.split(",").some((a) => sameToken(v, a)));
  });
}

export function checkScope(scope: string, resourceType: string, action: ScopeAction): ScopeDecision {
  const covering = parseResourceScopes(scope).filter(
    (s) => (s.resourceType === "*" || s.resourceType === resourceType) && (action === "read" ? s.read : s.search),
  );
  const decision: ScopeDecision = {
    allowed: covering.length > 0,
    patientOnly: covering.length > 0 && covering.every((s) => s.context === "patient"),
  };
  if (action === "search" && covering.length > 0 && covering.every((s) => s.restriction)) {
    decision.restrictions = covering.map((s) => s.restriction!);
  }
  return decision;
}

export function hasScope(scope: string, wanted: string): boolean {
  return scope.split(/\s+/).includes(wanted);
}
