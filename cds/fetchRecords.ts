/**
 * The service's ONE adapter onto the app's data layer (src/fhir): reading what the prefetch lacks from the
 * client's FHIR server with the app's rules (parallel searches paged to the end on the FHIR base only, the
 * page cap, per-section outcomes), and resolving the medicines of prefetched orders and statements the way
 * the panel does. When the data layer changes shape, this file is the only one to adapt.
 *
 * Every byte comes through the Node side's hardened read path (node/fhirRead.ts): the data layer's
 * connection (src/fhir/request.ts, FhirConnection) is built on one FhirCall per hook call, so no redirect is
 * followed, only 200 FHIR JSON is accepted, bytes are capped while they stream, the call has one deadline,
 * Medication reads are capped, and the token goes to the `fhirServer` base only. fhirclient is not used
 * here: it follows redirects and a 201 Location with the token, and buffers whatever a server sends.
 */
import type { Condition, MedicationRequest, MedicationStatement, Observation, Patient, Procedure, Resource } from "fhir/r4";
import { FhirReadError, type FhirCall } from "../node/fhirRead";
import type { MedicationUse } from "../src/engine/types";
import type { ServerConfig } from "../src/fhir/configTypes";
import { loadPatientData } from "../src/fhir/load";
import { resolveMedications } from "../src/fhir/medications";
import { parseScopes } from "../src/fhir/scopes";
import { defaultPolicy, RequestFailure, type FhirConnection, type RequestPolicy } from "../src/fhir/request";
import type { SourceName, SourceReport } from "../src/fhir/types";
import { PREFETCH_KEYS, RECORD_TYPE_OF, type PrefetchKey } from "./discovery";

export interface Records {
  patient?: Patient;
  conditions: Condition[];
  procedures: Procedure[];
  /** Medicine orders / statements with their medicine resolved (MedicationUse of the engine). */
  medicationRequests: MedicationUse[];
  medicationStatements: MedicationUse[];
  /** Lab results (the LOINC codes the app reads). */
  observations?: Observation[];
}

/** What a fetch produced, per key: the records, and whether that kind of record was read completely. */
export type FetchedSections = Partial<Record<PrefetchKey, { complete: boolean }>> & { records: Records };

export interface FetchRequest {
  fhirServer: string;
  /** The scope granted with the token (fhirAuthorization.scope). */
  scope: string;
  patientId: string;
  /** The prefetch keys to read (the others are left out: the prefetch had them). Default: all. */
  needed?: readonly PrefetchKey[];
  /** Per-server options of the app configuration (EHR behaviours, paging budget). */
  server: ServerConfig;
  /** Timeout of one request, ms. */
  timeoutMs: number;
  now: () => Date;
  /** The hook call's open read path call (cds/callReads.ts): its token, one budget and one deadline for all its reads. */
  call: FhirCall;
}

/** The app's request policy, with fewer retries: an EHR waits for a CDS answer only a few seconds. */
function cdsPolicy(timeoutMs: number): RequestPolicy {
  return { ...defaultPolicy(timeoutMs), maxRetries: 1, maxDelayMs: 1000 };
}

/** Read completely, or not offered by the server at all (which the panel does not count as a gap). */
function complete(report: SourceReport | undefined): boolean {
  return report?.status === "read" || report?.status === "not-supported";
}

/**
 * A refusal of the read path as the data layer reads errors (src/fhir/errors.ts, classifyError): a refused
 * status keeps its status and Retry-After (so 429/503 are retried within the call's deadline); the other
 * refusals are final.
 */
function asDataLayerError(error: unknown): unknown {
  if (!(error instanceof FhirReadError)) return error;
  switch (error.kind) {
    case "status":
      if (error.status !== undefined && error.status >= 400) {
        const headers = new Headers(error.retryAfter ? { "retry-after": error.retryAfter } : {});
        return Object.assign(new Error(error.message), { name: "HttpError", status: error.status, response: { headers } });
      }
      return new RequestFailure({ kind: "malformed", ...(error.status ? { status: error.status } : {}) });
    case "redirect":
      return new RequestFailure({ kind: "redirected", ...(error.status ? { status: error.status } : {}) });
    case "not-fhir-json":
      return new RequestFailure({ kind: "malformed" });
    case "too-large":
    case "call-too-large":
      return new RequestFailure({ kind: "too-large" });
    case "off-base":
      return new RequestFailure({ kind: "refused-next-link" });
    case "deadline":
      return new RequestFailure({ kind: "timeout" });
    case "aborted":
      return new RequestFailure({ kind: "aborted" });
    case "network":
      return new TypeError("network error"); // retried once, as the browser's fetch errors are
    default:
      return new RequestFailure({ kind: "unknown" });
  }
}

