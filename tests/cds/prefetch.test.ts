/** Reading the prefetch (cds/prefetch.ts): untrusted input, never throws. */
import { describe, expect, it } from "vitest";
import { readPrefetch } from "../../cds/prefetch";

const P = "p1";
const cond = (id: string, patient = P) => ({ resourceType: "Condition", id, subject: { reference: `Patient/${patient}` } });
const bundle = (entry: unknown[], extra: Record<string, unknown> = {}) => ({ resourceType: "Bundle", type: "searchset", entry, ...extra });

describe("readPrefetch", () => {
  it("a missing or null key is missing; a non-Bundle is invalid; a Bundle with a next link or an error outcome is incomplete", () => {
    const r = readPrefetch(
      {
        patient: { resourceType: "Patient", id: P },
        conditions: null,
        medicationStatements: { resourceType: "OperationOutcome" },
        procedures: bundle([], { link: [{ relation: "next", url: "https://fhir.example/Procedure?page=2" }] }),
        observations: bundle([{ resource: { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "too-costly" }] } }]),
      },
      P,
    );
    expect(r.mismatch).toBe(false);
    if (r.mismatch) return;
    expect(Object.fromEntries(Object.entries(r.sections).map(([k, s]) => [k, s.state]))).toEqual({
      patient: "read",
      conditions: "missing",
      medicationRequests: "missing",
      medicationStatements: "invalid",
      procedures: "incomplete",
      observations: "incomplete",
    });
  });

  it("keeps this patient's resources of the key's type once, and the included Medications apart", () => {
    const r = readPrefetch(
      {
        conditions: bundle([{ resource: cond("a") }, { resource: cond("a") }, { resource: cond("b", "other") }, { resource: { resourceType: "Procedure", id: "x" } }, null, { resource: "junk" }]),
        medicationRequests: bundle([
          { resource: { resourceType: "MedicationRequest", id: "m", subject: { reference: `https://fhir.example/Patient/${P}` } }, search: { mode: "match" } },
          { fullUrl: "https://fhir.example/Medication/med1", resource: { resourceType: "Medication", id: "med1" }, search: { mode: "include" } },
          { resource: { resourceType: "OperationOutcome", issue: [{ severity: "warning" }] }, search: { mode: "outcome" } },
        ]),
      },
      P,
    );
    if (r.mismatch) throw new Error("mismatch");
    expect(r.sections.conditions.resources.map((c) => c.id)).toEqual(["a"]);
    expect(r.sections.conditions.state).toBe("read");
    expect(r.sections.medicationRequests.resources.map((m) => m.id)).toEqual(["m"]);
    expect(r.sections.medicationRequests.included.map((m) => m.id)).toEqual(["med1"]);
    expect([...r.sections.medicationRequests.includedByFullUrl.keys()]).toEqual(["https://fhir.example/Medication/med1"]);
    expect(r.sections.medicationRequests.state).toBe("read");
  });

  it("a prefetched Patient that is someone else is a mismatch; one inside a Bundle is accepted", () => {
    expect(readPrefetch({ patient: { resourceType: "Patient", id: "other" } }, P)).toEqual({ mismatch: true });
    const r = readPrefetch({ patient: bundle([{ resource: { resourceType: "Patient", id: P } }]) }, P);
    expect(!r.mismatch && r.sections.patient.state).toBe("read");
  });

  it("never throws on hostile input", () => {
    for (const value of [undefined, null, 42, "x", [], { conditions: { resourceType: "Bundle", entry: "nope" } }]) {
      expect(() => readPrefetch(value, P)).not.toThrow();
    }
  });
});
