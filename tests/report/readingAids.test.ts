/**
 * The reading aids' words (docs/spec/panel-contract.md "Reading aids", issue 23): the cramp anchor and
 * dates against it, "Worth reviewing", the panel's order (status not recorded, folding), clinical words,
 * the lab story (latest result, trend, units, precision, fixed axes) and what was checked.
 */
import { describe, expect, it } from "vitest";
import type { LabSeries } from "../../src/engine/labs/types";
import type { LegCrampRecord } from "../../src/engine/legCramps";
import { buildReport } from "../../src/report/build";
import { retryLines } from "../../src/report/checked";
import { clinicalName, medicineWords, recordWords, stripTags } from "../../src/report/clinicalWords";
import { legCrampAnchor, relativeToCramps } from "../../src/report/crampAnchor";
import { chartAxis, displayNumber, displayUnit, findingLabLines, latestResultLine, trendSentence } from "../../src/report/labStory";
import { findingRows, panelHomes, panelOrder } from "../../src/report/order";
import { medicineWhen, NO_LABS_ON_FILE, worthReviewing } from "../../src/report/review";
import { factWords, rowTitle } from "../../src/report/rowWords";
import { summaryLine } from "../../src/report/summary";
import { shortNote } from "../../src/report/summaryNote";
import { NOW, data, evidence, finding, mixedFindings, sources, withFindings } from "../ui/fixtures";

const cramps = (over: Partial<LegCrampRecord> = {}): LegCrampRecord => ({
  ref: "Condition/cramps",
  text: "Nocturnal leg cramps (disorder)",
  matchedBy: "code",
  because: "active",
  since: "2025-04-20",
  category: "problem-list-item",
  ...over,
});

const med = (ref: string, authored: string, over = {}) =>
  evidence(ref, { resourceType: "MedicationRequest", text: "Furosemide 40 MG Oral Tablet", dose: "Take 1 tablet by mouth daily", category: undefined, dates: { authored }, ...over });

describe("the cramp anchor (data-leg-cramps)", () => {
  it("names the record and since when, preferring an active problem-list entry, the earliest", () => {
    const a = legCrampAnchor({ legCramps: [cramps({ ref: "Condition/late", since: "2025-05-01" }), cramps(), cramps({ ref: "Condition/visit", category: "encounter-diagnosis", since: "2024-01-01" })] });
    expect(a).toEqual({ ref: "Condition/cramps", name: "Nocturnal leg cramps", since: "2025-04-20", words: "Leg cramps on the problem list since Apr 2025" });
    expect(legCrampAnchor({ legCramps: [cramps({ category: "encounter-diagnosis" })] })?.words).toBe("Leg cramps recorded at a visit on 20 Apr 2025");
    expect(legCrampAnchor({ legCramps: [cramps({ because: "recent", recorded: "2025-04-20" })] })?.words).toBe("Leg cramps recorded 20 Apr 2025, no longer marked active");
    expect(legCrampAnchor({ legCramps: [cramps({ since: undefined })] })?.words).toBe("Leg cramps on the problem list (no date recorded)");
    expect(legCrampAnchor({ legCramps: [] })).toBeUndefined();
    expect(legCrampAnchor({})).toBeUndefined();
  });

  it("dates a medicine or diagnosis against the cramps, in weeks, months or years", () => {
    const a = { since: "2026-09-23" };
    expect(relativeToCramps("2026-08-09", a)).toBe("about 6 weeks before the cramps");
    expect(relativeToCramps("2026-09-20", a)).toBe("the same week as the cramps");
    expect(relativeToCramps("2026-03-01", a)).toBe("about 7 months before the cramps");
    expect(relativeToCramps("2019-05-02", a)).toBe("7 years before the cramps");
    expect(relativeToCramps("2026-11-20", a)).toBe("about 8 weeks after the cramps were first recorded");
    expect(relativeToCramps("2026-09", a)).toBe("the same month as the cramps");
    // A year alone is too coarse, and without an anchor there is nothing to say.
    expect(relativeToCramps("2026", a)).toBe("");
    expect(relativeToCramps("2026-08-09", undefined)).toBe("");
  });

  it("a medicine's start, and against the cramps only when it helps (a folded order's date is its last)", () => {
    const a = { since: "2025-04-20" };
    expect(medicineWhen(med("MedicationRequest/f", "2025-03-09"), a)).toBe("started Mar 2025, about 6 weeks before the cramps");
    expect(medicineWhen(med("MedicationRequest/f", "2025-03-09", { duplicates: ["MedicationRequest/g"] }), a)).toBe("last ordered Mar 2025, about 6 weeks before the cramps");
    expect(medicineWhen(med("MedicationRequest/f", "2025-05-20", { duplicates: ["MedicationRequest/g"] }), a)).toBe("last ordered May 2025");
    expect(medicineWhen(med("MedicationRequest/f", "2025-05-20", { dates: {} }), a)).toBe("no start date recorded");
  });
});

