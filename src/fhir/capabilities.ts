/**
 * What the server's CapabilityStatement (`GET metadata`) says: its FHIR version, its software, which
 * resource types it offers, and which search parameters and includes it lists for each. A kind of record
 * the server does not list is "not supported", not a gap (docs/spec/panel-contract.md); a kind it lists
 * and then refuses is a failure. The statement also decides the optional parameters the app sends
 * (`fitToCapabilities` in capabilityQueries.ts).
 */
import { asArray, isRecord } from "../util/json";

export interface Capabilities {
  fhirVersion?: string;
  /** `software.name` (e.g. "Epic", "Interoperability Services: US Core FHIR R4"). */
  software?: string;
  /** Resource types listed under rest[mode=server].resource; undefined when the statement lists none. */
  offered?: ReadonlySet<string>;
  /** Search parameter names listed per resource type (types that list none are absent). */
  searchParams?: ReadonlyMap<string, ReadonlySet<string>>;
  /** `searchInclude` values listed per resource type (types that list none are absent). */
  searchIncludes?: ReadonlyMap<string, ReadonlySet<string>>;
}

function names(values: unknown, pick: (v: unknown) => unknown): Set<string> {
  return new Set(asArray(values).map(pick).filter((n): n is string => typeof n === "string" && n.length > 0));
}

export function readCapabilities(metadata: Record<string, unknown> | undefined): Capabilities {
  if (!metadata || metadata.resourceType !== "CapabilityStatement") return {};
  const caps: Capabilities = {};
  if (typeof metadata.fhirVersion === "string") caps.fhirVersion = metadata.fhirVersion;
  if (isRecord(metadata.software) && typeof metadata.software.name === "string") caps.software = metadata.software.name;
  const rests = asArray(metadata.rest).filter(isRecord);
  const resources = rests
    .filter((r) => r.mode === undefined || r.mode === "server")
    .flatMap((r) => asArray(r.resource).filter(isRecord))
    .filter((r): r is Record<string, unknown> & { type: string } => typeof r.type === "string");
  if (resources.length > 0) caps.offered = new Set(resources.map((r) => r.type));
  const params = new Map<string, ReadonlySet<string>>();
  const includes = new Map<string, ReadonlySet<string>>();
  for (const r of resources) {
    const p = names(r.searchParam, (s) => (isRecord(s) ? s.name : undefined));
    if (p.size > 0) params.set(r.type, new Set([...(params.get(r.type) ?? []), ...p]));
    const i = names(r.searchInclude, (s) => s);
    if (i.size > 0) includes.set(r.type, new Set([...(includes.get(r.type) ?? []), ...i]));
  }
  if (params.size > 0) caps.searchParams = params;
  if (includes.size > 0) caps.searchIncludes = includes;
  return caps;
}

/** True when the statement was read, lists resources, and `type` is not among them. */
export function notOffered(caps: Capabilities, type: string): boolean {
  return caps.offered !== undefined && !caps.offered.has(type);
}

/**
 * Whether `_count` may be sent when searching `type`. Servers that document `_count` list it beside each
 * type that honours it (Epic, Oracle Health, MEDITECH's Location and Practitioner); a statement that lists
 * it for some types and not for this one means "not here" (MEDITECH's 2021 baseline refuses it on
 * Condition, MedicationRequest, Observation, Procedure). A statement that lists it nowhere says nothing
 * about it (many servers treat it as a result parameter they need not list): it is sent, and a 400 is
 * answered by the one retry without it.
 */
export function countAllowed(caps: Capabilities, type: string): boolean {
  const params = caps.searchParams;
  if (!params || ![...params.values()].some((p) => p.has("_count"))) return true;
  return params.get(type)?.has("_count") === true;
}

/**
 * Whether `_include=<include>` may be sent when searching `type`: the type lists it (or "*", as Epic
 * does). A type the statement describes (it lists its search parameters) without listing the include
 * does not take it: Oracle Health lists none for MedicationRequest, and MEDITECH's 2021 baseline lists
 * only its own spelling ("MedicationRequest.medication"). A statement that describes neither says
 * nothing: the include is sent, and a 400 answered by the one retry without it.
 */
export function includeAllowed(caps: Capabilities, type: string, include: string): boolean {
  const listed = caps.searchIncludes?.get(type);
  if (listed) return listed.has(include) || listed.has("*");
  return caps.searchParams?.has(type) !== true;
}

/** R4 (4.0.x) or R4B (4.3.x): the versions the app reads. */
export function isSupportedVersion(version: string | undefined): boolean {
  return version === undefined || /^4\.(0|3)\./.test(version);
}

/**
 * An Epic server, recognised by its CapabilityStatement (`software.name` "Epic") or by its own base path
 * (`…/api/FHIR/R4`, every Epic organisation's R4 endpoint): `iss` is the EHR's base from the launch, never
 * the app's same-origin path a server session reads through. Epic's Condition search returns active
 * problems only when no clinical status is named (docs/ehr-guide.md): such a server gets the guide's
 * Condition searches without hand configuration (sections.ts `conditionQueries`).
 */
export function isEpic(caps: Capabilities, iss: string): boolean {
  if (caps.software !== undefined && /^epic\b/i.test(caps.software.trim())) return true;
  try {
    return /\/api\/fhir\/r4\/?$/i.test(new URL(iss).pathname);
  } catch {
    return false;
  }
}
