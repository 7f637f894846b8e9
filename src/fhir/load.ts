/**
 * Loading everything the panel needs for the launched patient, in one parallel wave, and reporting per
 * kind of record what was read and what could not be ("what was checked"). The only module that queries
 * FHIR data. The kinds searched are the rows of sections.ts; this file reads the Patient beside them,
 * checks the server's version and offer (CapabilityStatement), resolves medicines, and assembles the
 * engine's input.
 *
 * Also used outside the browser (the CDS Hooks service, whose connection is the Node side's hardened read
 * path): `provided` hands in resources the caller already has (prefetch), `skip` leaves kinds out.
 */
import type { Condition, MedicationRequest, MedicationStatement, Observation, Patient, Procedure, Resource } from "fhir/r4";
import type { RecordType } from "../knowledge";
import { RECORD_TYPES } from "../knowledge/types";
import type { EngineInput } from "../engine/types";
import { isSupportedVersion, notOffered, readCapabilities, type Capabilities } from "./capabilities";
import { fitToCapabilities } from "./capabilityQueries";
import type { ServerConfig } from "./configTypes";
import type { ErrorKind } from "./errorKind";
import { describeFailure, type Failure } from "./errors";
import { resolveMedications } from "./medications";
import { restrictionsCover, restrictQueries } from "./queries";
import { surveyAllowed, surveyLabs } from "./labSurvey";
import { fetchJson, type RequestPolicy, type FhirConnection } from "./request";
import { parseScopes, type ScopeCheck } from "./scopes";
import type { SearchBudget } from "./search";
import { collectSection, dedupeById, failureStatus, namesOtherPatient, scrub, unreadReport, type Collected } from "./sectionReport";
import { failureOrEnd, runSearches, SessionEnded, type SearchEnv, type SearchRun } from "./sectionRun";
import { isReadLabResult, SECTIONS, WORDS, type SectionContext, type SectionSpec } from "./sections";
import type { LoadedData, SourceReport } from "./types";
import { onBase } from "../util/url";
import { patientFromAnswer } from "./patientRead";
import { withRecognisedDefaults } from "./serverDefaults";

export const DEFAULT_MAX_RESOURCES = 5000;
export const DEFAULT_MAX_PAGES = 50;
export const DEFAULT_SEARCH_TIME_MS = 20000;
const MAX_INCLUDED = 5000;
const MAX_OUTCOMES = 100;

export interface LoadOptions {
  client: FhirConnection;
  patientId: string;
  /** FHIR base URL of the session (client.state.serverUrl). */
  base: string;
  /**
   * The EHR's own FHIR base (the launch `iss`) when `base` reads through another one: a server session's
   * same-origin path (…/smart/fhir/<handle>/). Recognises the server by its address (serverDefaults.ts),
   * so the same EHR is read the same way whichever side exchanged the code. Default: `base`.
   */
  iss?: string;
  /** Granted scope string from the token response. */
  grantedScope: string;
  server: ServerConfig;
  policy: RequestPolicy;
  /** Aborts every request of this load (the panel was reloaded or left). */
  signal?: AbortSignal;
  now: () => Date;
  /**
   * Resources the caller already has, per kind (e.g. a CDS Hooks prefetch): used as read, without a
   * request. A MedicationRequest/MedicationStatement list may carry the Medications it references.
   */
  provided?: Partial<Record<RecordType, readonly Resource[]>>;
  /** Kinds not read at all: no request, no report, nothing in the engine input. */
  skip?: readonly RecordType[];
  /**
   * Browser only: whether the server answers at all (a `no-cors` request). Lets a refused CORS request
   * (the EHR does not accept the app's origin) be told apart from a network failure.
   */
  probeReachable?: (url: string) => Promise<boolean>;
  /**
   * The server's CapabilityStatement when the caller is already reading it (index.html reads it beside
   * the token exchange). Resolving to undefined (not readable) makes the load read it itself.
   */
  metadata?: Promise<Record<string, unknown> | undefined>;
}

