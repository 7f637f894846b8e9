/**
 * Resolving the medicine of each MedicationRequest / MedicationStatement to a CodeableConcept, whatever
 * shape the EHR used: inline CodeableConcept, contained Medication (`#id`), `_include`d Medication, or a
 * reference fetched here with bounded concurrency (references to other servers are never followed).
 */
import type { CodeableConcept, Medication, MedicationRequest, MedicationStatement, Resource } from "fhir/r4";
import type { MedicationUse } from "../engine/types";
import { fetchJson, RequestFailure, type RequestPolicy, type FhirConnection } from "./request";
import { staysOnBase } from "./search";
import { onBase } from "../util/url";

type MedRecord = MedicationRequest | MedicationStatement;

export interface ResolveResult {
  uses: MedicationUse[];
  /** Medicines that could not be identified (reference not resolvable or fetch failed). */
  unresolved: number;
  /** An unresolved reference failed with 401: the session ended. */
  sessionEnded: boolean;
}

/**
 * FHIR ids are at most 64 characters, but real servers send longer ones (Epic's Medication ids run past
 * 64). Accept the id characters FHIR allows up to a sane bound, so a reference is never dropped for its length.
 */
export const MAX_ID_LENGTH = 256;
const ID = `[A-Za-z0-9\\-.]{1,${MAX_ID_LENGTH}}`;
const RELATIVE_REF = new RegExp(`^Medication/${ID}$`);
const ABSOLUTE_TAIL = new RegExp(`/(Medication/${ID})$`);

function relativeRef(reference: string, base: string): string | undefined {
  if (/\/\.+$/.test(reference)) return undefined; // "Medication/.." would resolve to another path
  if (RELATIVE_REF.test(reference)) return reference;
  if (/^https?:\/\//.test(reference) && staysOnBase(reference, base)) {
    return ABSOLUTE_TAIL.exec(reference)?.[1];
  }
  return undefined;
}

/**
 * The concept a Medication stands for: its `code`, plus the codes of its ingredients
 * (`ingredient.itemCodeableConcept`), where Oracle Health puts the RxNorm codes of contained Medications.
 * Undefined when it carries neither.
 */
export function medicationConcept(med: Medication): CodeableConcept | undefined {
  const ingredients = (med.ingredient ?? []).flatMap((i) => (i.itemCodeableConcept ? [i.itemCodeableConcept] : []));
  const coding = [...(med.code?.coding ?? []), ...ingredients.flatMap((c) => c.coding ?? [])];
  const text = med.code?.text ?? (ingredients.length > 0 ? ingredients.map((c) => c.text ?? c.coding?.[0]?.display ?? "").filter(Boolean).join(" / ") : undefined);
  if (coding.length === 0 && !text) return undefined;
  return { ...(coding.length > 0 ? { coding } : {}), ...(text ? { text } : {}) };
}

function absoluteRef(reference: string, base: string): string {
  try {
    return new URL(reference, onBase(base, "")).href;
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
  opts: { client?: FhirConnection; base: string; canReadMedication: boolean; policy: RequestPolicy; signal?: AbortSignal; concurrency?: number },
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
      const concept = contained?.resourceType === "Medication" ? medicationConcept(contained) : undefined;
      if (concept) {
        use.concept = concept;
        use.conceptSource = { kind: "contained", reference };
      }
      continue;
    }
    const rel = relativeRef(reference, opts.base);
    // An absolute reference on the base finds an included Medication by its id too (fullUrl may be absent).
    const found = byRef.get(reference) ?? byRef.get(absoluteRef(reference, opts.base)) ?? (rel ? byRef.get(rel) : undefined);
    if (found) {
      const includedConcept = medicationConcept(found);
      if (includedConcept) {
        use.concept = includedConcept;
        use.conceptSource = { kind: "included", reference };
      }
      continue; // the server already sent this Medication: reading it again would return the same
    }
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
        // The exact absolute URL is requested (fhirclient would resolve a relative string its own way).
        const med = await fetchJson(client, onBase(opts.base, ref), opts.policy, opts.signal);
        const code = med.resourceType === "Medication" ? medicationConcept(med as unknown as Medication) : undefined;
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
