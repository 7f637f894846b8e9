/**
 * The demo EHR's `launch` parameter: base64url JSON describing how the mock should behave for that launch,
 * so tests set behaviour per launch without server state. The same value can also be placed in the FHIR
 * base URL (`<baseUrl>/sim/<launch>/fhir`, like the SMART launcher's `/sim/<code>/fhir`), which is the only
 * way to affect the unauthenticated discovery requests (noWellKnown, fhirVersion, latencyMs, faults).
 */
import { decodeJson, encodeJson } from "./base64url";
import { isRecord } from "../src/util/json";
import { isProfileName, type ProfileName } from "./profiles";

export type AuthErrorCode = "access_denied" | "invalid_scope" | "invalid_client" | "invalid_request" | "server_error";

export interface DemoFault {
  /** HTTP status to answer with (OperationOutcome body unless `body` says otherwise). */
  status: number;
  /** Share of requests that fail, 0..1 (default 1). Deterministic: request n fails when ceil(n*rate) > ceil((n-1)*rate), so the first one fails. */
  rate?: number;
  /** Seconds, sent as a Retry-After header. */
  retryAfter?: number;
  body?: "malformed-json" | "not-a-bundle" | "hang";
  /** Fail only the first N requests of this type in this session (per access token). */
  times?: number;
}

export interface DemoLaunch {
  patient?: string;
  latencyMs?: number;
  /** Keyed by resourceType (the first path segment after the FHIR base; "metadata" works too). */
  faults?: Partial<Record<string, DemoFault>>;
  /** Scope to return (and enforce) instead of the requested one. */
  grantScope?: string;
  authError?: AuthErrorCode;
  tokenError?: 400 | 401 | 500;
  noPatient?: boolean;
  /** Patient id the token response names, to test mismatches (the token stays authorized for `patient`). */
  tokenPatient?: string;
  needPatientBanner?: boolean;
  smartStyle?: boolean;
  expiresIn?: number;
  /** FHIR requests after which the token answers 401. */
  expireAfterRequests?: number;
  /** resourceType whose next link points to another origin (https://evil.example/fhir/...). */
  crossOriginNext?: string;
  /** e.g. "3.0.2" to simulate STU3 in the CapabilityStatement. */
  fhirVersion?: string;
  /** The well-known SMART configuration answers 404 (clients fall back to /metadata). */
  noWellKnown?: boolean;
  /** Behaviour profile (profiles.ts): "plain" (default), "epic" or "oracle". */
  profile?: ProfileName;
  /** The token response reports this scope string instead of the granted one (the grant is still what is enforced). */
  reportScope?: string;
  /**
   * The EHR refuses the app's origin (failed CORS): "token" = the token endpoint and FHIR API send no
   * CORS headers; "fhir" = the FHIR data API only. Discovery stays open to any origin, as SMART requires.
   */
  refuseCors?: "token" | "fhir";
  /**
   * The code may only be exchanged by this confidential client (registered with the mock, clientAuth.ts):
   * an EHR on which the app must exchange its code on its server (servers[].tokenExchange "server").
   */
  requireClient?: string;
}

const STRING_FIELDS = ["patient", "grantScope", "authError", "tokenPatient", "crossOriginNext", "fhirVersion", "reportScope", "requireClient"] as const;
const NUMBER_FIELDS = ["latencyMs", "tokenError", "expiresIn", "expireAfterRequests"] as const;
const BOOLEAN_FIELDS = ["noPatient", "needPatientBanner", "smartStyle", "noWellKnown"] as const;
const AUTH_ERRORS: readonly string[] = ["access_denied", "invalid_scope", "invalid_client", "invalid_request", "server_error"];

export function encodeLaunch(launch: DemoLaunch): string {
  return encodeJson(launch);
}

function isFault(v: unknown): v is DemoFault {
  if (!isRecord(v) || typeof v.status !== "number") return false;
  for (const key of ["rate", "retryAfter", "times"] as const) {
    if (v[key] !== undefined && typeof v[key] !== "number") return false;
  }
  return v.body === undefined || ["malformed-json", "not-a-bundle", "hang"].includes(v.body as string);
}

/** Decodes a launch value; null when it is not base64url JSON of the DemoLaunch shape. */
export function decodeLaunch(value: string): DemoLaunch | null {
  const data = decodeJson(value);
  if (!isRecord(data)) return null;
  for (const key of STRING_FIELDS) if (data[key] !== undefined && typeof data[key] !== "string") return null;
  for (const key of NUMBER_FIELDS) if (data[key] !== undefined && typeof data[key] !== "number") return null;
  for (const key of BOOLEAN_FIELDS) if (data[key] !== undefined && typeof data[key] !== "boolean") return null;
  if (data.authError !== undefined && !AUTH_ERRORS.includes(data.authError as string)) return null;
  if (data.profile !== undefined && !isProfileName(data.profile)) return null;
  if (data.refuseCors !== undefined && data.refuseCors !== "token" && data.refuseCors !== "fhir") return null;
  if (data.faults !== undefined) {
    if (!isRecord(data.faults) || !Object.values(data.faults).every(isFault)) return null;
  }
  return data as DemoLaunch;
}

/** A FHIR base whose discovery and data requests all follow `launch` (`<baseUrl>/sim/<launch>/fhir`). */
export function simFhirBase(baseUrl: string, launch: DemoLaunch): string {
  return `${baseUrl}/sim/${encodeLaunch(launch)}/fhir`;
}

/** The FHIR base of a behaviour profile: the plain base for "plain", a sim base otherwise. */
export function profileFhirBase(baseUrl: string, profile: ProfileName): string {
  return profile === "plain" ? `${baseUrl}/fhir` : simFhirBase(baseUrl, { profile });
}

/**
 * Whether request number `n` (1-based) of a type fails under `fault`. Deterministic (no Math.random):
 * with rate r the failures are spread evenly starting with the first request; `times` limits failures
 * to the first N requests.
 */
export function faultApplies(fault: DemoFault, n: number): boolean {
  if (fault.times !== undefined && n > fault.times) return false;
  const rate = Math.min(1, Math.max(0, fault.rate ?? 1));
  // Round away floating-point noise (3 * 0.1 = 0.30000000000000004) before taking the ceiling.
  const failuresUpTo = (k: number) => Math.ceil(Math.round(k * rate * 1e9) / 1e9);
  return failuresUpTo(n) > failuresUpTo(n - 1);
}