describe("clinical words", () => {
  it("strips terminology tags and bracketed codes, never leaving nothing", () => {
    expect(stripTags("Type 2 diabetes mellitus with diabetic polyneuropathy (HCC)")).toBe("Type 2 diabetes mellitus with diabetic polyneuropathy");
    expect(stripTags("Essential hypertension (disorder) [I10]")).toBe("Essential hypertension");
    expect(stripTags("Body mass index 30+ - obesity (finding)")).toBe("Body mass index 30+ - obesity");
    expect(stripTags("Anemia (CMS-HCC)")).toBe("Anemia");
    expect(stripTags("(disorder)")).toBe("(disorder)");
    // Words in parentheses that are not tags stay.
    expect(stripTags("Kidney failure (kind not recorded)")).toBe("Kidney failure (kind not recorded)");
  });

  it("a medicine as a prescriber writes it, the strength said once, only the safe rewrites", () => {
    expect(medicineWords("Furosemide 40 MG Oral Tablet", "Take 1 tablet by mouth every morning")).toBe("Furosemide 40 mg every morning");
    expect(medicineWords("furosemide 40 MG Oral Tablet", "40 mg, oral, once daily")).toBe("furosemide 40 mg once daily");
    expect(medicineWords("Simvastatin 20 MG Oral Tablet", "1/2 tablet at night")).toBe("Simvastatin 20 mg tablet, 1/2 tablet at night");
    expect(medicineWords("Lisinopril 10 MG / Hydrochlorothiazide 12.5 MG Oral Tablet", "Take 1 tablet by mouth daily")).toBe(
      "Lisinopril 10 mg / Hydrochlorothiazide 12.5 mg tablet, 1 tablet daily",
    );
    expect(medicineWords("Furosemide 40 MG Oral Tablet [Lasix]")).toBe("Furosemide 40 mg tablet (Lasix)");
    expect(medicineWords("Simvastatin 20 MG Oral Tablet")).toBe("Simvastatin 20 mg tablet");
  });

  it("short clinical names, and the engine's own wording when it differs", () => {
    expect(clinicalName({ causeId: "peripheral-artery-disease", label: "Peripheral artery disease (blood flow to the legs)" })).toBe("PAD");
    expect(clinicalName({ causeId: "diuretics", label: "Diuretics (medicines that increase urine output)" })).toBe("diuretic");
    expect(clinicalName({ causeId: "parkinsons-disease", label: "Parkinson's disease" })).toBe("Parkinson's disease");
    expect(clinicalName({ causeId: "type-2-diabetes", label: "Diabetes, type not recorded" })).toBe("diabetes, type not recorded");
    expect(recordWords(evidence("Patient/p1", { resourceType: "Patient", text: "Age 80 today (born 1946-03-14)" }))).toBe("Age 80 today (born 14 Mar 1946)");
  });

  it("a row: its title (the strength is the group's), its records and when they began, old orders muted", () => {
    const ckd = finding("chronic-kidney-disease", "known-cause", true);
    ckd.label = "Chronic kidney disease";
    expect(rowTitle(ckd)).toBe("Chronic kidney disease: kidney failure");
    const f = finding("diuretics", "possible", true, [med("MedicationRequest/f", "2025-03-09")]);
    const report = buildReport(withFindings([f]));
    const anchor = { since: "2025-04-20" } as const;
    const fact = { kind: "medicine" as const, evidence: f.evidence[0]!, refs: [], causes: [f.causeId], current: true };
    expect(factWords(fact, f, NOW, { ref: "Condition/c", name: "x", words: "", ...anchor })).toEqual({
      what: "Furosemide 40 mg daily",
      when: "started Mar 2025, about 6 weeks before the cramps",
      stale: false,
    });
    const old = { ...fact, evidence: med("MedicationRequest/o", "2016-05-27") };
    expect(factWords(old, f, NOW, undefined)).toEqual({ what: "Furosemide 40 mg daily", when: "last ordered 2016, still marked active", stale: true });
    expect(report.findings).toHaveLength(1);
  });
});

