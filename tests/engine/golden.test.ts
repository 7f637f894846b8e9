/**
 * Golden-output guard for engine optimisations: matchRecords on a large, varied, deterministic set of
 * inputs (the seven sandbox patients with their lab results, every clinical-corpus case, and generated
 * patients with records and lab results of every shape: see goldenInput.ts) must give byte-for-byte the
 * output recorded in __snapshots__/golden.json.
 *
 * This is the one place where a recorded output is the expectation, on purpose: the snapshot was produced
 * by the engine before it was optimised, and proves that a change made for speed changed nothing. It
 * checks no clinical fact by itself (the other engine, clinical and knowledge tests do). When a deliberate
 * change to what the engine says makes it fail, review the diff and update it with
 * `npx vitest run tests/engine/golden.test.ts -u`, saying why in the commit.
 */
import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { matchRecords } from "../../src/engine";
import type { EngineInput, EngineResult } from "../../src/engine/types";
import { CORPUS, CORPUS_NOW } from "../clinical/corpus";
import { toInput } from "../clinical/records";
import { FIXTURE_DIR, inputFromBundle } from "./fixtureInput";
import { generatedInput, GOLDEN_NOW, makePools, Rng } from "./goldenInput";

interface GoldenCase {
  id: string;
  input: EngineInput;
  now: Date;
}

function goldenCases(): GoldenCase[] {
  const cases: GoldenCase[] = [];
  for (const file of readdirSync(FIXTURE_DIR).filter((f) => f.endsWith(".json")).sort()) {
    cases.push({ id: `sandbox/${file}`, input: inputFromBundle(resolve(FIXTURE_DIR, file)), now: GOLDEN_NOW });
  }
  const corpusNow = new Date(CORPUS_NOW);
  for (const c of CORPUS) cases.push({ id: `corpus/${c.id}`, input: toInput(c.records, c.patient), now: corpusNow });
  const rng = new Rng(20261126);
  const pools = makePools(rng);
  for (let i = 0; i < 120; i++) {
    const records = rng.int(40);
    const labs = i % 5 === 0 ? 0 : rng.int(40);
    cases.push({ id: `generated/small-${i}`, input: generatedInput(rng, pools, i, records, labs), now: GOLDEN_NOW });
  }
  cases.push({ id: "generated/large", input: generatedInput(rng, pools, 1000, 1000, 1000), now: GOLDEN_NOW });
  // Without a usable clock nothing can be current, and nothing is thrown.
  cases.push({ id: "generated/no-clock", input: generatedInput(rng, pools, 2000, 60, 40), now: new Date(Number.NaN) });
  return cases;
}

/** Numbers JSON cannot write (NaN, ±Infinity) kept distinguishable. */
function replacer(_key: string, value: unknown): unknown {
  return typeof value === "number" && !Number.isFinite(value) ? `#${String(value)}` : value;
}

/** The output as JSON text, one case per line (so a diff names the cases that changed). */
function serialise(results: Record<string, EngineResult>): string {
  const lines = Object.entries(results).map(([id, result]) => `${JSON.stringify(id)}: ${JSON.stringify(result, replacer)}`);
  return `{\n${lines.join(",\n")}\n}\n`;
}

function runAll(cases: readonly GoldenCase[]): Record<string, EngineResult> {
  const out: Record<string, EngineResult> = {};
  for (const c of cases) out[c.id] = matchRecords(c.input, { now: c.now });
  return out;
}

describe("golden output (optimisation guard)", () => {
  const cases = goldenCases();

  it("covers every kind of input: records of every kind, lab results, findings from records and from labs", () => {
    const results = runAll(cases);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    const findings = Object.values(results).flatMap((r) => r.findings);
    const evidence = findings.flatMap((f) => f.evidence);
    for (const type of ["Condition", "MedicationRequest", "MedicationStatement", "Procedure", "Observation", "Patient"]) {
      expect(evidence.some((e) => e.resourceType === type), type).toBe(true);
    }
    expect(evidence.some((e) => e.matchedBy === "name")).toBe(true);
    expect(evidence.some((e) => (e.duplicates?.length ?? 0) > 0)).toBe(true);
    expect(findings.some((f) => f.basis === "lab")).toBe(true);
    expect(findings.some((f) => f.basis === "record" && f.evidence.some((e) => e.lab !== undefined))).toBe(true);
    for (const status of ["current", "unconfirmed", "past", "unknown", "not-started", "stale", "deceased"]) {
      expect(evidence.some((e) => e.status === status), status).toBe(true);
    }
    expect(Object.values(results).some((r) => (r.labs?.notInterpreted.length ?? 0) > 0)).toBe(true);
  });

  it("gives the recorded output, byte for byte", async () => {
    await expect(serialise(runAll(cases))).toMatchFileSnapshot("./__snapshots__/golden.json");
  });

  it("gives the same output again once every memo is warm", () => {
    const first = serialise(runAll(cases));
    expect(serialise(runAll(cases))).toBe(first);
  });
});
