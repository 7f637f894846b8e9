/**
 * Lab benchmark (run: npm run bench:labs): 10,000 resources of which half are lab Observations (every
 * test, unit, comparator and status the rules read, a few unreadable) and half Conditions and
 * MedicationRequests. Prints the median of interpretLabs alone, of joining its evidence into the
 * findings, and of the whole engine (matchRecords on the records + labs; also as CPU time, which other
 * work on a shared machine disturbs less). Target for the whole: ≤ 20 ms.
 */
import { performance } from "node:perf_hooks";
import type { Condition, MedicationRequest, Observation } from "fhir/r4";
import { matchRecords } from "../src/engine";
import { buildFindings } from "../src/engine/assemble";
import { interpretLabs, labEvidenceItems } from "../src/engine/labs";
import type { EngineInput } from "../src/engine/types";
import { CODE_RULES, LAB_TEST_CODES, SYSTEMS, type LabTestId } from "../src/knowledge";

const TOTAL = 10_000;
const RUNS = 31;
const NOW = new Date("2026-11-26T12:00:00Z");
const DAY_MS = 24 * 60 * 60 * 1000;

let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

/** Per test: units (with a value range in that unit) the rules read, plus one they do not. */
const UNITS: Record<LabTestId, { unit: string; min: number; max: number }[]> = {
  egfr: [
    { unit: "mL/min/{1.73_m2}", min: 5, max: 130 },
    { unit: "mL/min", min: 5, max: 130 },
  ],
  hemoglobin: [
    { unit: "g/dL", min: 8, max: 17 },
    { unit: "g/L", min: 80, max: 170 },
    { unit: "mmol/L", min: 5, max: 10.5 },
  ],
  hba1c: [
    { unit: "%", min: 4.5, max: 9 },
    { unit: "mmol/mol", min: 25, max: 75 },
  ],
  glucose: [
    { unit: "mg/dL", min: 45, max: 200 },
    { unit: "mmol/L", min: 2.5, max: 11 },
  ],
  tsh: [
    { unit: "mIU/L", min: 0.05, max: 14 },
    { unit: "uIU/mL", min: 0.05, max: 14 },
  ],
};
const TESTS = Object.keys(LAB_TEST_CODES) as LabTestId[];

function observation(i: number): Observation {
  const test = pick(TESTS);
  const u = pick(UNITS[test]);
  const unit = i % 23 === 0 ? "arbitrary units" : u.unit;
  const o: Observation = {
    resourceType: "Observation",
    id: `obs${i}`,
    status: pick(["final", "final", "final", "amended", "corrected", "preliminary", "cancelled"] as const),
    code: { coding: [{ system: "http://loinc.org", code: pick(LAB_TEST_CODES[test]) }] },
    subject: { reference: "Patient/bench" },
    effectiveDateTime: new Date(NOW.getTime() - Math.floor(rand() * 3650) * DAY_MS).toISOString(),
    valueQuantity: { value: u.min + rand() * (u.max - u.min), unit, system: "http://unitsofmeasure.org", code: unit },
  };
  if (i % 41 === 0) o.valueQuantity!.comparator = pick(["<", "<=", ">", ">="] as const);
  return o;
}

function records(n: number): EngineInput {
  const condCodes = CODE_RULES.filter((r) => r.appliesTo.includes("Condition")).flatMap((r) =>
    r.codes.split(" ").slice(0, 10).map((code) => ({ system: SYSTEMS[r.system].uris[0]!, code })),
  );
  const medCodes = CODE_RULES.filter((r) => r.appliesTo.includes("Medication")).flatMap((r) =>
    r.codes.split(" ").slice(0, 10).map((code) => ({ system: SYSTEMS[r.system].uris[0]!, code })),
  );
  const input: EngineInput = {
    patient: { resourceType: "Patient", id: "bench", birthDate: "1950-05-05", gender: "female" },
    conditions: [],
    medications: [],
    procedures: [],
  };
  for (let i = 0; i < n / 2; i++) {
    const c: Condition = {
      resourceType: "Condition",
      id: `c${i}`,
      subject: { reference: "Patient/bench" },
      clinicalStatus: { coding: [{ code: pick(["active", "resolved"]) }] },
      code: i % 3 === 0 ? { coding: [{ system: "http://example.org/local", code: `L${i}` }], text: "Sprain of ankle" } : { coding: [pick(condCodes)] },
    };
    input.conditions.push(c);
    const m: MedicationRequest = {
      resourceType: "MedicationRequest",
      id: `m${i}`,
      status: pick(["active", "stopped", "completed"] as const),
      intent: "order",
      subject: { reference: "Patient/bench" },
      medicationCodeableConcept: { coding: [pick(medCodes)] },
    };
    input.medications.push({ resource: m, concept: m.medicationCodeableConcept, conceptSource: { kind: "inline" } });
  }
  return input;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const observations = Array.from({ length: TOTAL / 2 }, (_, i) => observation(i));
const input = records(TOTAL / 2);
/** Wall and CPU milliseconds of each part, per run. */
const parts = { records: { wall: [] as number[], cpu: [] as number[] }, labs: { wall: [] as number[], cpu: [] as number[] }, join: { wall: [] as number[], cpu: [] as number[] } };
function timed<T>(into: { wall: number[]; cpu: number[] }, keep: boolean, f: () => T): T {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const out = f();
  const wall = performance.now() - t;
  const used = process.cpuUsage(cpu);
  if (keep) {
    into.wall.push(wall);
    into.cpu.push((used.user + used.system) / 1000);
  }
  return out;
}
let summary = "";
for (let run = 0; run < RUNS + 3; run++) {
  const keep = run >= 3; // 3 warm-up runs
  const result = timed(parts.records, keep, () => matchRecords(input, { now: NOW }));
  const labs = timed(parts.labs, keep, () => interpretLabs(observations, { patient: input.patient, now: NOW }));
  // The wiring the lead adds to matchRecords: lab items join the record's evidence in buildFindings.
  const findings = timed(parts.join, keep, () => buildFindings(labEvidenceItems(labs, new Set(result.findings.map((f) => f.causeId)))));
  summary = `${labs.counts.counted} counted, ${labs.notInterpreted.length} not interpreted, ${labs.causes.length} lab causes, ${findings.length} lab findings, ${result.findings.length} record findings`;
}
const sum = (i: number, key: "wall" | "cpu") => parts.records[key][i]! + parts.labs[key][i]! + parts.join[key][i]!;
const whole = { wall: parts.records.wall.map((_, i) => sum(i, "wall")), cpu: parts.records.cpu.map((_, i) => sum(i, "cpu")) };
const line = (label: string, p: { wall: number[]; cpu: number[] }) =>
  `  ${label.padEnd(36)} median ${median(p.wall).toFixed(2)} ms wall (min ${Math.min(...p.wall).toFixed(2)}), ${median(p.cpu).toFixed(2)} ms CPU`;
console.log(`labs benchmark: ${TOTAL} resources (${observations.length} Observations), ${RUNS} runs — ${summary}`);
console.log(line("matchRecords (5,000 records)", parts.records));
console.log(line("interpretLabs (5,000 Observations)", parts.labs));
console.log(line("lab evidence into buildFindings", parts.join));
console.log(line("whole engine", whole));
console.log(`  target: whole engine ≤ 20 ms median: ${median(whole.wall) <= 20 ? "met" : "NOT met"} (wall); CPU time is less disturbed by other work on a shared machine`);
