/** The brief's borderline cases and look-alikes, one by one. */
import { describe, expect, it } from "vitest";
import { matchRecords } from "../../src/engine";
import type { EngineInput, MedicationUse } from "../../src/engine/types";
import type { Condition } from "fhir/r4";
import { condition, medReq, medText, NOW, procedure } from "./build";

const run = (p: Partial<EngineInput>) =>
  matchRecords({ conditions: [], medications: [], procedures: [], ...p }, { now: NOW });
const ids = (p: Partial<EngineInput>) => run(p).findings.map((f) => f.causeId).sort();
const conds = (...c: Condition[]) => ids({ conditions: c });
const meds = (...m: MedicationUse[]) => ids({ medications: m });

describe("conditions that look alike", () => {
  it("hyperglycemia is not hypoglycemia nor diabetes", () => {
    expect(conds(condition("snomed", "80394007"), condition("icd10cm", "R73.9"))).toEqual([]);
    expect(conds(condition("snomed", "302866003"))).toEqual(["hypoglycemia"]);
    expect(conds(condition("icd10cm", "E16.2"))).toEqual(["hypoglycemia"]);
  });

  it("prediabetes is not diabetes (714628002, legacy 15777000, R73.03)", () => {
    expect(conds(condition("snomed", "714628002"), condition("snomed", "15777000"), condition("icd10cm", "R73.03"))).toEqual([]);
  });

  it("name matching does not turn prediabetes or glucose into diabetes", () => {
    expect(conds(condition("http://example.org/x", "1", { text: "Pre-diabetes" }))).toEqual([]);
    expect(conds(condition("http://example.org/x", "2", { text: "Elevated glucose" }))).toEqual([]);
    expect(conds(condition("http://example.org/x", "3", { text: "Gestational diabetes" }))).toEqual([]);
  });

  it("heart failure, coronary disease, heart attack and stroke are not PAD", () => {
    expect(
      conds(
        condition("snomed", "88805009"),
        condition("snomed", "53741008"),
        condition("snomed", "22298006"),
        condition("snomed", "230690007"),
        condition("icd10cm", "I50.9"),
      ),
    ).toEqual([]);
    expect(conds(condition("icd10cm", "I70.213"))).toEqual(["peripheral-artery-disease"]);
    expect(conds(condition("snomed", "399957001"))).toEqual(["peripheral-artery-disease"]);
  });

  it("obesity is not lack of physical activity", () => {
    expect(conds(condition("snomed", "162864005"), condition("icd10cm", "E66.9"))).toEqual([]);
    expect(conds(condition("icd10cm", "Z72.3"))).toEqual(["physical-inactivity"]);
  });

  it("a spinal cord lesion is not spinal stenosis", () => {
    expect(conds(condition("snomed", "698754002"))).toEqual([]);
    expect(conds(condition("icd10cm", "M48.062"))).toEqual(["spinal-stenosis"]);
  });

  it("pregnancy-end codes are never a pregnancy (O00–O08, O80–O92), other O codes are", () => {
    expect(conds(condition("icd10cm", "O03.9"), condition("icd10cm", "O80"), condition("icd10cm", "O92.29"))).toEqual([]);
    expect(conds(condition("icd10cm", "Z34.00"))).toEqual(["pregnancy"]);
    expect(conds(condition("icd10cm", "O09.90"))).toEqual(["pregnancy"]);
  });

  it("a past pregnancy and a stale active pregnancy are not current", () => {
    const r = run({
      conditions: [
        condition("snomed", "72892002", { clinical: "resolved", abatementDateTime: "2020-01-01" }),
        condition("snomed", "72892002", { onsetDateTime: "2024-01-01" }),
      ],
    });
    const f = r.findings.find((x) => x.causeId === "pregnancy")!;
    expect(f.current).toBe(false);
    expect(f.evidence.map((e) => e.status).sort()).toEqual(["past", "stale"]);
    expect(f.evidence.find((e) => e.status === "stale")!.notes!.join(" ")).toMatch(/too long ago to be current/);
  });

  it("a pregnancy begun within 42 weeks is current", () => {
    const f = run({ conditions: [condition("snomed", "72892002", { onsetDateTime: "2026-05-01" })] }).findings[0]!;
    expect(f.causeId).toBe("pregnancy");
    expect(f.current).toBe(true);
  });

  it("sickle-cell trait is not anemia, sickle-cell anemia is", () => {
    expect(conds(condition("icd10cm", "D57.3"))).toEqual([]);
    expect(conds(condition("icd10cm", "D57.1"))).toEqual(["anemia"]);
  });

  it("pulmonary hypertension is not high blood pressure", () => {
    expect(conds(condition("icd10cm", "I27.20"), condition("snomed", "4210003"))).toEqual([]);
  });
});

