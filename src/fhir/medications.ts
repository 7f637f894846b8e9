/**
 * Resolving the medicine of each MedicationRequest / MedicationStatement to a CodeableConcept, whatever
 * shape the EHR used: inline CodeableConcept, contained Medication (`#id`), `_include`d Medication, or a
 * reference fetched here with bounded concurrency (references to other servers are never followed).
 */
import type Client from "fhirclient/lib/Client";
import type { Medication, MedicationRequest, MedicationStatement, Resource } from "fhir/r4";
import type { MedicationUse } from "../engine/types";
import { fetchJson, RequestFailure, type RequestPolicy } from "./request";
import { staysOnBase } from "./search";

type MedRecord = MedicationRequest | MedicationStatement;

export interface ResolveResult {
  uses: MedicationUse[];
  /** Medicines that could not be identified (reference not resolvable or fetch failed). */
  unresolved: number;
  /** An unresolved reference failed with 401: the session ended. */
  sessionEnded: boolean;
}

function relativeRef(reference: string, base: string): string | undefined {
  if (/^Medication\/[A-Za-z0-9\-.]{1,64}$/.test(reference)) return reference;
  if (/^https?:\/\//.test(reference) && staysOnBase(reference, base)) {
    const m = /\/(Medication\/[A-Za-z0-9\-.]{1,64})$/.exec(reference);
    return m?.[1];
  }
  return undefined;
}

function absoluteRef(reference: string, base: string): string {
  try {
    return new URL(reference, base + "/").href;
  } catch {
    return reference;
  }
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function mapBounded<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export async function resolveMedications(
  records: MedRecord[],
  included: Resource[],
  includedByFullUrl: Map<string, Resource>,
  opts: { client?: Client; base: string; canReadMedication: boolean; policy: RequestPolicy; signal?: AbortSignal; concurrency?: number },
): Promise<ResolveResult> {
  const byRef = new Map<string, Medication>();
  for (const r of included) if (r.resourceType === "Medication" && r.id) byRef.set(`Medication/${r.id}`, r as Medication);
  for (const [url, r] of includedByFullUrl) if (r.resourceType === "Medication") byRef.set(url, r as Medication);

  const uses: MedicationUse[] = [];
  const toFetch = new Map<string, MedicationUse[]>();
  for (const resource of records) {
    if (resource.medicationCodeableConcept) {
      uses.push({ resource, concept: resource.medicationCodeableConcept, conceptSource: { kind: "inline" } });
      continue;
    }
    const reference = resource.medicationReference?.reference;
    const use: MedicationUse = { resource };
    uses.push(use);
    if (typeof reference !== "string") continue;
    if (reference.startsWith("#")) {
      const contained = (resource.contained ?? []).find((c) => c.resourceType === "Medication" && `#${c.id}` === reference);
      if (contained && contained.resourceType === "Medication" && contained.code) {
        use.concept = contained.code;
        use.conceptSource = { kind: "contained", reference };
      }
      continue;
    }
    const found = byRef.get(reference) ?? byRef.get(absoluteRef(reference, opts.base));
    if (found?.code) {
      use.concept = found.code;
      use.conceptSource = { kind: "included", reference };
      continue;
    }
    const rel = relativeRef(reference, opts.base);
    if (rel && opts.canReadMedication && opts.client) {
      const list = toFetch.get(rel) ?? [];
      list.push(use);
      toFetch.set(rel, list);
    }
  }

  let sessionEnded = false;
  const client = opts.client;
  if (client && toFetch.size > 0) {
    await mapBounded([...toFetch.keys()], opts.concurrency ?? 4, async (ref) => {
      try {
        const med = await fetchJson(client, ref, opts.policy, opts.signal);
        const code = med.resourceType === "Medication" ? (med as unknown as Medication).code : undefined;
        if (code) for (const use of toFetch.get(ref)!) {
          use.concept = code;
          use.conceptSource = { kind: "fetched", reference: ref };
        }
      } catch (e) {
        if (e instanceof RequestFailure && e.failure.kind === "unauthorized") sessionEnded = true;
      }
    });
  }
  return { uses, unresolved: uses.filter((u) => !u.concept).length, sessionEnded };
}
