/**
 * Cards over real HTTP against the sandbox patients the panel tests use: with a leg-cramp Condition added and a
 * documented cause current, the card's `extension.findings` equal the panel's findings for the same records
 * (data layer + engine, read from the same mock FHIR server); without leg cramps, or with nothing current, no
 * card. Complete prefetch: the service reads nothing itself.
 */
import { describe, expect, it } from "vitest";
import type { Bundle, Condition, MedicationRequest, Patient } from "fhir/r4";
import type { Finding } from "../../src/engine/types";
import { findLegCramps } from "../../src/engine/legCramps";
import { cardIndicatorFor, type Report } from "../../src/report";
import { loadSandboxPatients } from "../../mocks/data/sandboxPatients";
import { crampsKnownCause, crampsRecentResolved } from "../../mocks/data/patients/legCramps";
import { deceasedCkd } from "../../mocks/data/patients/deceasedCkd";
import {
  APP_LAUNCH_URL,
  byId,
  hookBody,
  legCrampCondition,
  mockEhr,
  NOW,
  panelAttributes,
  panelFindings,
  post,
  prefetchFor,
  withTestStack,
  withLegCramps,
  type CardJson,
} from "./harness";

const SANDBOX = loadSandboxPatients();
const DECEASED_WITH_CRAMPS = withLegCramps(deceasedCkd);
const ehr = mockEhr([...SANDBOX.map(withLegCramps), crampsKnownCause, crampsRecentResolved, DECEASED_WITH_CRAMPS]);

const stack = withTestStack(ehr);

async function cardsFor(patientId: string, prefetch: Record<string, unknown>): Promise<CardJson[]> {
  const answer = await post(stack.service.serviceEndpoint, hookBody(patientId, prefetch), await stack.client.sign());
  expect(answer.status).toBe(200);
  expect(Array.isArray(answer.body.cards)).toBe(true);
  return answer.body.cards!;
}

/** The prefetch with the added leg-cramp Condition taken out again. */
function withoutCramps(prefetch: Record<string, unknown>): Record<string, unknown> {
  const conditions = prefetch.conditions as Bundle;
  const entry = (conditions.entry ?? []).filter((e) => e.resource?.id !== "cds-leg-cramps");
  expect(entry.length).toBe((conditions.entry ?? []).length - 1);
  return { ...prefetch, conditions: { ...conditions, entry, total: entry.length } };
}

/** Whether the panel shows a current documented cause (restless legs, not a cause, aside; nothing for the deceased). */
const anyCurrentCause = (findings: readonly Finding[], deceased: boolean) => !deceased && findings.some((f) => f.current && f.strength !== "differential");

