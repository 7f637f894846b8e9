/**
 * Lab results in words (src/report/labs.ts and where the report uses them), on the engine's real output for
 * the hand-made lab patients (mocks/data/patients/labResults.ts) at a fixed clock, 2026-11-26. Expected
 * values are worked out from the patients' results: 6.9 mmol/L × 1.611 = 11.12 g/dL; 58 mmol/mol =
 * 0.09148 × 58 + 2.152 ≈ 7.46 %; dates are that many days before the clock.
 */
import { describe, expect, it } from "vitest";
import type { LabInterpretation, LabSkipped } from "../../src/engine/labs/types";
import type { Finding } from "../../src/engine/types";
import type { SourceReport } from "../../src/fhir/types";
import {
  activeFacts,
  buildReport,
  chartCaption,
  chartCutoffs,
  chartRows,
  currentFindingsSummary,
  definitionLine,
  definitionSource,
  evidenceDates,
  evidenceLine,
  evidenceWhat,
  findingBasis,
  findingDefinitions,
  findingFacts,
  findingLabTests,
  fullNote,
  labCountsLine,
  labCutoffWords,
  labEvidenceLine,
  labInBrief,
  labStatusWords,
  labsWereRead,
  labValueWords,
  labWhen,
  leadLab,
  notesOnce,
  notInterpretedGroups,
  notReadLine,
  pastInBrief,
  shortNote,
  type Report,
} from "../../src/report";
import { hasLab } from "../../src/report/labs";
import { labsAnemiaBoundary, labsCodedJoined, labsKidneyFailure, labsThyroidLow } from "../../mocks/data/patients/labResults";
import { LAB_NOW, labPanelData } from "../ui/labFixtures";
import type { DemoPatient } from "../../mocks/data/demoPatient";

const reportOf = (p: DemoPatient): Report => buildReport(labPanelData(p));
const findingOf = (r: Report, cause: string): Finding => {
  const f = r.findings.find((x) => x.causeId === cause);
  if (!f) throw new Error(`no ${cause} finding`);
  return f;
};
const labOf = (f: Finding, ref: string) => {
  const e = f.evidence.find((x) => x.ref === ref);
  if (!e || !hasLab(e)) throw new Error(`no lab evidence ${ref}`);
  return e;
};

