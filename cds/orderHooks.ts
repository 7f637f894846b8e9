/**
 * The ordering hooks, `order-select` and `order-sign` (docs/spec/cds-hooks.md, "Ordering hooks"): at most one
 * card, only when both hold — a judged draft order is a medicine the knowledge base links to night leg cramps
 * (the engine's own medicine rules, run on the draft orders alone), and the record documents leg cramps (the
 * patient-view rule, from the `conditions` prefetch or read from the FHIR server like patient-view). The draft
 * orders are judged first: without a linked medicine no record is read.
 *
 * A draft order whose Medication is neither contained nor in the draftOrders Bundle is read from the FHIR server
 * (`Medication/<id>`, once per reference) through the same call as the records (cds/callReads.ts: only a server
 * the client lists, within the call's Medication-read cap, byte caps and deadline); when it cannot be read,
 * the reference's display is all there is to judge.
 */
import { randomUUID } from "node:crypto";
import type { Condition } from "fhir/r4";
import { matchRecords } from "../src/engine";
import { findLegCramps } from "../src/engine/legCramps";
import type { Finding } from "../src/engine/types";
import { SOURCE } from "../src/knowledge";
import { OVERRIDE_REASONS } from "../src/report";
import { LINK_LABEL, cardSource } from "./card";
import type { OrderHook } from "./discovery";
import { DEADLINE, type CallReads } from "./callReads";
import { readDraftOrders, type DraftOrders } from "./draftOrders";
import { resolvePrefetchedMedicines, type MedicationReads } from "./fetchRecords";
import { callReads, fetchMissing, none, readCall, type Card, type HookDeps, type HookOutcome } from "./hook";
import { orderCardDetail, orderCardFindings, orderCardSummary } from "./orderCard";
import { readPrefetch } from "./prefetch";

/**
 * The engine's findings for the draft orders alone that are medicines it links to night leg cramps. `reads`:
 * how to read a referenced Medication the drafts do not carry (without it, the reference's display is judged).
 */
export async function judgeDraftOrders(drafts: DraftOrders, now: Date, base = "", reads?: MedicationReads): Promise<Finding[]> {
  if (drafts.orders.length === 0) return [];
  const { uses } = await resolvePrefetchedMedicines(drafts.orders, drafts.medications, drafts.medicationsByFullUrl, base, reads);
  // The panel's medicine rules, unchanged: a draft order is read exactly as any medicine order would be.
  const { findings } = matchRecords({ conditions: [], medications: uses, procedures: [] }, { now });
  return findings.filter((f) => f.kind === "medicine");
}

/** Medication reads for the draft orders: through the call's read path, when its server may be read (and its token may read Medications: fetchRecords.ts). */
function medicationReads(reads: CallReads, deps: HookDeps): MedicationReads | undefined {
  if (typeof reads.access === "string") return undefined;
  const call = reads.fhirCall();
  return call ? { call, scope: reads.access.scope, timeoutMs: Math.min(deps.fetchTimeoutMs, deps.callDeadlineMs), signal: reads.deadline } : undefined;
}

export async function handleOrderHook(body: unknown, hook: OrderHook, deps: HookDeps): Promise<HookOutcome> {
  const call = readCall(body, hook);
  const reads = callReads(call, deps);
  const now = deps.now();
  const drafts = readDraftOrders(call.context, hook, call.patientId);
  const reading = readPrefetch(call.prefetch, call.patientId);
  if (reading.mismatch) return none("patient-mismatch");
  const base = typeof reads.access === "string" ? (call.fhirServer ?? "") : reads.access.base;
  const linked = await reads.until(judgeDraftOrders(drafts, now, base, medicationReads(reads, deps)));
  if (linked === DEADLINE) return none("deadline");
  if (linked.length === 0) return none("no-linked-order");

  let conditions = reading.sections.conditions.resources as Condition[];
  if (reading.sections.conditions.state !== "read") {
    const fetched = await fetchMissing(call, ["conditions"], deps, reads);
    if (typeof fetched === "string") return none(fetched);
    conditions = fetched.records.conditions;
  }
  const legCramps = findLegCramps(conditions, now);
  if (legCramps.length === 0) return none("no-leg-cramps");

  const card: Card = {
    uuid: randomUUID(),
    summary: orderCardSummary(linked),
    indicator: "info",
    detail: orderCardDetail({ findings: linked, legCramps, source: SOURCE }),
    source: cardSource(SOURCE),
    links: [{ label: LINK_LABEL, url: deps.appLaunchUrl, type: "smart" }],
    overrideReasons: [...OVERRIDE_REASONS],
    extension: { findings: orderCardFindings(linked) },
  };
  return { response: { cards: [card] }, patientId: call.patientId };
}
