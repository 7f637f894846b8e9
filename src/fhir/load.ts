/**
 * Loading everything the panel needs for the launched patient, in parallel, and reporting per kind of
 * record what was read and what could not be ("what was checked"). The only module that queries FHIR data.
 */
import type Client from "fhirclient/lib/Client";
import type { Condition, MedicationRequest, MedicationStatement, Patient, Procedure, Resource } from "fhir/r4";
import type { ServerConfig } from "./configTypes";
import type { ErrorKind } from "./errorKind";
import type { LoadedData, SourceName, SourceReport } from "./types";
import { RECORD_TYPES } from "../knowledge";
import { describeFailure, type Failure } from "./errors";
import { resolveMedications } from "./medications";
import { fetchJson, RequestFailure, type RequestPolicy } from "./request";
import { parseScopes } from "./scopes";
import { searchAll, type SearchResult } from "./search";

export const DEFAULT_PAGE_SIZE = 200;
export const DEFAULT_MAX_RESOURCES = 5000;

export interface LoadOptions {
  client: Client;
  patientId: string;
  /** FHIR base URL of the session (client.state.serverUrl). */
  base: string;
  /** Granted scope string from the token response. */
  grantedScope: string;
  server: ServerConfig;
  policy: RequestPolicy;
  signal?: AbortSignal;
  now: () => Date;
}

export type LoadOutcome =
  | { ok: true; data: LoadedData & { patient: Patient } }
  | { ok: false; error: ErrorKind; detail?: string };

const WORDS: Record<SourceName, string> = {
  Patient: "the patient's demographics",
  Condition: "conditions",
  MedicationRequest: "medicine orders",
  MedicationStatement: "medicine statements",
  Procedure: "procedures",
  Observation: "lab results",
};

class SessionEnded extends Error {}

function failureOf(e: unknown): Failure {
  return e instanceof RequestFailure ? e.failure : { kind: "unknown" };
}

/** A resource names another patient when its subject/patient reference points elsewhere. */
function namesOtherPatient(r: Resource, patientId: string): boolean {
  const rec = r as { subject?: { reference?: unknown }; patient?: { reference?: unknown } };
  const ref = rec.subject?.reference ?? rec.patient?.reference;
  if (typeof ref !== "string") return false;
  return !(ref === `Patient/${patientId}` || ref.endsWith(`/Patient/${patientId}`) || ref === patientId);
}

