// @vitest-environment jsdom
/**
 * Every hand-made lab patient (mocks/data/patients/labResults.ts) through the real engine and the panel:
 * the findings the page exposes (data-cause, data-current, data-strength, data-basis) are the ones written
 * on the patient, each cause once, and every data-evidence names a resource of that patient.
 */
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render } from "@testing-library/react";
import { Panel } from "../../src/ui/Panel";
import { LAB_PATIENTS } from "../../mocks/data/patients/labResults";
import { LAB_NOW, labPanelData } from "./labFixtures";

afterEach(cleanup);

describe("lab demo patients in the panel", () => {
  it.each(LAB_PATIENTS.map((p) => [p.label, p] as const))("%s: the expected findings, with their attributes", (_label, p) => {
    const { container } = render(<Panel state={{ status: "ready", data: labPanelData(p) }} now={LAB_NOW} />);
    const shown = [...container.querySelectorAll("[data-cause]")].map((el) => [
      el.getAttribute("data-cause")!,
      [el.getAttribute("data-current") === "true", el.getAttribute("data-strength"), el.getAttribute("data-basis")],
    ]);
    expect(new Set(shown.map(([cause]) => cause)).size).toBe(shown.length);
    expect(Object.fromEntries(shown)).toEqual(p.expected);
    const refs = new Set(p.resources(LAB_NOW).map((r) => `${r.resourceType}/${r.id}`));
    for (const el of container.querySelectorAll("[data-evidence]")) expect(refs, el.getAttribute("data-evidence")!).toContain(el.getAttribute("data-evidence"));
  });

  it("the patients cover every lab rule's cause, lab-only and joined findings, current and past", () => {
    const all = LAB_PATIENTS.flatMap((p) => Object.entries(p.expected));
    const labCauses = new Set(all.filter(([, [, , basis]]) => basis === "lab").map(([cause]) => cause));
    for (const cause of ["chronic-kidney-disease", "anemia", "type-2-diabetes", "hypoglycemia", "hypothyroidism", "hyperthyroidism"]) expect(labCauses).toContain(cause);
    expect(all.some(([cause, [, strength, basis]]) => cause === "chronic-kidney-disease" && strength === "known-cause" && basis === "lab")).toBe(true);
    expect(all.some(([, [current, , basis]]) => !current && basis === "lab")).toBe(true);
    // Coded findings joined by results: their evidence includes lab results, and they stay `record`.
    const dora = labPanelData(LAB_PATIENTS.find((p) => p.id === "labs-coded-joined")!);
    for (const cause of ["chronic-kidney-disease", "type-2-diabetes"]) {
      const f = dora.result.findings.find((x) => x.causeId === cause)!;
      expect(f.basis).toBe("record");
      expect(f.evidence.some((e) => e.resourceType === "Observation")).toBe(true);
      expect(f.evidence.some((e) => e.resourceType === "Condition")).toBe(true);
    }
  });

  it("the resources follow the injected clock", () => {
    const later = new Date("2031-03-01T09:00:00Z");
    for (const p of LAB_PATIENTS) expect(Object.fromEntries(labPanelData(p, { now: later }).result.findings.map((f) => [f.causeId, [f.current, f.strength, f.basis]]))).toEqual(p.expected);
  });
});