describe("the panel's order", () => {
  const pad = finding("peripheral-artery-disease", "known-cause", false, [evidence("Condition/pad", { status: "unknown", current: false, recordStatus: undefined })]);
  const resolved = finding("hypothyroidism", "sometimes-linked", false, [evidence("Condition/h", { status: "past", current: false, recordStatus: "resolved" })]);

  it("a condition with no clinical status that is not current is in its own group, never among the past", () => {
    const others = mixedFindings().filter((f) => f.causeId !== "peripheral-artery-disease");
    const order = panelOrder(buildReport(withFindings([...others, pad, resolved])));
    expect(order.unrecorded.map((f) => f.causeId)).toEqual(["peripheral-artery-disease"]);
    expect(order.past.map((f) => f.causeId)).not.toContain("peripheral-artery-disease");
    expect(order.past.map((f) => f.causeId)).toContain("hypothyroidism");
    expect(order.current.every((f) => f.current)).toBe(true);
  });

  it("everything is past for a deceased patient", () => {
    const d = withFindings([pad, resolved]);
    d.result.patient = { age: 80, ageAt: "death", deceased: true };
    const order = panelOrder(buildReport(d));
    expect(order.unrecorded).toEqual([]);
    expect(order.past).toHaveLength(2);
  });

  it("folds a lesser finding into the strongest one that shows all its records, with the same currency", () => {
    const shared = evidence("Condition/t2dpn", { text: "Type 2 diabetes with polyneuropathy" });
    const fs = [finding("diabetic-neuropathy", "known-cause", true, [shared]), finding("peripheral-neuropathy", "sometimes-linked", true, [shared]), finding("type-2-diabetes", "sometimes-linked", true, [shared, evidence("Observation/a1c", { resourceType: "Observation" })])];
    const order = panelOrder(buildReport(withFindings(fs)));
    const rows = findingRows(order.current, panelHomes(order));
    expect(rows.map((r) => [r.finding.causeId, r.folded.map((f) => f.causeId)])).toEqual([
      ["diabetic-neuropathy", ["peripheral-neuropathy"]],
      ["type-2-diabetes", []],
    ]);
  });
});

