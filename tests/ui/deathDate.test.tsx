// @vitest-environment jsdom
/**
 * Issue 19, item 2, in the panel: a living patient whose record carries a zero death date (1899-12-30)
 * is not shown as deceased, their findings stay current, and a data-quality line says the date was ignored.
 */
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render } from "@testing-library/react";
import type { Condition, Patient } from "fhir/r4";
import { Panel } from "../../src/ui/Panel";
import { matchRecords } from "../../src/engine";
import { buildReport } from "../../src/report/build";
import { fullNote } from "../../src/report/note";
import { dataQualityLines } from "../../src/report/dataQuality";
import { NOW, data, ready } from "./fixtures";

afterEach(cleanup);

const patient: Patient = { resourceType: "Patient", id: "p1", name: [{ text: "Ezra Zerodate" }], gender: "male", birthDate: "1989-05-06", deceasedDateTime: "1899-12-30" };
const htn: Condition = {
  resourceType: "Condition",
  id: "c1",
  subject: { reference: "Patient/p1" },
  clinicalStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "active" }] },
  code: { coding: [{ system: "http://hl7.org/fhir/sid/icd-10-cm", code: "I10", display: "Essential (primary) hypertension" }] },
  onsetDateTime: "2021-09-10",
};

describe("a zero death date in the panel", () => {
  it("no 'deceased' anywhere, the finding current, and the data-quality line at the top", () => {
    const result = matchRecords({ patient, conditions: [htn], medications: [], procedures: [] }, { now: NOW });
    const d = data({ patient, result });
    const { container } = render(<Panel state={ready(d)} now={NOW} />);
    const text = container.textContent ?? "";
    expect(text).not.toMatch(/deceased/i);
    expect(container.querySelector('[data-cause="hypertension"]')?.getAttribute("data-current")).toBe("true");
    const line = container.querySelector('[data-quality="death-date"]')?.textContent;
    expect(line).toBe(
      "The record gives a death date of 30 Dec 1899, which is on or before 1 Jan 1900 (a placeholder some systems store for “no date”). It was ignored: the patient is treated as living. Check the chart if in doubt.",
    );
    expect(fullNote(buildReport(d), NOW)).toContain(line!);
  });

  it("a death date before the birth date is said so", () => {
    const early = { ...patient, deceasedDateTime: "1975-03-01" };
    const result = matchRecords({ patient: early, conditions: [], medications: [], procedures: [] }, { now: NOW });
    expect(dataQualityLines(buildReport(data({ patient: early, result })))).toEqual([
      "The record gives a death date of 1 Mar 1975, which is before the birth date. It was ignored: the patient is treated as living. Check the chart if in doubt.",
    ]);
  });
});
