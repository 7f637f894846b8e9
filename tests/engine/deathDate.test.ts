/**
 * Issue 19, item 2: a death date that is no death date. eClinicalWorks sends deceasedDateTime 1899-12-30
 * (a database's zero date) for living patients; before this change the engine called them deceased and
 * made nothing current.
 */
import { describe, expect, it } from "vitest";
import type { Condition, Patient } from "fhir/r4";
import { matchRecords } from "../../src/engine";
import { deathDateProblem, patientFacts } from "../../src/engine/patient";

const NOW = new Date("2026-11-26T12:00:00Z");
const person = (deceasedDateTime?: string, birthDate = "1989-05-06"): Patient => ({ resourceType: "Patient", id: "p", birthDate, ...(deceasedDateTime ? { deceasedDateTime } : {}) });
const htn: Condition = {
  resourceType: "Condition",
  id: "c",
  subject: { reference: "Patient/p" },
  clinicalStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "active" }] },
  code: { coding: [{ system: "http://hl7.org/fhir/sid/icd-10-cm", code: "I10" }] },
  onsetDateTime: "2021-09-10",
};

describe("a death date that is no death date", () => {
  it("1899-12-30 for a patient born in 1989: not deceased, the date kept aside as ignored, age today", () => {
    expect(patientFacts(person("1899-12-30"), NOW)).toEqual({
      id: "p",
      deceased: false,
      ignoredDeathDate: { date: "1899-12-30", reason: "placeholder" },
      age: 37,
      ageAt: "today",
    });
  });

  it("the rule: on or before 1900-01-01, or before the birth date (at the precision given)", () => {
    expect(deathDateProblem("1900-01-01", undefined)).toBe("placeholder");
    expect(deathDateProblem("1899", "1850")).toBe("placeholder");
    expect(deathDateProblem("1900-01-02", "1890-01-01")).toBeUndefined();
    expect(deathDateProblem("1975-03-01", "1989-05-06")).toBe("before-birth");
    expect(deathDateProblem("1989-05", "1989-05-06")).toBeUndefined(); // the same month: may be the same day or after
    expect(deathDateProblem("2024-02-10T08:00:00Z", "1950-01-01")).toBeUndefined();
    expect(deathDateProblem("not a date", "1950")).toBeUndefined();
  });

  it("a real death date still makes the patient deceased; deceasedBoolean true is kept whatever", () => {
    expect(patientFacts(person("2024-02-10", "1940-01-01"), NOW)).toMatchObject({ deceased: true, deceasedDate: "2024-02-10", ageAt: "death" });
    expect(patientFacts({ resourceType: "Patient", id: "p", deceasedBoolean: true }, NOW).deceased).toBe(true);
  });

  it("the findings of a patient with the zero date are current, as for the same patient without it", () => {
    const zero = matchRecords({ patient: person("1899-12-30"), conditions: [htn], medications: [], procedures: [] }, { now: NOW });
    const none = matchRecords({ patient: person(), conditions: [htn], medications: [], procedures: [] }, { now: NOW });
    expect(zero.findings.map((f) => [f.causeId, f.current])).toEqual([["hypertension", true]]);
    expect(zero.findings).toEqual(none.findings);
  });
});
