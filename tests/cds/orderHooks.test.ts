/**
 * The ordering services over real HTTP (docs/spec/cds-hooks.md, "Ordering hooks"): every shape of draft order
 * real EHRs send, judged by the engine's own medicine rules; a card exactly when the record documents leg
 * cramps and a judged order is a linked medicine; selections; the card's words and findings; bad input.
 */
import { describe, expect, it } from "vitest";
import type { MedicationRequest } from "fhir/r4";
import fc from "fast-check";
import { ORDER_SELECT_ID, ORDER_SIGN_ID } from "../../cds/discovery";
import { crampsKnownCause } from "../../mocks/data/patients/legCramps";
import { APP_LAUNCH_URL, byId, FHIR_BASE, fhirAuthorization, legCrampCondition, mockEhr, post, withTestStack, type CardJson } from "./harness";
import {
  contained,
  draft,
  draftBundle,
  DRUG,
  engineOnOrders,
  inline,
  medication,
  orderBody,
  orderPrefetch,
  PATIENT_ID,
} from "./orderHarness";

const ehr = mockEhr([crampsKnownCause]);
const stack = withTestStack(ehr);

type Hook = "order-select" | "order-sign";
const endpoint = (hook: Hook) => stack.service.endpoints[hook === "order-select" ? ORDER_SELECT_ID : ORDER_SIGN_ID];

async function send(hook: Hook, body: unknown) {
  return post(endpoint(hook), body, await stack.client.sign({ aud: endpoint(hook) }));
}

async function cards(hook: Hook, draftOrders: unknown, options: Parameters<typeof orderBody>[2] = {}): Promise<CardJson[]> {
  const answer = await send(hook, orderBody(hook, draftOrders, options));
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.cards!;
}

async function oneCard(hook: Hook, draftOrders: unknown, options: Parameters<typeof orderBody>[2] = {}): Promise<CardJson> {
  const list = await cards(hook, draftOrders, options);
  expect(list).toHaveLength(1);
  return list[0]!;
}

const furosemide = inline("d-furosemide", DRUG.furosemide40);
const metformin = inline("d-metformin", DRUG.metformin500);

