/**
 * Reading `context.draftOrders` (and, for order-select, `context.selections`) of an ordering call
 * (docs/spec/cds-hooks.md, "Ordering hooks"): the draft MedicationRequests to judge, and the Medications the
 * Bundle carries for them. Other resource types are ignored. Bad input is a BadRequest naming the field;
 * anything else untrusted is skipped, never fatal.
 */
import type { MedicationRequest, Resource } from "fhir/r4";
import { dedupeById, namesOtherPatient } from "../src/fhir/sectionReport";
import { isRecord } from "../src/util/json";
import type { OrderHook } from "./discovery";
import { BadRequest } from "./hook";

export interface DraftOrders {
  /** The draft MedicationRequests to judge (for order-select, the selected ones), each with an id. */
  orders: MedicationRequest[];
  /** Medications carried in the Bundle (referenced by `Medication/<id>`). */
  medications: Resource[];
  /** The same Medications by their entry's fullUrl (references such as `urn:uuid:…`). */
  medicationsByFullUrl: Map<string, Resource>;
}

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

interface Entry {
  fullUrl?: string;
  resource: Record<string, unknown>;
}

/** An order without an id takes the last segment of its fullUrl (`urn:uuid:<id>`, `…/MedicationRequest/<id>`) when that is a FHIR id. */
function idOf(entry: Entry): string | undefined {
  const id = entry.resource.id;
  if (typeof id === "string" && FHIR_ID.test(id)) return id;
  const tail = entry.fullUrl ? /(?:^urn:uuid:|\/)([^/:]+)$/.exec(entry.fullUrl)?.[1] : undefined;
  return tail && FHIR_ID.test(tail) ? tail : undefined;
}

/** True when `selection` ("MedicationRequest/123", or the entry's fullUrl) names `entry`. */
function names(selection: string, entry: Entry): boolean {
  const type = entry.resource.resourceType;
  const id = idOf(entry);
  if (typeof type === "string" && id !== undefined && selection === `${type}/${id}`) return true;
  return entry.fullUrl !== undefined && (selection === entry.fullUrl || entry.fullUrl.endsWith(`/${selection}`));
}

function readEntries(context: Record<string, unknown>): Entry[] {
  const bundle = context.draftOrders;
  if (bundle === undefined || bundle === null) throw new BadRequest('"context.draftOrders" is required: a Bundle of the draft orders.');
  if (!isRecord(bundle) || bundle.resourceType !== "Bundle") throw new BadRequest('"context.draftOrders" must be a FHIR Bundle.');
  if (bundle.entry !== undefined && !Array.isArray(bundle.entry)) throw new BadRequest('"context.draftOrders.entry" must be an array.');
  const entries: Entry[] = [];
  for (const e of (bundle.entry as unknown[] | undefined) ?? []) {
    if (!isRecord(e) || !isRecord(e.resource)) continue;
    entries.push({ resource: e.resource, ...(typeof e.fullUrl === "string" ? { fullUrl: e.fullUrl } : {}) });
  }
  return entries;
}

function readSelections(context: Record<string, unknown>, entries: Entry[]): Entry[] {
  const selections = context.selections;
  if (selections === undefined || selections === null) throw new BadRequest('"context.selections" is required for order-select: the selected orders.');
  if (!Array.isArray(selections) || !selections.every((s) => typeof s === "string")) {
    throw new BadRequest('"context.selections" must be an array of strings ("MedicationRequest/<id>").');
  }
  if (selections.length === 0) throw new BadRequest('"context.selections" names no order.');
  const chosen = new Set<Entry>();
  for (const selection of selections as string[]) {
    const found = entries.filter((e) => names(selection, e));
    if (found.length === 0) throw new BadRequest('"context.selections" names an order that is not in "context.draftOrders".');
    for (const e of found) chosen.add(e);
  }
  return entries.filter((e) => chosen.has(e));
}

/**
 * The draft orders to judge: every draft MedicationRequest (order-sign) or the selected ones (order-select),
 * for this patient (an order naming another patient is left out), each with an id.
 */
export function readDraftOrders(context: Record<string, unknown>, hook: OrderHook, patientId: string): DraftOrders {
  const entries = readEntries(context);
  const judged = hook === "order-select" ? readSelections(context, entries) : entries;
  const orders: MedicationRequest[] = [];
  for (const entry of judged) {
    if (entry.resource.resourceType !== "MedicationRequest") continue;
    const id = idOf(entry);
    if (id === undefined) continue; // nothing to cite as evidence: the engine skips records without an id
    const order = { ...entry.resource, id } as unknown as MedicationRequest;
    if (namesOtherPatient(order, patientId)) continue;
    orders.push(order);
  }
  const medications: Resource[] = [];
  const medicationsByFullUrl = new Map<string, Resource>();
  for (const entry of entries) {
    if (entry.resource.resourceType !== "Medication") continue;
    const medication = entry.resource as unknown as Resource;
    medications.push(medication);
    if (entry.fullUrl) medicationsByFullUrl.set(entry.fullUrl, medication);
  }
  return { orders: dedupeById(orders), medications, medicationsByFullUrl };
}
