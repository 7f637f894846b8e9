/**
 * Lab benchmark, part by part (run: npm run bench:labs): the engine's "mixed" case of bench/engine.bench.ts
 * (10,000 resources of which half are lab Observations: every test, unit, comparator and status the
 * rules read, a few unreadable) split into its parts, to see where the time goes: matchRecords on the
 * 5,000 records alone, interpretLabs on the 5,000 Observations alone, joining the lab evidence into the
 * findings, and the whole engine (matchRecords with the Observations in input.observations, the figure
 * the target applies to: ≤ 20 ms median). Wall and CPU time (process.cpuUsage, less disturbed by other
 * work on a shared machine), with the load average.
 */
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { matchRecords } from "../src/engine";
import { buildFindings } from "../src/engine/assemble";
import { interpretLabs, labEvidenceItems } from "../src/engine/labs";
import type { EngineInput } from "../src/engine/types";
import { labObservations, NOW, recordsInput } from "./engineInputs";

const RUNS = 41;
const WARM_UP = 3;

const records: EngineInput = recordsInput(5_000);
const observations = labObservations(5_000);
const whole: EngineInput = { ...records, observations };

interface Part {
  wall: number[];
  cpu: number[];
}
const parts = { records: newPart(), labs: newPart(), join: newPart(), whole: newPart() };
function newPart(): Part {
  return { wall: [], cpu: [] };
}

function timed<T>(into: Part, keep: boolean, f: () => T): T {
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

const loadBefore = loadavg();
let summary = "";
for (let run = 0; run < WARM_UP + RUNS; run++) {
  const keep = run >= WARM_UP;
  const result = timed(parts.records, keep, () => matchRecords(records, { now: NOW }));
  const labs = timed(parts.labs, keep, () => interpretLabs(observations, { patient: records.patient, now: NOW }));
  const findings = timed(parts.join, keep, () => buildFindings(labEvidenceItems(labs, new Set(result.findings.map((f) => f.causeId)))));
  const all = timed(parts.whole, keep, () => matchRecords(whole, { now: NOW }));
  summary = `${labs.counts.counted} counted, ${labs.notInterpreted.length} not interpreted, ${labs.causes.length} lab causes, ${findings.length} lab findings; whole: ${all.findings.length} findings`;
}
const loadAfter = loadavg();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const line = (label: string, p: Part) =>
  `  ${label.padEnd(44)} median ${median(p.wall).toFixed(2)} ms wall (min ${Math.min(...p.wall).toFixed(2)}), ${median(p.cpu).toFixed(2)} ms CPU`;
console.log(`labs benchmark: 10,000 resources (${observations.length} Observations), ${RUNS} runs — ${summary}`);
console.log(`  load average (1, 5, 15 min): ${loadBefore.map((x) => x.toFixed(2)).join(" ")} before, ${loadAfter.map((x) => x.toFixed(2)).join(" ")} after`);
console.log(line("matchRecords (5,000 records)", parts.records));
console.log(line("interpretLabs (5,000 Observations)", parts.labs));
console.log(line("lab evidence into buildFindings", parts.join));
console.log(line("whole engine (matchRecords, records + labs)", parts.whole));
console.log(`  target: whole engine ≤ 20 ms median: ${median(parts.whole.wall) <= 20 ? "met" : "NOT met"} (wall)`);
