/**
 * The seven sandbox patients' real lab histories (mocks/data/sandbox, SMART sandbox / Synthea, Apache-2.0:
 * see its NOTICE.md), clock fixed at 2026-11-26T12:00:00Z. Expectations come from reading the bundles:
 * the values and dates are quoted in the comments.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Bundle, Observation, Patient } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { interpretLabs } from "../../../src/engine/labs";
import { NOW } from "./build";

const DIR = resolve(import.meta.dirname, "../../../mocks/data/sandbox");

function load(name: string): { patient: Patient; observations: Observation[] } {
  const bundle = JSON.parse(readFileSync(resolve(DIR, `${name}.json`), "utf8")) as Bundle;
  const resources = (bundle.entry ?? []).map((e) => e.resource!);
  return {
    patient: resources.find((r): r is Patient => r.resourceType === "Patient")!,
    observations: resources.filter((r): r is Observation => r.resourceType === "Observation"),
  };
}

function interpret(name: string) {
  const { patient, observations } = load(name);
  return { observations, out: interpretLabs(observations, { patient, now: NOW }) };
}

describe("sandbox patients", () => {
  it("every lab result of the seven is final, dated, in a recognised unit: all counted, but Neva Hyatt's HbA1c of 3.03 %", () => {
    for (const name of ["Alejandro_Riojas", "Ammie_Huels", "Christa_Heller", "Fletcher_Hyatt", "Parker_Casper", "Trey_Berge"]) {
      const { observations, out } = interpret(name);
      const n = observations.length;
      expect(out.counts, name).toEqual({ observations: n, labResults: n, counted: n, notLoinc: 0, otherCodes: 0 });
      expect(out.notInterpreted, name).toEqual([]);
    }
    // Synthea's HbA1c of 3.03 % is below what any HbA1c can be (20 mmol/mol, 3.98 %): flagged, never interpreted.
    const { observations, out } = interpret("Neva_Hyatt");
    expect(out.counts.counted).toBe(observations.length - 8);
    expect(out.notInterpreted.map((s) => [s.reason, s.newer])).toEqual(Array(8).fill(["implausible", true]));
  });

  it("Alejandro Riojas: hemoglobin 12.6 g/dL at 40 (2003-10-12), male cut-off 13.0: anemia, past (deceased 2008)", () => {
    const { out } = interpret("Alejandro_Riojas");
    expect(out.causes.map((c) => [c.cause, c.current, c.strength])).toEqual([["anemia", false, "sometimes-linked"]]);
    const e = out.causes[0]!.evidence;
    expect(e.map((x) => [x.ref, x.status, x.lab.ageText, x.lab.cutoff.value, x.lab.valueText])).toEqual([
      ["Observation/aa4fb349-32e9-4ada-a694-18a000aa7107", "deceased", "age 40", 13, "12.61 g/dL"],
    ]);
  });

  it("Ammie Huels: glucose never below 67, HbA1c at most 6.38 %, last hemoglobin 14.5 g/dL: nothing", () => {
    const { out } = interpret("Ammie_Huels");
    expect(out.causes).toEqual([]);
    expect(out.series.map((s) => [s.test, s.points.length])).toEqual([
      ["hemoglobin", 2],
      ["hba1c", 12],
      ["glucose", 12],
    ]);
  });

  it("Christa Heller: one hemoglobin of 15.3 g/dL: nothing", () => {
    expect(interpret("Christa_Heller").out.causes).toEqual([]);
  });

  it("Fletcher Hyatt: only one eGFR below 60 (17.4 mL/min, 1996-01-19, two days before death): no kidney finding", () => {
    const { out } = interpret("Fletcher_Hyatt");
    expect(out.causes).toEqual([]);
    const egfr = out.series.find((s) => s.test === "egfr")!;
    expect(egfr.points.filter((p) => p.meets).map((p) => p.ref)).toEqual(["Observation/dce0d72a-f8b6-469a-8935-8d49af4d8c8a"]);
  });

  it("Parker Casper: only one eGFR below 60 (4.3 mL/min, 2021-02-19): no kidney finding", () => {
    const { out } = interpret("Parker_Casper");
    expect(out.causes).toEqual([]);
    expect(out.rules.find((r) => r.ruleId === "lab.ckd.egfr-below-15")!.holds).toBe(false);
  });

  it("Trey Berge: every eGFR 77 or more, hemoglobin 15.9 and 16.8 g/dL: nothing", () => {
    expect(interpret("Trey_Berge").out.causes).toEqual([]);
  });

  it("Neva Hyatt: HbA1c 7.43 % (2017-11-10) and 7.53 % (2019-09-20): diabetes, current; the most recent plausible one (6.03 %, 2019-11-22) shown", () => {
    const { out } = interpret("Neva_Hyatt");
    expect(out.causes.map((c) => c.cause)).toEqual(["type-2-diabetes"]);
    const c = out.causes[0]!;
    expect(c.current).toBe(true);
    expect(c.evidence.map((e) => [e.ref, e.status, e.lab.role])).toEqual([
      ["Observation/9affad3f-e37a-4c88-af5e-76088a9a9c79", "current", "qualifying"],
      ["Observation/33cf9e03-4c86-4f60-89a6-77df532bb124", "current", "qualifying"],
      ["Observation/28934071-9987-4344-833d-518cf1a941db", "past", "most-recent"],
    ]);
  });

  it("Neva Hyatt: two hemoglobins at the same instant (2017-11-10: 15.97 and 11.33 g/dL) disagree: no lab claim of anemia", () => {
    const { out } = interpret("Neva_Hyatt");
    const anemia = out.rules.find((r) => r.ruleId === "lab.anemia.hemoglobin-low")!;
    expect(anemia.holds).toBe(false);
    expect(anemia.why).toMatch(/disagree/);
  });
});