describe("every shape of draft order, judged by the panel's medicine rules (order-sign)", () => {
  it("inline code: furosemide is a diuretic, possibly linked", async () => {
    const card = await oneCard("order-sign", draftBundle([furosemide]));
    expect(card.extension.findings).toEqual([{ id: "diuretics", current: true, strength: "possible", basis: "draft-order", evidence: ["MedicationRequest/d-furosemide"] }]);
    expect(card.extension.findings).toEqual(engineOnOrders([{ order: furosemide }]));
    expect(card.summary).toBe("Furosemide 40 MG Oral Tablet is a diuretic: possibly linked to night leg cramps (documented for this patient)");
  });

  it("contained Medication, coded on its code or (Oracle Health) only on its ingredients", async () => {
    const byCode = contained("d-ator", [DRUG.atorvastatin20]);
    expect((await oneCard("order-sign", draftBundle([byCode]))).extension.findings).toEqual([
      { id: "cholesterol-medicines", current: true, strength: "sometimes-linked", basis: "draft-order", evidence: ["MedicationRequest/d-ator"] },
    ]);
    const byIngredient = contained("d-furo-ing", [], [DRUG.furosemideIngredient]);
    const card = await oneCard("order-sign", draftBundle([byIngredient]));
    expect(card.extension.findings).toEqual(engineOnOrders([{ order: byIngredient, concept: { coding: [DRUG.furosemideIngredient], text: "furosemide" } }]));
    expect(card.extension.findings.map((f) => f.id)).toEqual(["diuretics"]);
  });

  it("a Medication referenced in the Bundle, by Medication/<id> or by its entry's urn:uuid", async () => {
    const byId = draft("d-lis", { medicationReference: { reference: "Medication/lis" } });
    const card = await oneCard("order-sign", draftBundle([byId, medication("lis", [DRUG.lisinopril10])]));
    expect(card.extension.findings).toEqual([
      { id: "blood-pressure-medicines", current: true, strength: "sometimes-linked", basis: "draft-order", evidence: ["MedicationRequest/d-lis"] },
    ]);
    const urn = "urn:uuid:6a1e6f2e-6a55-4c47-9d6b-2a3d0f4b7c11";
    const byUrn = draft("d-lis2", { medicationReference: { reference: urn } });
    const card2 = await oneCard("order-sign", draftBundle([byUrn, { fullUrl: urn, resource: medication("m-x", [DRUG.lisinopril10]) }]));
    expect(card2.extension.findings.map((f) => [f.id, f.evidence])).toEqual([["blood-pressure-medicines", ["MedicationRequest/d-lis2"]]]);
  });

  it("text only: the medicine's name, in the concept's text or the reference's display", async () => {
    const text = draft("d-text", { medicationCodeableConcept: { text: "Hydrochlorothiazide 25 mg tablet" } });
    const display = draft("d-display", { medicationReference: { reference: "Medication/not-sent", display: "atorvastatin 40 mg tablet" } });
    const card = await oneCard("order-sign", draftBundle([text, display]));
    expect(byId(card.extension.findings)).toEqual(byId(engineOnOrders([{ order: text }, { order: display }])));
    expect(card.extension.findings.map((f) => f.id).sort()).toEqual(["blood-pressure-medicines", "cholesterol-medicines", "diuretics"]);
  });

  it("a combination product counts for every class it contains (lisinopril/hydrochlorothiazide: diuretic and blood pressure medicine)", async () => {
    const combo = inline("d-combo", DRUG.lisinoprilHctz);
    const card = await oneCard("order-sign", draftBundle([combo]));
    expect(byId(card.extension.findings)).toEqual(
      byId([
        { id: "diuretics", current: true, strength: "possible", basis: "draft-order", evidence: ["MedicationRequest/d-combo"] },
        { id: "blood-pressure-medicines", current: true, strength: "sometimes-linked", basis: "draft-order", evidence: ["MedicationRequest/d-combo"] },
      ]),
    );
    expect(card.summary.length).toBeLessThan(140);
    // The medicine's name is record text: escaped in the summary as in the detail.
    expect(card.summary.replace(/\\(.)/g, "$1")).toBe("Hydrochlorothiazide 12.5 MG / lisinopril 10 MG Oral Tablet: possibly linked to night leg cramps (documented for this patient)");
    expect(card.detail.replace(/\\(.)/g, "$1")).toContain("diuretics (possible link); blood pressure medicines (sometimes linked)");
    // A contained combination coded on its ingredients counts the same.
    const ingredients = contained("d-combo-ing", [], [DRUG.hctzIngredient, DRUG.lisinoprilIngredient]);
    const card2 = await oneCard("order-sign", draftBundle([ingredients]));
    expect(card2.extension.findings.map((f) => f.id).sort()).toEqual(["blood-pressure-medicines", "diuretics"]);
  });

  it("other resource types in the Bundle are ignored, whatever they say", async () => {
    const service = { resourceType: "ServiceRequest", id: "sr", status: "draft", intent: "order", code: { coding: [DRUG.furosemide40], text: "furosemide" } };
    const nutrition = { resourceType: "NutritionOrder", id: "no", status: "draft", intent: "order" };
    const statement = { resourceType: "MedicationStatement", id: "ms", status: "active", medicationCodeableConcept: { coding: [DRUG.furosemide40] } };
    expect(await cards("order-sign", draftBundle([service as never, nutrition as never, statement as never]))).toEqual([]);
    const card = await oneCard("order-sign", draftBundle([service as never, furosemide]));
    expect(card.extension.findings.flatMap((f) => f.evidence)).toEqual(["MedicationRequest/d-furosemide"]);
  });

  it("a medicine not linked to night leg cramps, a cancelled or do-not-perform order, or an order for another patient: no card", async () => {
    expect(await cards("order-sign", draftBundle([metformin]))).toEqual([]);
    expect(await cards("order-sign", draftBundle([{ ...furosemide, status: "cancelled" } as MedicationRequest]))).toEqual([]);
    expect(await cards("order-sign", draftBundle([{ ...furosemide, doNotPerform: true } as MedicationRequest]))).toEqual([]);
    expect(await cards("order-sign", draftBundle([draft("x", { medicationCodeableConcept: { coding: [DRUG.furosemide40] } }, "someone-else")]))).toEqual([]);
    expect(await cards("order-sign", draftBundle([]))).toEqual([]);
  });

  it("an order with no id takes its entry's urn:uuid as the evidence id", async () => {
    const noId = draft(undefined, { medicationCodeableConcept: { coding: [DRUG.furosemide40] } });
    const card = await oneCard("order-sign", draftBundle([{ fullUrl: "urn:uuid:0b7f9a56-3b0e-4f53-9a5e-0c2a1f1c9d77", resource: noId }]));
    expect(card.extension.findings[0]!.evidence).toEqual(["MedicationRequest/0b7f9a56-3b0e-4f53-9a5e-0c2a1f1c9d77"]);
  });

  it("several linked orders in one basket: one card, every linked cause with its orders as evidence", async () => {
    const ator = inline("d-ator", DRUG.atorvastatin20);
    const hctz = draft("d-hctz", { medicationCodeableConcept: { text: "hydrochlorothiazide 25 mg" } });
    const card = await oneCard("order-sign", draftBundle([ator, metformin, furosemide, hctz]));
    expect(byId(card.extension.findings)).toEqual(byId(engineOnOrders([{ order: ator }, { order: metformin }, { order: furosemide }, { order: hctz }])));
    expect(card.extension.findings.find((f) => f.id === "diuretics")!.evidence.sort()).toEqual(["MedicationRequest/d-furosemide", "MedicationRequest/d-hctz"]);
    expect(card.summary).toMatch(/and 2 other medicines ordered: possibly linked to night leg cramps \(documented for this patient\)$/);
    expect(card.summary.length).toBeLessThan(140);
  });
});

