/**
 * CDS Hooks load benchmark (run: npm run bench:cds-load [-- --calls 2000 --concurrency 50 --max-seconds 60]):
 * how many patient-view calls per second ONE replica sustains with 50 concurrent clients, with the memory
 * replay store and with Redis. Bounded and loopback only: the service runs as its own process
 * (`tsx cds/main.ts`, as deployed) on 127.0.0.1, a throwaway redis-server on a free loopback port for the Redis
 * run; each run sends a fixed number of calls (default 2000 after 100 warm-up calls) and stops at the time
 * cap whatever happens; everything started here is stopped at the end.
 *
 * Every call is a complete prefetch for a typical sandbox patient (Trey Berge, a leg-cramp Condition added, so
 * every call builds a card) with its own freshly signed ES384 token (signed before the clock starts, so the
 * load generator spends its CPU on sending, not signing). Prints calls per second, latency median and p95,
 * and any status other than 200.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import type { Condition, Medication, Resource } from "fhir/r4";
import { REPO_ROOT } from "../cds/config";
import { demoPrefetch } from "../mocks/cdsClient";
import { loadSandboxPatients } from "../mocks/data/sandboxPatients";
import { startRedis } from "../tests/node/redisServer";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}
const CALLS = arg("--calls", 2000);
const CONCURRENCY = arg("--concurrency", 50);
const MAX_SECONDS = arg("--max-seconds", 60);
const WARMUP = 100;
const ISS = "https://load-ehr.example";
const PATIENT = "f46d1649-8a02-4de8-8cff-f76fae267d3a"; // Trey Berge

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! : NaN;
};

// The body: a complete prefetch with leg cramps.
const trey = loadSandboxPatients().find((p) => p.id === PATIENT)!;
const resources: Resource[] = trey.resources(new Date());
const cramp: Condition = {
  resourceType: "Condition",
  id: "load-leg-cramps",
  subject: { reference: `Patient/${PATIENT}` },
  clinicalStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "active" }] },
  code: { coding: [{ system: "http://hl7.org/fhir/sid/icd-10-cm", code: "G47.62", display: "Sleep related leg cramps" }] },
};
const meds = new Map(resources.filter((r): r is Medication => r.resourceType === "Medication").map((m) => [m.id ?? "", m]));
const body = JSON.stringify({
  hook: "patient-view",
  hookInstance: randomUUID(),
  context: { userId: "Practitioner/load", patientId: PATIENT },
  prefetch: demoPrefetch([...resources, cramp], "https://load-ehr.example/fhir", (id) => meds.get(id)),
});

// The client's key on a local JWKS endpoint.
const { publicKey, privateKey } = await generateKeyPair("ES384");
const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: "load", alg: "ES384" }] });
const jwksServer = createServer((_req, res) => res.end(jwks));
await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", () => resolve()));
const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;

const dir = await mkdtemp(path.join(tmpdir(), "cds-load-"));
const configFile = path.join(dir, "cds-config.json");
await writeFile(
  configFile,
  JSON.stringify({ clients: [{ iss: ISS, jwksUrl }], appLaunchUrl: "http://127.0.0.1:4000/launch.html", replayQuotaPerClient: 1_000_000 }),
);

/** The service as its own process (what one replica is); resolves with its hook URL. */
function startService(replayStore: string): Promise<{ child: ChildProcess; endpoint: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "cds/main.ts", "--port", "0", "--config", configFile, "--replay-store", replayStore], {
      cwd: REPO_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    const timer = setTimeout(() => reject(new Error(`the service did not start: ${err}`)), 30_000);
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /CDS Hooks service: (\S+)\/cds-services/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, endpoint: `${m[1]}/cds-services/night-leg-cramps` });
      }
    });
    child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) => reject(new Error(`the service exited (${code}): ${err}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/**
 * CPU seconds the process has used (Linux /proc: user + system, in clock ticks of 1/100 s), or undefined
 * elsewhere. On a shared machine, calls per CPU-second of the service says what a core it had to itself would
 * sustain.
 */
async function cpuSeconds(pid: number | undefined): Promise<number | undefined> {
  if (pid === undefined) return undefined;
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, "utf8")).split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

async function signAll(n: number, aud: string): Promise<string[]> {
  const iat = Math.floor(Date.now() / 1000);
  const tokens: string[] = [];
  for (let i = 0; i < n; i++) {
    tokens.push(
      await new SignJWT({})
        .setProtectedHeader({ alg: "ES384", kid: "load", typ: "JWT" })
        .setIssuer(ISS)
        .setAudience(aud)
        .setIssuedAt(iat)
        .setExpirationTime(iat + 300)
        .setJti(randomUUID())
        .sign(privateKey),
    );
  }
  return tokens;
}

interface RunResult {
  calls: number;
  seconds: number;
  latencies: number[];
  statuses: Map<number | string, number>;
}

/** `tokens.length` calls from `CONCURRENCY` clients (Node's fetch keeps their connections alive), stopping at the time cap. */
async function load(endpoint: string, tokens: string[]): Promise<RunResult> {
  const latencies: number[] = [];
  const statuses = new Map<number | string, number>();
  let next = 0;
  const deadline = performance.now() + MAX_SECONDS * 1000;
  const started = performance.now();
  const worker = async () => {
    while (next < tokens.length && performance.now() < deadline) {
      const token = tokens[next++]!;
      const t0 = performance.now();
      let status: number | string;
      try {
        const res = await fetch(endpoint, {
          method: "POST",
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
          body,
          signal: AbortSignal.timeout(30_000),
        });
        const answer = (await res.json()) as { cards?: unknown[] };
        status = res.status === 200 && answer.cards?.length !== 1 ? "200 without a card" : res.status;
      } catch (error) {
        status = (error as Error).name;
      }
      latencies.push(performance.now() - t0);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { calls: latencies.length, seconds: (performance.now() - started) / 1000, latencies, statuses };
}

async function run(label: string, replayStore: string): Promise<string> {
  const { child, endpoint } = await startService(replayStore);
  try {
    const tokens = await signAll(WARMUP + CALLS, endpoint);
    await load(endpoint, tokens.slice(0, WARMUP));
    const cpuBefore = await cpuSeconds(child.pid);
    const r = await load(endpoint, tokens.slice(WARMUP));
    const cpuAfter = await cpuSeconds(child.pid);
    const other = [...r.statuses].filter(([s]) => s !== 200).map(([s, n]) => `${s}: ${n}`);
    const cpu =
      cpuBefore !== undefined && cpuAfter !== undefined && cpuAfter > cpuBefore
        ? `   service CPU ${(((cpuAfter - cpuBefore) * 1000) / r.calls).toFixed(1)} ms per call (${(r.calls / (cpuAfter - cpuBefore)).toFixed(0)} calls per CPU-second)`
        : "";
    return `  ${label.padEnd(22)} ${(r.calls / r.seconds).toFixed(0).padStart(5)} calls/s   ${r.calls} calls in ${r.seconds.toFixed(1)} s   latency median ${quantile(r.latencies, 0.5).toFixed(0)} ms  p95 ${quantile(r.latencies, 0.95).toFixed(0)} ms${cpu}${other.length ? `   not 200: ${other.join(", ")}` : ""}`;
  } finally {
    await stop(child);
  }
}

const rows: string[] = [];
const redis = await startRedis();
try {
  rows.push(await run("memory replay store", "memory"));
  rows.push(await run("Redis replay store", redis.url));
} finally {
  await redis.stop();
  jwksServer.close();
  await rm(dir, { recursive: true, force: true });
}
console.log(
  `CDS Hooks patient-view under load: one replica (its own process), ${CONCURRENCY} concurrent clients, complete prefetch of ${(body.length / 1024).toFixed(0)} kB, a card per call, ${CALLS} calls after ${WARMUP} warm-up (cap ${MAX_SECONDS} s)`,
);
console.log(rows.join("\n"));
console.log(`  (machine load average while it ran: ${(await readFile("/proc/loadavg", "utf8").catch(() => "n/a")).split(" ").slice(0, 3).join(" ")})`);
