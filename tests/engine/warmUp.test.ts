/**
 * The engine's warm-up (src/engine/warmUp.ts) runs while index.html waits for the network, so that the
 * browser compiles the matching paths before the patient's records arrive. It only helps if it takes
 * those paths: codes of each system, a look-alike-free local code with free text, context cues that
 * veto ("history of", "ruled out", "FH:"), a medicine statement read by name, a procedure, a lab result.
 */
import { describe, expect, it } from "vitest";
import { matchRecords, warmUp } from "../../src/engine";

describe("warmUp", () => {
  const { patient, result } = warmUp();
  const by = new Map(result.findings.map((f) => [f.causeId, f]));

  it("matches by code, by name, by procedure and by lab result", () => {
    expect(by.get("hypertension")?.current).toBe(true); // SNOMED CT code
    expect(by.get("chronic-kidney-disease")?.current).toBe(true); // ICD-10-CM prefix
    expect(by.get("diuretics")?.current).toBe(true); // RxNorm code
    expect(by.get("cholesterol-medicines")?.current).toBe(true); // statement read by name
    expect(by.get("dialysis")?.current).toBe(false); // a procedure long ago
    expect(by.get("anemia")?.basis).toBe("lab"); // a hemoglobin result alone
  });

  it("takes the context cues: a negated history and a family history make no finding", () => {
    expect(by.has("peripheral-artery-disease")).toBe(false);
    expect(by.has("type-1-diabetes") || by.has("type-2-diabetes")).toBe(false);
  });

  it("is made-up data at a fixed time: the same answer on every call, nothing of a patient's", () => {
    expect(patient.id).toBe("warm-up");
    expect(warmUp().result).toEqual(result);
    for (const f of result.findings) for (const e of f.evidence) expect(e.ref).toMatch(/^(Condition|MedicationRequest|MedicationStatement|Procedure|Observation)\/[copm]\d$/);
  });

  it("leaves nothing behind: the engine answers a real record the same after it", () => {
    const input = { patient: { resourceType: "Patient" as const, id: "p" }, conditions: [], medications: [], procedures: [] };
    expect(matchRecords(input, { now: new Date("2026-01-01T00:00:00Z") }).findings).toEqual([]);
  });
});
