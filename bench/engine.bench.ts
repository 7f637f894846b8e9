/**
 * Engine benchmark (run: npm run bench [-- --rounds 15] [-- --baseline <checkout>]): matchRecords, the whole
 * engine as the app calls it, on two inputs of 10,000 resources (see bench/engineInputs.ts):
 *   - records: 5,000 Conditions and 5,000 MedicationRequests, a third with unknown codes plus free text;
 *   - mixed (issue 10): 5,000 records like those and 5,000 lab Observations in input.observations.
 * Target: median ≤ 20 ms for each. Prints per case the median and min wall time and the median CPU time
 * (process.cpuUsage: less disturbed by other work on a shared machine), with the load average.
 *
 * The cases run interleaved, a block of BLOCK calls of each in turn, so a burst of other work on the
 * machine hits them alike, while each block pays for the garbage collection its own calls cause (call
 * after call, the collections one engine's garbage triggers would land in the next one's timings).
 * `--baseline <dir>`: also runs the engine of another checkout (e.g. `git worktree add /tmp/base <commit>`),
 * interleaved with this one in the same process (in an order drawn each round), for before/after figures
 * under the same load, and prints the paired ratio: the median over rounds of this engine's block median
 * divided by the baseline's in the same round. `--inputs <checkout>`: that checkout's inputs (see below).
 */
import { availableParallelism, loadavg } from "node:os";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { matchRecords } from "../src/engine";
import { indexStats } from "../src/engine/lookup";
import type { EngineInput, EngineResult } from "../src/engine/types";
import { CODE_RULES, codesOf, LOOK_ALIKES, NAME_RULES, SYSTEMS } from "../src/knowledge";
import * as ownInputs from "./engineInputs";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
/** Rounds, each running BLOCK calls of every case (and engine) in turn. */
const ROUNDS = Number(arg("--rounds") ?? 15);
const BLOCK = 5;
const RUNS = ROUNDS * BLOCK;
const WARM_UP_ROUNDS = 2;
const TARGET_MS = 20;

type Engine = (input: EngineInput, options: { now: Date }) => EngineResult;

/**
 * `--inputs <checkout>`: the inputs as another checkout's bench/engineInputs.ts makes them. They draw their
 * codes from the knowledge base, so a larger one makes inputs with more records to recognise; the inputs of
 * the baseline's checkout compare both engines on the records the baseline was measured on.
 */
const inputsFrom = arg("--inputs");
const { labObservations, NOW, recordsInput } = inputsFrom
  ? ((await import(pathToFileURL(resolve(inputsFrom, "bench/engineInputs.ts")).href)) as typeof ownInputs)
  : ownInputs;

const cases: { name: string; description: string; input: EngineInput }[] = [
  {
    name: "records",
    description: "10,000 records (5,000 Conditions, 5,000 MedicationRequests; a third unknown codes + free text)",
    input: recordsInput(10_000),
  },
  {
    name: "mixed",
    description: "10,000 resources, half Observations (5,000 records as above + 5,000 lab results)",
    input: { ...recordsInput(5_000), observations: labObservations(5_000) },
  },
];

const engines: { name: string; run: Engine }[] = [{ name: "this", run: matchRecords }];
const baseline = arg("--baseline");
if (baseline) {
  const module = (await import(pathToFileURL(resolve(baseline, "src/engine/index.ts")).href)) as { matchRecords: Engine };
  engines.push({ name: "baseline", run: module.matchRecords });
}

interface Samples {
  wall: number[];
  cpu: number[];
  /** The median wall time of each round's block, for the paired comparison with the baseline. */
  blocks: number[];
  summary: string;
}
const samples = new Map<string, Samples>();
for (const e of engines) for (const c of cases) samples.set(`${e.name}/${c.name}`, { wall: [], cpu: [], blocks: [], summary: "" });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
// Engines take turns in an order drawn anew each round (from a fixed seed): an engine always running
// right after the other would always pay for the other's garbage.
let seed = 7;
const nextRandom = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

const loadBefore = loadavg();
for (let round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
  for (const c of cases) {
    const order = engines.map((e) => ({ e, key: nextRandom() })).sort((a, b) => a.key - b.key);
    for (const { e } of order) {
      const s = samples.get(`${e.name}/${c.name}`)!;
      const block: number[] = [];
      for (let call = 0; call < BLOCK; call++) {
        const cpu = process.cpuUsage();
        const t = performance.now();
        const result = e.run(c.input, { now: NOW });
        const wall = performance.now() - t;
        const used = process.cpuUsage(cpu);
        if (round < WARM_UP_ROUNDS) continue;
        s.wall.push(wall);
        block.push(wall);
        s.cpu.push((used.user + used.system) / 1000);
        const lab = result.findings.filter((f) => f.basis === "lab").length;
        s.summary = `${result.findings.length} findings (${lab} from lab results alone)${result.labs ? `, ${result.labs.counts.counted} lab results counted` : ""}`;
      }
      if (block.length > 0) s.blocks.push(median(block));
    }
  }
}
const loadAfter = loadavg();

const ms = (x: number) => `${x.toFixed(2)} ms`;
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(" ");

console.log(
  `Engine benchmark: matchRecords, ${RUNS} calls per case (${ROUNDS} interleaved blocks of ${BLOCK}, after ${WARM_UP_ROUNDS * BLOCK} warm-up calls); target median ≤ ${TARGET_MS} ms`,
);
console.log(`  inputs: ${inputsFrom ? `${inputsFrom}/bench/engineInputs.ts` : "this checkout's bench/engineInputs.ts"}`);
console.log(`  load average (1, 5, 15 min): ${load(loadBefore)} before, ${load(loadAfter)} after, on ${availableParallelism()} cores`);
for (const c of cases) {
  console.log(`  ${c.name}: ${c.description}`);
  for (const e of engines) {
    const s = samples.get(`${e.name}/${c.name}`)!;
    const m = median(s.wall);
    const verdict = m <= TARGET_MS ? "met" : "NOT met";
    console.log(
      `    ${engines.length > 1 ? `${e.name.padEnd(9)}` : ""}median ${ms(m)} (min ${ms(Math.min(...s.wall))}), CPU median ${ms(median(s.cpu))}; ${s.summary}; target: ${verdict}`,
    );
  }
  if (baseline) {
    // Paired: each round's block of this engine against the baseline's block of the same round, so a
    // burst of other work on the machine, which both met, cancels out; the median of those ratios.
    const ours = samples.get(`this/${c.name}`)!.blocks;
    const theirs = samples.get(`baseline/${c.name}`)!.blocks;
    const ratio = median(ours.map((b, i) => b / theirs[i]!));
    console.log(`    this / baseline, paired by round: ${ratio.toFixed(3)} (median of ${ours.length} rounds; below 1: this is faster)`);
  }
}

const perSystem = new Map<string, { rules: number; codes: number }>();
for (const r of CODE_RULES) {
  const s = perSystem.get(SYSTEMS[r.system].label) ?? { rules: 0, codes: 0 };
  s.rules += 1;
  s.codes += codesOf(r.codes).length;
  perSystem.set(SYSTEMS[r.system].label, s);
}
console.log(`  knowledge: ${CODE_RULES.length} code rules, ${LOOK_ALIKES.length} look-alike lists, ${NAME_RULES.length} name rules`);
for (const [label, s] of [...perSystem].sort()) console.log(`    ${label}: ${s.rules} rules, ${s.codes} codes/prefixes`);
console.log("    index sizes (unique keys):", JSON.stringify(indexStats()));
