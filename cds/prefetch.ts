/**
 * Reading the prefetch a CDS client sent: the Patient and one searchset Bundle per key. Each key is `read`
 * (complete), `missing` (absent or null: fetch it), `incomplete` (a Bundle with a `next` link or an error
 * OperationOutcome entry: fetch it) or `invalid` (not a Bundle: fetch it). A Patient naming another patient
 * makes the whole call `mismatch`: the service then answers without a card. Untrusted input: never throws.
 */
import type { Patient, Resource } from "fhir/r4";
import { dedupeById, namesOtherPatient } from "../src/fhir/sectionReport";
import { isRecord } from "../src/util/json";
import { PREFETCH_KEYS, RECORD_TYPE_OF, type PrefetchKey } from "./discovery";

export type SectionState = "read" | "missing" | "incomplete" | "invalid";

export interface PrefetchSection {
  state: SectionState;
  /** Matching resources of this key's type, for this patient, without duplicates. */
  resources: Resource[];
  /** `_include`d resources (Medications). */
  included: Resource[];
  /** Included resources by their fullUrl, to resolve absolute references. */
  includedByFullUrl: Map<string, Resource>;
}

export type PrefetchSections = Record<PrefetchKey, PrefetchSection>;

export type PrefetchReading = { mismatch: true } | { mismatch: false; sections: PrefetchSections };

const empty = (state: SectionState): PrefetchSection => ({ state, resources: [], included: [], includedByFullUrl: new Map() });

function readPatient(value: unknown, patientId: string): PrefetchSection | "mismatch" {
  if (value === undefined || value === null) return empty("missing");
  // A Patient, or (leniently) a Bundle holding it.
  const candidate =
    isRecord(value) && value.resourceType === "Bundle" && Array.isArray(value.entry)
      ? value.entry.map((e) => (isRecord(e) ? e.resource : undefined)).find((r) => isRecord(r) && r.resourceType === "Patient")
      : value;
  if (!isRecord(candidate) || candidate.resourceType !== "Patient") return empty("invalid");
  if (candidate.id !== patientId) return "mismatch";
  return { ...empty("read"), resources: [candidate as unknown as Patient] };
}

function isErrorOutcome(r: Record<string, unknown>): boolean {
  return (
    r.resourceType === "OperationOutcome" &&
    Array.isArray(r.issue) &&
    r.issue.some((i) => isRecord(i) && (i.severity === "error" || i.severity === "fatal"))
  );
}

function readBundle(value: unknown, type: string, patientId: string): PrefetchSection {
  if (value === undefined || value === null) return empty("missing");
  if (!isRecord(value) || value.resourceType !== "Bundle") return empty("invalid");
  if (value.entry !== undefined && !Array.isArray(value.entry)) return empty("invalid");
  const hasNext = Array.isArray(value.link) && value.link.some((l) => isRecord(l) && l.relation === "next");
  const section = empty(hasNext ? "incomplete" : "read");
  for (const entry of (value.entry as unknown[] | undefined) ?? []) {
    if (!isRecord(entry) || !isRecord(entry.resource)) continue;
    const resource = entry.resource;
    const mode = isRecord(entry.search) ? entry.search.mode : undefined;
    if (isErrorOutcome(resource)) {
      section.state = "incomplete";
      continue;
    }
    if (mode === "include") {
      section.included.push(resource as unknown as Resource);
      if (typeof entry.fullUrl === "string") section.includedByFullUrl.set(entry.fullUrl, resource as unknown as Resource);
      continue;
    }
    if (resource.resourceType !== type || mode === "outcome") continue;
    if (namesOtherPatient(resource as unknown as Resource, patientId)) continue;
    section.resources.push(resource as unknown as Resource);
  }
  section.resources = dedupeById(section.resources);
  return section;
}

/** Reads every prefetch key of the specification for the patient of the call's context. */
export function readPrefetch(prefetch: unknown, patientId: string): PrefetchReading {
  const source = isRecord(prefetch) ? prefetch : {};
  const patient = readPatient(source.patient, patientId);
  if (patient === "mismatch") return { mismatch: true };
  const sections = { patient } as PrefetchSections;
  for (const key of PREFETCH_KEYS) {
    if (key !== "patient") sections[key] = readBundle(source[key], RECORD_TYPE_OF[key], patientId);
  }
  return { mismatch: false, sections };
}
