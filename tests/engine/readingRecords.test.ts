/** What the engine says about records read in context: notes, titles, dose text, and items from other readers. */
import { describe, expect, it } from "vitest";
import { matchRecords } from "../../src/engine";
import { buildFindings } from "../../src/engine/assemble";
import { leadingContext, mentionContext } from "../../src/engine/context";
import { doseText } from "../../src/engine/dose";
import { FixedEvidenceItem } from "../../src/engine/evidence";
import type { Evidence } from "../../src/engine/types";
import { code, cond, med, proc, textCond, toInput } from "../clinical/records";
import { NOW } from "./build";

const run = (records: Parameters<typeof toInput>[0]) => matchRecords(toInput(records), { now: NOW });

describe("finding notes and titles", () => {
  it("an escalated CKD finding says the source's known cause is kidney failure", () => {
    const [f] = run([cond(code("icd10", "N18.6"))]).findings;
    expect(f!.strength).toBe("known-cause");
    expect(f!.notes?.join(" ")).toMatch(/known cause is kidney failure/);
  });

  it("a finding whose kidney-failure evidence is all past says why it is not a known cause", () => {
    const [f] = run([cond(code("icd10", "N18.6"), { clinical: "resolved" })]).findings;
    expect(f!.strength).toBe("sometimes-linked");
    expect(f!.notes?.join(" ")).toMatch(/only in past records/);
    expect(f!.evidence[0]!.notes?.join(" ")).toMatch(/does not make this a known cause today/);
  });

  it("titles diabetes of unstated type so, and keeps the type 2 title when any record states it", () => {
    const [unstated] = run([cond(code("snomed", "73211009"))]).findings;
    expect(unstated!.label).toBe("Diabetes, type not recorded");
    expect(unstated!.notes?.join(" ")).toMatch(/does not say which type/);
    const [mixed] = run([cond(code("snomed", "73211009")), cond(code("icd10", "E11.9"))]).findings;
    expect(mixed!.label).toBe("Type 2 diabetes");
  });

  it("says when a pregnancy record dates the pregnancy", () => {
    const [f] = run([cond(code("icd10", "Z3A.20"), { onset: "2026-11-01", recorded: "2026-11-01" })]).findings;
    expect(f!.current).toBe(true);
    expect(f!.evidence[0]!.notes?.join(" ")).toMatch(/at least 20 weeks on 2026-11-01\): began by 2026-06-14/);
  });
});

describe("record semantics notes", () => {
  it("a proposal is not started and says so", () => {
    const [f] = run([med(code("rxnorm", "314076"), { intent: "proposal" })]).findings;
    expect(f!.evidence[0]!.status).toBe("not-started");
    expect(f!.evidence[0]!.notes?.join(" ")).toMatch(/A proposal, not an order/);
  });

  it("a statement whose period ended says when", () => {
    const [f] = run([med(code("rxnorm", "314076"), { kind: "statement", periodStart: "2015-01-01", periodEnd: "2016-06-30" })]).findings;
    expect(f!.evidence[0]!.notes?.join(" ")).toMatch(/period ended on 2016-06-30/);
  });

  it("a procedure in progress for years says it is stale", () => {
    const [f] = run([proc(code("snomed", "265764009"), "in-progress", { periodStart: "2021-04-01" })]).findings;
    expect(f!.evidence[0]!.notes?.join(" ")).toMatch(/in progress since 2021-04-01, more than 90 days ago/);
  });
});

