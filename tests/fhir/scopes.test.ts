import { describe, expect, it } from "vitest";
import { parseScopes } from "../../src/fhir/scopes";

describe("parseScopes", () => {
  it("understands SMART v1 .read and wildcards", () => {
    const s = parseScopes("launch openid patient/Condition.read patient/Patient.*");
    expect(s.canSearch("Condition")).toBe(true);
    expect(s.canRead("Patient")).toBe(true);
    expect(s.canSearch("MedicationRequest")).toBe(false);
  });

  it("understands SMART v2 .rs, .r and .s separately", () => {
    const s = parseScopes("patient/Condition.rs patient/Medication.r patient/Procedure.s");
    expect(s.canSearch("Condition")).toBe(true);
    expect(s.canRead("Medication")).toBe(true);
    expect(s.canSearch("Medication")).toBe(false);
    expect(s.canRead("Procedure")).toBe(false);
    expect(s.canSearch("Procedure")).toBe(true);
  });

  it("accepts resource wildcards, user/ and granular scopes; write-only is not read", () => {
    expect(parseScopes("user/*.read").canSearch("Procedure")).toBe(true);
    expect(parseScopes("patient/*.rs").canRead("Medication")).toBe(true);
    expect(parseScopes("patient/Condition.rs?category=problem-list-item").canSearch("Condition")).toBe(true);
    expect(parseScopes("patient/Condition.write patient/Condition.cud").canSearch("Condition")).toBe(false);
    expect(parseScopes("patient/Condition.write patient/Condition.cud").readable).toBe(true);
  });
});