describe("diabetes conventions", () => {
  it("type 2 diabetes with polyneuropathy supports type 2, diabetic neuropathy and peripheral neuropathy", () => {
    const expected = ["diabetic-neuropathy", "peripheral-neuropathy", "type-2-diabetes"];
    expect(conds(condition("icd10cm", "E11.42"))).toEqual(expected);
    expect(conds(condition("snomed", "713706002"))).toEqual(expected);
  });

  it("a diabetic neuropathy not stated peripheral or poly- does not support peripheral neuropathy", () => {
    expect(conds(condition("snomed", "368581000119106"))).toEqual(["diabetic-neuropathy", "type-2-diabetes"]);
    expect(conds(condition("icd10cm", "E11.40"))).toEqual(["diabetic-neuropathy", "type-2-diabetes"]);
    expect(conds(condition("icd10cm", "E10.42"))).toEqual(["diabetic-neuropathy", "peripheral-neuropathy", "type-1-diabetes"]);
  });

  it("diabetes of unstated type is shown under type 2 with a note", () => {
    for (const c of [condition("snomed", "73211009"), condition("icd9cm", "250.00")]) {
      const f = run({ conditions: [c] }).findings;
      expect(f.map((x) => x.causeId)).toEqual(["type-2-diabetes"]);
      expect(f[0]!.evidence[0]!.notes!.join(" ")).toMatch(/type/i);
    }
  });

  it("E08, E09, E13 and gestational diabetes count for neither type", () => {
    expect(conds(condition("icd10cm", "E13.9"), condition("icd10cm", "E08.9"), condition("icd10cm", "E09.9"), condition("icd10cm", "O24.419"))).toEqual(["pregnancy"]); // gestational diabetes: a pregnancy, no diabetes type
    expect(conds(condition("icd10cm", "E08.42"))).toEqual(["diabetic-neuropathy", "peripheral-neuropathy"]);
  });

  it("legacy Synthea codes are recognised (38341003 hypertension, 40930008 hypothyroidism)", () => {
    expect(conds(condition("snomed", "38341003"))).toEqual(["hypertension"]);
    expect(conds(condition("snomed", "40930008"))).toEqual(["hypothyroidism"]);
  });
});

