/**
 * Cards over real HTTP against the sandbox patients the panel tests use: with a leg-cramp Condition added, the
 * card's `extension.findings` equal the panel's findings for the same records (data layer + engine, read
 * from the same mock FHIR server); without it, no card. Complete prefetch: the service reads nothing itself.
 */
import { describe, expect, it } from "vitest";
import type { Bundle, Condition } from "fhir/r4";
import { loadSandboxPatients } from "../../mocks/data/sandboxPatients";
import { crampsKnownCause, crampsRecentResolved } from "../../mocks/data/patients/legCramps";
import { deceasedCkd } from "../../mocks/data/patients/deceasedCkd";
import {
  APP_LAUNCH_URL,
  byId,
  hookBody,
  legCrampCondition,
  mockEhr,
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

describe("sandbox patients with leg cramps documented", () => {
  it.each(SANDBOX.map((p) => [p.label, p.id] as const))("%s: one card whose findings equal the panel's", async (_label, id) => {
    const prefetch = await prefetchFor(id);
    const [card, ...more] = await cardsFor(id, prefetch);
    expect(more).toEqual([]);
    expect(card).toBeDefined();
    const panel = await panelFindings(id);
    expect(byId(card!.extension.findings)).toEqual(byId(panelAttributes(panel)));
    expect(card!.summary.length).toBeLessThan(140);
    expect(card!.summary).toMatch(/^Night leg cramps: /);
    const knownCauseCurrent = panel.some((f) => f.current && f.strength === "known-cause");
    expect(card!.indicator).toBe(knownCauseCurrent ? "warning" : "info");
    expect(card!.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(card!.links).toEqual([{ label: "Open the night leg cramps panel", url: APP_LAUNCH_URL, type: "smart" }]);
    expect(card!.source.url).toMatch(/^https:\/\/www\.mayoclinic\.org\//);
    expect(card!.detail).toMatch(/support, not replace, clinical judgement/);
  });

  it.each(SANDBOX.map((p) => [p.label, p.id] as const))("%s: no card when the record does not document leg cramps", async (_label, id) => {
    expect(await cardsFor(id, withoutCramps(await prefetchFor(id)))).toEqual([]);
  });
});

describe("what the card says", () => {
  it("Trey Berge: names the strongest current cause and counts the others; details grouped by strength", async () => {
    const id = "f46d1649-8a02-4de8-8cff-f76fae267d3a";
    const [card] = await cardsFor(id, await prefetchFor(id));
    const current = card!.extension.findings.filter((f) => f.current && f.strength !== "differential");
    expect(current.length).toBeGreaterThan(1);
    expect(card!.summary).toContain(`and ${current.length - 1} other documented causes are current`);
    expect(card!.detail).toMatch(/\*\*Raises the risk\*\*[\s\S]*\*\*Possible link, not proven\*\*[\s\S]*\*\*Weaker: sometimes linked\*\*/);
    expect(card!.detail).toContain("Leg cramps documented: Nocturnal leg cramps (active).");
  });

  it("a current known cause makes a warning that names it (demo patient Walter Crampton)", async () => {
    const [card] = await cardsFor(crampsKnownCause.id, await prefetchFor(crampsKnownCause.id));
    expect(card!.indicator).toBe("warning");
    expect(card!.summary).toMatch(/^Night leg cramps: peripheral artery disease \(Peripheral vascular disease\) and \d other documented causes are current$/);
    const ids = card!.extension.findings.filter((f) => f.current).map((f) => f.id).sort();
    expect(ids).toEqual(["diuretics", "hypertension", "older-age", "peripheral-artery-disease"]);
  });

  it("cramps recorded four months ago, only past causes: an informational card saying none is current (Nadia Nightingale)", async () => {
    const [card] = await cardsFor(crampsRecentResolved.id, await prefetchFor(crampsRecentResolved.id));
    expect(card!.indicator).toBe("info");
    expect(card!.summary).toMatch(/^Night leg cramps: \d documented causes? in the record, none current$/);
    expect(card!.extension.findings.every((f) => !f.current)).toBe(true);
    expect(card!.detail).toContain("Leg cramps documented: Leg cramps (recorded ");
  });

  it("a deceased patient: a card, but nothing is current", async () => {
    const [card] = await cardsFor(deceasedCkd.id, await prefetchFor(deceasedCkd.id));
    expect(card!.indicator).toBe("info");
    expect(card!.extension.findings.length).toBeGreaterThan(0);
    expect(card!.extension.findings.every((f) => !f.current)).toBe(true);
    expect(card!.detail).toContain("The patient is recorded as deceased");
  });

  it("old resolved cramps do not make a card; the same recorded within 12 months do", async () => {
    const id = crampsRecentResolved.id;
    const prefetch = await prefetchFor(id);
    const conditions = prefetch.conditions as Bundle;
    const resolved = (recordedDate: string): Condition =>
      legCrampCondition(id, "nadia-cramps", {
        clinicalStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "resolved" }] },
        recordedDate,
      });
    const replace = (c: Condition) => ({
      ...prefetch,
      conditions: { ...conditions, entry: (conditions.entry ?? []).map((e) => (e.resource?.id === "nadia-cramps" ? { ...e, resource: c } : e)) },
    });
    expect(await cardsFor(id, replace(resolved("2024-06-01")))).toEqual([]);
    expect(await cardsFor(id, replace(resolved("2026-01-15")))).toHaveLength(1);
  });
});
