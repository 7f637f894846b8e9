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

/** Rounds, each running BLOCK calls of every part in turn, so each part pays for the garbage collection its own calls cause. */
const ROUNDS = 9;
const BLOCK = 5;
const WARM_UP_ROUNDS = 1;

const records: EngineInput = recordsInput(5_000);
const observations = labObservations(5_000);
const whole: EngineInput = { ...records, observations };
const recordCauses = new Set(matchRecords(records, { now: NOW }).findings.map((f) => f.causeId));
const labsOnce = interpretLabs(observations, { patient: records.patient, now: NOW });

interface Part {
  run: () => unknown;
  wall: number[];
  cpu: number[];
}
const parts: Record<"records" | "labs" | "join" | "whole", Part> = {
  records: { run: () => matchRecords(records, { now: NOW }), wall: [], cpu: [] },
  labs: { run: () => interpretLabs(observations, { patient: records.patient, now: NOW }), wall: [], cpu: [] },
  join: { run: () => buildFindings(labEvidenceItems(labsOnce, recordCauses)), wall: [], cpu: [] },
  whole: { run: () => matchRecords(whole, { now: NOW }), wall: [], cpu: [] },
};

const loadBefore = loadavg();
for (let round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
  for (const part of Object.values(parts)) {
    for (let call = 0; call < BLOCK; call++) {
      const cpu = process.cpuUsage();
      const t = performance.now();
      part.run();
      const wall = performance.now() - t;
      const used = process.cpuUsage(cpu);
      if (round < WARM_UP_ROUNDS) continue;
      part.wall.push(wall);
      part.cpu.push((used.user + used.system) / 1000);
    }
  }
}
const loadAfter = loadavg();
const all = matchRecords(whole, { now: NOW });
const findings = buildFindings(labEvidenceItems(labsOnce, recordCauses));
const summary = `${labsOnce.counts.counted} counted, ${labsOnce.notInterpreted.length} not interpreted, ${labsOnce.causes.length} lab causes, ${findings.length} lab findings; whole: ${all.findings.length} findings`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const line = (label: string, p: Part) =>
  `  ${label.padEnd(44)} median ${median(p.wall).toFixed(2)} ms wall (min ${Math.min(...p.wall).toFixed(2)}), ${median(p.cpu).toFixed(2)} ms CPU`;
console.log(`labs benchmark: 10,000 resources (${observations.length} Observations), ${ROUNDS * BLOCK} calls per part — ${summary}`);
console.log(`  load average (1, 5, 15 min): ${loadBefore.map((x) => x.toFixed(2)).join(" ")} before, ${loadAfter.map((x) => x.toFixed(2)).join(" ")} after`);
console.log(line("matchRecords (5,000 records)", parts.records));
console.log(line("interpretLabs (5,000 Observations)", parts.labs));
console.log(line("lab evidence into buildFindings", parts.join));
console.log(line("whole engine (matchRecords, records + labs)", parts.whole));
console.log(`  target: whole engine ≤ 20 ms median: ${median(parts.whole.wall) <= 20 ? "met" : "NOT met"} (wall)`);
