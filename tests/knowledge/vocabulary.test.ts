/**
 * The vocabulary of real charts (issue 20), rule by rule: each new name, eponym, shorthand, brand, code and
 * ATC group matches what it should, and its look-alikes do not. Run through the engine, as records.
 */
import { describe, expect, it } from "vitest";
import { matchRecords } from "../../src/engine";
import type { EngineInput } from "../../src/engine/types";
import type { CauseId } from "../../src/knowledge";
import { condition, medReq, medText, NOW } from "../engine/build";

const run = (p: Partial<EngineInput>) => matchRecords({ conditions: [], medications: [], procedures: [], ...p }, { now: NOW }).findings;
const causesOfText = (text: string) => run({ conditions: [condition("http://example.org/local", "1", { text })] }).map((f) => f.causeId).sort();
const causesOfMedText = (text: string) => run({ medications: [medText(text)] }).map((f) => f.causeId).sort();
const causesOfCode = (system: "snomed" | "icd10cm" | "icd9cm", code: string) => run({ conditions: [condition(system, code)] }).map((f) => f.causeId).sort();
const causesOfAtc = (code: string, text?: string) => run({ medications: [medReq("atc", code, text ? { text } : {})] }).map((f) => f.causeId).sort();

const sorted = (...c: CauseId[]) => [...c].sort();

describe("eponyms and problem-list shorthand", () => {
  const cases: [string, CauseId[]][] = [
    ["Parkinson's", ["parkinsons-disease"]],
    ["Parkinsons, mild", ["parkinsons-disease"]],
    ["Idiopathic parkinsonism", ["parkinsons-disease"]],
    ["Drug-induced parkinsonism", []],
    ["Wolff-Parkinson-White syndrome", []],
    ["Parkinson's-plus syndrome", []],
    ["Addison's", ["adrenal-insufficiency"]],
    ["Addisons disease", ["adrenal-insufficiency"]],
    ["Addison-Biermer anemia", ["anemia"]],
    ["Hypocortisolism", ["adrenal-insufficiency"]],
    ["Graves disease", ["hyperthyroidism"]],
    ["Toxic adenoma of thyroid", ["hyperthyroidism"]],
    ["Hashimoto's thyroiditis", []],
    ["Hashimoto's disease", []],
    ["Low thyroid", ["hypothyroidism"]],
    ["DM2", ["type-2-diabetes"]],
    ["DM 2", ["type-2-diabetes"]],
    ["DMII", ["type-2-diabetes"]],
    ["T2D", ["type-2-diabetes"]],
    ["Type 2 DM", ["type-2-diabetes"]],
    ["DM1", ["type-1-diabetes"]],
    ["DM I", ["type-1-diabetes"]],
    // "DM" alone is diabetes mellitus on a US problem list (round three); its look-alikes say what they are
    ["DM", ["type-2-diabetes"]],
    ["DM (dermatomyositis)", []],
    ["Amyopathic DM", []],
    ["DM2 - myotonic dystrophy", []],
    ["Diabetes with neuropathy", ["diabetic-neuropathy", "type-2-diabetes"]],
    ["Neuropathy due to DM2", ["diabetic-neuropathy", "type-2-diabetes"]],
    ["DM without neuropathy", ["type-2-diabetes"]],
    ["CKD3a", ["chronic-kidney-disease"]],
    ["CKD-4", ["chronic-kidney-disease"]],
    ["CKD IIIb", ["chronic-kidney-disease"]],
    ["CKD-5", ["chronic-kidney-disease"]],
    ["CKD 5D", ["chronic-kidney-disease", "dialysis"]],
    ["ESRD on HD", ["chronic-kidney-disease", "dialysis"]],
    ["Diabetic kidney disease", ["chronic-kidney-disease", "type-2-diabetes"]],
    ["DKD", ["chronic-kidney-disease"]],
    ["ATN", ["acute-kidney-failure"]],
    ["Prerenal azotemia", ["acute-kidney-failure"]],
    ["Contrast-induced nephropathy", ["acute-kidney-failure"]],
    ["Small fibre neuropathy", ["peripheral-neuropathy"]],
    ["Sensorimotor polyneuropathy", ["peripheral-neuropathy"]],
    ["Bilateral lower extremity neuropathy", ["peripheral-neuropathy"]],
    ["Optic neuropathy", []],
    ["Neuropathy, peripheral", ["peripheral-neuropathy"]],
    ["CIPN", ["peripheral-neuropathy"]],
    ["HTN", ["hypertension"]],
    ["HBP", ["hypertension"]],
    ["Hypertensive urgency", ["hypertension"]],
    ["Pulmonary HTN", []],
    ["Portal HTN", []],
    ["HTN, ocular", []],
    ["PAH", []],
    ["Elevated BP without diagnosis of hypertension", []],
    ["IDA", ["anemia"]],
    ["Sedentary", ["physical-inactivity"]],
    ["Leriche syndrome", ["peripheral-artery-disease"]],
    ["Arterial insufficiency of lower extremities", ["peripheral-artery-disease"]],
    ["CLTI right foot", ["peripheral-artery-disease"]],
    ["Foraminal stenosis L5-S1", ["spinal-stenosis"]],
    ["L4-L5 spinal stenosis", ["spinal-stenosis"]],
    ["Cervical stenosis of the uterus", []],
    ["Cervical stenosis, cervix uteri", []],
    ["Carotid stenosis", []],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(causesOfText(text)).toEqual(sorted(...expected));
  });

  it("reads the shorthand with the same negation, family-history and screening rules as other names", () => {
    for (const text of ["No DM2", "FH: CKD3a", "Family history of Parkinson's", "Screening for HTN", "Rule out ATN", "Addison's?", "Pre-HTN"]) {
      expect(causesOfText(text), text).toEqual([]);
    }
  });
});

