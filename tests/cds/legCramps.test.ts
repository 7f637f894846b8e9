/** The card's trigger: which Conditions document leg cramps, and when they count (active or recorded < 12 months). */
import { describe, expect, it } from "vitest";
import type { Condition } from "fhir/r4";
import { documentsLegCramps, findLegCramps, legCrampMatch } from "../../src/engine/legCramps";
import { LEG_CRAMP_CODES } from "../../src/knowledge/codes/legCrampCodes";

const NOW = new Date("2026-11-26T12:00:00Z");
const SNOMED = "http://snomed.info/sct";
const ICD10 = "http://hl7.org/fhir/sid/icd-10-cm";
const CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
const VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

function condition(id: string, code: Condition["code"], extra: Partial<Condition> = {}): Condition {
  return {
    resourceType: "Condition",
    id,
    subject: { reference: "Patient/p1" },
    clinicalStatus: { coding: [{ system: CLINICAL, code: "active" }] },
    code,
    ...extra,
  };
}

const coded = (system: string, code: string, display?: string, text?: string): Condition["code"] => ({
  coding: [{ system, code, ...(display ? { display } : {}) }],
  ...(text ? { text } : {}),
});

describe("leg-cramp codes", () => {
  it("every listed code is recognised in its system (with or without the ICD dot)", () => {
    for (const list of LEG_CRAMP_CODES) {
      const uri = { snomed: SNOMED, icd10cm: ICD10, icd9cm: "http://hl7.org/fhir/sid/icd-9-cm" }[list.system];
      for (const { code, display } of list.codes) {
        expect(legCrampMatch(coded(uri, code, display)), `${list.id} ${code}`).toMatchObject({ matchedBy: "code" });
        expect(legCrampMatch(coded(uri, code.replace(".", ""), display)), `${code} without dot`).toMatchObject({ matchedBy: "code" });
      }
    }
  });

  it("G47.62 counts, other G47.6x sleep movement disorders (restless legs' neighbours) do not", () => {
    expect(legCrampMatch(coded(ICD10, "G47.62"))).toBeDefined();
    expect(legCrampMatch(coded(ICD10, "G47.61", "Periodic limb movement disorder"))).toBeUndefined();
    expect(legCrampMatch(coded(ICD10, "G25.81", "Restless legs syndrome"))).toBeUndefined();
  });

  it("R25.2 (not leg-specific) counts unless the record names another body site", () => {
    expect(legCrampMatch(coded(ICD10, "R25.2", "Cramp and spasm"))).toBeDefined();
    expect(legCrampMatch(coded(ICD10, "R25.2", "Cramp and spasm", "Leg cramps"))).toBeDefined();
    expect(legCrampMatch(coded(ICD10, "R25.2", "Cramp and spasm", "Writer's cramp of the right hand"))).toBeUndefined();
    expect(legCrampMatch(coded(ICD10, "R25.2", "Cramp and spasm", "Abdominal cramps"))).toBeUndefined();
    expect(legCrampMatch(coded(SNOMED, "55300003", "Cramp", "Cramp in back and calf"))).toBeDefined();
    expect(legCrampMatch(coded(SNOMED, "55300003", "Muscle cramp", "Jaw cramp"))).toBeUndefined();
  });

  it("recognises leg cramps by name when no coding is a leg-cramp code", () => {
    for (const text of ["Nocturnal leg cramps", "Leg cramps at night", "cramps in both calves", "Charley horse", "Sleep-related leg cramp", "Cramp in lower leg"]) {
      expect(legCrampMatch({ coding: [{ system: "urn:local", code: "123" }], text }), text).toMatchObject({ matchedBy: "name" });
    }
    for (const text of ["Menstrual cramps", "Restless legs syndrome", "Leg pain", "Abdominal cramping", "Cramp"]) {
      expect(legCrampMatch({ text }), text).toBeUndefined();
    }
  });
});

describe("findLegCramps", () => {
  const cramp = coded(ICD10, "G47.62", "Sleep related leg cramps");

  it("counts an active condition whatever its age, unconfirmed included", () => {
    const found = findLegCramps(
      [
        condition("a", cramp, { recordedDate: "2001-01-01" }),
        condition("b", cramp, { verificationStatus: { coding: [{ system: VERIFICATION, code: "provisional" }] } }),
      ],
      NOW,
    );
    expect(found.map((f) => [f.ref, f.because])).toEqual([
      ["Condition/a", "active"],
      ["Condition/b", "active"],
    ]);
  });

  it("counts a resolved condition only when recorded within the last 12 months (recordedDate, else onset)", () => {
    const resolved = { clinicalStatus: { coding: [{ system: CLINICAL, code: "resolved" }] } };
    const found = findLegCramps(
      [
        condition("recent", cramp, { ...resolved, recordedDate: "2026-02-01" }),
        condition("edge", cramp, { ...resolved, recordedDate: "2025-11-26T12:00:00Z" }),
        condition("old", cramp, { ...resolved, recordedDate: "2025-11-25" }),
        condition("onset", cramp, { ...resolved, onsetDateTime: "2026-06-01" }),
        condition("future", cramp, { ...resolved, recordedDate: "2027-01-01" }),
        condition("undated", cramp, resolved),
        condition("abated", cramp, { abatementDateTime: "2020-01-01", recordedDate: "2019-12-01" }),
      ],
      NOW,
    );
    expect(found.map((f) => f.ref)).toEqual(["Condition/recent", "Condition/edge", "Condition/onset"]);
    expect(found[0]).toMatchObject({ because: "recent", recorded: "2026-02-01" });
  });

  it("says the record's clinical status and when the cramps began (onset, else recorded date), for the card's anchor", () => {
    const resolved = { clinicalStatus: { coding: [{ system: CLINICAL, code: "resolved" }] } };
    const [withOnset, recordedOnly, noStatus] = findLegCramps(
      [
        condition("a", cramp, { onsetDateTime: "2026-08-14", recordedDate: "2026-09-01" }),
        condition("b", cramp, { ...resolved, recordedDate: "2026-02-01" }),
        { ...condition("c", cramp, { recordedDate: "2026-10-01" }), clinicalStatus: undefined, verificationStatus: undefined },
      ],
      NOW,
    );
    expect(withOnset).toMatchObject({ clinicalStatus: "active", since: "2026-08-14" });
    expect(recordedOnly).toMatchObject({ clinicalStatus: "resolved", since: "2026-02-01", because: "recent" });
    expect(noStatus).toMatchObject({ since: "2026-10-01" });
    expect(noStatus!.clinicalStatus).toBeUndefined();
  });

  it("never counts refuted or entered-in-error records, nor malformed input", () => {
    const refuted = { verificationStatus: { coding: [{ system: VERIFICATION, code: "refuted" }] } };
    const error = { verificationStatus: { coding: [{ system: VERIFICATION, code: "entered-in-error" }] } };
    const hostile = Object.defineProperty({ resourceType: "Condition", id: "x" }, "code", {
      get() {
        throw new Error("boom");
      },
    });
    expect(documentsLegCramps([condition("r", cramp, refuted), condition("e", cramp, error), null, 42, "x", { resourceType: "Condition" }, hostile], NOW)).toBe(false);
    expect(documentsLegCramps([condition("ok", cramp)], new Date(Number.NaN))).toBe(false);
  });

  it("is not fooled by other resources or other conditions", () => {
    const obs = { resourceType: "Observation", id: "o", code: cramp };
    expect(documentsLegCramps([obs, condition("h", coded(SNOMED, "38341003", "Hypertension"))], NOW)).toBe(false);
  });
});
