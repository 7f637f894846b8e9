/** Table-driven: every code rule matches a positive example in its system; every look-alike is rejected. */
import { describe, expect, it } from "vitest";
import { matchRecords } from "../../src/engine";
import type { EngineInput } from "../../src/engine/types";
import { CODE_RULES, LOOK_ALIKES, SYSTEMS, type CodeRule, type LookAlike } from "../../src/knowledge";
import { NOW } from "../engine/build";

function inputFor(rule: { system: CodeRule["system"] }, code: string, kind: "Condition" | "Medication" | "Procedure", text?: string): EngineInput {
  const concept = { coding: [{ system: SYSTEMS[rule.system].uris[0], code }], ...(text ? { text } : {}) };
  const input: EngineInput = { conditions: [], medications: [], procedures: [] };
  if (kind === "Condition") {
    input.conditions.push({
      resourceType: "Condition",
      id: "c1",
      subject: { reference: "Patient/p" },
      clinicalStatus: { coding: [{ code: "active" }] },
      code: concept,
      onsetDateTime: "2026-10-01",
    });
  } else if (kind === "Procedure") {
    input.procedures.push({ resourceType: "Procedure", id: "p1", status: "in-progress", subject: { reference: "Patient/p" }, code: concept, performedDateTime: "2026-11-20" });
  } else {
    input.medications.push({
      resource: { resourceType: "MedicationRequest", id: "m1", status: "active", intent: "order", subject: { reference: "Patient/p" }, medicationCodeableConcept: concept },
      concept,
    });
  }
  return input;
}

const causesOf = (input: EngineInput) => matchRecords(input, { now: NOW }).findings.map((f) => f.causeId);

/** The first code of the list, and for prefix lists the prefix with a plausible suffix too. */
function examples(rule: CodeRule | LookAlike): string[] {
  const first = rule.codes.split(" ")[0]!;
  const last = rule.codes.split(" ").at(-1)!;
  return [...new Set([first, last])];
}

describe.each(CODE_RULES.map((r) => [r.id, r] as const))("rule %s", (_id, rule) => {
  for (const kind of rule.appliesTo) {
    it.each(examples(rule))(`recognises %s in a ${kind}`, (code) => {
      const text = rule.requireForm ? "Oral Tablet" : undefined;
      const found = matchRecords(inputFor(rule, code, kind, text), { now: NOW }).findings;
      for (const cause of rule.causes) {
        const f = found.find((x) => x.causeId === cause);
        expect(f, `${code} -> ${cause}`).toBeDefined();
        expect(f!.evidence[0]!.matchedBy).toBe("code");
        // A code that itself means history or resolution is never current (knowledge-source.md).
        expect(f!.current).toBe(rule.history !== true);
      }
    });
  }
});

describe.each(LOOK_ALIKES.map((l) => [l.id, l] as const))("look-alike %s", (_id, la) => {
  it.each(examples(la))("%s never supports the causes it names", (code) => {
    for (const kind of ["Condition", "Medication", "Procedure"] as const) {
      const causes = causesOf(inputFor(la, code, kind, "Oral Tablet"));
      for (const cause of la.notFor) expect(causes, `${code} (${kind})`).not.toContain(cause);
    }
  });
});

describe("code normalisation", () => {
  it("matches ICD-10-CM codes with or without dots and in lower case", () => {
    for (const code of ["N18.6", "N186", "n18.6"]) {
      const f = matchRecords(inputFor({ system: "icd10cm" }, code, "Condition"), { now: NOW }).findings;
      expect(f.map((x) => x.causeId)).toEqual(["chronic-kidney-disease"]);
      expect(f[0]!.strength).toBe("known-cause");
    }
  });

  it("ignores codings whose system it does not know", () => {
    const input = inputFor({ system: "snomed" }, "59621000", "Condition");
    input.conditions[0]!.code!.coding![0]!.system = "http://example.org/other";
    expect(causesOf(input)).toEqual([]);
  });
});
