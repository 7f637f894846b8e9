/**
 * The service's ONE adapter onto the app's data layer (src/fhir): reading what the prefetch lacks from the
 * client's FHIR server with the app's rules (parallel searches paged to the end on the FHIR base only, the
 * page cap, per-section outcomes), and resolving the medicines of prefetched orders and statements the way
 * the panel does. When the data layer changes shape, this file is the only one to adapt.
 *
 * fhirclient runs here with its Node entry. It is loaded with require() on purpose: the unit-test
 * configuration aliases the bare "fhirclient" import to its browser build (for the React app's tests), and
 * require() is not aliased, so the service gets the same Node client under tsx and under Vitest.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type Client from "fhirclient/lib/Client";
import type { Condition, MedicationRequest, MedicationStatement, Observation, Patient, Procedure, Resource } from "fhir/r4";
import type { MedicationUse } from "../src/engine/types";
import type { ServerConfig } from "../src/fhir/configTypes";
import { loadPatientData } from "../src/fhir/load";
import { resolveMedications } from "../src/fhir/medications";
import { defaultPolicy, type RequestPolicy } from "../src/fhir/request";
import type { SourceName, SourceReport } from "../src/fhir/types";
import { PREFETCH_KEYS, RECORD_TYPE_OF, type PrefetchKey } from "./discovery";

const require = createRequire(import.meta.url);
type NodeSmart = (request: IncomingMessage, response: ServerResponse) => { client(state: unknown): Client };
const smart = require("fhirclient") as NodeSmart;

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
  accessToken: string;
  /** The scope granted with the token (fhirAuthorization.scope). */
  scope: string;
  patientId: string;
  /** The prefetch keys to read (the others are left out: the prefetch had them). Default: all. */
  needed?: readonly PrefetchKey[];
  /** The app configuration's entry for this server (findServer). */
  server: ServerConfig;
  /** The incoming CDS call (fhirclient's Node adapter is built on the request/response pair). */
  http: { request: IncomingMessage; response: ServerResponse };
  timeoutMs: number;
  now: () => Date;
  signal?: AbortSignal;
}

/** The app's request policy, with fewer retries: an EHR waits for a CDS answer only a few seconds. */
function cdsPolicy(timeoutMs: number): RequestPolicy {
  return { ...defaultPolicy(timeoutMs), maxRetries: 1, maxDelayMs: 1000 };
}

/** Read completely, or not offered by the server at all (which the panel does not count as a gap). */
function complete(report: SourceReport | undefined): boolean {
  return report?.status === "read" || report?.status === "not-supported";
}

/** Reads the patient's records from the FHIR server; `undefined` when nothing could be read (session refused). */
export async function fetchRecords(req: FetchRequest): Promise<FetchedSections | undefined> {
  const client = smart(req.http.request, req.http.response).client({
    serverUrl: req.fhirServer,
    tokenResponse: { access_token: req.accessToken, token_type: "Bearer", scope: req.scope, patient: req.patientId },
  });
  const outcome = await loadPatientData({
    client,
    patientId: req.patientId,
    base: req.fhirServer,
    grantedScope: req.scope,
    server: req.server,
    policy: cdsPolicy(req.timeoutMs),
    now: req.now,
    // Only what the prefetch lacks is read: a prefetched Patient was already checked to be the one asked for (prefetch.ts).
    ...(req.needed ? { skip: PREFETCH_KEYS.filter((k) => !req.needed!.includes(k)).map((k) => RECORD_TYPE_OF[k]) } : {}),
    ...(req.signal ? { signal: req.signal } : {}),
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

/**
 * Resolves the medicine of prefetched orders or statements from the Bundle's included Medications and the
 * records' own contained or inline medicines, as the panel does (nothing is fetched here). `unknown` counts
 * the records whose medicine cannot be told at all (no concept and no display): the panel marks such a
 * section as not read completely.
 */
export async function resolvePrefetchedMedicines(
  records: readonly Resource[],
  included: Resource[],
  includedByFullUrl: Map<string, Resource>,
  base: string,
): Promise<{ uses: MedicationUse[]; unknown: number }> {
  const meds = records.filter(
    (r): r is MedicationRequest | MedicationStatement => r.resourceType === "MedicationRequest" || r.resourceType === "MedicationStatement",
  );
  const { uses } = await resolveMedications(meds, included, includedByFullUrl, {
    base,
    canReadMedication: false,
    policy: cdsPolicy(1000),
  });
  const unknown = uses.filter((u) => !u.concept && !u.resource.medicationReference?.display).length;
  return { uses, unknown };
}