describe("combination products", () => {
  const both = sorted("diuretics", "blood-pressure-medicines");
  const brands = [
    "Prinzide", "Zestoretic", "Lopressor HCT", "Accuretic", "Uniretic", "Dutoprol", "Inderide", "Corzide", "Clorpres", "Capozide",
    "Timolide", "Aldoril", "Apresazide", "Monopril-HCT", "Teveten HCT", "Amturnide", "Karvezide", "Co-Aprovel", "Fortzaar",
    "Cozaar Comp", "Atacand Plus", "Blopress Plus", "Pritor Plus", "Kinzalkomb", "Sevikar HCT", "Preterax", "Bi-Preterax",
    "Co-Renitec", "Carace Plus", "Accuzide", "Inhibace Plus", "Co-zidocapt", "Kalten", "Tenoret 50", "Nebilet Plus",
  ];
  it.each(brands)("%s holds a diuretic and a blood pressure medicine", (brand) => {
    expect(causesOfMedText(`${brand} tablet`)).toEqual(both);
  });

  it("reads hydrochlorothiazide however it is shortened", () => {
    for (const text of ["lisinopril/hctz 10-12.5", "Lisinopril-HCTZ", "valsartan-hct 160-25", "Hct 25 mg"]) expect(causesOfMedText(text), text).toEqual(both);
  });

  it("counts amlodipine with a statin for both classes, by brand, name and ATC", () => {
    const bpLipid = sorted("blood-pressure-medicines", "cholesterol-medicines");
    expect(causesOfMedText("Caduet 5-10 mg")).toEqual(bpLipid);
    expect(causesOfMedText("Trinomia 100/20/2.5 mg capsule")).toEqual(bpLipid);
    expect(causesOfAtc("C10BX03")).toEqual(bpLipid);
    expect(causesOfAtc("C10BX11")).toEqual(bpLipid);
    expect(causesOfAtc("C10BA05")).toEqual(["cholesterol-medicines"]);
  });

  it("counts every ATC group that holds a diuretic for both classes, and the others for their own", () => {
    for (const code of ["C07BA05", "C07BB12", "C07CA03", "C07DA06", "C08GA01", "C09BA05", "C09DA08", "C09DX03", "C09XA54", "C02LB01", "C09BX03", "C10BX13"]) {
      expect(causesOfAtc(code), code).toEqual(code === "C10BX13" ? sorted("blood-pressure-medicines", "cholesterol-medicines", "diuretics") : both);
    }
    for (const code of ["C07AB07", "C07FB03", "C08CA01", "C09BB04", "C09DB02", "C09XA53", "C09DX04"]) {
      expect(causesOfAtc(code), code).toEqual(["blood-pressure-medicines"]);
    }
    expect(causesOfAtc("C03EA01")).toEqual(both);
    expect(causesOfAtc("C03EB01")).toEqual(["diuretics"]);
  });

  it("counts the new generic and brand names of each class", () => {
    for (const text of ["lercanidipine 10 mg", "Zanidip 10 mg", "moxonidine 0.2 mg", "urapidil 30 mg", "Coversyl 5 mg", "Emconcor 5 mg"]) {
      expect(causesOfMedText(text), text).toEqual(["blood-pressure-medicines"]);
    }
    for (const text of ["Ezetrol 10 mg", "Inegy 10/20", "Liptruzet 10-40", "Nustendi 180 mg/10 mg"]) expect(causesOfMedText(text), text).toEqual(["cholesterol-medicines"]);
    for (const text of ["Burinex 1 mg", "xipamide 20 mg", "Frumil tablet"]) expect(causesOfMedText(text), text).not.toEqual([]);
  });
});

