/**
 * CDS Hooks service benchmark (run: npm run bench:cds [-- --runs 60]): service time of the patient-view hook
 * with complete prefetch, for each sandbox patient with a leg-cramp Condition added (so every call builds a
 * card when a documented cause is current; the others go through the whole engine and answer no card) and the
 * hand-made leg-cramp demo patients; then the same for the ordering hooks (order-select with
 * one selected order, order-sign with a basket of four draft orders in the shapes EHRs send: inline code,
 * contained Medication, a Medication referenced in the Bundle, a combination product), prefetch `patient`
 * and `conditions`, every call making a card. Each call carries a freshly signed ES384 JWT (signed before
 * the clock starts; verifying it is part of the service time). Prints, per patient and overall:
 *   - round trip: POST sent → answer read, from a client on the same machine (node fetch, keep-alive);
 *   - in service: request received → answer written, as the service's own access log measures it.
 * Target (docs/spec/cds-hooks.md): median ≤ 20 ms.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { readFileSync } from "node:fs";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import type { Condition, Medication, Resource } from "fhir/r4";
import { parseCdsConfig, DEFAULT_APP_CONFIG_FILE } from "../cds/config";
import { ORDER_SELECT_ID, ORDER_SIGN_ID, type ServiceId } from "../cds/discovery";
import { startCdsService } from "../cds/server";
import { demoPrefetch } from "../mocks/cdsClient";
import { loadSandboxPatients } from "../mocks/data/sandboxPatients";
import { LEG_CRAMP_PATIENTS } from "../mocks/data/patients/legCramps";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) ? v : fallback;
}
const RUNS = arg("--runs", 60);
const WARMUP = 10;
const ISS = "https://bench-ehr.example";

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! : NaN;
};
const median = (xs: number[]) => quantile(xs, 0.5);

const cramp = (patientId: string): Condition => ({
  resourceType: "Condition",
  id: "bench-leg-cramps",
  subject: { reference: `Patient/${patientId}` },
  clinicalStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "active" }] },
  code: { coding: [{ system: "http://hl7.org/fhir/sid/icd-10-cm", code: "G47.62", display: "Sleep related leg cramps" }] },
});

/** The complete prefetch the demo EHR would send (lab results included), with a leg-cramp Condition added. */
function prefetchOf(resources: Resource[], patientId: string): Record<string, unknown> {
  const meds = new Map(resources.filter((r): r is Medication => r.resourceType === "Medication").map((m) => [m.id ?? "", m]));
  return demoPrefetch([...resources, cramp(patientId)], "https://bench-ehr.example/fhir", (id) => meds.get(id));
}

// The client's key, published on a local JWKS endpoint.
const { publicKey, privateKey } = await generateKeyPair("ES384");
const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: "bench", alg: "ES384" }] });
const jwksServer = createServer((_req, res) => res.end(jwks));
await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", () => resolve()));
const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;

const inService: number[] = [];
const config = parseCdsConfig(
  { clients: [{ iss: ISS, jwksUrl }], appLaunchUrl: "http://127.0.0.1:4000/launch.html" },
  JSON.parse(readFileSync(DEFAULT_APP_CONFIG_FILE, "utf8")),
);
const service = await startCdsService({
  config,
  accessLog: true,
  logger: {
    info: (line) => {
      const m = / 200 ([\d.]+) ms$/.exec(line);
      if (m) inService.push(Number(m[1]));
    },
    error: (line) => console.error(line),
  },
});

const sign = (aud = service.serviceEndpoint) => {
  const iat = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: "ES384", kid: "bench", typ: "JWT" })
    .setIssuer(ISS)
    .setAudience(aud)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 300)
    .setJti(randomUUID())
    .sign(privateKey);
};

const RX = "http://www.nlm.nih.gov/research/umls/rxnorm";
/** Four draft orders in the shapes EHRs send (RxNorm codes of docs/terminology/README.md), and one unlinked medicine. */
function draftOrders(patientId: string): Record<string, unknown> {
  const order = (id: string, medicine: Record<string, unknown>) => ({
    fullUrl: `urn:uuid:${randomUUID()}`,
    resource: { resourceType: "MedicationRequest", id, status: "draft", intent: "order", subject: { reference: `Patient/${patientId}` }, ...medicine },
  });
  return {
    resourceType: "Bundle",
    type: "collection",
    entry: [
      order("draft-furosemide", { medicationCodeableConcept: { coding: [{ system: RX, code: "313988", display: "Furosemide 40 MG Oral Tablet" }] } }),
      order("draft-atorvastatin", {
        contained: [{ resourceType: "Medication", id: "m", code: { coding: [{ system: RX, code: "617310", display: "atorvastatin 20 MG Oral Tablet" }] } }],
        medicationReference: { reference: "#m" },
      }),
      order("draft-combination", { medicationReference: { reference: "Medication/combo" } }),
      order("draft-metformin", { medicationCodeableConcept: { coding: [{ system: RX, code: "860975", display: "24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet" }] } }),
      { resource: { resourceType: "Medication", id: "combo", code: { coding: [{ system: RX, code: "197885", display: "hydrochlorothiazide 12.5 MG / lisinopril 10 MG Oral Tablet" }] } } },
    ],
  };
}

