/** A record coded both as type 1 and as type 2 diabetes: the conflict keeps the type 2 code's own rule (system, list). */
import { describe, expect, it } from "vitest";
import { ConceptMatches, matchConcept } from "../../src/engine/match";
import { lookupCode } from "../../src/engine/lookup";

const SNOMED = "http://snomed.info/sct";

describe("a record coded as both types of diabetes", () => {
  it("is read under type 2 diabetes by the type 2 code's own rule, marked as the conflict: a SNOMED code stays SNOMED", () => {
    const out = new ConceptMatches();
    // 46635009 Diabetes mellitus type 1; 44054006 Diabetes mellitus type 2 (both in the SNOMED lists of the knowledge base).
    matchConcept({ coding: [{ system: SNOMED, code: "46635009" }, { system: SNOMED, code: "44054006" }] }, "Condition", undefined, out);
    expect(out.length).toBe(1);
    const m = out.match(0);
    const type2 = lookupCode("snomed", "44054006", "Condition").hits.find((h) => h.cause === "type-2-diabetes")!.rule;
    expect(m.cause).toBe("type-2-diabetes");
    expect(m.rule).toMatchObject({ id: "dm.types-conflict", unstated: true, system: "snomed", match: type2.match, codes: type2.codes });
    expect(m.rule.note).toMatch(/both a type 1 and a type 2/);
    expect(out.coding(0)).toEqual({ system: SNOMED, code: "44054006" });
  });
});
