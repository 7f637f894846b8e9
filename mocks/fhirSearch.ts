/** FHIR search for the mock: parameter filtering and paged searchset Bundles. Pure functions. */
import type { Bundle, BundleEntry, BundleLink, CodeableConcept, OperationOutcome, OperationOutcomeIssue, Resource } from "fhir/r4";

/** Resource types the mock can search, with the token parameters it honours (others are ignored). */
type TokenValue = CodeableConcept | CodeableConcept[] | string | undefined;
type Getter = (r: Record<string, unknown>) => TokenValue;

const TOKEN_PARAMS: Record<string, Record<string, Getter>> = {
  Condition: {
    category: (r) => r.category as CodeableConcept[] | undefined,
    "clinical-status": (r) => r.clinicalStatus as CodeableConcept | undefined,
    "verification-status": (r) => r.verificationStatus as CodeableConcept | undefined,
    code: (r) => r.code as CodeableConcept | undefined,
  },
  MedicationRequest: {
    status: (r) => r.status as string | undefined,
    intent: (r) => r.intent as string | undefined,
  },
  MedicationStatement: {
    status: (r) => r.status as string | undefined,
  },
  Procedure: {
    status: (r) => r.status as string | undefined,
    code: (r) => r.code as CodeableConcept | undefined,
  },
  Observation: {
    status: (r) => r.status as string | undefined,
    code: (r) => r.code as CodeableConcept | undefined,
    category: (r) => r.category as CodeableConcept[] | undefined,
  },
};

/** Date parameters the mock honours: the resource's date as written (FHIR dateTime, possibly partial). */
const DATE_PARAMS: Record<string, Record<string, (r: Record<string, unknown>) => string | undefined>> = {
  Observation: {
    date: (r) => {
      const period = r.effectivePeriod as { start?: string } | undefined;
      const value = r.effectiveDateTime ?? period?.start ?? r.effectiveInstant ?? r.issued;
      return typeof value === "string" ? value : undefined;
    },
  },
};

export const SEARCHABLE_TYPES = Object.keys(TOKEN_PARAMS);

export const INCLUDES: Record<string, string> = {
  MedicationRequest: "MedicationRequest:medication",
  MedicationStatement: "MedicationStatement:medication",
};

export function searchParamsOf(resourceType: string): string[] {
  return ["patient", "subject", ...Object.keys(TOKEN_PARAMS[resourceType] ?? {}), ...Object.keys(DATE_PARAMS[resourceType] ?? {})];
}

/**
 * Does a resource date match one `date` value (`ge2020-01-01`, `lt2024`, `2023-05`, …)? Dates are compared
 * as strings over the shorter precision, which is what FHIR's partial dates need for this mock.
 */
export function dateMatches(value: string | undefined, param: string): boolean {
  if (value === undefined) return false;
  const m = /^(eq|ne|gt|lt|ge|le|sa|eb)?(\d{4}(?:-\d{2}(?:-\d{2})?)?(?:T.*)?)$/.exec(param);
  if (!m) return false;
  const prefix = m[1] ?? "eq";
  const wanted = m[2]!;
  const n = Math.min(value.length, wanted.length, 10);
  const a = value.slice(0, n);
  const b = wanted.slice(0, n);
  switch (prefix) {
    case "gt":
    case "sa":
      return a > b;
    case "lt":
    case "eb":
      return a < b;
    case "ge":
      return a >= b;
    case "le":
      return a <= b;
    case "ne":
      return a !== b;
    default:
      return a === b;
  }
}

/**
 * The patient id named by `patient=` or `subject=` (`<id>`, `Patient/<id>` or an absolute URL ending so).
 * undefined when neither is given; null when the value names something other than a Patient.
 */
export function patientIdFromParams(params: URLSearchParams): string | null | undefined {
  const raw = params.get("patient") ?? params.get("subject");
  if (raw === null) return undefined;
  const m = /^(?:.*\/)?Patient\/([A-Za-z0-9\-.]{1,64})$/.exec(raw);
  if (m) return m[1]!;
  return /^[A-Za-z0-9\-.]{1,64}$/.test(raw) ? raw : null;
}

/** Does one `system|code`, `|code`, `system|` or `code` token match the value? */
function tokenMatches(value: TokenValue, token: string): boolean {
  const bar = token.indexOf("|");
  const system = bar >= 0 ? token.slice(0, bar) : undefined;
  const code = bar >= 0 ? token.slice(bar + 1) : token;
  if (value === undefined) return false;
  if (typeof value === "string") return code === "" || value === code;
  const concepts = Array.isArray(value) ? value : [value];
  return concepts.some((c) =>
    (c.coding ?? []).some(
      (cd) => (system === undefined || system === "" || cd.system === system) && (code === "" || cd.code === code),
    ),
  );
}

