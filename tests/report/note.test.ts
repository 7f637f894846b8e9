import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/build";
import { fullNote } from "../../src/report/fullNote";
import { shortNote } from "../../src/report/note";
import { CAUSES } from "../../src/knowledge";
import { NOTE_MAX_CHARS, NOTE_MAX_LINES } from "../../src/report/summaryNote";
import { KNOWLEDGE, NOW, data, evidence, finding, mixedFindings, sources, withFindings } from "../ui/fixtures";

const lines = (text: string) => text.split("\n");

describe("short note (Copy summary)", () => {
  const note = shortNote(buildReport(withFindings(mixedFindings())), NOW);

  it("at most 3 lines and 600 characters: current findings by strength with the patient's numbers, what is not current, the source's first point", () => {
    const l = lines(note);
    expect(l.length).toBeGreaterThanOrEqual(2);
    expect(l.length).toBeLessThanOrEqual(NOTE_MAX_LINES);
    expect(note.length).toBeLessThanOrEqual(NOTE_MAX_CHARS);
    expect(l[0]).toBe(
      "Night leg cramps. Record checked 1 Jun 2025 against Night leg cramps — Causes (March 02, 2023): known cause: chronic kidney disease (kidney failure; since 2019); raises the risk: age 75; possible link: Furosemide 40 mg tablet, last ordered Nov 2024; sometimes linked: hypertension (since 2019).",
    );
    // The fixtures' labels are the ids in words ("peripheral artery disease"); a real finding's label gives "PAD".
    expect(l[1]).toBe("Not current: peripheral artery disease (onset 2019), type 2 diabetes (onset 2019).");
    expect(l[2]).toBe("Most night leg cramps have no known cause. Associations, not a diagnosis.");
    expect(note).not.toMatch(/SNOMED|Condition\/|MedicationRequest\/|\{|\}/);
  });

  it("the worked example of issue 23: the cramp record, the medicine dated against it, no lab tests on file", () => {
    const d = withFindings(
      [
        finding("peripheral-artery-disease", "known-cause", true, [evidence("Condition/pvd", { text: "Peripheral vascular disease (disorder)", dates: { onset: "2019-05-02" } })]),
        finding("older-age", "raises-risk", true, [
          evidence("Patient/p1", { resourceType: "Patient", text: "Age 80", matchedBy: "age", matched: { systemLabel: "Age" }, category: undefined, dates: {} }),
        ]),
        finding("diuretics", "possible", true, [
          evidence("MedicationRequest/furo", {
            resourceType: "MedicationRequest",
            text: "Furosemide 40 MG Oral Tablet",
            dose: "Take 1 tablet by mouth daily",
            category: undefined,
            dates: { authored: "2026-08-09" },
          }),
        ]),
        finding("hypertension", "sometimes-linked", true, [evidence("Condition/htn", { text: "Essential hypertension", dates: { onset: "2008-01-15" } })]),
      ],
      {
        knowledge: { ...KNOWLEDGE, source: { ...KNOWLEDGE.source, title: "Night leg cramps — Causes (Mayo Clinic)" } },
        readAt: new Date("2026-12-07T10:00:00Z"),
        legCramps: [{ ref: "Condition/cramps", text: "Nocturnal leg cramps", matchedBy: "code", because: "active", since: "2026-09-23", category: "problem-list-item" }],
        sources: [...sources(), { source: "Observation", status: "read", count: 0, warnings: [] }],
      },
    );
    for (const f of d.result.findings) f.label = CAUSES.find((c) => c.id === f.causeId)!.label;
    d.result.patient = { id: "p1", age: 80, ageAt: "today", deceased: false };
    d.result.labs = { causes: [], rules: [], series: [], notInterpreted: [], counts: { observations: 0, labResults: 0, counted: 0, notLoinc: 0, otherCodes: 0 } };
    const t = shortNote(buildReport(d), new Date("2026-12-07T12:00:00Z"));
    expect(lines(t)).toEqual([
      "Night leg cramps (on the problem list since Sep 2026). Record checked 7 Dec 2026 against the Mayo Clinic list of causes (2023): known cause: PAD (since 2019); raises the risk: age 80; possible link: Furosemide 40 mg daily, started Aug 2026 (about 6 weeks before the cramps); sometimes linked: hypertension (since 2008).",
      "No eGFR, hemoglobin, HbA1c, glucose or TSH on file.",
      "Most night leg cramps have no known cause. Associations, not a diagnosis.",
    ]);
  });

  it("names each medicine with its dose; old entries still marked active are to confirm, not current causes", () => {
    const meds = finding("cholesterol-medicines", "sometimes-linked", true, [
      evidence("MedicationRequest/a", { resourceType: "MedicationRequest", text: "Atorvastatin 20 MG", dates: { authored: "2016-06-02" }, dose: "1 tablet at night" }),
      evidence("MedicationRequest/s", { resourceType: "MedicationRequest", text: "Simvastatin 20 MG", dates: { authored: "2016-05-21" } }),
    ]);
    const t = shortNote(buildReport(withFindings([meds])), NOW);
    expect(lines(t)[0]).toContain(": no current cause other than old entries to confirm.");
    expect(lines(t)[1]).toBe("Still marked active, not updated for years: Atorvastatin 20 mg at night (last ordered 2016), Simvastatin 20 mg (last ordered 2016).");
    const current = finding("cholesterol-medicines", "sometimes-linked", true, [
      evidence("MedicationRequest/a", { resourceType: "MedicationRequest", text: "Atorvastatin 20 MG Oral Tablet", dates: { authored: "2025-03-02" }, dose: "Take 1 tablet by mouth at night" }),
    ]);
    expect(lines(shortNote(buildReport(withFindings([current])), NOW))[0]).toContain("sometimes linked: Atorvastatin 20 mg at night, started Mar 2025.");
  });

  it("says what was incomplete and the EHR's warnings, so the note never implies a complete review", () => {
    const d = withFindings(mixedFindings(), {
      sources: sources({
        MedicationRequest: { status: "failed", count: 0 },
        Condition: { warnings: ["Some conditions are not shown because they are marked confidential."] },
      }),
    });
    const t = shortNote(buildReport(d), NOW);
    expect(lines(t).length).toBeLessThanOrEqual(NOTE_MAX_LINES);
    expect(t).toContain("Not checked completely: medication orders (could not be checked).");
    // The warning itself when it fits, else that there is one.
    expect(t).toMatch(/Warning from the EHR \(conditions\): Some conditions are not shown|The EHR sent a warning \(see the panel\)/);
  });

  it("a search read after a retry, and the EHR's notices, are not gaps: never in the note", () => {
    const d = withFindings(mixedFindings(), {
      sources: sources({
        Condition: {
          notices: ["The EHR hides some outside records from apps; what is shown was checked."],
          searches: [{ label: "conditions", status: "read", count: 3, retriedWithout: ["_count"] }],
        },
      }),
    });
    const t = shortNote(buildReport(d), NOW);
    expect(t).not.toMatch(/_count|retr|outside records|Not checked/i);
  });

  it("claims absence only when everything was read, and flags an empty problem list", () => {
    expect(lines(shortNote(buildReport(data()), NOW))[0]).toBe("Night leg cramps. Record checked 1 Jun 2025 against Night leg cramps — Causes (March 02, 2023): no documented cause found.");
    const partial = shortNote(buildReport(data({ sources: sources({ Condition: { status: "failed", count: 0 } }) })), NOW);
    expect(partial).not.toMatch(/no documented cause/i);
    expect(partial).toContain("nothing found in the records that could be read");
    const empty = shortNote(buildReport(data({ sources: sources({ Condition: { count: 0 } }) })), NOW);
    expect(empty).toContain("No conditions at all were returned: check the problem list in the chart.");
  });

  it("a deceased patient: said once, nothing current", () => {
    const d = withFindings([finding("hypertension", "sometimes-linked", false, [evidence("Condition/h", { status: "deceased", current: false })])]);
    d.result.patient = { age: 80, ageAt: "death", deceased: true, deceasedDate: "2021-02-03" };
    const t = shortNote(buildReport(d), NOW);
    expect(lines(t)[0]).toBe("Night leg cramps. The patient is recorded as deceased (3 Feb 2021): nothing is current.");
    expect(lines(t)[1]).toBe("In the record: hypertension (onset 2019).");
    expect(t.match(/deceased/g)).toHaveLength(1);
  });

  it("a condition sent with no clinical status is 'status not recorded, check', never 'not current'", () => {
    const pad = finding("peripheral-artery-disease", "known-cause", false, [
      evidence("Condition/pad", { text: "PAD", status: "unknown", current: false, recordStatus: undefined, dates: { recorded: "2019-03-12" } }),
    ]);
    const t = shortNote(buildReport(withFindings([pad])), NOW);
    expect(lines(t)[1]).toBe("Status not recorded, check: peripheral artery disease (recorded 2019).");
    expect(t).not.toMatch(/Not current/);
  });

  it("restless legs syndrome is never among the causes: said apart, as a different condition", () => {
    const rls = finding("restless-legs-syndrome", "differential", true, [evidence("Condition/rls", { text: "Restless legs syndrome" })]);
    const t = shortNote(buildReport(withFindings([...mixedFindings(), rls])), NOW);
    expect(lines(t)[0]).not.toMatch(/restless/i);
    expect(t).toContain("Restless legs syndrome is recorded: a different condition, often confused with cramps.");
    expect(t).not.toMatch(/not a cause/i);
  });

  it("stays within 600 characters and 3 lines however long the record, saying less rather than cutting words", () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      evidence(`MedicationRequest/m${i}`, {
        resourceType: "MedicationRequest",
        text: `Hydrochlorothiazide ${10 + i} MG Oral Tablet with a very long product description number ${i}`,
        dose: "Take 1 tablet by mouth every morning with water and food",
        category: undefined,
        dates: { authored: "2025-01-10" },
      }),
    );
    const d = withFindings([
      ...mixedFindings(),
      finding("blood-pressure-medicines", "sometimes-linked", true, many),
      finding("anemia", "sometimes-linked", false, [evidence("Condition/an", { text: "Anemia ".repeat(60), status: "unknown", current: false })]),
    ]);
    const t = shortNote(buildReport(d), NOW);
    expect(t.length).toBeLessThanOrEqual(NOTE_MAX_CHARS);
    expect(lines(t).length).toBeLessThanOrEqual(NOTE_MAX_LINES);
    expect(t).toMatch(/and \d+ more/);
    expect(lines(t).at(-1)).toBe("Most night leg cramps have no known cause. Associations, not a diagnosis.");
  });
});

