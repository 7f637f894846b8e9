/**
 * Turning the searches of one kind of record into what the panel shows: the resources kept (deduplicated,
 * this patient's only, those the section reads) and a SourceReport with one entry per search. Statuses
 * follow docs/spec/panel-contract.md: an error outcome inside a searchset, a failed search among several,
 * a cut, a refusal or a granular grant that leaves a gap all keep the section from being `read`.
 */
import type { Resource } from "fhir/r4";
import type { Capabilities } from "./capabilities";
import { describeFailure, type Failure } from "./errors";
import type { SearchBudget, SearchResult, TruncatedReason } from "./search";
import { isOutsideRecords, outsideRecordsNotice, withheldKind } from "./outcomes";
import type { SectionSpec } from "./sections";
import type { SearchRun } from "./sectionRun";
import type { SearchReport, SourceReport, SourceStatus } from "./types";

/** A resource names another patient when its subject/patient reference points elsewhere. */
export function namesOtherPatient(r: Resource, patientId: string): boolean {
  const rec = r as { subject?: { reference?: unknown }; patient?: { reference?: unknown } };
  const ref = rec.subject?.reference ?? rec.patient?.reference;
  if (typeof ref !== "string") return false;
  return !(ref === `Patient/${patientId}` || ref.endsWith(`/Patient/${patientId}`) || ref === patientId);
}

export function dedupeById<T extends Resource>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((r) => {
    if (!r.id) return true; // the engine skips records without an id; nothing to merge them by
    const key = `${r.resourceType}/${r.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Server text can name the patient: never show the id (URLs are already removed). */
export function scrub(text: string, patientId: string): string {
  return patientId ? text.split(patientId).join("[patient]") : text;
}

function truncatedMessage(result: Pick<SearchResult, "truncatedReason" | "total" | "matches">, count: number, words: string, budget: SearchBudget): string {
  const reason: TruncatedReason | undefined = result.truncatedReason;
  switch (reason) {
    case "short-of-total":
      return `The EHR sent ${result.matches.length} of ${result.total ?? "?"} ${words} and stopped; the rest could not be read.`;
    case "foreign-next-link":
      return describeFailure({ kind: "refused-next-link" }, words);
    case "paging-loop":
      return `The EHR's paging repeated itself; only the first ${count} ${words} were read.`;
    case "pages":
      return `The EHR's paging did not end within ${budget.maxPages} pages; only the first ${count} ${words} were read.`;
    case "time":
      return `Reading ${words} took longer than ${Math.round(budget.maxTimeMs / 1000)} s; only the first ${count} were read.`;
    case "included":
      return `The EHR sent more than ${budget.maxIncluded} linked records with ${words}; reading stopped after ${count}.`;
    case "outcomes":
      return `The EHR sent more than ${budget.maxOutcomes} messages with ${words}; reading stopped after ${count}.`;
    default:
      return `Only the first ${count} ${words} were read (the app's limit is ${budget.maxResources}).`;
  }
}

const RANK: Record<SearchReport["status"], number> = { read: 0, truncated: 1, "not-authorized": 2, failed: 3 };
const SHORT: Record<SearchReport["status"], string> = {
  read: "read",
  truncated: "cut short",
  "not-authorized": "not authorised",
  failed: "failed",
};

/** A refusal (403) is "not authorised"; any other failure is "failed". */
export function failureStatus(f: Failure): "not-authorized" | "failed" {
  return f.kind === "forbidden" ? "not-authorized" : "failed";
}

export interface CollectContext {
  patientId: string;
  caps: Capabilities;
  budget: SearchBudget;
  /** False when a granular grant restricts the searches to less than the section needs. */
  grantCovers: boolean;
}

export interface Collected {
  resources: Resource[];
  report: SourceReport;
  /** Included entries of every search (Medications), for resolving references. */
  included: Resource[];
  includedByFullUrl: Map<string, Resource>;
}

/**
 * The server does not offer this kind: no CapabilityStatement could be read (nothing is advertised) and
 * every search answered 404. (A kind the statement does not list is never searched: load.ts.) A kind that
 * is listed and then refused is a failure, not this.
 */
function notSupported(runs: readonly SearchRun[], caps: Capabilities): boolean {
  return caps.offered === undefined && runs.length > 0 && runs.every((r) => !r.result && r.failure?.kind === "not-found");
}

