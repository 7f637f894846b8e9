/**
 * Nothing unread is silent (lab-results.md): the lab results' section once interpreted — `failed` when the
 * EHR returned results none of which could be interpreted — and the words said about it.
 */
import { describe, expect, it } from "vitest";
import type { LabInterpretation, LabSkipped } from "../../src/engine/labs/types";
import type { SourceReport } from "../../src/fhir/types";
import { completeness } from "../../src/report/summary";
import { labSurveyLine, unreadLabLine } from "../../src/report/labs";
import { noneInterpreted, withLabReading } from "../../src/report/labStatus";
import { unreadInBrief } from "../../src/report/labStory";

const counts = (over: Partial<LabInterpretation["counts"]>): LabInterpretation["counts"] => ({
  observations: 0, labResults: 0, counted: 0, notLoinc: 0, otherCodes: 0, ...over,
});
const labs = (over: Partial<LabInterpretation["counts"]>, notInterpreted: LabSkipped[] = []): LabInterpretation => ({
  causes: [], rules: [], series: [], notInterpreted, counts: counts(over),
});
const sources = (labSource: Partial<SourceReport> = {}): SourceReport[] => [
  { source: "Condition", status: "read", count: 3, warnings: [] },
  { source: "Observation", status: "read", count: 4, warnings: [], ...labSource },
];
const notFinal: LabSkipped = { test: "hba1c", reason: "not-final", text: "status preliminary: not a final result", ref: "Observation/a" };

describe("the lab section once interpreted", () => {
  it("results of the tests came back and none could be interpreted: failed, the panel partial, with how many and why", () => {
    const out = withLabReading(sources(), labs({ observations: 4, labResults: 4 }, [notFinal, notFinal, notFinal, notFinal]));
    expect(out[1]).toMatchObject({ status: "failed", message: "None of the 4 lab results the EHR returned could be interpreted." });
    expect(completeness({ sources: out })).toBe("partial");
  });

  it("results coded outside LOINC only: failed too — the app cannot tell they are not the tests", () => {
    const out = withLabReading(sources(), labs({ observations: 419, notLoinc: 419 }));
    expect(out[1]!.status).toBe("failed");
    expect(out[1]!.message).toBe("None of the 419 lab results the EHR returned could be interpreted, 419 of them not coded in LOINC (the app cannot tell which test they are).");
  });

  it("one result interpreted, or only other tests (cholesterol), or nothing returned: read", () => {
    expect(withLabReading(sources(), labs({ observations: 2, labResults: 2, counted: 1 }, [notFinal]))[1]!.status).toBe("read");
    expect(withLabReading(sources(), labs({ observations: 5, otherCodes: 5 }))[1]!.status).toBe("read");
    expect(withLabReading(sources({ count: 0 }), labs({}))[1]!.status).toBe("read");
  });

  it("hemoglobins no age-based cut-off applies to are not interpreted", () => {
    const age: LabSkipped = { test: "hemoglobin", reason: "age-not-interpretable", text: "under 6 months", ref: "Observation/h" };
    expect(noneInterpreted(labs({ observations: 1, labResults: 1, counted: 1 }, [age]))).toBe(true);
  });

  it("a section already incomplete keeps its own status and message; applying the rule twice changes nothing", () => {
    const cut = sources({ status: "truncated", message: "Only the first 5000" });
    expect(withLabReading(cut, labs({ observations: 4, labResults: 4 }))[1]).toEqual(cut[1]);
    const once = withLabReading(sources(), labs({ observations: 4, notLoinc: 4 }));
    expect(withLabReading(once, labs({ observations: 4, notLoinc: 4 }))).toEqual(once);
  });
});

describe("words", () => {
  it("a newer result that could not be read, and a value no test can take", () => {
    expect(unreadLabLine({ test: "egfr", reason: "unit-not-recognised", text: "unit not recognised: mL/s", date: "2026-11-21", newer: true })).toBe(
      "Newer eGFR result of 21 Nov 2026 could not be read: unit not recognised: mL/s.",
    );
    expect(unreadLabLine({ test: "hba1c", reason: "implausible", text: "3.03 % is not a value this test can take", date: "2026-09-27" })).toBe(
      "HbA1c result of 27 Sep 2026 not interpreted: 3.03 % is not a value this test can take (a recording or unit error).",
    );
  });

  it("in brief on the finding's row: a pending newer result is not called unreadable", () => {
    const egfr = (reason: LabSkipped["reason"], date: string, newer?: true): LabSkipped => ({ test: "egfr", reason, text: reason, date, ...(newer ? { newer } : {}) });
    expect(unreadInBrief([egfr("not-final", "2026-12-05", true)])).toEqual(["A newer eGFR result (5 Dec 2026) is not final yet"]);
    expect(unreadInBrief([egfr("unit-not-recognised", "2026-12-01", true), egfr("unit-not-recognised", "2026-12-02", true)])).toEqual(["2 newer eGFR results could not be read"]);
    expect(unreadInBrief([egfr("unit-not-recognised", "2026-12-01", true), egfr("not-final", "2026-12-05", true)])).toEqual([
      "A newer eGFR result (1 Dec 2026) could not be read",
      "A newer eGFR result (5 Dec 2026) is not final yet",
    ]);
    // An older unread result is in the finding's records only.
    expect(unreadInBrief([egfr("not-final", "2020-01-01")])).toEqual([]);
  });

  it("what the search of all laboratory results showed", () => {
    const at = (labSurvey: SourceReport["labSurvey"]) => labSurveyLine(sources({ labSurvey }));
    expect(at(undefined)).toBe("");
    const what = "All laboratory results since 7 Dec 2021 were searched for results a search by LOINC code cannot see";
    expect(at({ since: "2021-12-07", status: "read", read: 200, total: 419, more: true })).toBe(`${what}: 419, the first 200 read.`);
    expect(at({ since: "2021-12-07", status: "read", read: 200, more: true })).toBe(`${what}: more than 200.`);
    expect(at({ since: "2021-12-07", status: "read", read: 0, total: 0, more: false })).toBe(`${what}: there are none.`);
    expect(at({ since: "2021-12-07", status: "not-authorized", read: 0, more: false })).toBe(`${what}: that search was not authorised.`);
  });
});