function dedupeById<T extends Resource>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((r) => {
    if (!r.id) return true; // the engine skips records without an id; nothing to merge them by
    const key = `${r.resourceType}/${r.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function query(type: string, params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, v);
  return `${type}?${q.toString()}`;
}

export async function loadPatientData(opts: LoadOptions): Promise<LoadOutcome> {
  const { client, patientId, base, server, policy } = opts;
  const scopes = parseScopes(opts.grantedScope);
  const pageSize = String(server.pageSize ?? DEFAULT_PAGE_SIZE);
  const maxResources = server.maxResourcesPerType ?? DEFAULT_MAX_RESOURCES;
  const controller = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, controller.signal]) : controller.signal;
  const searchOpts = { base, maxResources, policy, signal };
  const reports = new Map<SourceName, SourceReport>();
  /** Records what happened to a section that was not read. */
  const unread = (source: SourceName, status: SourceReport["status"], message: string) =>
    reports.set(source, { source, status, count: 0, message, warnings: [] });

  /** Runs one section; a 401 anywhere ends the whole load. */
  const section = async <T>(source: SourceName, run: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await run();
    } catch (e) {
      const f = failureOf(e);
      if (f.kind === "unauthorized") {
        controller.abort();
        throw new SessionEnded();
      }
      const optionalMissing =
        source === "MedicationStatement" && (f.kind === "not-found" || f.kind === "bad-request");
      if (optionalMissing) unread(source, "not-supported", `${WORDS[source]} are not available from this EHR.`);
      else unread(source, f.kind === "forbidden" ? "not-authorized" : "failed", describeFailure(f, WORDS[source]));
      return undefined;
    }
  };

  const notGranted = (source: SourceName) =>
    unread(source, "not-authorized", `This app was not granted access to ${WORDS[source]} in this launch.`);

  const searchSection = (source: SourceName, urls: string[]): Promise<SearchResult[] | undefined> => {
    if (!scopes.canSearch(source)) {
      notGranted(source);
      return Promise.resolve(undefined);
    }
    return section(source, () => Promise.all(urls.map((u) => searchAll(client, u, searchOpts))));
  };

  const conditionUrls = (server.conditionSearches ?? [{}]).map((s) =>
    query("Condition", { patient: patientId, category: s.category, "clinical-status": s.clinicalStatus, _count: pageSize }),
  );
  const readStatements = server.medicationStatement !== false;
  if (!readStatements) unread("MedicationStatement", "not-supported", "Medicine statements are not offered by this EHR (configuration).");

  try {
    const [metadata, patient, conditions, requests, statements, procedures] = await Promise.all([
      fetchJson(client, "metadata", policy, signal).catch(() => undefined),
      scopes.canRead("Patient")
        ? section("Patient", () => fetchJson(client, `Patient/${encodeURIComponent(patientId)}`, policy, signal))
        : Promise.resolve(notGranted("Patient")).then(() => undefined),
      searchSection("Condition", conditionUrls),
      searchSection("MedicationRequest", [
        query("MedicationRequest", { patient: patientId, intent: "order,plan", _include: "MedicationRequest:medication", _count: pageSize }),
      ]),
      readStatements
        ? searchSection("MedicationStatement", [query("MedicationStatement", { patient: patientId, _count: pageSize })])
        : Promise.resolve(undefined),
      searchSection("Procedure", [query("Procedure", { patient: patientId, _count: pageSize })]),
    ]);

    const version = typeof metadata?.fhirVersion === "string" ? metadata.fhirVersion : undefined;
    if (version && !/^4\.(0|3)\./.test(version)) return { ok: false, error: "unsupported-fhir-version", detail: `FHIR ${version}` };

    if (patient && (patient.resourceType !== "Patient" || patient.id !== patientId)) {
      return { ok: false, error: "patient-mismatch" };
    }
    if (patient) reports.set("Patient", { source: "Patient", status: "read", count: 1, warnings: [] });

    const collect = <T extends Resource>(source: SourceName, results: SearchResult[] | undefined, type: string): T[] => {
      if (!results) return [];
      const all = dedupeById(results.flatMap((r) => r.matches).filter((r) => r.resourceType === type)) as T[];
      const mine = all.filter((r) => !namesOtherPatient(r, patientId));
      // Server text can name the patient: never show the id (URLs are already removed).
      const warnings = results.flatMap((r) => r.warnings).map((w) => w.split(patientId).join("[patient]"));
      const skipped = results.reduce((n, r) => n + r.skipped, 0);
      if (skipped > 0) warnings.push(`${skipped} unreadable entries were skipped.`);
      if (all.length !== mine.length) warnings.push(`${all.length - mine.length} records naming another patient were ignored.`);
      const cut = results.find((r) => r.truncated);
      reports.set(source, {
        source,
        status: cut ? "truncated" : "read",
        count: mine.length,
        message:
          cut?.truncatedReason === "foreign-next-link"
            ? describeFailure({ kind: "refused-next-link" }, WORDS[source])
            : cut?.truncatedReason === "paging-loop"
              ? `The EHR's paging repeated itself; only the first ${mine.length} ${WORDS[source]} were read.`
              : cut
                ? `Only the first ${mine.length} ${WORDS[source]} were read (the app's limit is ${maxResources}).`
                : undefined,
        warnings,
      });
      return mine;
    };

    const conditionList = collect<Condition>("Condition", conditions, "Condition");
    const requestList = collect<MedicationRequest>("MedicationRequest", requests, "MedicationRequest");
    const statementList = collect<MedicationStatement>("MedicationStatement", statements, "MedicationStatement");
    const procedureList = collect<Procedure>("Procedure", procedures, "Procedure");

    const included = [...(requests ?? []), ...(statements ?? [])];
    const resolved = await resolveMedications([...requestList, ...statementList], included.flatMap((r) => r.included), new Map(included.flatMap((r) => [...r.includedByFullUrl])), {
      client,
      base,
      canReadMedication: scopes.canRead("Medication"),
      policy,
      signal,
    });
    if (resolved.sessionEnded) throw new SessionEnded();
    for (const source of ["MedicationRequest", "MedicationStatement"] as const) {
      const report = reports.get(source);
      if (!report || report.status !== "read") continue;
      const unknown = resolved.uses.filter(
        (u) => u.resource.resourceType === source && !u.concept && !u.resource.medicationReference?.display,
      ).length;
      if (unknown > 0) {
        report.status = "failed";
        report.message = `${unknown} of ${report.count} ${WORDS[source]} name a medicine the app could not read; the others were checked.`;
      }
    }

    const order: readonly SourceName[] = RECORD_TYPES;
    return {
      ok: true,
      data: {
        patient: (patient as unknown as Patient | undefined) ?? { resourceType: "Patient", id: patientId },
        input: {
          patient: patient as unknown as Patient | undefined,
          conditions: conditionList,
          medications: resolved.uses,
          procedures: procedureList,
        },
        sources: order.map((s) => reports.get(s)).filter((r): r is SourceReport => !!r),
        readAt: opts.now(),
      },
    };
  } catch (e) {
    if (e instanceof SessionEnded) return { ok: false, error: "session-expired" };
    throw e;
  }
}
