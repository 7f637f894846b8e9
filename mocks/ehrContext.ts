/** Configuration and shared state of one mock EHR instance (one createEhrHandlers() call). */
import type { ConfidentialClient } from "./clientAuth";
import type { DemoPatient } from "./data/demoPatient";
import type { Endpoints } from "./discovery";
import { decodeLaunch, type DemoLaunch } from "./launchContext";
import { PatientStore } from "./patientStore";
import { MockEhrState } from "./sessionState";

export interface EhrHandlerOptions {
  /** Origin (and optional path prefix) of the mock, e.g. "http://127.0.0.1:4010". FHIR base = `${baseUrl}/fhir`. */
  baseUrl: string;
  /** Server-wide default latency in ms (a launch's latencyMs overrides it). */
  latencyMs?: number;
  /** Page size when a search gives no _count (default 20). */
  defaultPageSize?: number;
  /** Largest page a search returns, whatever _count asks (default 1000). */
  maxPageSize?: number;
  /** Clock for token expiry and relative fixture dates (default: the real clock). */
  now?: () => Date;
  /** Patients to serve (default DEMO_PATIENTS). */
  patients?: readonly DemoPatient[];
  /** Client ids registered as confidential clients (clientAuth.ts); any other id is a public client. */
  confidentialClients?: Readonly<Record<string, ConfidentialClient>>;
}

export interface EhrContext {
  baseUrl: string;
  fhirBase: string;
  endpoints: Endpoints;
  latencyMs: number;
  defaultPageSize: number;
  maxPageSize: number;
  now: () => Date;
  store: PatientStore;
  state: MockEhrState;
  clients: ReadonlyMap<string, ConfidentialClient>;
}

export function createContext(o: EhrHandlerOptions, patients: readonly DemoPatient[]): EhrContext {
  const baseUrl = o.baseUrl.replace(/\/+$/, "");
  const now = o.now ?? (() => new Date());
  return {
    baseUrl,
    fhirBase: `${baseUrl}/fhir`,
    endpoints: { authorize: `${baseUrl}/auth/authorize`, token: `${baseUrl}/auth/token` },
    latencyMs: o.latencyMs ?? 0,
    defaultPageSize: o.defaultPageSize ?? 20,
    maxPageSize: o.maxPageSize ?? 1000,
    now,
    store: new PatientStore(patients, now),
    state: new MockEhrState(),
    clients: new Map(Object.entries(o.confidentialClients ?? {})),
  };
}

export interface ResolvedBase {
  fhirBase: string;
  /** Options from a `/sim/<launch>/fhir` base ({} for the plain base). */
  simLaunch: DemoLaunch;
  /** The raw sim segment, if any. */
  simSegment?: string;
}

/** The FHIR base a request came in on; null when a sim segment does not decode. */
export function resolveBase(ctx: EhrContext, simSegment: string | undefined): ResolvedBase | null {
  if (simSegment === undefined) return { fhirBase: ctx.fhirBase, simLaunch: {} };
  const simLaunch = decodeLaunch(simSegment);
  if (!simLaunch) return null;
  return { fhirBase: `${ctx.baseUrl}/sim/${simSegment}/fhir`, simLaunch, simSegment };
}

/** Resolves an `aud` value: the plain FHIR base or a sim base of this server; null otherwise. */
export function resolveAud(ctx: EhrContext, aud: string | null): ResolvedBase | null {
  if (!aud) return null;
  const normalized = aud.replace(/\/+$/, "");
  if (normalized === ctx.fhirBase) return resolveBase(ctx, undefined);
  const prefix = `${ctx.baseUrl}/sim/`;
  if (normalized.startsWith(prefix) && normalized.endsWith("/fhir")) {
    const segment = normalized.slice(prefix.length, -"/fhir".length);
    if (/^[A-Za-z0-9_-]+$/.test(segment)) return resolveBase(ctx, segment);
  }
  return null;
}
