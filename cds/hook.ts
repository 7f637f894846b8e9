/**
 * One `patient-view` call: read the prefetch, fetch only what it lacks (and only from an allowed FHIR
 * server), decide whether the record documents leg cramps, run the engine, build the card. Any doubt about
 * the records (a kind of record that could not be read completely) means no card: the service never guesses.
 */
import { randomUUID } from "node:crypto";
import type { Condition, MedicationRequest, Observation, Patient, Procedure } from "fhir/r4";
import type { ReadLimits } from "../node/fhirRead";
import { matchRecords } from "../src/engine";
import { findLegCramps } from "../src/engine/legCramps";
import type { ServerConfig } from "../src/fhir/configTypes";
import { SOURCE } from "../src/knowledge";
import { isRecord } from "../src/util/json";
import { OVERRIDE_REASONS } from "../src/report";
import { LINK_LABEL, cardDetail, cardFindings, cardIndicator, cardSource, cardSummary, hasCurrentCause, type CardFinding } from "./card";
import { HOOK, PREFETCH_KEYS, type PrefetchKey } from "./discovery";
import { CallReads, DEADLINE } from "./callReads";
import { fetchRecords, resolvePrefetchedMedicines, type FetchedSections, type FetchRequest, type Records } from "./fetchRecords";
import { readPrefetch, type PrefetchSections } from "./prefetch";

export interface Card {
  uuid: string;
  summary: string;
  indicator: "info" | "warning";
  detail: string;
  source: { label: string; url: string };
  links: { label: string; url: string; type: "smart" }[];
  /** The reasons the EHR offers for overriding the card (Codings); feedback with one silences the card. */
  overrideReasons: { code: string; system: string; display: string }[];
  extension: { findings: CardFinding[] };
}

export interface HookResponse {
  cards: Card[];
}

/** Why there is no card (for counters and tests; never sent). */
export type NoCardReason =
  | "no-leg-cramps"
  | "patient-mismatch"
  | "cannot-fetch"
  | "server-not-allowed"
  | "fetch-incomplete"
  /** The call's deadline passed before its reads ended. */
  | "deadline"
  /** An ordering call whose judged draft orders hold no medicine linked to night leg cramps. */
  | "no-linked-order"
  /** Leg cramps documented, but no documented cause is current. */
  | "nothing-current"
  /** The same card was overridden for this patient and client within the silence (30 days). */
  | "silenced";

/** A call's answer; with a card, the patient it is about (the silence after an override is per patient). */
export type HookOutcome = { response: HookResponse; noCard?: NoCardReason; patientId?: string };

export class BadRequest extends Error {}

export interface HookDeps {
  appLaunchUrl: string;
  /** The entry under which the calling client may have `fhirServer` read (cds/fhirServers.ts); undefined: never contacted. */
  fhirServerFor: (fhirServer: string) => ServerConfig | undefined;
  now: () => Date;
  /** Per-request timeout for fetches from the FHIR server, ms. */
  fetchTimeoutMs: number;
  /** The whole call's deadline, ms: past it the answer is `{ "cards": [] }` at once and every read is aborted. */
  callDeadlineMs: number;
  /** The read path's byte caps and Medication-read cap (node/fhirRead.ts); default: its defaults. */
  readLimits?: Partial<ReadLimits>;
  /** Replaceable for tests; default: the data-layer adapter. */
  fetch?: (req: FetchRequest) => Promise<FetchedSections | undefined>;
}

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** The call's fields every hook shares. */
export interface HookCall {
  patientId: string;
  prefetch: unknown;
  fhirServer?: string;
  auth?: Record<string, unknown>;
  /** The call's context object (the ordering hooks read their draft orders from it). */
  context: Record<string, unknown>;
}

/** The request's hook (`hook`, default patient-view), instance and patient; a BadRequest naming the field otherwise. */
export function readCall(body: unknown, hook: string = HOOK): HookCall {
  if (!isRecord(body)) throw new BadRequest("The request body must be a JSON object.");
  if (body.hook !== hook) throw new BadRequest(`"hook" must be "${hook}".`);
  // hookInstance is required by CDS Hooks but nothing here depends on it: a missing one is tolerated, a wrong type is not.
  if (body.hookInstance !== undefined && typeof body.hookInstance !== "string") throw new BadRequest('"hookInstance" must be a string.');
  const context = body.context;
  if (!isRecord(context) || typeof context.patientId !== "string" || !FHIR_ID.test(context.patientId)) {
    throw new BadRequest('"context.patientId" must be a FHIR resource id.');
  }
  if (body.prefetch !== undefined && body.prefetch !== null && !isRecord(body.prefetch)) throw new BadRequest('"prefetch" must be an object.');
  if (body.fhirServer !== undefined && typeof body.fhirServer !== "string") throw new BadRequest('"fhirServer" must be a URL.');
  if (body.fhirAuthorization !== undefined && body.fhirAuthorization !== null && !isRecord(body.fhirAuthorization)) {
    throw new BadRequest('"fhirAuthorization" must be an object.');
  }
  return {
    patientId: context.patientId,
    context,
    prefetch: body.prefetch,
    ...(typeof body.fhirServer === "string" ? { fhirServer: body.fhirServer } : {}),
    ...(isRecord(body.fhirAuthorization) ? { auth: body.fhirAuthorization } : {}),
  };
}

export const none = (noCard: NoCardReason): HookOutcome => ({ response: { cards: [] }, noCard });