/** The data layer's connection over one call of the read path: a fixed token, nothing to refresh. */
export function readPathConnection(call: FhirCall): FhirConnection {
  return {
    async request({ url, signal }) {
      try {
        return (await call.read(url, signal)).resource;
      } catch (error) {
        throw asDataLayerError(error);
      }
    },
    refreshIfNeeded: async () => undefined,
  };
}

/** Reads the patient's records from the FHIR server; `undefined` when nothing could be read (session refused). */
export async function fetchRecords(req: FetchRequest): Promise<FetchedSections | undefined> {
  const call = req.call;
  const outcome = await loadPatientData({
    client: readPathConnection(call),
    patientId: req.patientId,
    base: req.fhirServer,
    grantedScope: req.scope,
    server: req.server,
    policy: cdsPolicy(req.timeoutMs),
    now: req.now,
    // Only what the prefetch lacks is read: a prefetched Patient was already checked to be the one asked for (prefetch.ts).
    ...(req.needed ? { skip: PREFETCH_KEYS.filter((k) => !req.needed!.includes(k)).map((k) => RECORD_TYPE_OF[k]) } : {}),
    signal: call.signal,
  });
  if (!outcome.ok) return undefined;
  const { input, sources } = outcome.data;
  const report = new Map(sources.map((s) => [s.source, s]));
  const sections: FetchedSections = {
    records: {
      ...(input.patient ? { patient: input.patient } : {}),
      conditions: input.conditions,
      procedures: input.procedures,
      medicationRequests: input.medications.filter((m) => m.resource.resourceType === "MedicationRequest"),
      medicationStatements: input.medications.filter((m) => m.resource.resourceType === "MedicationStatement"),
      observations: input.observations ?? [],
    },
  };
  for (const [key, source] of Object.entries(RECORD_TYPE_OF) as [PrefetchKey, SourceName][]) {
    sections[key] = { complete: complete(report.get(source)) && (key !== "patient" || input.patient !== undefined) };
  }
  return sections;
}

/** Reading the Medications a record references but the call did not carry: through the hook call's read path. */
export interface MedicationReads {
  call: FhirCall;
  /** The scope granted with the token: a Medication is read only when it allows reading Medications. */
  scope: string;
  /** Timeout of one request, ms. */
  timeoutMs: number;
  /** The hook call's deadline. */
  signal?: AbortSignal;
}

/**
 * Resolves the medicine of prefetched orders or statements (or draft orders) from the Bundle's Medications and
 * the records' own contained or inline medicines, as the panel does. A reference to a Medication on the FHIR
 * base that none of these holds is read (`Medication/<id>`, once per reference) only when `reads` is given:
 * through the hook call's read path, so within its Medication-read cap, byte caps and deadline; a read that
 * fails leaves the reference's display as the only clue, as without `reads`. `unknown` counts the records whose
 * medicine cannot be told at all (no concept and no display): the panel marks such a section as not read
 * completely.
 */
export async function resolvePrefetchedMedicines(
  records: readonly Resource[],
  included: Resource[],
  includedByFullUrl: Map<string, Resource>,
  base: string,
  reads?: MedicationReads,
): Promise<{ uses: MedicationUse[]; unknown: number }> {
  const meds = records.filter(
    (r): r is MedicationRequest | MedicationStatement => r.resourceType === "MedicationRequest" || r.resourceType === "MedicationStatement",
  );
  const { uses } = await resolveMedications(meds, included, includedByFullUrl, {
    base,
    ...(reads && parseScopes(reads.scope).canRead("Medication")
      ? { client: readPathConnection(reads.call), canReadMedication: true, policy: cdsPolicy(reads.timeoutMs), ...(reads.signal ? { signal: reads.signal } : {}) }
      : { canReadMedication: false, policy: cdsPolicy(1000) }),
  });
  const unknown = uses.filter((u) => !u.concept && !u.resource.medicationReference?.display).length;
  return { uses, unknown };
}
