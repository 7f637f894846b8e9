/**
 * Engine benchmark (run: npx tsx bench/engine.bench.ts): median time to match 10,000 resources —
 * half Conditions, half MedicationRequests, codes drawn from the fixtures and the rules, a third with
 * unknown codes plus free text so name matching runs. Target: ≤ 20 ms median.
 */
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import type { Bundle, Condition, MedicationRequest } from "fhir/r4";
import { matchRecords } from "../src/engine";
import { indexStats } from "../src/engine/lookup";
import type { EngineInput } from "../src/engine/types";
import { CODE_RULES, LOOK_ALIKES, NAME_RULES, SYSTEMS } from "../src/knowledge";

const TOTAL = 10_000;
const RUNS = 31;
const NOW = new Date("2026-11-26T12:00:00Z");

/** Deterministic pseudo-random numbers. */
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;

function codesFrom(kind: "Condition" | "Medication"): { system: string; code: string; display?: string }[] {
  const out: { system: string; code: string }[] = [];
  for (const r of CODE_RULES.filter((x) => x.appliesTo.includes(kind))) {
    for (const code of r.codes.split(" ").slice(0, 20)) out.push({ system: SYSTEMS[r.system].uris[0]!, code });
  }
  return out;
}

function fixtureCodings(): { conditions: Condition[]; meds: MedicationRequest[] } {
  const dir = resolve(import.meta.dirname, "../mocks/data/sandbox");
  const conditions: Condition[] = [];
  const meds: MedicationRequest[] = [];
  try {
    for (const f of readdirSync(dir).filter((name) => name.endsWith(".json"))) {
      const b = JSON.parse(readFileSync(resolve(dir, f), "utf8")) as Bundle;
      for (const e of b.entry ?? []) {
        if (e.resource?.resourceType === "Condition") conditions.push(e.resource);
        if (e.resource?.resourceType === "MedicationRequest") meds.push(e.resource);
      }
    }
  } catch {
    // Fixtures are optional for the benchmark; rule codes are enough.
  }
  return { conditions, meds };
}

const FREE_TEXT = [
  "Type 2 diabetes mellitus", "hydrochlorothiazide 25 MG Oral Tablet", "furosemide 40 MG", "atorvastatin 20 MG",
  "Essential hypertension", "Viral sinusitis", "Acute bronchitis", "Chronic kidney disease stage 3",
  "amoxicillin 500 MG", "Sprain of ankle", "levonorgestrel 0.15 MG / ethinyl estradiol Oral Tablet", "Restless legs",
];

function buildInput(): EngineInput {
  const fx = fixtureCodings();
  const condCodes = codesFrom("Condition");
  const medCodes = codesFrom("Medication");
  const input: EngineInput = { patient: { resourceType: "Patient", id: "bench", birthDate: "1950-05-05" }, conditions: [], medications: [], procedures: [] };
  for (let i = 0; i < TOTAL / 2; i++) {
    const unknown = i % 3 === 0;
    const statusCode = pick(["active", "resolved", "inactive"]);
    let code: Condition["code"];
    if (unknown) code = { coding: [{ system: "http://example.org/local", code: `L${i}` }], text: pick(FREE_TEXT) };
    else if (fx.conditions.length > 0 && i % 3 === 1) code = pick(fx.conditions).code;
    else code = { coding: [pick(condCodes)] };
    input.conditions.push({
      resourceType: "Condition",
      id: `c${i}`,
      subject: { reference: "Patient/bench" },
      clinicalStatus: { coding: [{ code: statusCode }] },
      code,
      onsetDateTime: `20${String(10 + (i % 15)).padStart(2, "0")}-0${1 + (i % 9)}-15`,
    });
    let concept: MedicationRequest["medicationCodeableConcept"];
    if (unknown) concept = { coding: [{ system: "http://example.org/local-drugs", code: `D${i}` }], text: pick(FREE_TEXT) };
    else if (fx.meds.length > 0 && i % 3 === 1) concept = pick(fx.meds).medicationCodeableConcept;
    else concept = { coding: [pick(medCodes)] };
    const resource: MedicationRequest = {
      resourceType: "MedicationRequest",
      id: `m${i}`,
      status: pick(["active", "stopped", "completed"]),
      intent: "order",
      subject: { reference: "Patient/bench" },
      medicationCodeableConcept: concept,
      authoredOn: `20${String(10 + (i % 15)).padStart(2, "0")}-0${1 + (i % 9)}-15`,
    };
    input.medications.push({ resource, concept });
  }
  return input;
}

const input = buildInput();
for (let i = 0; i < 5; i++) matchRecords(input, { now: NOW }); // warm-up
const times: number[] = [];
let findings = 0;
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  const r = matchRecords(input, { now: NOW });
  times.push(performance.now() - t0);
  findings = r.findings.length;
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;

const perSystem = new Map<string, { rules: number; codes: number }>();
for (const r of CODE_RULES) {
  const s = perSystem.get(SYSTEMS[r.system].label) ?? { rules: 0, codes: 0 };
  s.rules += 1;
  s.codes += r.codes.split(" ").length;
  perSystem.set(SYSTEMS[r.system].label, s);
}
console.log(`Engine benchmark: ${TOTAL} resources (${TOTAL / 2} Conditions, ${TOTAL / 2} MedicationRequests; a third with unknown codes + free text)`);
console.log(`  median ${median.toFixed(2)} ms over ${RUNS} runs (min ${times[0]!.toFixed(2)}, max ${times.at(-1)!.toFixed(2)}); ${findings} findings; target ≤ 20 ms: ${median <= 20 ? "met" : "NOT met"}`);
console.log(`  ${CODE_RULES.length} code rules, ${LOOK_ALIKES.length} look-alike lists, ${NAME_RULES.length} name rules`);
for (const [label, s] of [...perSystem].sort()) console.log(`  ${label}: ${s.rules} rules, ${s.codes} codes/prefixes`);
console.log("  index sizes (unique keys):", JSON.stringify(indexStats()));
