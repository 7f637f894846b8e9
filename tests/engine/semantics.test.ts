/** Status, dates, deceased, grouping and ordering rules of the engine contract. */
import { describe, expect, it } from "vitest";
import { matchRecords } from "../../src/engine";
import type { EngineInput } from "../../src/engine/types";
import { condition, medReq, medStatement, NOW, procedure } from "./build";

const run = (p: Partial<EngineInput>, now = NOW) => matchRecords({ conditions: [], medications: [], procedures: [], ...p }, { now });
const only = (p: Partial<EngineInput>) => {
  const r = run(p);
  expect(r.findings).toHaveLength(1);
  return r.findings[0]!;
};

describe("condition status", () => {
  it.each([
    ["active", "confirmed", undefined, "current", true],
    ["recurrence", "confirmed", undefined, "current", true],
    ["relapse", "confirmed", undefined, "current", true],
    ["active", "unconfirmed", undefined, "unconfirmed", true],
    ["active", "provisional", undefined, "unconfirmed", true],
    ["active", "differential", undefined, "unconfirmed", true],
    ["active", "confirmed", "2026-01-01", "past", false],
    ["inactive", "confirmed", undefined, "past", false],
    ["remission", "confirmed", undefined, "past", false],
    ["resolved", "confirmed", undefined, "past", false],
    ["", "confirmed", undefined, "current", true], // no clinical status, recorded within 12 months (semanticsWindows.test.ts)
  ])("clinical %s / verification %s / abated %s -> %s", (clinical, verification, abatement, status, current) => {
    const f = only({ conditions: [condition("snomed", "59621000", { clinical, verification, ...(abatement ? { abatementDateTime: abatement } : {}) })] });
    expect(f.evidence[0]!.status).toBe(status);
    expect(f.current).toBe(current);
  });

  it.each(["entered-in-error", "refuted"])("ignores %s conditions entirely", (verification) => {
    expect(run({ conditions: [condition("snomed", "59621000", { verification })] }).findings).toEqual([]);
  });
});

describe("medicine status", () => {
  it.each([
    ["active", "current", true],
    ["on-hold", "current", true],
    ["completed", "past", false],
    ["stopped", "past", false],
    ["draft", "not-started", false],
    ["unknown", "unknown", false],
  ] as const)("MedicationRequest %s -> %s", (status, evStatus, current) => {
    const f = only({ medications: [medReq("rxnorm", "314076", { status })] });
    expect([f.evidence[0]!.status, f.current]).toEqual([evStatus, current]);
  });

  it.each(["cancelled", "entered-in-error"] as const)("ignores MedicationRequest %s", (status) => {
    expect(run({ medications: [medReq("rxnorm", "314076", { status })] }).findings).toEqual([]);
  });

  it("ignores doNotPerform requests", () => {
    expect(run({ medications: [medReq("rxnorm", "314076", { doNotPerform: true })] }).findings).toEqual([]);
  });

  it.each([
    ["active", "current"],
    ["intended", "not-started"],
    ["completed", "past"],
  ] as const)("MedicationStatement %s -> %s", (status, evStatus) => {
    const f = only({ medications: [medStatement("rxnorm", "314076", status)] });
    expect(f.evidence[0]!.status).toBe(evStatus);
    expect(f.evidence[0]!.resourceType).toBe("MedicationStatement");
  });

  it.each(["not-taken", "entered-in-error"] as const)("ignores MedicationStatement %s", (status) => {
    expect(run({ medications: [medStatement("rxnorm", "314076", status)] }).findings).toEqual([]);
  });

  it("falls back to the resource's own concept when none was resolved", () => {
    const m = medReq("rxnorm", "314076");
    delete m.concept;
    expect(only({ medications: [m] }).causeId).toBe("blood-pressure-medicines");
  });
});