describe("leg cramps documented, or not", () => {
  it("no documented leg cramps: no card, whatever is ordered; resolved long ago: no card; recorded within 12 months: a card", async () => {
    expect(await cards("order-sign", draftBundle([furosemide]), { prefetch: orderPrefetch(false) })).toEqual([]);
    expect(await cards("order-select", draftBundle([furosemide]), { prefetch: orderPrefetch(false), selections: ["MedicationRequest/d-furosemide"] })).toEqual([]);
    const resolved = (recordedDate: string) =>
      legCrampCondition(PATIENT_ID, "old-cramps", {
        clinicalStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "resolved" }] },
        recordedDate,
      });
    expect(await cards("order-sign", draftBundle([furosemide]), { prefetch: orderPrefetch(false, [resolved("2023-01-10")]) })).toEqual([]);
    expect(await cards("order-sign", draftBundle([furosemide]), { prefetch: orderPrefetch(false, [resolved("2026-03-10")]) })).toHaveLength(1);
  });

  it("a prefetch Patient naming another patient: no card", async () => {
    const prefetch = { ...orderPrefetch(true), patient: { resourceType: "Patient", id: "someone-else" } };
    expect(await cards("order-sign", draftBundle([furosemide]), { prefetch })).toEqual([]);
  });

  it("conditions not prefetched are read from the allowed FHIR server with the call's token; without a way to read them, no card", async () => {
    const walterOrder = draft("w-draft", { medicationCodeableConcept: { coding: [DRUG.furosemide40] } }, crampsKnownCause.id);
    const base = { patientId: crampsKnownCause.id, prefetch: undefined };
    const card = await oneCard("order-sign", draftBundle([walterOrder]), {
      ...base,
      extra: { fhirServer: FHIR_BASE, fhirAuthorization: fhirAuthorization(crampsKnownCause.id) },
    });
    expect(card.detail).toContain("Nocturnal leg cramps \\(active, since");
    expect(await cards("order-sign", draftBundle([walterOrder]), base)).toEqual([]);
    expect(await cards("order-sign", draftBundle([walterOrder]), { ...base, extra: { fhirServer: "https://not-allowed.example/fhir", fhirAuthorization: fhirAuthorization(crampsKnownCause.id) } })).toEqual([]);
  });
});

describe("order-select judges only the selected orders", () => {
  const basket = () => draftBundle([metformin, furosemide]);

  it("the selected order is linked: a card about it alone; the unlinked one selected: no card", async () => {
    const card = await oneCard("order-select", basket(), { selections: ["MedicationRequest/d-furosemide"] });
    expect(card.extension.findings.flatMap((f) => f.evidence)).toEqual(["MedicationRequest/d-furosemide"]);
    expect(await cards("order-select", basket(), { selections: ["MedicationRequest/d-metformin"] })).toEqual([]);
  });

  it("a selection may name the entry's fullUrl", async () => {
    const urn = "urn:uuid:3f0f4a0e-1f6e-4e57-8a1c-0d6f5d2b9a10";
    const bundle = draftBundle([{ fullUrl: urn, resource: furosemide }, metformin]);
    expect(await cards("order-select", bundle, { selections: [urn] })).toHaveLength(1);
  });

  it("order-sign judges every draft order, selections or not", async () => {
    const card = await oneCard("order-sign", basket(), { selections: ["MedicationRequest/d-metformin"] });
    expect(card.extension.findings.flatMap((f) => f.evidence)).toEqual(["MedicationRequest/d-furosemide"]);
  });
});