describe("kidney failure and dialysis", () => {
  it("CKD stage 1 is sometimes linked; stage 5 / ESRD is shown as a known cause with a note", () => {
    const early = run({ conditions: [condition("snomed", "431855005")] }).findings[0]!;
    expect([early.causeId, early.strength, early.notes]).toEqual(["chronic-kidney-disease", "sometimes-linked", undefined]);
    const late = run({ conditions: [condition("snomed", "431855005"), condition("snomed", "46177005")] }).findings[0]!;
    expect([late.causeId, late.strength]).toEqual(["chronic-kidney-disease", "known-cause"]);
    expect(late.notes!.join(" ")).toMatch(/kidney failure/);
  });

  it("ESRD on dialysis supports CKD (escalated) and dialysis", () => {
    const f = run({ conditions: [condition("snomed", "236435004")] }).findings;
    expect(f.map((x) => [x.causeId, x.strength])).toEqual([
      ["chronic-kidney-disease", "known-cause"],
      ["dialysis", "known-cause"],
    ]);
  });

  it("dialysis is recognised from Procedures and from Conditions (Z99.2)", () => {
    expect(ids({ procedures: [procedure("snomed", "265764009")] })).toEqual(["dialysis"]);
    expect(ids({ procedures: [procedure("snomed", "302497006")] })).toEqual(["dialysis"]);
    expect(conds(condition("icd10cm", "Z99.2"))).toEqual(["dialysis"]);
    expect(ids({ procedures: [procedure("cpt", "90935")] })).toEqual(["dialysis"]);
  });

  it("acute renal failure on dialysis supports acute kidney failure and dialysis; injury of kidney does not count", () => {
    expect(conds(condition("snomed", "129721000119106"))).toEqual(["acute-kidney-failure", "dialysis"]);
    expect(conds(condition("snomed", "40095003"))).toEqual([]);
  });
});

describe("medicines that look alike", () => {
  it("a thiazide is both a diuretic and a blood pressure medicine", () => {
    expect(meds(medReq("rxnorm", "310798"))).toEqual(["blood-pressure-medicines", "diuretics"]);
    expect(meds(medReq("rxnorm", "316049"))).toEqual(["blood-pressure-medicines", "diuretics"]);
    expect(meds(medReq("rxnorm", "999967"))).toEqual(["blood-pressure-medicines", "diuretics"]);
    expect(meds(medReq("atc", "C03AA03"))).toEqual(["blood-pressure-medicines", "diuretics"]);
  });

  it("a loop diuretic is a diuretic only", () => {
    expect(meds(medReq("rxnorm", "313988"))).toEqual(["diuretics"]);
    expect(meds(medReq("atc", "C03CA01"))).toEqual(["diuretics"]);
  });

  it("carbonic anhydrase inhibitor eye drops are not diuretics", () => {
    expect(meds(medReq("atc", "S01EC03", { text: "dorzolamide 20 MG/ML Ophthalmic Solution" }))).toEqual([]);
    expect(meds(medText("brinzolamide 10 MG/ML Ophthalmic Suspension"))).toEqual([]);
    expect(meds(medText("acetazolamide 250 MG Oral Tablet"))).toEqual(["diuretics"]);
  });

  it("timolol eye drops and topical minoxidil are not blood pressure medicines; oral forms are", () => {
    expect(meds(medReq("rxnorm", "10600", { text: "timolol 5 MG/ML Ophthalmic Solution" }))).toEqual([]);
    expect(meds(medText("dorzolamide 20 MG/ML / timolol 5 MG/ML Ophthalmic Solution"))).toEqual([]);
    expect(meds(medText("minoxidil 50 MG/ML Topical Solution"))).toEqual([]);
    expect(meds(medReq("rxnorm", "197986"))).toEqual(["blood-pressure-medicines"]);
  });

  it("tamsulosin is not a blood pressure medicine; terazosin is", () => {
    expect(meds(medReq("atc", "G04CA02", { text: "tamsulosin 0.4 MG Oral Capsule" }))).toEqual([]);
    expect(meds(medText("tamsulosin hydrochloride 0.4 MG Oral Capsule"))).toEqual([]);
    expect(meds(medReq("atc", "G04CA03"))).toEqual(["blood-pressure-medicines"]);
  });

  it("nitrates and digoxin are neither", () => {
    expect(meds(medReq("rxnorm", "705129"), medReq("rxnorm", "197604"))).toEqual([]);
  });

  it("brand pill packs count as birth control pills, with or without ingredient names", () => {
    expect(meds(medReq("rxnorm", "748962", { text: "Camila 28 Day Pack" }))).toEqual(["birth-control-pills"]);
    expect(meds(medReq("rxnorm", "748856"))).toEqual(["birth-control-pills"]);
  });

  it("implants, IUDs, rings, patches and injections are not birth control pills", () => {
    for (const code of ["389221", "807283", "1367439", "1534809", "1000126", "1366343"]) {
      expect(meds(medReq("rxnorm", code)), code).toEqual([]);
    }
    expect(meds(medReq("atc", "G03AC08", { text: "etonogestrel 68 MG Drug Implant" }))).toEqual([]);
    expect(meds(medReq("rxnorm", "6373", { text: "levonorgestrel Intrauterine System" }))).toEqual([]);
    expect(meds(medReq("rxnorm", "6373", { text: "levonorgestrel 1.5 MG Oral Tablet" }))).toEqual(["birth-control-pills"]);
  });

  it("legacy Synthea medicine codes are recognised", () => {
    expect(meds(medReq("rxnorm", "316672"))).toEqual(["cholesterol-medicines"]);
    expect(meds(medReq("rxnorm", "315971"))).toEqual(["diuretics"]);
  });
});