describe("dose text", () => {
  it("uses the written instruction, for orders and statements", () => {
    const [order] = run([med(code("rxnorm", "314076"), { doseText: "1 tablet by mouth daily" })]).findings;
    expect(order!.evidence[0]!.dose).toBe("1 tablet by mouth daily");
    const [statement] = run([med(code("rxnorm", "314076"), { kind: "statement", doseText: "10 mg at night" })]).findings;
    expect(statement!.evidence[0]!.dose).toBe("10 mg at night");
  });

  it("builds it from dose, frequency, route and as-needed when no text is written", () => {
    expect(
      doseText({
        resourceType: "MedicationRequest",
        dosageInstruction: [
          {
            doseAndRate: [{ doseQuantity: { value: 40, unit: "mg" } }],
            timing: { repeat: { frequency: 2, period: 1, periodUnit: "d" } },
            route: { text: "oral" },
            asNeededBoolean: true,
          },
        ],
      }),
    ).toBe("40 mg, 2 times every day, oral, as needed");
  });

  it("removes control characters, collapses spaces and clips long text", () => {
    expect(doseText({ resourceType: "MedicationRequest", dosageInstruction: [{ text: "1\u0000 tab\u202e  daily\n" }] })).toBe("1 tab daily");
    const long = doseText({ resourceType: "MedicationStatement", dosage: [{ text: "x".repeat(500) }] })!;
    expect(long.length).toBe(120);
    expect(long.endsWith("…")).toBe(true);
  });

  it("gives nothing for garbage", () => {
    expect(doseText({ resourceType: "MedicationRequest", dosageInstruction: "not a list" })).toBeUndefined();
    expect(doseText({ resourceType: "MedicationRequest", dosageInstruction: [{ doseAndRate: [{ doseQuantity: { value: "40" } }] }] })).toBeUndefined();
  });
});

describe("reading a name in context", () => {
  const at = (text: string, name: string) => {
    const i = text.indexOf(name);
    return mentionContext(text, i, i + name.length);
  };
  it.each([
    ["FH: hypertension", "hypertension", "other-person"],
    ["Screening for diabetes", "diabetes", "test"],
    ["No CKD", "CKD", "negated"],
    ["AKI, ruled out", "AKI", "negated"],
    ["Possible PAD", "PAD", "uncertain"],
    ["Pre-dialysis CKD", "dialysis", "precursor"],
    ["Non-diabetic hypoglycemia", "diabetic", "negated"],
    ["PMH: HTN, CKD", "CKD", "history"],
    ["CKD stage 3, no dialysis", "CKD", "affirmed"],
    ["Essential hypertension | Family history of diabetes", "hypertension", "affirmed"],
  ] as const)("%s: %s is %s", (text, name, context) => {
    expect(at(text, name)).toBe(context);
  });

  it("reads the start of a coded record's own words", () => {
    expect(leadingContext("Family history of hypertension")).toBe("other-person");
    expect(leadingContext("History of type 2 diabetes")).toBe("history");
    expect(leadingContext("Nocturnal leg cramps")).toBeUndefined();
    expect(leadingContext(undefined)).toBeUndefined();
  });
});

describe("items from another reader", () => {
  const labItem = (current: boolean) => {
    const evidence: Evidence = {
      ref: "Observation/egfr-1",
      resourceType: "Observation",
      text: "eGFR 12 mL/min/1.73m2",
      matched: { systemLabel: "LOINC", code: "33914-3" },
      matchedBy: "code",
      ruleId: "lab.egfr.g5",
      reason: "eGFR below 15 twice, 90 days apart",
      status: current ? "current" : "past",
      current,
      dates: { effective: "2026-11-01" },
    };
    return new FixedEvidenceItem(
      {
        cause: "chronic-kidney-disease",
        escalates: true,
        unstated: false,
        sortMs: Date.parse("2026-11-01"),
        id: "egfr-1",
        resourceType: "Observation",
        ref: evidence.ref,
        ruleId: evidence.ruleId,
        status: evidence.status,
        current,
        text: evidence.text,
        recordStatus: "final",
        matchKey: "33914-3",
        primary: false,
      },
      evidence,
    );
  };

  it("join the same findings, with the same strength rule", () => {
    expect(buildFindings([labItem(true)])[0]).toMatchObject({ causeId: "chronic-kidney-disease", strength: "known-cause", current: true });
    expect(buildFindings([labItem(false)])[0]).toMatchObject({ strength: "sometimes-linked", current: false });
  });
});

describe("free text that must not become a finding", () => {
  it.each(["FH: hypertension", "No peripheral arterial disease", "AKI ruled out", "Prehypertension", "Elevated blood-pressure reading, without diagnosis of hypertension"])(
    "%s",
    (text) => {
      expect(run([textCond(text)]).findings).toEqual([]);
    },
  );
});