export interface FilterResult {
  matches: Resource[];
  /** The parameters the server used, in request order (echoed in the self link). */
  used: [string, string][];
}

/** Resources of `resourceType` among `resources` that satisfy every supported token parameter. */
export function filterResources(resourceType: string, resources: readonly Resource[], params: URLSearchParams): FilterResult {
  const getters = TOKEN_PARAMS[resourceType] ?? {};
  const dateGetters = DATE_PARAMS[resourceType] ?? {};
  const used: [string, string][] = [];
  const filters: ((r: Record<string, unknown>) => boolean)[] = [];
  for (const [name, value] of params) {
    if (name === "patient" || name === "subject") used.push([name, value]);
    const getter = getters[name];
    if (getter) {
      used.push([name, value]);
      const tokens = value.split(",");
      filters.push((r) => tokens.some((t) => tokenMatches(getter(r), t)));
    }
    const dateGetter = dateGetters[name];
    if (dateGetter) {
      used.push([name, value]);
      filters.push((r) => dateMatches(dateGetter(r), value));
    }
  }
  const matches = resources.filter(
    (r) => r.resourceType === resourceType && filters.every((f) => f(r as unknown as Record<string, unknown>)),
  );
  return { matches, used };
}

export interface PageRequest {
  /** FHIR base the request came in on; links and fullUrls use it. */
  fhirBase: string;
  resourceType: string;
  matches: readonly Resource[];
  used: [string, string][];
  /** Value of _include when honoured. */
  include?: string;
  /** Resolves the Medications the page's resources reference (search.mode "include"). */
  includeFor?: (page: readonly Resource[]) => Resource[];
  /** Warnings added as OperationOutcome entries (search.mode "outcome") on the first page. */
  warnings?: readonly string[];
  /** Errors (severity "error", code "incomplete") added the same way: the result may be incomplete. */
  errors?: readonly string[];
  /** Issues added as they are, one OperationOutcome entry each, on the first page (a profile's, e.g. Epic's `suppressed`). */
  issues?: readonly OperationOutcomeIssue[];
  /** Send no next link (the server stops paging), though `total` still counts every match. */
  noNext?: boolean;
  offset: number;
  count: number;
  /** The client sent `_count`: links carry it too (else the server's default applies to every page). */
  countGiven?: boolean;
  /** Base to use for the next link instead of fhirBase (to simulate a cross-origin next link). */
  nextBase?: string;
}

function linkUrl(base: string, req: PageRequest, offset: number): string {
  const q = new URLSearchParams(req.used);
  if (req.include) q.append("_include", req.include);
  if (req.countGiven !== false) q.set("_count", String(req.count));
  if (offset > 0) q.set("_offset", String(offset));
  return `${base}/${req.resourceType}?${q.toString()}`;
}

/** One page of a searchset Bundle, with self/next/previous links on the FHIR base and `total`. */
export function searchPage(req: PageRequest): Bundle {
  const page = req.matches.slice(req.offset, req.offset + req.count);
  const entry: BundleEntry[] = page.map((resource) => ({
    fullUrl: `${req.fhirBase}/${resource.resourceType}/${resource.id ?? ""}`,
    resource: resource as BundleEntry["resource"],
    search: { mode: "match" },
  }));
  for (const resource of req.includeFor?.(page) ?? []) {
    entry.push({
      fullUrl: `${req.fhirBase}/${resource.resourceType}/${resource.id ?? ""}`,
      resource: resource as BundleEntry["resource"],
      search: { mode: "include" },
    });
  }
  if (req.offset === 0) {
    const issues = [
      ...(req.warnings ?? []).map((diagnostics): OperationOutcomeIssue => ({ severity: "warning", code: "processing", diagnostics })),
      ...(req.errors ?? []).map((diagnostics): OperationOutcomeIssue => ({ severity: "error", code: "incomplete", diagnostics })),
      ...(req.issues ?? []),
    ];
    for (const issue of issues) {
      const oo: OperationOutcome = { resourceType: "OperationOutcome", issue: [issue] };
      entry.push({ resource: oo, search: { mode: "outcome" } });
    }
  }
  const link: BundleLink[] = [{ relation: "self", url: linkUrl(req.fhirBase, req, req.offset) }];
  if (!req.noNext && req.count > 0 && req.offset + req.count < req.matches.length) {
    link.push({ relation: "next", url: linkUrl(req.nextBase ?? req.fhirBase, req, req.offset + req.count) });
  }
  if (req.offset > 0) link.push({ relation: "previous", url: linkUrl(req.fhirBase, req, Math.max(0, req.offset - req.count)) });
  const bundle: Bundle = { resourceType: "Bundle", type: "searchset", total: req.matches.length, link };
  if (entry.length > 0) bundle.entry = entry;
  return bundle;
}