describe("dialysis procedures", () => {
  it("in-progress started within 90 days is current; left in progress for years is past; completed within 90 days is current; older is past", () => {
    expect(only({ procedures: [procedure("snomed", "265764009", { status: "in-progress", performedDateTime: "2026-10-01" })] }).current).toBe(true);
    const stale = only({ procedures: [procedure("snomed", "265764009", { status: "in-progress", performedDateTime: "2020-01-01" })] });
    expect([stale.current, stale.evidence[0]!.status, stale.strength]).toEqual([false, "past", "sometimes-linked"]);
    expect(stale.evidence[0]!.notes?.join(" ")).toMatch(/in progress since 2020-01-01, more than 90 days/);
    const undated = only({ procedures: [{ ...procedure("snomed", "265764009", { status: "in-progress" }), performedDateTime: undefined }] });
    expect([undated.current, undated.evidence[0]!.status]).toEqual([false, "unknown"]);
    expect(only({ procedures: [procedure("snomed", "265764009", { performedDateTime: "2026-09-01" })] }).current).toBe(true);
    const old = only({ procedures: [procedure("snomed", "265764009", { performedDateTime: "2026-06-01" })] });
    expect([old.current, old.evidence[0]!.status]).toEqual([false, "past"]);
  });

  it.each(["not-done", "entered-in-error"] as const)("ignores %s procedures", (status) => {
    expect(run({ procedures: [procedure("snomed", "265764009", { status })] }).findings).toEqual([]);
  });
});

describe("patient facts and older age", () => {
  const patient = (birthDate: string | undefined, extra: object = {}) => ({ resourceType: "Patient" as const, id: "p1", ...(birthDate ? { birthDate } : {}), ...extra });

  it("adds older-age at 65 and over, with Patient evidence, current for a living patient", () => {
    const r = run({ patient: patient("1961-11-26") });
    expect(r.patient).toMatchObject({ age: 65, ageAt: "today", deceased: false });
    expect(r.findings[0]!.causeId).toBe("older-age");
    expect(r.findings[0]!.evidence[0]!.ref).toBe("Patient/p1");
    expect(r.findings[0]!.current).toBe(true);
    expect(run({ patient: patient("1961-11-27") }).findings).toEqual([]);
  });

  it("handles partial birth dates without off-by-one (youngest possible age)", () => {
    expect(run({ patient: patient("1961") }).patient.age).toBe(64);
    expect(run({ patient: patient("1961-11") }).patient.age).toBe(64);
    expect(run({ patient: patient("1961-10") }).patient.age).toBe(65);
    expect(run({ patient: patient("1960") }).patient.age).toBe(65);
    expect(run({ patient: patient("2000-01-01") }, new Date("2025-12-31T23:30:00-05:00")).patient.age).toBe(26);
  });

  it("uses age at death for a deceased patient and makes everything not current", () => {
    const r = run({
      patient: patient("1920-05-01", { deceasedDateTime: "2000-04-30T10:00:00Z" }),
      conditions: [condition("snomed", "59621000")],
      medications: [medReq("rxnorm", "314076")],
    });
    expect(r.patient).toMatchObject({ age: 79, ageAt: "death", deceased: true, deceasedDate: "2000-04-30T10:00:00Z" });
    expect(r.findings.map((f) => f.causeId).sort()).toEqual(["blood-pressure-medicines", "hypertension", "older-age"]);
    for (const f of r.findings) {
      expect(f.current).toBe(false);
      for (const e of f.evidence) expect([e.status, e.current]).toEqual(["deceased", false]);
    }
  });

  it("deceasedBoolean without a date: deceased, age unknown", () => {
    const r = run({ patient: patient("1920-05-01", { deceasedBoolean: true }) });
    expect(r.patient).toEqual({ id: "p1", deceased: true });
    expect(r.findings).toEqual([]);
  });

  it("no birth date: no age, no finding", () => {
    expect(run({ patient: patient(undefined) }).patient).toEqual({ id: "p1", deceased: false });
  });
});