describe("forms and doses", () => {
  it("a strength in percent rules out eye drops and creams, not infusions", () => {
    expect(causesOfMedText("Mannitol 20% IV")).toEqual(["diuretics"]);
    expect(causesOfMedText("Mannitol 25 % injection")).toEqual(["diuretics"]);
    expect(causesOfMedText("Diltiazem 125 mg in dextrose 5% 125 mL infusion")).toEqual(["blood-pressure-medicines"]);
    expect(causesOfMedText("Betaxolol 0.5% solution")).toEqual([]);
    expect(causesOfMedText("Spironolactone 5% cream")).toEqual([]);
    expect(causesOfMedText("Timolol 0.5% eye drops, oral route not applicable")).toEqual([]);
  });

  it("an OCP needs no other word for the form; other hormonal contraception still does not count", () => {
    expect(causesOfMedText("OCP")).toEqual(["birth-control-pills"]);
    expect(causesOfMedText("Oral contraceptive")).toEqual(["birth-control-pills"]);
    expect(causesOfMedText("Norethindrone")).toEqual([]);
    expect(causesOfMedText("Contraceptive ring")).toEqual([]);
  });

  it("niacin counts at lipid doses only", () => {
    expect(causesOfMedText("Niacin 50 mg")).toEqual([]);
    expect(causesOfMedText("niacin 100 MG Oral Tablet")).toEqual([]);
    expect(causesOfMedText("Nicotinic acid 249 mg")).toEqual([]);
    expect(causesOfMedText("Multivitamin with niacin")).toEqual([]);
    expect(causesOfMedText("Niacin 250 mg tablet")).toEqual(["cholesterol-medicines"]);
    expect(causesOfMedText("Niacin 1000 mg ER")).toEqual(["cholesterol-medicines"]);
    expect(causesOfMedText("niacin 500 MG / simvastatin 20 MG Extended Release Oral Tablet [Simcor]")).toEqual(["cholesterol-medicines"]);
    expect(causesOfMedText("Niacinamide 500 mg")).toEqual([]);
  });

  it("acetazolamide coded only with its antiglaucoma ATC code counts when the record says a systemic form", () => {
    expect(causesOfAtc("S01EC01", "Acetazolamide 250 mg tablet")).toEqual(["diuretics"]);
    expect(causesOfAtc("S01EC01", "Diamox Sequels 500 mg capsule")).toEqual(["diuretics"]);
    expect(causesOfAtc("S01EC01", "acetazolamide")).toEqual([]);
    expect(causesOfAtc("S01EC04", "Brinzolamide 1% eye drops")).toEqual([]);
  });
});

describe("codes", () => {
  const cases: ["snomed" | "icd10cm" | "icd9cm", string, CauseId[]][] = [
    ["icd10cm", "O90.81", ["anemia"]],
    ["snomed", "1801000119106", ["anemia", "chronic-kidney-disease"]],
    ["snomed", "444271000", ["anemia", "chronic-kidney-disease"]],
    ["snomed", "840580004", ["peripheral-artery-disease"]],
    ["snomed", "34486009", ["hyperthyroidism"]],
    ["snomed", "18347007", ["spinal-stenosis"]],
    ["snomed", "302226006", ["peripheral-neuropathy"]],
    ["icd10cm", "I1A.0", ["hypertension"]],
    ["icd10cm", "E16.A2", ["hypoglycemia"]],
    ["icd10cm", "D60.0", ["anemia"]],
    ["icd10cm", "D61.89", ["anemia"]],
    ["icd10cm", "D61.810", []],
    ["icd10cm", "D61.82", []],
    ["icd10cm", "D46.1", ["anemia"]],
    ["icd10cm", "D46.9", []],
    ["icd10cm", "D46.Z", []],
    ["icd10cm", "E02", ["hypothyroidism"]],
    ["icd10cm", "K76.7", ["acute-kidney-failure"]],
    ["icd10cm", "K76.6", []],
    ["icd10cm", "E13.21", ["chronic-kidney-disease"]],
    ["icd10cm", "E11.29", ["type-2-diabetes"]],
    ["icd10cm", "N88.2", []],
    ["icd10cm", "N88.3", []],
  ];
  it.each(cases)("%s %s", (system, code, expected) => {
    expect(causesOfCode(system, code)).toEqual(sorted(...expected));
  });

  it("a record coded both as type 1 and type 2 diabetes gives one diabetes finding, saying the type is not recorded", () => {
    const f = run({ conditions: [{ ...condition("icd10cm", "E10.9"), code: { coding: [{ system: "http://hl7.org/fhir/sid/icd-10-cm", code: "E10.9" }, { system: "http://hl7.org/fhir/sid/icd-10-cm", code: "E11.9" }] } }] });
    expect(f.map((x) => x.causeId)).toEqual(["type-2-diabetes"]);
    expect(f[0]!.label).toBe("Diabetes, type not recorded");
    expect(f[0]!.evidence[0]!.notes!.join(" ")).toMatch(/both a type 1 and a type 2/);
  });

  it("two records, one of each type, are two findings: only one record coded both ways is settled", () => {
    expect(run({ conditions: [condition("icd10cm", "E10.9"), condition("icd10cm", "E11.9")] }).map((f) => f.causeId).sort()).toEqual(["type-1-diabetes", "type-2-diabetes"]);
  });
});