describe("Worth reviewing", () => {
  it("a linked medicine with its start against the cramps; the strength in words; no advice", () => {
    const d = withFindings([finding("diuretics", "possible", true, [med("MedicationRequest/f", "2025-03-09")])], { legCramps: [cramps()] });
    const items = worthReviewing(buildReport(d), NOW);
    expect(items).toEqual([{ kind: "medicine", ref: "MedicationRequest/f", text: "Furosemide 40 mg daily (diuretics: possible link), started Mar 2025, about 6 weeks before the cramps." }]);
    for (const i of items) expect(i.text).not.toMatch(/\b(stop|reduce|consider|switch|start taking|prescribe)\b/i);
  });

  it("entries still marked active for years, once; none of the five tests on file, only when lab results were read completely", () => {
    const old = finding("cholesterol-medicines", "sometimes-linked", true, [med("MedicationRequest/s", "1992-02-01", { text: "Simvastatin 20 MG" }), med("MedicationRequest/t", "1931-02-01", { text: "Atorvastatin 10 MG" })]);
    const withLabs = (status: "read" | "failed") =>
      withFindings([old], { sources: [...sources(), { source: "Observation", status, count: 0, warnings: [] }] });
    const items = worthReviewing(buildReport(withLabs("read")), NOW);
    expect(items.map((i) => i.kind)).toEqual(["reconcile", "not-on-file"]);
    expect(items[0]!.text).toBe("2 entries still marked active with no activity for years: Simvastatin 20 mg daily (last ordered 1992), Atorvastatin 10 mg daily (last ordered 1931). Confirm they are current.");
    expect(items[1]!.text).toBe(NO_LABS_ON_FILE);
    expect(worthReviewing(buildReport(withLabs("failed")), NOW).map((i) => i.kind)).toEqual(["reconcile"]);
    // The headline does not count them as active.
    expect(summaryLine(buildReport(withLabs("read")), "ready", NOW)).toBe("Nothing linked to night leg cramps is active in the record now; 2 entries to confirm.");
  });

  it("a statement still marked active for years is 'last recorded' in Worth reviewing, the row and the note alike", () => {
    const stmt = evidence("MedicationStatement/s", { resourceType: "MedicationStatement", text: "Simvastatin 20 MG", category: undefined, dates: { effective: "2011-04-02" } });
    const f = finding("cholesterol-medicines", "sometimes-linked", true, [stmt]);
    const report = buildReport(withFindings([f]));
    expect(worthReviewing(report, NOW).find((i) => i.kind === "reconcile")?.text).toBe("1 entry still marked active with no activity for years: Simvastatin 20 mg (last recorded 2011). Confirm it is current.");
    expect(factWords({ kind: "medicine", evidence: stmt, refs: [stmt.ref], causes: [f.causeId], current: true }, f, NOW, undefined).when).toBe("last recorded 2011, still marked active");
    expect(shortNote(report, NOW)).toContain("Still marked active, not updated for years: Simvastatin 20 mg (last recorded 2011).");
  });

  it("one rule for an entry to confirm: a record that is an old acute state for one cause but supports a lifelong one is not counted apart anywhere", () => {
    // The same 2015 record behind dehydration (an acute state, old) and diabetes (lifelong): still active, not to confirm.
    const rec = evidence("Condition/x", { text: "Dehydration with diabetes", dates: { onset: "2015-01-10" } });
    const d = withFindings([finding("dehydration", "sometimes-linked", true, [rec]), finding("type-2-diabetes", "sometimes-linked", true, [rec])]);
    const report = buildReport(d);
    expect(summaryLine(report, "ready", NOW)).toBe("1 fact active in the record is linked to night leg cramps.");
    expect(worthReviewing(report, NOW).filter((i) => i.kind === "reconcile")).toEqual([]);
  });

  it("a lab signal not recorded as a diagnosis, in words; nothing for a deceased patient", () => {
    const series: LabSeries = {
      test: "egfr",
      label: "eGFR",
      unit: "mL/min/1.73 m²",
      points: [
        { ref: "Observation/a", date: "2024-07-01", time: 0, value: 44, valueText: "44 mL/min/{1.73_m2}", meets: true },
        { ref: "Observation/b", date: "2025-11-01", time: 1, value: 11, valueText: "11 mL/min/{1.73_m2}", meets: true },
      ],
      cutoffs: [
        { ruleId: "lab.ckd.egfr-below-60", direction: "below", value: 60, label: "below 60 mL/min/1.73 m²" },
        { ruleId: "lab.ckd.egfr-below-15", direction: "below", value: 15, label: "below 15 mL/min/1.73 m²" },
      ],
    };
    const ckd = finding("chronic-kidney-disease", "known-cause", true, [evidence("Observation/b", { resourceType: "Observation" })]);
    const d = withFindings([ckd], { sources: [...sources(), { source: "Observation", status: "read", count: 2, warnings: [] }] });
    d.result.labs = { causes: [], rules: [], series: [series], notInterpreted: [], counts: { observations: 2, labResults: 2, counted: 2, notLoinc: 0, otherCodes: 0 } };
    expect(worthReviewing(buildReport(d), NOW)).toEqual([
      {
        kind: "lab-signal",
        text: "eGFR fell from 44 to 11 mL/min/1.73 m² over 16 months: chronic kidney disease (kidney failure) in the results, not recorded as a diagnosis.",
      },
    ]);
    d.result.patient = { age: 80, ageAt: "death", deceased: true };
    expect(worthReviewing(buildReport(d), NOW)).toEqual([]);
  });
});

