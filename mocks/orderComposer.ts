/**
 * The demo EHR's order composer (docs/spec/cds-hooks.md, "Ordering hooks"): a short list of medicines a
 * clinician can choose on a patient's chart — choosing one sends `order-select`, "Sign" sends `order-sign` —
 * and the draft order each becomes, in the shape a real EHR might send it (inline RxNorm code, a contained
 * Medication, a Medication referenced in the Bundle, text only, a combination product). No scripts: choosing
 * is a button press (GET), signing a form post. Nothing is saved: the demo's records never change.
 *
 * RxNorm codes as verified in docs/terminology/README.md (and mocks/data/codes.ts): 313988 Furosemide 40 MG
 * Oral Tablet, 197885 hydrochlorothiazide 12.5 MG / lisinopril 10 MG Oral Tablet, 617310 atorvastatin 20 MG
 * Oral Tablet, 860975 24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet (not linked to leg
 * cramps: no card).
 */
import type { Bundle, BundleEntry, Coding, Medication, MedicationRequest } from "fhir/r4";
import { MED, SYSTEMS } from "./data/codes";
import { escapeHtml } from "./responses";

export interface Orderable {
  /** The key in the form ("furosemide"). */
  key: string;
  /** What the composer shows. */
  label: string;
  /** How the draft order names its medicine (what a real EHR might send). */
  shape: "inline code" | "referenced Medication" | "contained Medication" | "text only";
  /** The draft MedicationRequest's medicine, and any Medication the Bundle carries beside it. */
  medicine(): { request: Partial<MedicationRequest>; bundled?: Medication };
}

const rx = (code: string, display: string): Coding => ({ system: SYSTEMS.rxnorm, code, display });
const COMBINATION = rx("197885", "hydrochlorothiazide 12.5 MG / lisinopril 10 MG Oral Tablet");
const METFORMIN = rx("860975", "24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet");

export const ORDERABLES: readonly Orderable[] = [
  {
    key: "furosemide",
    label: "Furosemide 40 mg tablet",
    shape: "inline code",
    medicine: () => ({ request: { medicationCodeableConcept: { coding: [MED.furosemide40], text: "Furosemide 40 MG Oral Tablet" } } }),
  },
  {
    key: "lisinopril-hctz",
    label: "Lisinopril 10 mg / hydrochlorothiazide 12.5 mg tablet",
    shape: "referenced Medication",
    medicine: () => ({
      request: { medicationReference: { reference: "Medication/demo-lisinopril-hctz" } },
      bundled: { resourceType: "Medication", id: "demo-lisinopril-hctz", code: { coding: [COMBINATION], text: COMBINATION.display } },
    }),
  },
  {
    key: "atorvastatin",
    label: "Atorvastatin 20 mg tablet",
    shape: "contained Medication",
    medicine: () => ({
      request: {
        contained: [{ resourceType: "Medication", id: "med", code: { coding: [MED.atorvastatin20], text: "atorvastatin 20 MG Oral Tablet" } }],
        medicationReference: { reference: "#med" },
      },
    }),
  },
  {
    key: "amlodipine",
    label: "Amlodipine 5 mg tablet",
    shape: "text only",
    medicine: () => ({ request: { medicationCodeableConcept: { text: "amlodipine 5 mg tablet" } } }),
  },
  {
    key: "metformin",
    label: "Metformin ER 500 mg tablet",
    shape: "inline code",
    medicine: () => ({ request: { medicationCodeableConcept: { coding: [METFORMIN], text: METFORMIN.display } } }),
  },
];

export function orderable(key: string | null | undefined): Orderable | undefined {
  return ORDERABLES.find((o) => o.key === key);
}

/** The draft order's id: the same for order-select and order-sign of one choice, as in a real ordering session. */
export const draftId = (o: Orderable) => `draft-${o.key}`;

/** `context.draftOrders`: the draft MedicationRequest (status draft) and, when it references one, its Medication. */
export function draftOrders(o: Orderable, patientId: string, now: Date): Bundle {
  const { request, bundled } = o.medicine();
  const order: MedicationRequest = {
    resourceType: "MedicationRequest",
    id: draftId(o),
    status: "draft",
    intent: "order",
    subject: { reference: `Patient/${patientId}` },
    authoredOn: now.toISOString().slice(0, 10),
    ...request,
    dosageInstruction: [{ text: "as directed" }],
  };
  const entry: BundleEntry[] = [{ fullUrl: `urn:uuid:${draftId(o)}`, resource: order }];
  if (bundled) entry.push({ fullUrl: `urn:uuid:${bundled.id}`, resource: bundled });
  return { resourceType: "Bundle", type: "collection", entry };
}

/** What the composer shows: the medicines to choose, the draft chosen with its Sign button, or the signed order. */
export interface ComposerState {
  chosen?: Orderable;
  signed: boolean;
}

export function composerHtml(patientId: string, state: ComposerState, cardsHtml: string): string {
  const chart = `/chart/${encodeURIComponent(patientId)}`;
  const choices = ORDERABLES.map(
    (o) =>
      `<li><button type="submit" name="order" value="${escapeHtml(o.key)}"${state.chosen === o ? ' aria-pressed="true"' : ""} data-order-choice="${escapeHtml(o.key)}">${escapeHtml(o.label)}</button> <span class="note">(${escapeHtml(o.shape)})</span></li>`,
  ).join("\n        ");
  const draft = state.chosen
    ? state.signed
      ? `<p data-order-state="signed">Signed: ${escapeHtml(state.chosen.label)} <span class="note">(demo: nothing is saved)</span></p>`
      : `<form method="post" action="${escapeHtml(chart)}" data-order-state="draft">
        <p>Draft order: <strong>${escapeHtml(state.chosen.label)}</strong></p>
        <input type="hidden" name="order" value="${escapeHtml(state.chosen.key)}">
        <button type="submit" name="action" value="sign" id="order-sign">Sign</button>
      </form>`
    : "";
  return `<section class="composer" aria-labelledby="composer-heading" data-order-composer>
      <h2 id="composer-heading">New medicine order</h2>
      <form method="get" action="${escapeHtml(chart)}">
        <p class="note">Choose a medicine (sends order-select); sign the draft (sends order-sign).</p>
        <ul class="choices">
        ${choices}
        </ul>
      </form>
      ${draft}
      ${cardsHtml}
    </section>`;
}
