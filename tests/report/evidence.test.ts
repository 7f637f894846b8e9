import { describe, expect, it } from "vitest";
import {
  evidenceDates,
  evidenceLine,
  evidenceStatusWords,
  findingNeedsConfirmation,
  keyDates,
  needsConfirmation,
  technicalLine,
  whenText,
} from "../../src/report/evidence";
import { ACUTE_STATES, CONFIRM_STILL_CURRENT } from "../../src/knowledge/conventions";
import { NOW, evidence } from "../ui/fixtures";

const med = (over: Parameters<typeof evidence>[1] = {}) =>
  evidence("MedicationRequest/m", { resourceType: "MedicationRequest", text: "Lisinopril 10 MG Oral Tablet", category: undefined, dates: { authored: "2024-11-02" }, ...over });

describe("labelled dates", () => {
  it("each kind of record says what its dates are", () => {
    expect(evidenceDates(evidence("Condition/c", { dates: { onset: "2019-05", recorded: "2019-06-01", abatement: "2020" } }), NOW).map((d) => d.label)).toEqual([
      "onset",
      "recorded",
      "ended",
    ]);
    expect(evidenceDates(evidence("Condition/c", { dates: { onset: "2019-09-20", recorded: "2019-09-20T10:00:00Z" } }), NOW).map((d) => d.label)).toEqual(["onset"]);
    expect(evidenceDates(med(), NOW).map((d) => `${d.label} ${d.date} (${d.ago})`)).toEqual(["ordered 2 Nov 2024 (6 months ago)"]);
    expect(evidenceDates(med({ duplicates: ["MedicationRequest/older"] }), NOW)[0]!.label).toBe("last ordered");
    const proc = evidence("Procedure/p", { resourceType: "Procedure", dates: { performed: "2025-05-29" } });
    expect(whenText(proc, NOW)).toBe("done 29 May 2025 (3 days ago)");
    const st = evidence("MedicationStatement/s", { resourceType: "MedicationStatement", dates: { effective: "2023-01", recorded: "2023-02-01" } });
    expect(whenText(st, NOW)).toBe("taken Jan 2023 (2 years ago)");
  });

  it("the line shows the start, the end of a past record, and 'recorded' only when nothing else dates it", () => {
    const past = evidence("Condition/c", { status: "past", current: false, recordStatus: "resolved", dates: { onset: "2015-05-15", abatement: "2015-12-11" } });
    expect(keyDates(past, NOW).map((d) => d.label)).toEqual(["onset", "ended"]);
    expect(whenText(evidence("Condition/r", { dates: { recorded: "2023-11-20" } }), NOW)).toBe("recorded 20 Nov 2023 (18 months ago)");
    expect(whenText(evidence("Condition/n", { dates: {} }), NOW)).toBe("no date recorded");
    expect(whenText(evidence("Patient/p", { resourceType: "Patient", dates: {} }), NOW)).toBe("");
  });
});

describe("status in words", () => {
  it("from the engine's reading, with the record's own word", () => {
    expect(evidenceStatusWords(evidence("Condition/a"))).toBe("active");
    expect(evidenceStatusWords(evidence("Condition/a", { status: "unconfirmed", verificationStatus: "provisional" }))).toBe("active, unconfirmed (provisional)");
    expect(evidenceStatusWords(evidence("Condition/a", { status: "past", current: false, recordStatus: "resolved" }))).toBe("resolved");
    expect(evidenceStatusWords(evidence("Condition/a", { status: "unknown", current: false, recordStatus: undefined }))).toBe("status not recorded");
    expect(evidenceStatusWords(evidence("Condition/a", { status: "stale", current: false }))).toMatch(/began over 42 weeks ago: not current/);
  });
});

describe("'confirm still current' (knowledge/conventions.ts)", () => {
  const years = (n: number) => `${2025 - n}-05-31`;
  it("medicines: no order for over the convention's years", () => {
    expect(needsConfirmation(med({ dates: { authored: years(CONFIRM_STILL_CURRENT.medicineYears) } }), NOW)).toBe(true);
    expect(needsConfirmation(med({ dates: { authored: years(CONFIRM_STILL_CURRENT.medicineYears - 1) } }), NOW)).toBe(false);
    // A later date on the same record (e.g. a validity period still running) is activity.
    expect(needsConfirmation(med({ dates: { authored: "2010-01-01", end: "2026-01-01" } }), NOW)).toBe(false);
  });

  it("conditions: an acute state with no date for over the convention's years; a lifelong condition never by its age alone", () => {
    const old = evidence("Condition/c", { dates: { onset: years(CONFIRM_STILL_CURRENT.acuteStateYears) } });
    for (const acute of ACUTE_STATES) expect(needsConfirmation(old, NOW, acute), acute).toBe(true);
    expect(needsConfirmation(evidence("Condition/c", { dates: { onset: "2025-01-01" } }), NOW, "dehydration")).toBe(false);
    for (const lifelong of ["hypertension", "type-2-diabetes", "peripheral-artery-disease", "chronic-kidney-disease"] as const) {
      expect(needsConfirmation(evidence("Condition/c", { dates: { onset: "1976" } }), NOW, lifelong), lifelong).toBe(false);
    }
    // Without knowing the cause, a condition is never marked.
    expect(needsConfirmation(old, NOW)).toBe(false);
  });

  it("never for past records, undated ones, age, procedures or lab results", () => {
    expect(needsConfirmation(med({ status: "past", current: false, dates: { authored: "1931" } }), NOW)).toBe(false);
    expect(needsConfirmation(med({ dates: {} }), NOW)).toBe(false);
    expect(needsConfirmation(evidence("Procedure/p", { resourceType: "Procedure", dates: { performed: "1990" } }), NOW)).toBe(false);
    expect(needsConfirmation(evidence("Observation/o", { resourceType: "Observation", dates: { effective: "1990" } }), NOW)).toBe(false);
  });

  it("a finding: only when every current record needs it", () => {
    const old = med({ dates: { authored: "1931-03-09" } });
    expect(findingNeedsConfirmation({ evidence: [old] }, NOW)).toBe(true);
    expect(findingNeedsConfirmation({ evidence: [old, med({ ref: "MedicationRequest/n" })] }, NOW)).toBe(false);
    expect(findingNeedsConfirmation({ evidence: [] }, NOW)).toBe(false);
  });
});

describe("one line", () => {
  it("what, dose, status, labelled date and recency, confirm", () => {
    expect(evidenceLine({ ...med({ dates: { authored: "2016-05-27" } }), dose: "1 tablet daily" }, NOW)).toBe(
      "Lisinopril 10 MG Oral Tablet, 1 tablet daily — active; ordered 27 May 2016 (9 years ago); confirm still current",
    );
    expect(evidenceLine(evidence("Patient/p", { resourceType: "Patient", text: "Age 75 today" }), NOW)).toBe("Age 75 today");
    expect(evidenceLine(evidence("Condition/x", { text: "Anemia\u202E\nx" }), NOW)).toMatch(/^Anemia x — active/);
  });

  it("technical details carry code, id, why and the folded records", () => {
    const t = technicalLine(med({ matched: { systemLabel: "RxNorm", code: "314076" }, duplicates: ["MedicationRequest/a", "MedicationRequest/b"] }));
    expect(t).toContain("Medication order; RxNorm 314076");
    expect(t).toContain("MedicationRequest/m");
    expect(t).toContain("and 2 more like it: MedicationRequest/a, MedicationRequest/b");
  });
});