export function collectSection(spec: SectionSpec, runs: readonly SearchRun[], ctx: CollectContext): Collected {
  const { words } = spec;
  const included = runs.flatMap((r) => r.result?.included ?? []);
  const includedByFullUrl = new Map(runs.flatMap((r) => [...(r.result?.includedByFullUrl ?? [])]));
  if (notSupported(runs, ctx.caps)) {
    const report: SourceReport = {
      source: spec.type,
      status: "not-supported",
      count: 0,
      message: `This EHR does not offer ${words} (they are not in its capability statement).`,
      warnings: [],
    };
    return { resources: [], report, included, includedByFullUrl };
  }

  const warnings: string[] = [];
  const notices: string[] = [];
  let otherPatient = 0;
  let skipped = 0;
  const perSearch: { report: SearchReport; kept: Resource[] }[] = runs.map((run) => {
    // A search that succeeded after the retry is not a gap and not a warning: `retriedWithout` says it.
    const retry = run.retriedWithout ? { retriedWithout: run.retriedWithout } : {};
    if (!run.result) {
      const f = run.failure ?? { kind: "unknown" };
      return { report: { label: run.query.label, status: failureStatus(f), count: 0, message: describeFailure(f, words), ...retry }, kept: [] };
    }
    const r = run.result;
    const ofType = r.matches.filter((m) => m.resourceType === spec.type);
    const mine = ofType.filter((m) => !namesOtherPatient(m, ctx.patientId));
    otherPatient += ofType.length - mine.length;
    skipped += r.skipped;
    const kept = spec.keep ? mine.filter(spec.keep) : mine;
    warnings.push(...r.errors, ...r.warnings);
    notices.push(...r.notices);
    const outside = r.withheld.filter(isOutsideRecords);
    const withheld = r.withheld.filter((w) => !isOutsideRecords(w));
    if (outside.length > 0) notices.push(outsideRecordsNotice(outside.map((w) => withheldKind(w) ?? words)));
    let status: SearchReport["status"] = "read";
    let message: string | undefined;
    if (r.errors.length > 0) {
      status = "failed";
      message = `The EHR reported an error with its answer, so its ${words} may be incomplete; the ${kept.length} it returned were checked.`;
    } else if (withheld.length > 0) {
      status = "not-authorized";
      message = `The EHR withheld some ${words} (${[...new Set(withheld.map((w) => withheldKind(w) ?? w))].join("; ")}); the ${kept.length} it sent were checked.`;
    } else if (r.truncated) {
      status = "truncated";
      message = truncatedMessage(r, kept.length, words, ctx.budget);
    }
    return { report: { label: run.query.label, status, count: kept.length, ...(message ? { message } : {}), ...retry }, kept };
  });

  const resources = dedupeById(perSearch.flatMap((s) => s.kept));
  if (skipped > 0) warnings.push(`${skipped} unreadable entries were skipped.`);
  if (otherPatient > 0) warnings.push(`${otherPatient} records naming another patient were ignored.`);

  const searches = perSearch.map((s) => s.report);
  const worst = searches.reduce<SearchReport["status"]>((w, s) => (RANK[s.status] > RANK[w] ? s.status : w), "read");
  let status: SourceStatus = worst;
  let message: string | undefined;
  const bad = searches.filter((s) => s.status !== "read");
  if (searches.length === 1) {
    message = bad[0]?.message;
  } else if (bad.length > 0) {
    const which = bad.map((s) => `${s.label}: ${SHORT[s.status]}`).join("; ");
    message =
      bad.length === searches.length
        ? `None of the ${searches.length} searches for ${words} completed (${which}).${resources.length > 0 ? ` The ${resources.length} returned were checked.` : ""}`
        : `${bad.length} of ${searches.length} searches for ${words} did not complete (${which}); the ${resources.length} ${words} the searches returned were checked.`;
  }
  if (status === "read" && !ctx.grantCovers) {
    status = "not-authorized";
    message = `This app was granted only some ${words} (${searches.map((s) => s.label).join("; ")}); those were checked, the others could not be.`;
  }
  const report: SourceReport = {
    source: spec.type,
    status,
    count: resources.length,
    ...(message ? { message: scrub(message, ctx.patientId) } : {}),
    warnings: unique(warnings.map((w) => scrub(w, ctx.patientId))),
    ...(notices.length > 0 ? { notices: unique(notices.map((n) => scrub(n, ctx.patientId))) } : {}),
    searches: searches.map((s) => (s.message ? { ...s, message: scrub(s.message, ctx.patientId) } : s)),
  };
  return { resources, report, included, includedByFullUrl };
}

/** Identical lines once, in first-seen order (Epic repeats the same outcome on every search and page). */
function unique(lines: readonly string[]): string[] {
  return [...new Set(lines)];
}

/** The report of a kind of record that was not searched (not granted, configured off, or skipped). */
export function unreadReport(source: SourceReport["source"], status: SourceStatus, message: string): SourceReport {
  return { source, status, count: 0, message, warnings: [] };
}
