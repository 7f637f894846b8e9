/**
 * FHIR R4 endpoints of the mock, on the plain base (`<baseUrl>/fhir`) and on launch-specific bases
 * (`<baseUrl>/sim/<launch>/fhir`). Every data request passes through `gate`: latency, bearer token (401),
 * scope (403), then per-route patient checks, then the launch's simulated faults.
 */
import { delay, http, type HttpHandler } from "msw";
import type { Condition, MedicationRequest, MedicationStatement, Resource } from "fhir/r4";
import { capabilityStatement, smartConfiguration } from "./discovery";
import { resolveBase, type EhrContext, type ResolvedBase } from "./ehrContext";
import { INCLUDES, SEARCHABLE_TYPES, filterResources, patientIdFromParams, searchPage } from "./fhirSearch";
import { decodeLaunch, faultApplies, type DemoFault, type DemoLaunch } from "./launchContext";
import { INCOMPLETE_RECORD, profileOf, type EhrProfile } from "./profiles";
import { FHIR_JSON, fhirError, fhirJson, html, withCors } from "./responses";
import { checkScope, satisfies, type ScopeAction } from "./smartScopes";
import { read, type AccessPayload } from "./tokens";

const CROSS_ORIGIN_BASE = "https://evil.example/fhir";

interface Call {
  request: Request;
  base: ResolvedBase;
  launch: DemoLaunch;
  token?: AccessPayload;
  /** Key of the per-session counters: the access token, or the sim segment for anonymous requests. */
  sessionKey: string;
  /** Set when only patient/ scopes allowed the request. */
  patientOnly: boolean;
  /** Set when only granular (v2 `?param=`) scopes allowed a search: it must satisfy one of them. */
  restrictions?: [string, string][][];
}

function bearer(request: Request): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(request.headers.get("Authorization") ?? "");
  return m ? m[1]! : null;
}

function unauthorized(diagnostics: string): Response {
  return fhirError(401, "login", diagnostics, { "WWW-Authenticate": 'Bearer error="invalid_token"' });
}

function outcomeCode(status: number): string {
  if (status === 401) return "login";
  if (status === 403) return "forbidden";
  if (status === 404) return "not-found";
  if (status === 429) return "throttled";
  if (status >= 500) return "transient";
  return "processing";
}

function waitForAbort(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener("abort", () => resolve(), { once: true });
  });
}

async function faultResponse(request: Request, fault: DemoFault): Promise<Response> {
  if (fault.body === "hang") {
    // Never answer: only the client's AbortSignal (or a closed connection) ends this request.
    await waitForAbort(request.signal);
    return Response.error();
  }
  const headers: Record<string, string> = {};
  if (fault.retryAfter !== undefined) headers["Retry-After"] = String(fault.retryAfter);
  if (fault.body === "malformed-json") {
    return new Response('{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":', {
      status: fault.status,
      headers: { "Content-Type": FHIR_JSON, ...headers },
    });
  }
  if (fault.body === "not-a-bundle") return fhirJson({ message: "JSON, but not a FHIR resource" }, fault.status, headers);
  return fhirError(fault.status, outcomeCode(fault.status), `Simulated HTTP ${fault.status} failure`, headers);
}

/** Common checks. Returns a Call to continue with, or the Response that ends the request. */
async function gate(
  ctx: EhrContext,
  request: Request,
  simSegment: string | undefined,
  access: { resourceType: string; action: ScopeAction } | null,
): Promise<Call | Response> {
  const base = resolveBase(ctx, simSegment);
  if (!base) return fhirError(404, "not-found", "Unknown simulated FHIR base");
  const raw = bearer(request);
  const token = raw ? read(raw, "access") : null;
  const launch: DemoLaunch = { ...base.simLaunch, ...(token?.l ?? {}) };
  const latency = launch.latencyMs ?? ctx.latencyMs;
  if (latency > 0) await delay(latency);
  const call: Call = { request, base, launch, sessionKey: raw ?? `anon:${base.simSegment ?? ""}`, patientOnly: false };
  if (token) call.token = token;
  if (!access) return call;

  if (!raw) return unauthorized("An access token is required");
  if (!token) return unauthorized("The access token is invalid");
  if (token.exp <= ctx.now().getTime()) return unauthorized("The access token has expired");
  const counters = ctx.state.counters(raw);
  counters.requests += 1;
  if (launch.expireAfterRequests !== undefined && counters.requests > launch.expireAfterRequests) {
    return unauthorized("The access token has expired");
  }
  const decision = checkScope(token.s, access.resourceType, access.action);
  if (!decision.allowed) {
    return fhirError(403, "forbidden", `The granted scope does not allow ${access.action} of ${access.resourceType}`);
  }
  call.patientOnly = decision.patientOnly;
  if (decision.restrictions) call.restrictions = decision.restrictions;
  return call;
}