type Bench = { label: string; service: ServiceId; body: string };

const patients = [...loadSandboxPatients(), ...LEG_CRAMP_PATIENTS];
const patientView: Bench[] = [];
const ordering: Bench[] = [];
for (const p of patients) {
  const now = new Date();
  const prefetch = prefetchOf(p.resources(now), p.id);
  patientView.push({
    label: p.label,
    service: "night-leg-cramps",
    body: JSON.stringify({ hook: "patient-view", hookInstance: randomUUID(), context: { userId: "Practitioner/bench", patientId: p.id }, prefetch }),
  });
  const orderPrefetch = { patient: prefetch.patient, conditions: prefetch.conditions };
  const context = { userId: "Practitioner/bench", patientId: p.id, draftOrders: draftOrders(p.id) };
  ordering.push(
    {
      label: `${p.label} (select)`,
      service: ORDER_SELECT_ID,
      body: JSON.stringify({ hook: "order-select", hookInstance: randomUUID(), context: { ...context, selections: ["MedicationRequest/draft-furosemide"] }, prefetch: orderPrefetch }),
    },
    {
      label: `${p.label} (sign)`,
      service: ORDER_SIGN_ID,
      body: JSON.stringify({ hook: "order-sign", hookInstance: randomUUID(), context, prefetch: orderPrefetch }),
    },
  );
}

/** Runs each case WARMUP + RUNS times; prints one row per case and the overall figures. */
async function run(title: string, cases: Bench[], mustCard: boolean): Promise<void> {
  const rows: string[] = [];
  const allRound: number[] = [];
  const allService: number[] = [];
  for (const { label, service: id, body } of cases) {
    const url = service.endpoints[id];
    const round: number[] = [];
    const before = inService.length;
    let cards: number | undefined;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const token = await sign(url);
      const t0 = performance.now();
      const res = await fetch(url, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body,
      });
      const answer = (await res.json()) as { cards?: unknown[] };
      const t1 = performance.now();
      if (res.status !== 200 || !Array.isArray(answer.cards)) throw new Error(`${label}: HTTP ${res.status}`);
      cards ??= answer.cards.length;
      if (answer.cards.length !== cards || (mustCard && cards !== 1)) throw new Error(`${label}: ${answer.cards.length} cards`);
      if (i >= WARMUP) round.push(t1 - t0);
    }
    const server = inService.slice(before + WARMUP);
    allRound.push(...round);
    allService.push(...server);
    rows.push(
      `  ${label.padEnd(31)} ${cards === 1 ? "card   " : "no card"} ${(body.length / 1024).toFixed(0).padStart(5)} kB   round trip median ${median(round).toFixed(2).padStart(6)} ms  p95 ${quantile(round, 0.95).toFixed(2).padStart(6)} ms   in service median ${median(server).toFixed(2).padStart(6)} ms  p95 ${quantile(server, 0.95).toFixed(2).padStart(6)} ms`,
    );
  }
  console.log(`${title} (${RUNS} calls per case after ${WARMUP} warm-up calls)`);
  console.log(rows.join("\n"));
  console.log(
    `  ALL (${allRound.length} calls)                     round trip median ${median(allRound).toFixed(2)} ms  p95 ${quantile(allRound, 0.95).toFixed(2)} ms   in service median ${median(allService).toFixed(2)} ms  p95 ${quantile(allService, 0.95).toFixed(2)} ms   (target: median ≤ 20 ms)`,
  );
}

try {
  // A patient with nothing current (or deceased) gets no card: the service still reads and judges the whole record.
  await run("CDS Hooks patient-view, complete prefetch", patientView, false);
  await run("CDS Hooks order-select and order-sign, prefetch patient and conditions, one card per call", ordering, true);
} finally {
  await service.close();
  jwksServer.close();
}