describe("name matching (last resort)", () => {
  it("matches ingredient names when no coding is recognised, flagged matchedBy name", () => {
    const r = run({
      medications: [medText("Hydrochlorothiazide 25 MG"), medText("furosemide 40 MG"), medText("atorvastatin 20 MG")],
    });
    expect(r.findings.map((f) => f.causeId).sort()).toEqual(["blood-pressure-medicines", "cholesterol-medicines", "diuretics"]);
    for (const f of r.findings) for (const e of f.evidence) expect(e.matchedBy).toBe("name");
  });

  it("does not run when a coding on the record is recognised", () => {
    const m = medReq("rxnorm", "314076", { text: "lisinopril 10 MG with furosemide" });
    expect(meds(m)).toEqual(["blood-pressure-medicines"]);
  });

  it("on a look-alike's record, never runs for the causes the look-alike names", () => {
    expect(conds(condition("snomed", "15777000", { text: "Prediabetes (diabetes risk)" }))).toEqual([]);
    expect(conds(condition("snomed", "237503005", { text: "Borderline thyrotoxicosis" }))).toEqual([]);
    expect(conds(condition("icd10cm", "I27.20", { text: "Pulmonary hypertension" }))).toEqual([]);
  });

  it("on a look-alike's record, still reads the words for the other causes (a look-alike blocks only the cause it names)", () => {
    // O90.5 is a pregnancy-end code: it rules out pregnancy, not the thyroid failure its text records.
    expect(conds(condition("icd10cm", "O90.5", { text: "Postpartum thyroiditis, hypothyroid phase", onsetDateTime: "2026-10-01" }))).toEqual(["hypothyroidism"]);
    expect(conds(condition("icd10cm", "O90.89", { text: "Anemia after delivery", onsetDateTime: "2026-10-01" }))).toEqual(["anemia"]);
    // A cervix-uteri code rules out spinal stenosis however the words read.
    expect(conds(condition("icd10cm", "N88.2", { text: "Cervical stenosis" }))).toEqual([]);
    expect(conds(condition("icd10cm", "M48.02", { text: "Cervical stenosis" }))).toEqual(["spinal-stenosis"]);
  });

  it("does not run when a rule knows a coding of the record", () => {
    expect(conds(condition("icd10cm", "O90.81", { text: "Anemia of the puerperium with hypothyroidism" }))).toEqual(["anemia"]);
  });

  it("uses word boundaries", () => {
    expect(conds(condition("http://example.org/x", "1", { text: "Anaemic-looking" }))).toEqual(["anemia"]);
    expect(conds(condition("http://example.org/x", "2", { text: "Hypertensiveness screening" }))).toEqual([]);
  });
});

describe("records that are never input", () => {
  it("an allergy-like record passed as a condition with an ACE inhibitor ingredient code is not a medicine", () => {
    // Ingredient codes only count on MedicationRequest/Statement; allergies are never given to the engine.
    expect(conds(condition("rxnorm", "29046"))).toEqual([]);
  });
});