export type LoadOutcome =
  | { ok: true; data: LoadedData & { patient: Patient } }
  | { ok: false; error: ErrorKind; detail?: string };

export function budgetOf(server: ServerConfig): SearchBudget {
  return {
    maxResources: server.maxResourcesPerType ?? DEFAULT_MAX_RESOURCES,
    maxPages: server.maxPagesPerSearch ?? DEFAULT_MAX_PAGES,
    maxIncluded: MAX_INCLUDED,
    maxOutcomes: MAX_OUTCOMES,
    maxTimeMs: server.searchTimeBudgetMs ?? DEFAULT_SEARCH_TIME_MS,
  };
}

const capitalised = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);
const notGranted = (source: RecordType) => unreadReport(source, "not-authorized", `This app was not granted access to ${WORDS[source]} in this launch.`);

/** What happened to one searched kind before its results are collected. */
type SectionRead =
  | { spec: SectionSpec; kind: "searched"; runs: SearchRun[]; grantCovers: boolean }
  | { spec: SectionSpec; kind: "provided"; resources: readonly Resource[] }
  | { spec: SectionSpec; kind: "unread"; report: SourceReport };

async function readSection(
  spec: SectionSpec,
  env: SearchEnv,
  ctx: SectionContext,
  caps: Capabilities,
  grant: ScopeCheck,
  provided?: readonly Resource[],
): Promise<SectionRead> {
  if (provided) return { spec, kind: "provided", resources: provided };
  if (spec.configuredOff?.(ctx.server)) {
    return { spec, kind: "unread", report: unreadReport(spec.type, "not-supported", `${capitalised(spec.words)} are not offered by this EHR (configuration).`) };
  }
  // The CapabilityStatement decides: a kind it does not list is not asked for (not a gap).
  if (notOffered(caps, spec.type)) {
    return { spec, kind: "unread", report: unreadReport(spec.type, "not-supported", `This EHR does not offer ${spec.words} (they are not in its capability statement).`) };
  }
  if (!grant.canSearch(spec.type)) return { spec, kind: "unread", report: notGranted(spec.type) };
  const restrictions = grant.restrictions(spec.type);
  const queries = restrictQueries(spec.queries(ctx), restrictions).map((q) => fitToCapabilities(q, caps));
  if (queries.length === 0) {
    const message = `This app was granted only some ${spec.words}, none of which the app's searches can use.`;
    return { spec, kind: "unread", report: unreadReport(spec.type, "not-authorized", message) };
  }
  return { spec, kind: "searched", runs: await runSearches(env, queries), grantCovers: restrictionsCover(restrictions, spec.coveredBy) };
}

/** Provided resources, read as if searched: this kind only (the rest are its included Medications). */
function collectProvided(spec: SectionSpec, resources: readonly Resource[], patientId: string): Collected {
  const mine = dedupeById(resources.filter((r) => r.resourceType === spec.type && !namesOtherPatient(r, patientId)));
  const kept = spec.keep ? mine.filter(spec.keep) : mine;
  const included = resources.filter((r) => r.resourceType !== spec.type);
  return { resources: kept, report: { source: spec.type, status: "read", count: kept.length, warnings: [] }, included, includedByFullUrl: new Map() };
}

/** The server's CapabilityStatement, read, and its entry with what the server was recognised as (serverDefaults.ts). */
type Recognised = { caps: Capabilities; server: ServerConfig };

type PatientRead = { patient?: Record<string, unknown>; report: SourceReport; failure?: Failure };