describe("sandbox patients with leg cramps documented", () => {
  it.each(SANDBOX.map((p) => [p.label, p.id] as const))("%s: a card exactly when a documented cause is current, whose findings equal the panel's", async (_label, id) => {
    const prefetch = await prefetchFor(id);
    const cards = await cardsFor(id, prefetch);
    const panel = await panelFindings(id);
    const deceased = !!(prefetch.patient as Patient).deceasedDateTime || !!(prefetch.patient as Patient).deceasedBoolean;
    if (!anyCurrentCause(panel, deceased)) {
      expect(cards).toEqual([]);
      return;
    }
    const [card, ...more] = cards;
    expect(more).toEqual([]);
    expect(card).toBeDefined();
    expect(byId(card!.extension.findings)).toEqual(byId(panelAttributes(panel)));
    expect(card!.summary.length).toBeLessThan(140);
    expect(card!.summary).toMatch(/^Night leg cramps: /);
    const legCramps = findLegCramps(((prefetch.conditions as Bundle).entry ?? []).map((e) => e.resource), NOW);
    expect(card!.indicator).toBe(cardIndicatorFor({ findings: panel, patient: { deceased } as Report["patient"] }, legCramps));
    expect(card!.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(card!.links).toEqual([{ label: "Open the night leg cramps panel", url: APP_LAUNCH_URL, type: "smart" }]);
    expect(card!.overrideReasons.map((r) => r.display)).toEqual(["Already reviewed", "Not relevant for this patient"]);
    expect(card!.source.url).toMatch(/^https:\/\/www\.mayoclinic\.org\//);
    expect(card!.detail).toMatch(/support, not replace, clinical judgement/);
    expect(card!.detail.split("\n").filter((l) => l.trim() !== "").length).toBeLessThanOrEqual(8);
  });

  it("at least three of them have a current cause (the comparison above is not vacuous)", async () => {
    const withCard = await Promise.all(SANDBOX.map(async (p) => (await cardsFor(p.id, await prefetchFor(p.id))).length));
    expect(withCard.filter((n) => n === 1).length).toBeGreaterThanOrEqual(3);
  });

  it.each(SANDBOX.map((p) => [p.label, p.id] as const))("%s: no card when the record does not document leg cramps", async (_label, id) => {
    expect(await cardsFor(id, withoutCramps(await prefetchFor(id)))).toEqual([]);
  });
});

/** Replaces one Condition of a prefetch by id. */
function replaceCondition(prefetch: Record<string, unknown>, id: string, c: Condition): Record<string, unknown> {
  const conditions = prefetch.conditions as Bundle;
  return { ...prefetch, conditions: { ...conditions, entry: (conditions.entry ?? []).map((e) => (e.resource?.id === id ? { ...e, resource: c } : e)) } };
}

/** Changes the date an order was written, by id. */
function reorder(prefetch: Record<string, unknown>, id: string, authoredOn: string): Record<string, unknown> {
  const requests = prefetch.medicationRequests as Bundle;
  const entry = (requests.entry ?? []).map((e) => (e.resource?.id === id ? { ...e, resource: { ...(e.resource as MedicationRequest), authoredOn } } : e));
  return { ...prefetch, medicationRequests: { ...requests, entry } };
}

describe("what the card says", () => {
  it("Trey Berge: names the strongest current cause and counts the others; one line per current finding, strongest first", async () => {
    const id = "f46d1649-8a02-4de8-8cff-f76fae267d3a";
    const [card] = await cardsFor(id, await prefetchFor(id));
    const current = card!.extension.findings.filter((f) => f.current && f.strength !== "differential");
    expect(current.length).toBeGreaterThan(1);
    expect(card!.summary).toContain(`and ${current.length - 1} other documented causes are current`);
    const text = card!.detail.replace(/\\(.)/g, "$1");
    expect(text).toMatch(/\(raises the risk\)[\s\S]*\(possible link\)[\s\S]*\(sometimes linked\)/);
    expect(text).toContain("Leg cramps documented: Nocturnal leg cramps (active, since 1 Oct 2026).");
  });

  it("Walter Crampton: furosemide started about 6 weeks before the cramps is new and modifiable: a warning naming PAD, the strongest", async () => {
    const [card] = await cardsFor(crampsKnownCause.id, await prefetchFor(crampsKnownCause.id));
    expect(card!.indicator).toBe("warning");
    expect(card!.summary).toMatch(/^Night leg cramps: peripheral artery disease \(Peripheral vascular disease\) and \d other documented causes are current$/);
    const ids = card!.extension.findings.filter((f) => f.current).map((f) => f.id).sort();
    expect(ids).toEqual(["diuretics", "hypertension", "older-age", "peripheral-artery-disease"]);
    expect(card!.detail.replace(/\\(.)/g, "$1")).toContain("days before the leg cramps");
  });

  it("the same patient with furosemide ordered years ago: PAD known since 2019 is not new, the card is informational", async () => {
    const prefetch = reorder(await prefetchFor(crampsKnownCause.id), "walter-furosemide", "2016-05-27");
    const [card] = await cardsFor(crampsKnownCause.id, prefetch);
    expect(card!.indicator).toBe("info");
    expect(card!.extension.findings.find((f) => f.id === "peripheral-artery-disease")!.current).toBe(true);
  });

  it("cramps resolved, only past causes (Nadia Nightingale): no card", async () => {
    expect(await cardsFor(crampsRecentResolved.id, await prefetchFor(crampsRecentResolved.id))).toEqual([]);
    expect(stack.service.noCardCounts()["nothing-current"]).toBeGreaterThan(0);
  });

  it("a deceased patient: nothing is current, no card", async () => {
    expect(await cardsFor(deceasedCkd.id, await prefetchFor(deceasedCkd.id))).toEqual([]);
  });

  it("old resolved cramps do not make a card; the same recorded within 12 months do", async () => {
    const id = crampsKnownCause.id;
    const prefetch = await prefetchFor(id);
    const resolved = (recordedDate: string): Condition =>
      legCrampCondition(id, "walter-cramps", {
        clinicalStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "resolved" }] },
        recordedDate,
      });
    expect(await cardsFor(id, replaceCondition(prefetch, "walter-cramps", resolved("2024-06-01")))).toEqual([]);
    expect(await cardsFor(id, replaceCondition(prefetch, "walter-cramps", resolved("2026-01-15")))).toHaveLength(1);
  });
});
