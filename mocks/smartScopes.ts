/**
 * SMART scope parsing for the mock's access checks: v1 (`patient/Condition.read`, `.write`, `.*`) and
 * v2 (`patient/Condition.rs`, optionally with a `?param=value` restriction, which the mock does not enforce),
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
      out.push({
        context: v2[1] as ScopeContext,
        resourceType: v2[2]!,
        read: perms.includes("r"),
        search: perms.includes("s"),
      });
    }
  }
  return out;
}

export interface ScopeDecision {
  allowed: boolean;
  /** True when only patient/ scopes allow it: the request must stay within the token's patient. */
  patientOnly: boolean;
}

export function checkScope(scope: string, resourceType: string, action: ScopeAction): ScopeDecision {
  const covering = parseResourceScopes(scope).filter(
    (s) => (s.resourceType === "*" || s.resourceType === resourceType) && (action === "read" ? s.read : s.search),
  );
  return {
    allowed: covering.length > 0,
    patientOnly: covering.length > 0 && covering.every((s) => s.context === "patient"),
  };
}

export function hasScope(scope: string, wanted: string): boolean {
  return scope.split(/\s+/).includes(wanted);
}
