// @vitest-environment jsdom
/**
 * The panel shows the words of knowledge-source.md's record-semantics conventions on the engine's own
 * output (issues 19 and 20): "from a visit on <date>, status not recorded", "reported" home medicines, an
 * acute state that went stale, and the footer's conventions; data-current follows the windows.
 */
import type { Condition, MedicationRequest } from "fhir/r4";
import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { matchRecords } from "../../src/engine";
import { Panel } from "../../src/ui/Panel";
import { data, NOW, ready } from "./fixtures";

afterEach(cleanup);

const icd = (code: string) => ({ coding: [{ system: "http://hl7.org/fhir/sid/icd-10-cm", code }] });
const encounter = [{ coding: [{ code: "encounter-diagnosis" }] }];

// The fixtures' clock is 1 June 2025.
const conditions: Condition[] = [
  // Epic's encounter diagnosis without a status, three months ago: current.
  { resourceType: "Condition", id: "htn", subject: { reference: "Patient/p1" }, code: { ...icd("I10"), text: "Primary hypertension" }, category: encounter, recordedDate: "2025-03-10" },
  // The same shape two years ago: not current.
  { resourceType: "Condition", id: "hypo", subject: { reference: "Patient/p1" }, code: { ...icd("E03.9"), text: "Hypothyroidism" }, category: encounter, recordedDate: "2023-04-02" },
  // An emergency-department dehydration three years ago, still marked active: stale.
  { resourceType: "Condition", id: "dehyd", subject: { reference: "Patient/p1" }, clinicalStatus: { coding: [{ code: "active" }] }, code: { ...icd("E86.0"), text: "Dehydration" }, category: encounter, recordedDate: "2022-05-14" },
];
const furosemide: MedicationRequest = {
  resourceType: "MedicationRequest",
  id: "furo",
  status: "active",
  intent: "proposal",
  reportedBoolean: true,
  subject: { reference: "Patient/p1" },
  medicationCodeableConcept: { coding: [{ system: "http://www.nlm.nih.gov/research/umls/rxnorm", code: "313988" }], text: "Furosemide 40 MG Oral Tablet" },
  authoredOn: "2025-02-01",
};

function renderPanel() {
  const result = matchRecords({ conditions, medications: [{ resource: furosemide, concept: furosemide.medicationCodeableConcept }], procedures: [] }, { now: NOW });
  return render(<Panel state={ready(data({ result }))} now={NOW} />).container;
}

const finding = (root: ParentNode, cause: string) => root.querySelector(`[data-cause="${cause}"]`)!;

describe("record-semantics words in the panel", () => {
  it("a condition with no status from a recent visit is current and says its status was not recorded", () => {
    const root = renderPanel();
    const htn = finding(root, "hypertension");
    expect(htn.getAttribute("data-current")).toBe("true");
    expect(htn.textContent).toContain("from a visit on 10 Mar 2025, status not recorded");
    expect(htn.textContent).toContain("Current: from a visit, status not recorded");
  });

  it("an older one is not current and says why", () => {
    const root = renderPanel();
    const hypo = finding(root, "hypothyroidism");
    expect(hypo.getAttribute("data-current")).toBe("false");
    expect(hypo.textContent).toContain("from a visit on 2 Apr 2023, status not recorded: over 12 months ago, not counted as current");
    expect(hypo.textContent).toContain("Not current: status not recorded, check");
  });

  it("a stale acute encounter diagnosis is not current, and its note says so", () => {
    const root = renderPanel();
    const dehydration = finding(root, "dehydration");
    expect(dehydration.getAttribute("data-current")).toBe("false");
    expect(dehydration.textContent).toMatch(/An acute encounter diagnosis, from 2022-05-14, over 90 days ago: not current/);
  });

  it("a reported home medicine with intent proposal is current and shown as reported", () => {
    const root = renderPanel();
    const diuretic = finding(root, "diuretics");
    expect(diuretic.getAttribute("data-current")).toBe("true");
    expect(diuretic.querySelector('[data-evidence="MedicationRequest/furo"]')?.textContent).toContain("active, reported");
  });

  it("the footer states the conventions once", () => {
    const root = renderPanel();
    const footer = root.querySelector(".nlc-conventions")!.textContent!;
    expect(footer).toContain("current for 90 days from the visit");
    expect(footer).toContain("“from a visit on <date>, status not recorded”");
    expect(footer).toContain("recorded as reported (a home medicine)");
    expect(footer).toContain("“History of”, “h/o”, “PMH”, “s/p”");
  });
});