/** The launch's simulated fault for this request type, if this request is scheduled to fail. */
async function maybeFault(ctx: EhrContext, call: Call, type: string): Promise<Response | null> {
  const n = ctx.state.countType(call.sessionKey, type);
  const fault = call.launch.faults?.[type];
  if (!fault || !faultApplies(fault, n)) return null;
  return faultResponse(call.request, fault);
}

function forbiddenPatient(): Response {
  return fhirError(403, "forbidden", "The access token does not allow access to this patient");
}

function referencedMedicationId(ref: string | undefined, fhirBase: string): string | null {
  if (!ref) return null;
  const rel = ref.startsWith(`${fhirBase}/`) ? ref.slice(fhirBase.length + 1) : ref;
  // Real servers send ids longer than FHIR's 64 characters (Epic's Medication ids): accept up to 256.
  const m = /^Medication\/([A-Za-z0-9\-.]{1,256})$/.exec(rel);
  return m ? m[1]! : null;
}

function countParam(ctx: EhrContext, value: string | null): number {
  const n = value === null ? NaN : Number.parseInt(value, 10);
  if (!Number.isFinite(n) || n < 0) return ctx.defaultPageSize;
  return Math.min(n, ctx.maxPageSize);
}

const ACTIVE_STATUSES = new Set(["active", "recurrence", "relapse"]);

