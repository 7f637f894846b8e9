/**
 * What the server's CapabilityStatement (`GET metadata`) says: its FHIR version and which resource types
 * it offers. A kind of record the server does not list is "not supported", not a gap
 * (docs/spec/panel-contract.md); a kind it lists and then refuses is a failure.
 */
import { asArray, isRecord } from "../util/json";

export interface Capabilities {
  fhirVersion?: string;
  /** Resource types listed under rest[mode=server].resource; undefined when the statement lists none. */
  offered?: ReadonlySet<string>;
}

export function readCapabilities(metadata: Record<string, unknown> | undefined): Capabilities {
  if (!metadata || metadata.resourceType !== "CapabilityStatement") return {};
  const caps: Capabilities = {};
  if (typeof metadata.fhirVersion === "string") caps.fhirVersion = metadata.fhirVersion;
  const rests = asArray(metadata.rest).filter(isRecord);
  const types = rests
    .filter((r) => r.mode === undefined || r.mode === "server")
    .flatMap((r) => asArray(r.resource).filter(isRecord))
    .map((r) => r.type)
    .filter((t): t is string => typeof t === "string");
  if (types.length > 0) caps.offered = new Set(types);
  return caps;
}

/** True when the statement was read, lists resources, and `type` is not among them. */
export function notOffered(caps: Capabilities, type: string): boolean {
  return caps.offered !== undefined && !caps.offered.has(type);
}

/** R4 (4.0.x) or R4B (4.3.x): the versions the app reads. */
export function isSupportedVersion(version: string | undefined): boolean {
  return version === undefined || /^4\.(0|3)\./.test(version);
}