describe("deduplication, grouping and order", () => {
  it("the same resource never gives two evidence items for one cause", () => {
    const c = condition("snomed", "46177005", { id: "same" });
    c.code!.coding!.push({ system: "http://hl7.org/fhir/sid/icd-10-cm", code: "N18.6" });
    const f = only({ conditions: [c, { ...c }] });
    expect(f.evidence.map((e) => e.ref)).toEqual(["Condition/same"]);
  });

  it("groups records with the same code and status under the most recent, keeping a current one visible", () => {
    const meds = [
      medReq("rxnorm", "316672", { id: "a", status: "stopped", authoredOn: "1990-01-01" }),
      medReq("rxnorm", "316672", { id: "b", status: "stopped", authoredOn: "1995-01-01" }),
      medReq("rxnorm", "316672", { id: "c", status: "active", authoredOn: "1980-01-01" }),
    ];
    const f = only({ medications: meds });
    expect(f.current).toBe(true);
    expect(f.evidence.map((e) => [e.ref, e.status, e.duplicates])).toEqual([
      ["MedicationRequest/c", "current", undefined],
      ["MedicationRequest/b", "past", ["MedicationRequest/a"]],
    ]);
  });

  it("flags a record whose modifier extension the app cannot interpret", () => {
    const c = condition("snomed", "59621000", { id: "mod" });
    c.modifierExtension = [{ url: "http://example.org/fhir/StructureDefinition/negated", valueBoolean: true }];
    const plain = only({ conditions: [condition("snomed", "59621000", { id: "plain" })] });
    const flagged = only({ conditions: [c] });
    expect(flagged.evidence[0]!.notes?.join(" ")).toMatch(/modifier extension/);
    expect(plain.evidence[0]!.notes?.join(" ") ?? "").not.toMatch(/modifier extension/);
  });

  it("a medicine seen both as an order and as a statement is one item, the other listed under it", () => {
    const order = medReq("rxnorm", "617310", { id: "order", authoredOn: "2026-06-01" });
    const statement = medStatement("rxnorm", "617310", "active");
    const f = only({ medications: [statement, order] });
    expect(f.evidence).toHaveLength(1);
    expect([f.evidence[0]!.ref, ...(f.evidence[0]!.duplicates ?? [])].sort()).toEqual(["MedicationRequest/order", statement.resource.id && `MedicationStatement/${statement.resource.id}`].sort());
  });

  it("the same problem on the problem list and as an encounter diagnosis is one item", () => {
    const listed = condition("icd10cm", "I10", { id: "pl", category: [{ coding: [{ code: "problem-list-item" }] }], onsetDateTime: "2020-01-01" });
    const diagnosed = condition("icd10cm", "I10", { id: "ed", category: [{ coding: [{ code: "encounter-diagnosis" }] }], onsetDateTime: "2020-01-01" });
    const f = only({ conditions: [diagnosed, listed] });
    expect(f.evidence).toHaveLength(1);
    // The problem-list entry leads; the encounter diagnosis of the same date is listed under it.
    expect(f.evidence[0]!.ref).toBe("Condition/pl");
    expect(f.evidence[0]!.duplicates).toEqual(["Condition/ed"]);
  });

  it("orders findings by strength, then current before past, then most recent", () => {
    const r = run({
      patient: { resourceType: "Patient", id: "p", birthDate: "1940-01-01" },
      conditions: [
        condition("snomed", "59621000", { clinical: "resolved", onsetDateTime: "2025-01-01" }),
        condition("snomed", "271737000", { onsetDateTime: "2001-01-01" }),
        condition("snomed", "32914008"),
        condition("snomed", "399957001"),
      ],
      medications: [medReq("rxnorm", "313988")],
    });
    expect(r.findings.map((f) => f.causeId)).toEqual([
      "peripheral-artery-disease",
      "older-age",
      "diuretics",
      "anemia",
      "hypertension",
      "restless-legs-syndrome",
    ]);
  });

  it("skips records without an id (evidence must name a real resource)", () => {
    const c = condition("snomed", "59621000");
    delete c.id;
    expect(run({ conditions: [c] }).findings).toEqual([]);
  });
});

describe("evidence content", () => {
  it("carries ref, matched coding with system label, rule, reason, dates and category", () => {
    const c = condition("icd10cm", "I10", {
      id: "h1",
      text: "Essential hypertension",
      recordedDate: "2026-06-02",
      category: [{ coding: [{ code: "problem-list-item" }] }],
    });
    const e = only({ conditions: [c] }).evidence[0]!;
    expect(e).toMatchObject({
      ref: "Condition/h1",
      resourceType: "Condition",
      text: "Essential hypertension",
      matched: { systemLabel: "ICD-10-CM", code: "I10" },
      matchedBy: "code",
      ruleId: "htn.icd10",
      status: "current",
      current: true,
      recordStatus: "active",
      verificationStatus: "confirmed",
      category: "problem-list-item",
      dates: { onset: "2026-06-01", recorded: "2026-06-02" },
      sortDate: "2026-06-01",
    });
    expect(e.reason.length).toBeGreaterThan(5);
  });
});