/** A refusal as the profile's server words it: an OperationOutcome, or plain text (MEDITECH's 2021 baseline). */
function refusal(profile: EhrProfile, status: number, code: string, diagnostics: string): Response {
  if (!profile.textErrors) return fhirError(status, code, diagnostics);
  return new Response(`Error ${status}: ${diagnostics}`, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** Epic's front end (IIS) refuses a query string over its limit with an HTML 404 before FHIR sees it. */
function queryTooLong(profile: EhrProfile, url: URL): Response | null {
  if (profile.maxQueryBytes === undefined) return null;
  const bytes = new TextEncoder().encode(url.search.replace(/^\?/, "")).length;
  if (bytes <= profile.maxQueryBytes) return null;
  return html("<!DOCTYPE html><html><head><title>404 - File or directory not found.</title></head><body><h2>404 - File or directory not found.</h2><p>The resource you are looking for might have been removed, had its name changed, or is temporarily unavailable.</p></body></html>", 404);
}

/** A problem-list (or uncategorised) Condition: what Epic's active-only default filters. */
function isProblem(r: Resource): boolean {
  const cats = (r as Condition).category ?? [];
  return cats.length === 0 || cats.some((c) => (c.coding ?? []).some((cd) => cd.code === "problem-list-item"));
}

async function search(ctx: EhrContext, call: Call, type: string): Promise<Response> {
  const url = new URL(call.request.url);
  const q = url.searchParams;
  const profile = profileOf(call.launch.profile);
  const tooLong = queryTooLong(profile, url);
  if (tooLong) return tooLong;
  const refused = profile.refusedParams.find((p) => q.has(p));
  if (refused) return refusal(profile, 400, "not-supported", `The search parameter ${refused} is not supported`);
  if (q.has("_count") && profile.countListed && !profile.countListed.includes(type)) {
    return refusal(profile, 400, "not-supported", `The search parameter _count is not supported for ${type}`);
  }
  const count = Number.parseInt(q.get("_count") ?? "", 10);
  if (profile.maxCount !== undefined && Number.isFinite(count) && count > profile.maxCount) {
    return refusal(profile, 400, "invalid", `_count must be between 1 and ${profile.maxCount}`);
  }
  const required = profile.requiredParams?.[type];
  if (required && !q.has(required.param)) {
    return refusal(profile, required.status, "required", `Search parameter '${required.param}' is required for ${type} searches`);
  }
  if (profile.observationNeedsFilter && type === "Observation" && !q.has("category") && !q.has("code")) {
    return refusal(profile, 400, "required", "An Observation search requires a category or code parameter");
  }
  const pid = patientIdFromParams(q);
  if (pid === undefined) return fhirError(400, "required", "A patient or subject parameter is required");
  if (pid === null) return fhirError(400, "invalid", "patient/subject must reference a Patient");
  if (call.patientOnly && call.token?.p !== pid) return forbiddenPatient();
  if (call.restrictions && !call.restrictions.some((r) => satisfies(q, r))) {
    return fhirError(403, "forbidden", `The granted scope allows only searches of ${type} restricted by its parameters`);
  }
  const fault = await maybeFault(ctx, call, type);
  if (fault) return fault;

  const patient = ctx.store.patient(pid);
  const resources = ctx.store.resources(pid, profile.name) ?? [];
  const filtered = filterResources(type, resources, q);
  const { used } = filtered;
  // Epic: with no clinical-status given, a Condition search returns active problems only (encounter
  // diagnoses, which Epic sends without a status, are not filtered).
  const matches =
    profile.activeOnlyConditions && type === "Condition" && !q.has("clinical-status")
      ? filtered.matches.filter((r) => !isProblem(r) || ACTIVE_STATUSES.has((r as Condition).clinicalStatus?.coding?.[0]?.code ?? ""))
      : filtered.matches;
  const offsetRaw = Number.parseInt(q.get("_offset") ?? "0", 10);
  const offset = Number.isFinite(offsetRaw) && offsetRaw > 0 ? offsetRaw : 0;

  const includeName = INCLUDES[type];
  const token = call.token;
  const include =
    includeName !== undefined &&
    q.getAll("_include").includes(includeName) &&
    !patient?.ignoresInclude &&
    !profile.ignoresInclude &&
    token !== undefined &&
    checkScope(token.s, "Medication", "read").allowed;

  const includeFor = (page: readonly Resource[]): Resource[] => {
    const out = new Map<string, Resource>();
    for (const r of page) {
      const id = referencedMedicationId(
        (r as MedicationRequest | MedicationStatement).medicationReference?.reference,
        call.base.fhirBase,
      );
      if (!id || out.has(id)) continue;
      const med = resources.find((x) => x.resourceType === "Medication" && x.id === id) ?? ctx.store.medication(id, profile.name);
      if (med) out.set(id, med);
    }
    return [...out.values()];
  };

  const bundle = searchPage({
    fhirBase: call.base.fhirBase,
    resourceType: type,
    matches,
    used,
    ...(include ? { include: includeName, includeFor } : {}),
    warnings: patient?.searchWarnings?.[type] ?? [],
    errors: profile.incompleteOutcome.includes(type) ? [INCOMPLETE_RECORD] : [],
    issues: [...(profile.searchOutcomes?.[type] ?? []), ...(matches.length === 0 && profile.noResultsIssue ? [profile.noResultsIssue] : [])],
    offset,
    count: Math.min(countParam(ctx, q.get("_count")), profile.pageSizeCap ?? Number.POSITIVE_INFINITY),
    countGiven: q.has("_count"),
    noNext: profile.stopsPaging?.includes(type) === true,
    ...(call.launch.crossOriginNext === type
      ? { nextBase: CROSS_ORIGIN_BASE }
      : profile.nextLinkPathCase === "upper"
        ? { nextBase: call.base.fhirBase.replace(/\/fhir$/, "/FHIR") }
        : {}),
  });
  return fhirJson(bundle);
}

function subjectId(resource: Resource): string | undefined {
  const ref = (resource as { subject?: { reference?: string } }).subject?.reference;
  return ref?.startsWith("Patient/") ? ref.slice("Patient/".length) : undefined;
}

async function readById(ctx: EhrContext, call: Call, type: string, id: string): Promise<Response> {
  if (type === "Patient") {
    if (call.patientOnly && call.token?.p !== id) return forbiddenPatient();
  }
  const profile = profileOf(call.launch.profile).name;
  const resource =
    type === "Patient" ? ctx.store.resources(id, profile)?.find((r) => r.resourceType === "Patient") : ctx.store.find(type, id, profile);
  if (resource && type !== "Patient" && type !== "Medication" && call.patientOnly && subjectId(resource) !== call.token?.p) {
    return forbiddenPatient();
  }
  const fault = await maybeFault(ctx, call, type);
  if (fault) return fault;
  if (!resource) return refusal(profileOf(call.launch.profile), 404, "not-found", `${type}/${id} is not known`);
  return fhirJson(resource);
}

const READABLE = new Set(["Patient", "Medication", ...SEARCHABLE_TYPES]);

type Resolver = (request: Request, sim: string | undefined, params: Record<string, string>) => Promise<Response>;

/** True when the sim segment's launch refuses the app's origin for the FHIR data API (refuseCors). */
export function refusesCors(simSegment: string | undefined): boolean {
  return simSegment !== undefined && decodeLaunch(simSegment)?.refuseCors !== undefined;
}

/**
 * Registers a GET route on the plain FHIR base and on the sim bases. `open` routes (discovery) answer any
 * origin, as SMART requires; the others send no CORS headers when the launch refuses the app's origin.
 */
function route(ctx: EhrContext, path: string, resolver: Resolver, open = false): HttpHandler[] {
  const wrap =
    (sim: boolean) =>
    async ({ request, params }: { request: Request; params: Record<string, string | readonly string[] | undefined> }) => {
      const flat: Record<string, string> = {};
      for (const [k, v] of Object.entries(params)) if (typeof v === "string") flat[k] = v;
      const segment = sim ? flat.launch : undefined;
      const response = await resolver(request, segment, flat);
      return !open && refusesCors(segment) ? response : withCors(request, response);
    };
  return [
    http.get(`${ctx.fhirBase}${path}`, wrap(false)),
    http.get(`${ctx.baseUrl}/sim/:launch/fhir${path}`, wrap(true)),
    // The same base with its path in upper case: NextGen's next links change the case of the base path.
    http.get(`${ctx.baseUrl}/sim/:launch/FHIR${path}`, wrap(true)),
  ];
}

export function fhirHandlers(ctx: EhrContext): HttpHandler[] {
  return [
    ...route(ctx, "/.well-known/smart-configuration", async (request, sim) => {
      const call = await gate(ctx, request, sim, null);
      if (call instanceof Response) return call;
      if (call.launch.noWellKnown) return fhirError(404, "not-found", "No SMART configuration here");
      const fault = await maybeFault(ctx, call, ".well-known");
      if (fault) return fault;
      return new Response(JSON.stringify(smartConfiguration(ctx.endpoints, profileOf(call.launch.profile))), {
        headers: { "Content-Type": "application/json; charset=utf-8" },
      });
    }, true),
    ...route(ctx, "/metadata", async (request, sim) => {
      const call = await gate(ctx, request, sim, null);
      if (call instanceof Response) return call;
      const fault = await maybeFault(ctx, call, "metadata");
      if (fault) return fault;
      const date = ctx.now().toISOString().slice(0, 10);
      return fhirJson(capabilityStatement(ctx.endpoints, call.launch.fhirVersion ?? "4.0.1", date, profileOf(call.launch.profile)));
    }, true),
    ...route(ctx, "/:type/:id", async (request, sim, params) => {
      const type = params.type ?? "";
      const id = params.id ?? "";
      if (!READABLE.has(type)) return fhirError(404, "not-supported", `Resource type ${type} is not supported`);
      const call = await gate(ctx, request, sim, { resourceType: type, action: "read" });
      if (call instanceof Response) return call;
      const profile = profileOf(call.launch.profile);
      if (profile.notOffered.includes(type)) return refusal(profile, 404, "not-supported", `Resource type ${type} is not supported`);
      return readById(ctx, call, type, id);
    }),
    ...route(ctx, "/:type", async (request, sim, params) => {
      const type = params.type ?? "";
      if (!READABLE.has(type)) return fhirError(404, "not-supported", `Resource type ${type} is not supported`);
      if (!SEARCHABLE_TYPES.includes(type)) return fhirError(400, "not-supported", `Search of ${type} is not supported`);
      const call = await gate(ctx, request, sim, { resourceType: type, action: "search" });
      if (call instanceof Response) return call;
      const profile = profileOf(call.launch.profile);
      if (profile.notOffered.includes(type)) return refusal(profile, 404, "not-supported", `Resource type ${type} is not supported`);
      return search(ctx, call, type);
    }),
  ];
}