async function readPatient(opts: LoadOptions, grant: ScopeCheck, signal: AbortSignal): Promise<PatientRead> {
  const provided = opts.provided?.Patient?.[0];
  if (provided) return { patient: provided as unknown as Record<string, unknown>, report: { source: "Patient", status: "read", count: 1, warnings: [] } };
  if (!grant.canRead("Patient")) return { report: notGranted("Patient") };
  try {
    const url = onBase(opts.base, `Patient/${encodeURIComponent(opts.patientId)}`);
    const patient = patientFromAnswer(await fetchJson(opts.client, url, opts.policy, signal), opts.patientId);
    return { patient, report: { source: "Patient", status: "read", count: 1, warnings: [] } };
  } catch (e) {
    const f = failureOrEnd(e);
    // The server's OperationOutcome text is quoted and can name the patient ("Patient/123 not found").
    return { report: unreadReport("Patient", failureStatus(f), scrub(describeFailure(f, WORDS.Patient), opts.patientId)), failure: f };
  }
}

/** Marks medicine sections whose records name a medicine the app could not identify. */
function flagUnknownMedicines(reports: Map<RecordType, SourceReport>, uses: EngineInput["medications"]): void {
  for (const source of ["MedicationRequest", "MedicationStatement"] as const) {
    const report = reports.get(source);
    if (!report || report.status !== "read") continue;
    const unknown = uses.filter((u) => u.resource.resourceType === source && !u.concept && !u.resource.medicationReference?.display).length;
    if (unknown > 0) {
      report.status = "failed";
      report.message = `${unknown} of ${report.count} ${WORDS[source]} name a medicine the app could not read; the others were checked.`;
    }
  }
}

/** Every request that was sent failed at the network level: maybe the EHR refused the app's origin (CORS). */
function allNetworkFailures(patient: PatientRead | undefined, reads: readonly SectionRead[]): boolean {
  // One entry per request sent: its failure, or undefined when it succeeded.
  const outcomes: (Failure | undefined)[] = [];
  if (patient?.failure || patient?.patient) outcomes.push(patient.failure);
  for (const read of reads) if (read.kind === "searched") outcomes.push(...read.runs.map((run) => run.failure));
  return outcomes.length > 0 && outcomes.every((f) => f?.kind === "network");
}