describe("one result as evidence", () => {
  const anemia = findingOf(reportOf(labsAnemiaBoundary), "anemia");
  const hb = labOf(anemia, "Observation/ab-hb-365");

  it("value as the lab reported it and in the rule's unit; date, how long ago and the age then; the cut-off", () => {
    // Converted with the test's precision (11.1159 → 11.1 g/dL), never a made-up accuracy.
    expect(labValueWords(hb.lab)).toBe("Hemoglobin 6.9 mmol/L (11.1 g/dL)");
    expect(labWhen(hb.lab, LAB_NOW)).toBe("measured 26 Nov 2025 (12 months ago), age 37");
    expect(labCutoffWords(hb.lab)).toBe("cut-off applied: below 12.0 g/dL (15 years and older, female)");
    expect(labStatusWords(hb.lab, hb.recordStatus)).toBe("most recent result; meets the cut-off");
    expect(labEvidenceLine(hb, LAB_NOW)).toBe(
      "Hemoglobin 6.9 mmol/L (11.1 g/dL) — most recent result; meets the cut-off; measured 26 Nov 2025 (12 months ago), age 37; cut-off applied: below 12.0 g/dL (15 years and older, female)",
    );
  });

  it("the generic record words use the lab words (what it says, status, dates, one line)", () => {
    expect(evidenceWhat(hb)).toBe(labValueWords(hb.lab));
    expect(evidenceLine(hb, LAB_NOW)).toBe(labEvidenceLine(hb, LAB_NOW));
    expect(evidenceDates(hb, LAB_NOW).map((d) => `${d.label} ${d.date}`)).toEqual(["measured 26 Nov 2025"]);
  });

  it("an amended result says so; a TSH in uIU/mL is the same unit, not converted", () => {
    const tsh = labOf(findingOf(reportOf(labsThyroidLow), "hypothyroidism"), "Observation/tt-tsh-120");
    // Units for people: "uIU/mL" is written µIU/mL.
    expect(labValueWords(tsh.lab)).toBe("TSH 14.2 µIU/mL");
    expect(labStatusWords(tsh.lab, tsh.recordStatus)).toBe("most recent result; meets the cut-off (amended)");
  });

  it("the definitions a finding applied, once each, with who wrote them and a link", () => {
    const ckd = findingOf(reportOf(labsKidneyFailure), "chronic-kidney-disease");
    const defs = findingDefinitions(ckd);
    expect(defs.map((d) => definitionSource(d.definition))).toEqual(["KDIGO 2024", "KDIGO 2024 CKD guideline"]);
    for (const d of defs) {
      expect(d.citation.url).toMatch(/^https:\/\/doi\.org\/10\.1016\/j\.kint/);
      expect(definitionLine(d)).toMatch(/^Definition applied: KDIGO 2024.*\(source: KDIGO 2024 Clinical Practice Guideline.*, https:\/\/doi\.org\//);
    }
    expect(findingDefinitions(findingOf(reportOf(labsKidneyFailure), "older-age"))).toEqual([]);
    expect(definitionSource("WHO 2024 guideline on haemoglobin cut-offs to define anaemia (by age, sex and pregnancy)")).toBe(
      "WHO 2024 guideline on haemoglobin cut-offs to define anaemia",
    );
  });

  it("a finding is spoken for by a result that meets the rule, not by a normal most recent one", () => {
    const hypo = findingOf(reportOf(labsAnemiaBoundary), "hypoglycemia");
    expect(hypo.evidence[0]!.ref).toBe("Observation/ab-glucose-20"); // the engine lists the normal most recent result first
    expect(leadLab(hypo)?.ref).toBe("Observation/ab-glucose-91");
    expect(labInBrief(hypo)).toBe("Glucose <3 mmol/L on 27 Aug 2026");
    expect(pastInBrief(hypo, LAB_NOW)).toBe("Low blood sugar (hypoglycemia) (suggested by lab results, measured 27 Aug 2026)");
    expect(findingFacts(hypo).other.map((f) => f.evidence.ref)).toEqual(["Observation/ab-glucose-91", "Observation/ab-glucose-20"]);
  });

  it("the tests whose results a finding shows", () => {
    const r = reportOf(labsCodedJoined);
    expect(findingLabTests(findingOf(r, "chronic-kidney-disease"))).toEqual(["egfr"]);
    expect(findingLabTests(findingOf(r, "type-2-diabetes"))).toEqual(["hba1c"]);
    expect(findingLabTests(findingOf(r, "older-age"))).toEqual([]);
  });
});

describe("basis and facts", () => {
  it("data-basis is the engine's Finding.basis, never recomputed", () => {
    const f = findingOf(reportOf(labsKidneyFailure), "chronic-kidney-disease");
    expect(findingBasis(f)).toBe("lab");
    expect(findingBasis({ ...f, basis: "record" })).toBe("record");
  });

  it("results that join a recorded diagnosis are not more facts; a lab-only finding's result is one", () => {
    const joined = activeFacts(reportOf(labsCodedJoined));
    expect(joined.map((f) => f.kind).sort()).toEqual(["age", "condition", "condition"]);
    const alone = activeFacts(reportOf(labsKidneyFailure));
    expect(alone.map((f) => [f.kind, f.evidence.ref])).toEqual([
      ["lab", "Observation/kk-egfr-25"],
      ["age", "Patient/labs-kidney-failure"],
    ]);
  });

  it("records first in a finding's line, then its results (one per test and side of the cut-off)", () => {
    const ckd = findingOf(reportOf(labsCodedJoined), "chronic-kidney-disease");
    const { current, other } = findingFacts(ckd);
    expect(current.map((f) => f.kind)).toEqual(["condition", "lab"]);
    expect(current[1]!.evidence.ref).toBe("Observation/dj-egfr-12");
    expect(other.map((f) => f.refs)).toEqual([["Observation/dj-egfr-160", "Observation/dj-egfr-320"]]);
  });

  it("a note said by several records is shown once", () => {
    const ev = [{ notes: ["a"] }, { notes: ["a", "b"] }, { notes: ["b"] }, {}] as Finding["evidence"];
    expect(notesOnce(ev)).toEqual([["a"], ["b"], [], []]);
  });
});

describe("a test's chart: words and text alternative", () => {
  const karl = reportOf(labsKidneyFailure);
  const egfr = karl.labs!.series.find((s) => s.test === "egfr")!;

  it("a row per counted result, oldest first, as reported and in the chart's unit, against the cut-off", () => {
    const rows = chartRows(egfr);
    // 900, 500, 300, 130 and 25 days ago; the preliminary and the cancelled results are not counted.
    expect(rows.map((r) => r.ref)).toEqual(["kk-egfr-900", "kk-egfr-500", "kk-egfr-300", "kk-egfr-130", "kk-egfr-25"].map((id) => `Observation/${id}`));
    expect(rows[0]).toMatchObject({ date: "9 Jun 2024", reported: ">90 mL/min/1.73 m²", value: ">90", meets: "does not meet the cut-off" });
    expect(rows[1]).toMatchObject({ reported: "44 mL/min/1.73 m²", value: "44", meets: "meets the cut-off (below 60)" });
    expect(rows[4]).toMatchObject({ date: "1 Nov 2026", value: "11" });
  });

  it("draws the second cut-off only when the results come near it", () => {
    expect(chartCutoffs(egfr).map((c) => c.value)).toEqual([60, 15]);
    const dora = reportOf(labsCodedJoined).labs!.series.find((s) => s.test === "egfr")!;
    expect(chartCutoffs(dora).map((c) => c.value)).toEqual([60]);
  });

  it("the caption: how many, from when to when, the most recent, what the line and the marks mean", () => {
    expect(chartCaption(egfr)).toBe(
      "eGFR results over time (mL/min/1.73 m²): 5 results from 9 Jun 2024 to 1 Nov 2026; most recent 11 mL/min/1.73 m². " +
        "Dashed lines: the cut-offs (below 60 mL/min/1.73 m²; below 15 mL/min/1.73 m²). Filled squares: the 4 results that meet a cut-off; open circles: the others.",
    );
  });

  it("a value converted only to be drawn is marked approximate", () => {
    const hba1c = reportOf(labsCodedJoined).labs!.series.find((s) => s.test === "hba1c")!;
    expect(chartRows(hba1c).map((r) => [r.reported, r.value])).toEqual([
      ["7.1 %", "7.1"],
      // HbA1c in % with one decimal: 58 mmol/mol is about 7.5 %.
      ["58 mmol/mol", "≈ 7.5"],
    ]);
  });
});

describe("what was checked", () => {
  it("how many results were counted, not interpreted and left out", () => {
    expect(labCountsLine(reportOf(labsKidneyFailure).labs!)).toBe(
      "The EHR returned 7 lab results: 5 interpreted; not interpreted: 1 not final, 1 left out (cancelled, entered in error, or not this patient's).",
    );
    expect(labCountsLine(reportOf(labsCodedJoined).labs!)).toBe("The EHR returned 7 lab results: 7 interpreted.");
    const none: LabInterpretation = { causes: [], rules: [], series: [], notInterpreted: [], counts: { observations: 0, labResults: 0, counted: 0, notLoinc: 0, otherCodes: 0 } };
    expect(labCountsLine(none)).toBe("The EHR returned no results of these tests.");
  });

  it("results not interpreted, grouped by reason in a fixed order, each with its test and date", () => {
    expect(notInterpretedGroups(reportOf(labsAnemiaBoundary).labs!)).toEqual([
      {
        reason: "unit-not-recognised",
        heading: "Unit not recognised",
        items: [{ ref: "Observation/ab-hb-unknown-unit", text: "Hemoglobin, 16 Nov 2026: unit not recognised: mg/mmol" }],
      },
    ]);
    const skipped: LabSkipped[] = [
      { test: "tsh", reason: "not-final", text: "status preliminary: not a final result", ref: "Observation/a" },
      { test: "egfr", reason: "unit-not-recognised", text: "unit not recognised: mL/s", date: "2026-01-05", ref: "Observation/b" },
      { test: "glucose", reason: "not-final", text: "status registered: not a final result" },
    ];
    const labs: LabInterpretation = { causes: [], rules: [], series: [], notInterpreted: skipped, counts: { observations: 3, labResults: 3, counted: 0, notLoinc: 0, otherCodes: 0 } };
    const groups = notInterpretedGroups(labs);
    expect(groups.map((g) => [g.reason, g.items.map((i) => i.text)])).toEqual([
      ["not-final", ["TSH: status preliminary: not a final result", "Glucose: status registered: not a final result"]],
      ["unit-not-recognised", ["eGFR, 5 Jan 2026: unit not recognised: mL/s"]],
    ]);
  });

  it("lab counts mean something only when lab results were read (completely or in part)", () => {
    const s = (status: SourceReport["status"]): SourceReport[] => [{ source: "Observation", status, count: 0, warnings: [] }];
    expect(labsWereRead(s("read"))).toBe(true);
    expect(labsWereRead(s("truncated"))).toBe(true);
    expect(labsWereRead(s("failed"))).toBe(false);
    expect(labsWereRead(s("not-authorized"))).toBe(false);
    expect(labsWereRead([])).toBe(false);
  });

  it("what is not used: other results and observations once lab results are read; lab results when they are not", () => {
    const withLabs = notReadLine([{ source: "Observation", status: "read", count: 1, warnings: [] }]);
    expect(withLabs).toContain("lab results other than eGFR, hemoglobin, HbA1c, glucose and TSH");
    expect(withLabs).toContain("blood pressure readings");
    expect(withLabs).not.toMatch(/laboratory results/);
    expect(notReadLine([])).toMatch(/^Not used: laboratory results/);
  });
});

describe("copied text and the card summary label lab-based findings", () => {
  it("the short note says the finding is suggested by lab results, with the result", () => {
    const note = shortNote(reportOf(labsKidneyFailure), LAB_NOW);
    expect(note).toContain(
      "known cause: chronic kidney disease (kidney failure; eGFR fell from >90 to 11 mL/min/1.73 m² over 2 years; lab results only, not a recorded diagnosis)",
    );
    expect(shortNote(reportOf(labsAnemiaBoundary), LAB_NOW)).toContain("Not current: hypoglycemia (recorded 2026).");
    // A coded finding joined by results is not labelled as lab-based; its latest results are said with it.
    const dora = shortNote(reportOf(labsCodedJoined), LAB_NOW);
    expect(dora).not.toContain("lab results only");
    expect(dora).toContain("chronic kidney disease (since 2022; eGFR 55 mL/min/1.73 m² on 14 Nov 2026)");
  });

  it("the full detail: the label, every result line, the definitions, counts and what was not interpreted", () => {
    const karl = fullNote(reportOf(labsKidneyFailure), LAB_NOW);
    expect(karl).toContain("- Chronic kidney disease (suggested by lab results — not recorded as a diagnosis) (known cause: kidney failure): current");
    expect(karl).toContain("  - eGFR 13 mL/min/1.73 m² — meets the cut-off; measured 19 Jul 2026 (4 months ago), age 76; cut-off applied: below 15 mL/min/1.73 m²");
    expect(karl).toContain("  Definition applied: KDIGO 2024: GFR category G5");
    expect(karl).toContain("Lab results: The EHR returned 7 lab results: 5 interpreted; not interpreted: 1 not final");
    expect(karl).toContain("- Not interpreted, not final: eGFR, 24 Nov 2026: status preliminary: not a final result");
    // The preliminary eGFR is newer than the last one interpreted: said next to the finding too.
    expect(karl).toMatch(/^ {2}Newer eGFR result of 24 Nov 2026 could not be read: status preliminary: not a final result\.$/m);
    expect(fullNote(reportOf(labsAnemiaBoundary), LAB_NOW)).toContain("- Not interpreted, unit not recognised: Hemoglobin, 16 Nov 2026");
  });

  it("the card summary names a lab-only cause as suggested by lab results", () => {
    expect(currentFindingsSummary(reportOf(labsKidneyFailure))).toBe(
      "Night leg cramps: chronic kidney disease (suggested by lab results: eGFR 11 mL/min/1.73 m²) and 1 other documented cause are current",
    );
  });

  it("lab counts are not claimed when lab results could not be read", () => {
    const failed = buildReport(labPanelData(labsKidneyFailure, { sources: { Observation: { status: "failed", count: 0, message: "the server returned an error" } } }));
    const note = fullNote(failed, LAB_NOW);
    expect(note).toContain("Could not be checked completely (no finding can be ruled out there):");
    expect(note).toMatch(/- Lab results \(eGFR, hemoglobin, HbA1c, glucose, TSH\): Could not be checked/);
    expect(note).not.toContain("Lab results: The EHR returned");
    expect(shortNote(failed, LAB_NOW)).toContain("Not checked completely: lab results (could not be checked).");
  });
});
