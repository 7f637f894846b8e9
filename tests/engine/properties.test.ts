/** Property-based: malformed input never throws; order and duplication of input never change the result. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchRecords } from "../../src/engine";
import type { EngineInput } from "../../src/engine/types";
import { condition, medReq, medStatement, medText, NOW, procedure } from "./build";

const CODES: [string, string][] = [
  ["snomed", "59621000"], ["snomed", "44054006"], ["snomed", "72892002"], ["snomed", "46177005"], ["snomed", "15777000"],
  ["icd10cm", "E11.42"], ["icd10cm", "N18.3"], ["icd10cm", "O80"], ["icd9cm", "250.00"], ["snomed", "999999"],
];
const MEDS: [string, string][] = [["rxnorm", "316049"], ["rxnorm", "316672"], ["rxnorm", "748962"], ["rxnorm", "389221"], ["atc", "C03CA01"], ["rxnorm", "1"]];

const anyJson = fc.anything({ withBoxedValues: false, withNullPrototype: true, withObjectString: true });

const validish = fc.record({
  conditions: fc.array(
    fc.tuple(fc.constantFrom(...CODES), fc.constantFrom("active", "resolved", "inactive", "", "relapse"), fc.constantFrom("confirmed", "refuted", "unconfirmed"), fc.integer({ min: 0, max: 5 }), fc.constantFrom("2019-01-01", "2026-10-01", "2026", undefined)).map(
      ([[s, c], clinical, verification, id, onset]) => condition(s, c, { id: `c${id}`, clinical, verification, onsetDateTime: onset }),
    ),
    { maxLength: 8 },
  ),
  medications: fc.array(
    fc.tuple(fc.constantFrom(...MEDS), fc.constantFrom("active", "stopped", "cancelled", "draft"), fc.integer({ min: 0, max: 5 })).map(([[s, c], status, id]) =>
      medReq(s, c, { id: `m${id}`, status: status as "active" }),
    ),
    { maxLength: 8 },
  ),
  procedures: fc.array(fc.constantFrom("completed", "in-progress", "not-done").map((status) => procedure("snomed", "265764009", { id: "p1", status: status as "completed" })), { maxLength: 3 }),
});

describe("engine properties", () => {
  it("never throws on arbitrary values in any position", () => {
    fc.assert(
      fc.property(anyJson, anyJson, anyJson, anyJson, (patient, conditions, medications, procedures) => {
        const input = { patient, conditions, medications, procedures } as unknown as EngineInput;
        const r = matchRecords(input, { now: NOW });
        expect(Array.isArray(r.findings)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on resources with garbage fields (coding not an array, codes of wrong types)", () => {
    const garbageResource = fc.record(
      {
        resourceType: fc.constantFrom("Condition", "MedicationRequest", "MedicationStatement", "Procedure", 7),
        id: fc.oneof(fc.string(), fc.integer(), fc.constant(undefined)),
        code: fc.oneof(anyJson, fc.record({ coding: anyJson, text: anyJson }), fc.record({ coding: fc.array(fc.record({ system: anyJson, code: anyJson, display: anyJson })) })),
        clinicalStatus: anyJson,
        verificationStatus: anyJson,
        status: anyJson,
        onsetDateTime: anyJson,
        medicationCodeableConcept: anyJson,
        performedPeriod: anyJson,
        birthDate: anyJson,
        deceasedDateTime: anyJson,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(garbageResource, { maxLength: 6 }), garbageResource, (list, patient) => {
        const input = {
          patient,
          conditions: list,
          medications: list.map((resource) => ({ resource, concept: (resource as { code?: unknown }).code })),
          procedures: list,
        } as unknown as EngineInput;
        expect(() => matchRecords(input, { now: NOW })).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same result whatever the input order", () => {
    fc.assert(
      fc.property(validish, fc.integer(), (input, seed) => {
        const shuffle = <T,>(xs: T[]) => {
          const out = [...xs];
          let s = seed >>> 0;
          for (let i = out.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) >>> 0;
            const j = s % (i + 1);
            [out[i], out[j]] = [out[j]!, out[i]!];
          }
          return out;
        };
        const a = matchRecords({ ...input }, { now: NOW });
        const b = matchRecords(
          { conditions: shuffle(input.conditions), medications: shuffle(input.medications), procedures: shuffle(input.procedures) },
          { now: NOW },
        );
        expect(b).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });

  it("duplicated input never duplicates findings or evidence", () => {
    fc.assert(
      fc.property(validish, (input) => {
        const once = matchRecords(input, { now: NOW });
        const twice = matchRecords(
          { conditions: [...input.conditions, ...input.conditions], medications: [...input.medications, ...input.medications], procedures: [...input.procedures, ...input.procedures] },
          { now: NOW },
        );
        expect(twice).toEqual(once);
        const ids = twice.findings.map((f) => f.causeId);
        expect(new Set(ids).size).toBe(ids.length);
        for (const f of twice.findings) {
          const refs = f.evidence.flatMap((e) => [e.ref, ...(e.duplicates ?? [])]);
          expect(new Set(refs).size).toBe(refs.length);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("never reads the clock: the same input and now give the same result", () => {
    const input = { conditions: [condition("snomed", "72892002", { onsetDateTime: "2026-03-01" })], medications: [medStatement("rxnorm", "316049", "active"), medText("furosemide")], procedures: [] };
    expect(matchRecords(input, { now: NOW })).toEqual(matchRecords(input, { now: new Date(NOW.getTime()) }));
    expect(matchRecords(input, { now: new Date("2027-06-01T00:00:00Z") }).findings.find((f) => f.causeId === "pregnancy")!.current).toBe(false);
  });
});