describe("labs that tell the whole story", () => {
  const hb = (values: [string, number][]): LabSeries => ({
    test: "hemoglobin",
    label: "Hemoglobin",
    unit: "g/dL",
    points: values.map(([date, value], i) => ({ ref: `Observation/h${i}`, date, time: i, value, valueText: `${value} g/dL`, cutoff: 12, meets: value < 12 })),
    cutoffs: [{ ruleId: "lab.anemia.hemoglobin-low", direction: "below", value: 12, label: "below 12.0 g/dL" }],
  });

  it("the latest result under the finding, normal or not, and the trend in a sentence", () => {
    const s = hb([["2025-03-01", 13.4], ["2025-05-20", 13.8]]);
    expect(latestResultLine(s, "anemia")).toBe("Latest hemoglobin 13.8 g/dL, 20 May 2025: does not meet the cut-off (below 12.0 g/dL)");
    expect(trendSentence(s)).toBe("Hemoglobin steady at 13.4–13.8 g/dL over 3 months (2 results)");
    expect(trendSentence(hb([["2024-01-01", 13.8], ["2025-05-01", 10.2]]))).toBe("Hemoglobin fell from 13.8 to 10.2 g/dL over 16 months (2 results)");
    expect(trendSentence(hb([["2025-05-01", 10.2]]))).toBe("");
  });

  it("under every finding with a lab test; 'no result on file' only when lab results were read completely", () => {
    const anemia = finding("anemia", "sometimes-linked", true);
    const labs = { causes: [], rules: [], series: [hb([["2025-03-01", 13.4]])], notInterpreted: [], counts: { observations: 1, labResults: 1, counted: 1, notLoinc: 0, otherCodes: 0 } };
    const read = [...sources(), { source: "Observation" as const, status: "read" as const, count: 1, warnings: [] }];
    expect(findingLabLines(anemia, labs, read)).toEqual([{ test: "hemoglobin", trend: "", latest: "Latest hemoglobin 13.4 g/dL, 1 Mar 2025: does not meet the cut-off (below 12.0 g/dL)", points: 1 }]);
    const ckd = finding("chronic-kidney-disease", "sometimes-linked", true);
    expect(findingLabLines(ckd, labs, read)).toEqual([{ test: "egfr", trend: "", latest: "No eGFR result on file", points: 0 }]);
    expect(findingLabLines(ckd, labs, [...sources(), { source: "Observation", status: "truncated", count: 1, warnings: [] }])).toEqual([]);
    expect(findingLabLines(finding("hypertension", "sometimes-linked", true), labs, read)).toEqual([]);
  });

  it("units for people and sensible precision, never crossing a cut-off by rounding", () => {
    expect(displayUnit("11 mL/min/{1.73_m2}")).toBe("11 mL/min/1.73 m²");
    expect(displayUnit("44 mL/min/1.73m2")).toBe("44 mL/min/1.73 m²");
    expect(displayUnit("2.1 m[IU]/L")).toBe("2.1 mIU/L");
    expect(displayUnit("4.2 u[IU]/mL")).toBe("4.2 µIU/mL");
    expect(displayUnit("6.8 %{HbA1c}")).toBe("6.8 %");
    expect(displayNumber(11.1159, "hemoglobin")).toBe("11.1");
    expect(displayNumber(11.98, "hemoglobin", 12)).toBe("11.98");
    expect(displayNumber(59.6, "egfr", 60)).toBe("59.6");
    expect(displayNumber(44.2, "egfr")).toBe("44");
    expect(displayNumber(0.043, "tsh")).toBe("0.04");
    expect(displayNumber(7.458, "hba1c")).toBe("7.5");
  });

  it("fixed clinical axes per test, widened only to show a value outside them", () => {
    const a1c = (values: number[]) => ({ test: "hba1c" as const, points: values.map((value, i) => ({ ref: `o${i}`, date: "2025-01-01", time: i, value, valueText: "", meets: false })) });
    // 6.5 % and 48 mmol/mol (≈ 6.5 %) sit on a 4–12 % axis: the same value looks the same, not like a climb.
    expect(chartAxis(a1c([6.5, 6.54]))).toEqual([4, 12]);
    expect(chartAxis(a1c([6.5, 14.2]))).toEqual([4, 20]);
    expect(chartAxis({ test: "egfr", points: [] }, [60, 15])).toEqual([0, 120]);
  });
});

describe("what was checked", () => {
  it("a search read after a retry, in plain words; the EHR's notices are not a gap", () => {
    expect(retryLines({ searches: [{ label: "conditions (problem list)", status: "read", count: 3, retriedWithout: ["_count", "_include"] }, { label: "x", status: "failed", count: 0, retriedWithout: ["_count"] }] })).toEqual([
      "conditions (problem list): read completely; the EHR refused the page size and the medicine details in the same reply, so the app asked again without them.",
    ]);
    const notice = "The EHR hides some outside records from apps; what is shown was checked.";
    expect(summaryLine(buildReport(data({ sources: sources({ Condition: { notices: [notice] } }) })))).toBe("No documented causes found in the records read.");
  });
});
