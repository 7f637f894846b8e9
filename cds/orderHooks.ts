/**
 * The ordering hooks, `order-select` and `order-sign` (docs/spec/cds-hooks.md, "Ordering hooks"): at most one
 * card, only when both hold — a judged draft order is a medicine the knowledge base links to night leg cramps
 * (the engine's own medicine rules, run on the draft orders alone), and the record documents leg cramps (the
 * patient-view rule, from the `conditions` prefetch or read from the FHIR server like patient-view). The draft
 * orders are judged first: without a linked medicine nothing is read.
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
import { readDraftOrders } from "./draftOrders";
import { resolvePrefetchedMedicines } from "./fetchRecords";
import { fetchMissing, none, readCall, type Card, type HookDeps, type HookOutcome } from "./hook";
import { orderCardDetail, orderCardFindings, orderCardSummary } from "./orderCard";
import { readPrefetch } from "./prefetch";

/** The engine's findings for the draft orders alone that are medicines it links to night leg cramps. */
export async function judgeDraftOrders(context: Record<string, unknown>, hook: OrderHook, patientId: string, now: Date, base = ""): Promise<Finding[]> {
  const drafts = readDraftOrders(context, hook, patientId);
  if (drafts.orders.length === 0) return [];
  const { uses } = await resolvePrefetchedMedicines(drafts.orders, drafts.medications, drafts.medicationsByFullUrl, base);
  // The panel's medicine rules, unchanged: a draft order is read exactly as any medicine order would be.
  const { findings } = matchRecords({ conditions: [], medications: uses, procedures: [] }, { now });
  return findings.filter((f) => f.kind === "medicine");
}

export async function handleOrderHook(body: unknown, hook: OrderHook, deps: HookDeps): Promise<HookOutcome> {
  const call = readCall(body, hook);
  const now = deps.now();
  const linked = await judgeDraftOrders(call.context, hook, call.patientId, now, call.fhirServer ?? "");
  const reading = readPrefetch(call.prefetch, call.patientId);
  if (reading.mismatch) return none("patient-mismatch");
  if (linked.length === 0) return none("no-linked-order");

  let conditions = reading.sections.conditions.resources as Condition[];
  if (reading.sections.conditions.state !== "read") {
    const fetched = await fetchMissing(call, ["conditions"], deps);
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