describe("detail with codes (Copy detail with codes)", () => {
  const text = fullNote(buildReport(withFindings(mixedFindings())), NOW);

  it("starts with the patient's name and date of birth", () => {
    const [, name, dob] = lines(text);
    expect(name).toBe("Patient: Ada Lovelace");
    expect(dob).toBe("Date of birth: 12 May 1950 (age 75); sex: Female");
  });

  it("current findings by strength, then the past ones, each record with labelled dates and technical details", () => {
    const order = ["Known cause:", "Raises the risk:", "Possible link, not proven:", "Weaker: sometimes linked:", "Past / not current (2):"].map((h) => text.indexOf(h));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain("- chronic kidney disease (known cause: kidney failure): current");
    expect(text).toContain("- peripheral artery disease: not current");
    expect(text).toContain("  - Record text for Condition/chronic-kidney-disease-1 — active; onset May 2019 (6 years ago)");
    expect(text).toContain("  - Furosemide 40 mg tablet — active; last ordered 2 Nov 2024 (6 months ago)");
    expect(text).toContain("    Technical: Medication order; RxNorm 4603; status: active, confirmed; why: SNOMED CT code for type 2 diabetes; MedicationRequest/m1; and 2 more like it");
    expect(text).toContain("Active in the record now: Record text for Condition/chronic-kidney-disease-1; Age 75; Furosemide 40 mg tablet; Record text for Condition/hypertension-1.");
  });

  it("gaps near the top; what was checked, conventions once, source, version and statement at the end", () => {
    const t = fullNote(buildReport(data({ sources: sources({ Condition: { status: "failed", count: 0, message: "timeout" } }) })), NOW);
    expect(t.indexOf("Not checked completely")).toBeLessThan(t.indexOf("Most night leg cramps have no known cause."));
    expect(t).toContain("- Conditions (problem list and diagnoses): Could not be checked: timeout");
    expect(t).not.toMatch(/No documented causes found/);
    expect(text).toContain("Source: Night leg cramps — Causes, March 02, 2023, https://www.mayoclinic.org/symptoms/night-leg-cramps/basics/causes/sym-20050813");
    expect(text).toContain("Knowledge base version 2025.1, reviewed 20 May 2025.");
    expect(text).toMatch(/support, not replace, clinical judgement/);
    expect(text.match(/highlights age 65/g)).toHaveLength(1);
  });

  it("strips direction overrides and newlines from record text", () => {
    const d = withFindings([finding("anemia", "sometimes-linked", true, [evidence("Condition/a", { text: "Iron\u202E deficiency\nanemia" })])]);
    expect(fullNote(buildReport(d), NOW)).toContain("Iron deficiency anemia — active");
    expect(shortNote(buildReport(d), NOW)).not.toMatch(/[\u202E]/);
  });
});