export async function loadPatientData(opts: LoadOptions): Promise<LoadOutcome> {
  const { client, patientId, base, policy } = opts;
  const grant = parseScopes(opts.grantedScope);
  const controller = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, controller.signal]) : controller.signal;
  const budget = budgetOf(opts.server);
  const env: SearchEnv = { client, base, budget, policy, signal };
  const now = opts.now();
  const skip = new Set(opts.skip ?? []);
  // A 401 in any request ends the session: stop the others at once.
  const endOnSession = <T>(p: Promise<T>): Promise<T> =>
    p.catch((e: unknown) => {
      if (e instanceof SessionEnded) controller.abort();
      throw e;
    });

  const metadataUrl = onBase(base, "metadata");
  // The survey of lab results the code search cannot see (labSurvey.ts): in the first wave only when configured "always".
  const surveys = !skip.has("Observation") && !opts.provided?.Observation && grant.canSearch("Observation");
  const survey = ({ caps, server }: Recognised) =>
    surveyAllowed(server, caps) ? surveyLabs({ client, base, policy, signal, patientId, server, now, restrictions: grant.restrictions("Observation") }) : undefined;
  try {
    const readMetadata = () => fetchJson(client, metadataUrl, policy, signal).catch(() => undefined);
    // The searches wait for the CapabilityStatement (index.html reads it beside the token exchange, so it
    // is usually here already): it decides which kinds are asked for and with which optional parameters.
    // The Patient read does not wait.
    const metadataP = opts.metadata ? opts.metadata.then((m) => m ?? readMetadata()) : readMetadata();
    // Parsed once (an Epic CapabilityStatement is large), for every section, the survey and the checks below.
    const recognisedP = metadataP.then((m): Recognised => {
      const caps = readCapabilities(m);
      return { caps, server: withRecognisedDefaults(opts.server, caps, opts.iss ?? base) };
    });
    const searched = SECTIONS.filter((s) => !skip.has(s.type));
    const [metadata, recognised, patientRead, earlySurvey, ...reads] = await Promise.all([
      metadataP,
      recognisedP,
      skip.has("Patient") ? Promise.resolve<PatientRead | undefined>(undefined) : endOnSession(readPatient(opts, grant, signal)),
      surveys && opts.server.labSurvey === "always" ? endOnSession(recognisedP.then(survey)) : undefined,
      ...searched.map((spec) =>
        endOnSession(
          recognisedP.then(({ caps, server }) => {
            const ctx: SectionContext = { patientId, server, now };
            return readSection(spec, env, ctx, caps, grant, opts.provided?.[spec.type]);
          }),
        ),
      ),
    ]);

    const { caps } = recognised;
    if (!isSupportedVersion(caps.fhirVersion)) return { ok: false, error: "unsupported-fhir-version", detail: `FHIR ${caps.fhirVersion}` };

    // Browser only: every data request failed at the network level, yet the server answers (its open
    // discovery document came back, or a no-cors probe does): the EHR refuses the app's origin.
    if (opts.probeReachable && allNetworkFailures(patientRead, reads)) {
      if (metadata || (await opts.probeReachable(metadataUrl))) return { ok: false, error: "origin-refused" };
    }

    const patient = patientRead?.patient;
    if (patient && (patient.resourceType !== "Patient" || patient.id !== patientId)) return { ok: false, error: "patient-mismatch" };

    const reports = new Map<RecordType, SourceReport>();
    if (patientRead) reports.set("Patient", patientRead.report);
    const collected = new Map<RecordType, Collected>();
    for (const read of reads) {
      if (read.kind === "unread") {
        reports.set(read.spec.type, read.report);
        continue;
      }
      const c =
        read.kind === "provided"
          ? collectProvided(read.spec, read.resources, patientId)
          : collectSection(read.spec, read.runs, { patientId, caps, budget, grantCovers: read.grantCovers });
      collected.set(read.spec.type, c);
      reports.set(read.spec.type, c.report);
    }

    // When the code search read completely and found none of the five tests, look at the lab results it cannot see.
    const labs = collected.get("Observation");
    const labReport = reports.get("Observation");
    let surveyed = earlySurvey;
    if (!surveyed && surveys && labs && labReport?.status === "read" && opts.server.labSurvey !== "always" && !labs.resources.some(isReadLabResult)) {
      surveyed = await survey(recognised);
    }
    if (surveyed && labs && labReport) {
      labs.resources = dedupeById([...labs.resources, ...surveyed.resources]);
      labReport.count = labs.resources.length;
      labReport.labSurvey = surveyed.report;
    }

    const list = <T extends Resource>(type: RecordType) => (collected.get(type)?.resources ?? []) as T[];
    const medicineSources = [collected.get("MedicationRequest"), collected.get("MedicationStatement")].filter((c): c is Collected => !!c);
    const resolved = await resolveMedications(
      [...list<MedicationRequest>("MedicationRequest"), ...list<MedicationStatement>("MedicationStatement")],
      medicineSources.flatMap((c) => c.included),
      new Map(medicineSources.flatMap((c) => [...c.includedByFullUrl])),
      { client, base, canReadMedication: grant.canRead("Medication") && !notOffered(caps, "Medication"), policy, signal },
    );
    if (resolved.sessionEnded) throw new SessionEnded();
    flagUnknownMedicines(reports, resolved.uses);

    const input: EngineInput = {
      patient: patient as unknown as Patient | undefined,
      conditions: list<Condition>("Condition"),
      medications: resolved.uses,
      procedures: list<Procedure>("Procedure"),
      observations: list<Observation>("Observation"),
    };
    return {
      ok: true,
      data: {
        patient: input.patient ?? { resourceType: "Patient", id: patientId },
        input,
        sources: RECORD_TYPES.map((s) => reports.get(s)).filter((r): r is SourceReport => !!r),
        readAt: opts.now(),
      },
    };
  } catch (e) {
    if (e instanceof SessionEnded) return { ok: false, error: "session-expired" };
    throw e;
  }
}