/** The call's reads (cds/callReads.ts): its deadline starts now, its FHIR server only if its client lists it. */
export function callReads(call: HookCall, deps: HookDeps): CallReads {
  return new CallReads({
    ...(call.fhirServer ? { fhirServer: call.fhirServer } : {}),
    ...(call.auth ? { auth: call.auth } : {}),
    fhirServerFor: deps.fhirServerFor,
    callDeadlineMs: deps.callDeadlineMs,
    ...(deps.readLimits ? { readLimits: deps.readLimits } : {}),
  });
}

/**
 * Reads the prefetch keys `needed` from the call's FHIR server (only one its client lists, with the call's
 * token, through the call's one read path call and within its deadline), every one completely; otherwise the
 * reason there can be no card. Shared by every hook.
 */
export async function fetchMissing(call: HookCall, needed: PrefetchKey[], deps: HookDeps, reads: CallReads): Promise<FetchedSections | NoCardReason> {
  const access = reads.access;
  if (typeof access === "string") return access;
  const fhirCall = reads.fhirCall();
  if (!fhirCall) return "server-not-allowed";
  const fetched = await reads.until(
    (deps.fetch ?? fetchRecords)({
      fhirServer: access.base,
      scope: access.scope,
      patientId: call.patientId,
      needed,
      server: access.server,
      timeoutMs: Math.min(deps.fetchTimeoutMs, deps.callDeadlineMs),
      now: deps.now,
      call: fhirCall,
    }),
  );
  if (fetched === DEADLINE) return "deadline";
  if (!fetched || needed.some((k) => !fetched[k]?.complete)) return "fetch-incomplete";
  return fetched;
}

/** The records from a complete prefetch, medicines resolved; the keys still needed are returned apart. */
async function fromPrefetch(sections: PrefetchSections, base: string): Promise<{ records: Records; needed: PrefetchKey[] }> {
  const [requests, statements] = await Promise.all([
    resolvePrefetchedMedicines(
      sections.medicationRequests.resources.filter((r) => ["order", "plan"].includes((r as MedicationRequest).intent)),
      sections.medicationRequests.included,
      sections.medicationRequests.includedByFullUrl,
      base,
    ),
    resolvePrefetchedMedicines(sections.medicationStatements.resources, sections.medicationStatements.included, sections.medicationStatements.includedByFullUrl, base),
  ]);
  // The engine reads every prefetch key (lab results included: its lab rules read them).
  const state = Object.fromEntries(PREFETCH_KEYS.map((k) => [k, sections[k].state])) as Record<PrefetchKey, string>;
  if (requests.unknown > 0 && state.medicationRequests === "read") state.medicationRequests = "incomplete";
  if (statements.unknown > 0 && state.medicationStatements === "read") state.medicationStatements = "incomplete";
  const patient = sections.patient.resources[0] as Patient | undefined;
  return {
    records: {
      ...(patient ? { patient } : {}),
      conditions: sections.conditions.resources as Condition[],
      procedures: sections.procedures.resources as Procedure[],
      medicationRequests: requests.uses,
      medicationStatements: statements.uses,
      ...(sections.observations.state === "read" ? { observations: sections.observations.resources as Observation[] } : {}),
    },
    needed: PREFETCH_KEYS.filter((k) => state[k] !== "read"),
  };
}

export async function handlePatientView(body: unknown, deps: HookDeps): Promise<HookOutcome> {
  const call = readCall(body);
  const reads = callReads(call, deps);
  const reading = readPrefetch(call.prefetch, call.patientId);
  if (reading.mismatch) return none("patient-mismatch");
  const now = deps.now();
  const { records, needed } = await fromPrefetch(reading.sections, call.fhirServer ?? "");

  // Conditions alone decide whether there is a card: without leg cramps nothing else is fetched.
  let legCramps = needed.includes("conditions") ? undefined : findLegCramps(records.conditions, now);
  if (legCramps?.length === 0) return none("no-leg-cramps");

  if (needed.length > 0) {
    const fetched = await fetchMissing(call, needed, deps, reads);
    if (typeof fetched === "string") return none(fetched);
    for (const key of needed) {
      if (key === "patient") {
        if (fetched.records.patient) records.patient = fetched.records.patient;
      } else {
        (records as unknown as Record<string, unknown>)[key] = fetched.records[key];
      }
    }
  }

  legCramps ??= findLegCramps(records.conditions, now);
  if (legCramps.length === 0) return none("no-leg-cramps");
  const input = {
    ...(records.patient ? { patient: records.patient } : {}),
    conditions: records.conditions,
    medications: [...records.medicationRequests, ...records.medicationStatements],
    procedures: records.procedures,
    ...(records.observations ? { observations: records.observations } : {}),
  };
  const result = matchRecords(input, { now });
  // Resolved cramps with only past findings are noise: no card when no documented cause is current.
  if (!hasCurrentCause(result.findings, result.patient)) return none("nothing-current");
  const words = { findings: result.findings, legCramps, patient: result.patient, source: SOURCE, now };
  const card: Card = {
    uuid: randomUUID(),
    summary: cardSummary(result.findings, result.patient),
    indicator: cardIndicator(result.findings, result.patient, legCramps),
    detail: cardDetail(words),
    source: cardSource(SOURCE),
    links: [{ label: LINK_LABEL, url: deps.appLaunchUrl, type: "smart" }],
    overrideReasons: [...OVERRIDE_REASONS],
    extension: { findings: cardFindings(result.findings) },
  };
  return { response: { cards: [card] }, patientId: call.patientId };
}
