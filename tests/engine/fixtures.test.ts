/**
 * The 7 Synthea sandbox patients (the project's copies in mocks/data/sandbox, Apache-2.0). Expectations were
 * written by reading the bundles (codes, statuses, dates), not copied from engine output. Resource ids
 * are given by their first 8 characters. now = 2026-11-26T12:00:00Z.
 */
import { describe, expect, it } from "vitest";
import { matchRecords } from "../../src/engine";
import type { EngineResult } from "../../src/engine/types";
import { fixtureFile, inputFromBundle } from "./fixtureInput";

const NOW = new Date("2026-11-26T12:00:00Z");

interface Expect {
  current: boolean;
  strength?: string;
  /** Evidence refs in order ("Type/idprefix"), and how many records are folded under each. */
  evidence: [string, number?][];
  status?: string[];
}

function check(result: EngineResult, expected: Record<string, Expect>) {
  expect(result.findings.map((f) => f.causeId).sort()).toEqual(Object.keys(expected).sort());
  for (const [cause, exp] of Object.entries(expected)) {
    const f = result.findings.find((x) => x.causeId === cause)!;
    expect(f.current, cause).toBe(exp.current);
    if (exp.strength) expect(f.strength, cause).toBe(exp.strength);
    expect(f.evidence.length, cause).toBe(exp.evidence.length);
    exp.evidence.forEach(([ref, dups], i) => {
      const e = f.evidence[i]!;
      expect(e.ref.startsWith(ref), `${cause}[${i}] ${e.ref} vs ${ref}`).toBe(true);
      expect(e.duplicates?.length ?? 0, `${cause}[${i}] duplicates`).toBe(dups ?? 0);
    });
    if (exp.status) expect(f.evidence.map((e) => e.status), cause).toEqual(exp.status);
  }
}

const run = (prefix: string) => matchRecords(inputFromBundle(fixtureFile(prefix)), { now: NOW });