describe("the card", () => {
  it("info, the medicine and its link, the leg-cramp record, the source, the smart link; no dosing advice", async () => {
    const card = await oneCard("order-select", draftBundle([furosemide]), { selections: ["MedicationRequest/d-furosemide"] });
    expect(card.indicator).toBe("info");
    expect(card.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(card.links).toEqual([{ label: "Open the night leg cramps panel", url: APP_LAUNCH_URL, type: "smart" }]);
    expect(card.source.url).toMatch(/^https:\/\/www\.mayoclinic\.org\//);
    const text = card.detail.replace(/\\(.)/g, "$1");
    expect(text).toContain("- **Furosemide 40 MG Oral Tablet**: diuretics (possible link)");
    expect(text).toContain("Leg cramps documented: Nocturnal leg cramps (active, since 1 Oct 2026).");
    expect(text).toContain("Mayo Clinic");
    expect(text).toContain("support, not replace, clinical judgement");
    expect(text).not.toMatch(/dose|instead|switch|alternative|1 tablet/i);
  });

  it("record text cannot add markup to the card", async () => {
    const hostile = draft("d-hostile", { medicationCodeableConcept: { coding: [DRUG.furosemide40], text: "[click](javascript:alert(1)) <img src=x onerror=alert(1)> furosemide" } });
    const card = await oneCard("order-sign", draftBundle([hostile]));
    expect(card.detail).not.toMatch(/<|(?<!\\)\]\(/);
    expect(card.detail).toContain("&lt;img src=x onerror=alert\\(1\\)&gt;");
    expect(card.summary).not.toMatch(/\n/);
    expect(card.summary).not.toMatch(/<|(?<!\\)\[click(?<!\\)\]/);
    expect(card.summary).toContain("\\[click\\]");
  });
});

describe("bad input: 400 naming the field, never 500", () => {
  const expect400 = async (hook: Hook, body: unknown, field: string) => {
    const answer = await send(hook, body);
    expect(answer.status, JSON.stringify(answer.body)).toBe(400);
    expect(answer.body.error).toContain(field);
  };

  it("no draftOrders, a draftOrders that is not a Bundle, a Bundle whose entry is not a list", async () => {
    for (const hook of ["order-select", "order-sign"] as const) {
      await expect400(hook, orderBody(hook, undefined, { selections: ["MedicationRequest/x"] }), '"context.draftOrders"');
      await expect400(hook, orderBody(hook, [furosemide], { selections: ["MedicationRequest/x"] }), '"context.draftOrders"');
      await expect400(hook, orderBody(hook, furosemide, { selections: ["MedicationRequest/x"] }), '"context.draftOrders"');
      await expect400(hook, orderBody(hook, "Bundle", { selections: ["MedicationRequest/x"] }), '"context.draftOrders"');
      await expect400(hook, orderBody(hook, { resourceType: "Bundle", entry: {} }, { selections: ["MedicationRequest/x"] }), '"context.draftOrders.entry"');
    }
  });

  it("order-select: selections missing, not a list of strings, empty, or naming an order not in draftOrders", async () => {
    const bundle = draftBundle([furosemide]);
    await expect400("order-select", orderBody("order-select", bundle), '"context.selections"');
    await expect400("order-select", orderBody("order-select", bundle, { selections: "MedicationRequest/d-furosemide" }), '"context.selections"');
    await expect400("order-select", orderBody("order-select", bundle, { selections: [42] }), '"context.selections"');
    await expect400("order-select", orderBody("order-select", bundle, { selections: [] }), '"context.selections"');
    await expect400("order-select", orderBody("order-select", bundle, { selections: ["MedicationRequest/nowhere"] }), '"context.selections"');
    await expect400("order-select", orderBody("order-select", bundle, { selections: ["MedicationRequest/d-furosemide", "MedicationRequest/nowhere"] }), '"context.selections"');
  });

  it("the wrong hook for the endpoint, and a missing patient", async () => {
    await expect400("order-select", orderBody("order-sign", draftBundle([furosemide])), '"hook"');
    await expect400("order-sign", { ...orderBody("order-sign", draftBundle([furosemide])), hook: "patient-view" }, '"hook"');
    const body = orderBody("order-sign", draftBundle([furosemide]));
    delete (body.context as Record<string, unknown>).patientId;
    await expect400("order-sign", body, '"context.patientId"');
  });

  it("whatever arrives as draftOrders or its entries, the answer is 200 or 400", async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.anything(), fc.record({ resourceType: fc.constant("Bundle"), entry: fc.array(fc.oneof(fc.anything(), fc.record({ resource: fc.anything(), fullUrl: fc.anything() }))) })),
        fc.option(fc.array(fc.oneof(fc.string(), fc.constant("MedicationRequest/d-furosemide")), { maxLength: 3 }), { nil: undefined }),
        async (draftOrders, selections) => {
          const answer = await send("order-select", orderBody("order-select", draftOrders, { selections }));
          statuses.add(answer.status);
          expect([200, 400]).toContain(answer.status);
        },
      ),
      { numRuns: 60, seed: 24 },
    );
    expect(statuses.has(400)).toBe(true);
  });

  it("medicines that cannot be told (no code, no text, a reference not sent) make no card, and no error", async () => {
    const unknown = draft("d-unknown", { medicationReference: { reference: "Medication/elsewhere" } });
    const empty = draft("d-empty", {});
    expect(await cards("order-sign", draftBundle([unknown, empty as MedicationRequest]))).toEqual([]);
  });
});