describe("sandbox patients", () => {
  it("Alejandro Riojas: died 2008 aged 45; stopped captopril (name match: code 833036 not in the lists) and atorvastatin; MI and obesity are not causes", () => {
    const r = run("Alejandro_Riojas");
    expect(r.patient).toMatchObject({ deceased: true, age: 45, ageAt: "death" });
    check(r, {
      "blood-pressure-medicines": { current: false, evidence: [["MedicationRequest/5265bf0c"]], status: ["deceased"] },
      "cholesterol-medicines": { current: false, evidence: [["MedicationRequest/4eecfe10"]], status: ["deceased"] },
      // His one hemoglobin, 12.61 g/dL on 2003-10-12 (aged 40), is below the WHO cut-off for men (13): anemia by lab
      // results alone, not current (deceased).
      anemia: { current: false, evidence: [["Observation/aa4fb349"]], status: ["deceased"] },
    });
    expect(r.findings.find((f) => f.causeId === "blood-pressure-medicines")!.evidence[0]!.matchedBy).toBe("name");
    expect(r.findings.find((f) => f.causeId === "anemia")!.basis).toBe("lab");
  });

  it("Ammie Huels: 78 today; prediabetes (15777000) and obesity do not count; ferrous sulfate is not a cause", () => {
    const r = run("Ammie_Huels");
    expect(r.patient).toMatchObject({ deceased: false, age: 78, ageAt: "today" });
    check(r, { "older-age": { current: true, evidence: [["Patient/aa0b29d0"]] } });
  });

  it("Christa Heller: an active pregnancy begun 2020-10-18 is stale; three resolved pregnancies and eclampsia are past; three stopped pill packs", () => {
    const r = run("Christa_Heller");
    expect(r.patient).toMatchObject({ deceased: false, age: 32 });
    check(r, {
      pregnancy: {
        current: false,
        evidence: [["Condition/5ee49408"], ["Condition/3528b005", 2], ["Condition/bd7a4629"]],
        status: ["stale", "past", "past"],
      },
      "birth-control-pills": {
        current: false,
        evidence: [["MedicationRequest/44372c77"], ["MedicationRequest/a2105c1c"], ["MedicationRequest/b9337aee"]],
        status: ["past", "past", "past"],
      },
    });
  });

  it("Fletcher Hyatt: died 1996 aged 80; hypertension, alcoholism, HCTZ, furosemide, metoprolol, 33 simvastatin orders — nothing current", () => {
    const r = run("Fletcher_Hyatt");
    expect(r.patient).toMatchObject({ deceased: true, age: 80, ageAt: "death" });
    check(r, {
      "older-age": { current: false, evidence: [["Patient/c5ed5d78"]] },
      diuretics: { current: false, evidence: [["MedicationRequest/3073e781"], ["MedicationRequest/35337d89"], ["MedicationRequest/dd954eae"]] },
      "blood-pressure-medicines": { current: false, evidence: [["MedicationRequest/3609f1dc"], ["MedicationRequest/dd954eae"]] },
      "cholesterol-medicines": { current: false, evidence: [["MedicationRequest/9c14c336", 32]] },
      "alcohol-use-disorder": { current: false, evidence: [["Condition/e352f1cf"]] },
      hypertension: { current: false, evidence: [["Condition/1905b4a4"]] },
    });
    for (const f of r.findings) for (const e of f.evidence) expect(e.status).toBe("deceased");
  });

  it("Neva Hyatt: diabetes, CKD stage 1, diabetic renal disease and anemia current; spinal cord lesion, hyperglycemia, prediabetes, implant, IUD and injection do not count", () => {
    const r = run("Neva_Hyatt");
    expect(r.patient).toMatchObject({ deceased: false, age: 56 });
    check(r, {
      "chronic-kidney-disease": { current: true, strength: "sometimes-linked", evidence: [["Condition/7b311748"], ["Condition/e7c29fcc"]] },
      // The coded diabetes, joined by her two HbA1c results of 6.5 % or more (7.43 % on 2017-11-10, 7.53 % on
      // 2019-09-20) and the most recent one (3.03 % on 2021-03-12, below the cut-off: past).
      "type-2-diabetes": {
        current: true,
        evidence: [["Condition/7b311748"], ["Observation/9affad3f"], ["Condition/75448cb2"], ["Observation/33cf9e03"], ["Observation/28934071"]],
        status: ["current", "current", "current", "current", "past"],
      },
      anemia: { current: true, evidence: [["Condition/dc99df33"]] },
      pregnancy: { current: false, evidence: [["Condition/956c5bcb"]], status: ["past"] },
      "birth-control-pills": { current: false, evidence: [["MedicationRequest/7dbf9cee"], ["MedicationRequest/5d69fbd2"]] },
    });
    const t2 = r.findings.find((f) => f.causeId === "type-2-diabetes")!;
    expect(t2.evidence[0]!.notes!.join(" ")).toMatch(/type not recorded/);
  });

  it("Parker Casper: died 2021 aged 68; diabetic neuropathy is a known cause; CHF and coronary disease are not PAD; digoxin and nitroglycerin are not causes", () => {
    const r = run("Parker_Casper");
    expect(r.patient).toMatchObject({ deceased: true, age: 68, ageAt: "death" });
    check(r, {
      "diabetic-neuropathy": { current: false, strength: "known-cause", evidence: [["Condition/bf55da38"]] },
      "older-age": { current: false, evidence: [["Patient/ec6a274e"]] },
      diuretics: { current: false, evidence: [["MedicationRequest/d12d3b91"], ["MedicationRequest/d2c9e9c6"], ["MedicationRequest/0865621c"]] },
      "blood-pressure-medicines": {
        current: false,
        evidence: [["MedicationRequest/5baef06a"], ["MedicationRequest/2d4519f8"], ["MedicationRequest/bdab58f5"], ["MedicationRequest/0865621c"]],
      },
      "type-2-diabetes": { current: false, evidence: [["Condition/bf55da38"], ["Condition/693d9a00"], ["Condition/0b1f17ec"]] },
      "cholesterol-medicines": { current: false, evidence: [["MedicationRequest/983ca436"]] },
      anemia: { current: false, evidence: [["Condition/0f8163f2"]] },
      hypertension: { current: false, evidence: [["Condition/54017735"]] },
    });
    expect(r.findings.map((f) => f.causeId)).not.toContain("peripheral-neuropathy");
  });

  it("Trey Berge: 113 today; hypertension, hypothyroidism and anemia active; HCTZ, amlodipine, verapamil and simvastatin active; stroke is not PAD", () => {
    const r = run("Trey_Berge");
    expect(r.patient).toMatchObject({ deceased: false, age: 113 });
    check(r, {
      "older-age": { current: true, evidence: [["Patient/f46d1649"]] },
      diuretics: { current: true, evidence: [["MedicationRequest/3d74586a"]] },
      "blood-pressure-medicines": { current: true, evidence: [["MedicationRequest/3cce32f0"], ["MedicationRequest/20882572"], ["MedicationRequest/3d74586a"]] },
      "cholesterol-medicines": { current: true, evidence: [["MedicationRequest/7f47c640"]] },
      anemia: { current: true, evidence: [["Condition/40bb0a5b"]] },
      hypothyroidism: { current: true, evidence: [["Condition/c2c1106a"]] },
      hypertension: { current: true, evidence: [["Condition/68a1578d"]] },
    });
    expect(r.findings.map((f) => f.causeId).slice(0, 2)).toEqual(["older-age", "diuretics"]);
  });
});
