/**
 * The seven SMART sandbox R4 patients (Synthea, Apache-2.0: see ./sandbox/NOTICE.md), read from the JSON
 * files written by mocks/scripts/copy-sandbox.ts. Node only (the handlers run in msw/node or the HTTP server).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Bundle, Patient, Resource } from "fhir/r4";
import type { DemoPatient } from "./demoPatient";

// import.meta.dirname, not new URL(import.meta.url): under jsdom the global URL is jsdom's, which node:url rejects.
export const SANDBOX_DIR = join(import.meta.dirname, "sandbox") + "/";

/** Why each sandbox patient is in the demo (from the sandbox fixtures' README, see ./sandbox/NOTICE.md). */
const WHY: Record<string, string> = {
  "ec6a274e-5090-45c9-b153-e40418f6fa3d": "Sandbox: many chronic conditions and many concurrent medicines.",
  "132f48ba-1d72-4e0c-a220-91786d7501aa": "Sandbox: past (resolved) pregnancies, stopped contraceptives, kidney and diabetes history.",
  "f46d1649-8a02-4de8-8cff-f76fae267d3a": "Sandbox: thyroid disease and its treatment.",
  "c5ed5d78-5b3f-4a75-bdfb-5f318b068a20": "Sandbox: 122 MedicationRequests, so paging matters.",
  "72aace43-07ff-4900-96ae-ff77059ae354": "Sandbox: a pregnancy still marked active, begun in 2020 (a stale record).",
  "829bb06a-42b9-433d-a8f6-560727c63da9": "Sandbox: few records; only stopped medicines and look-alike conditions.",
  "aa0b29d0-6916-4fb7-85f0-6e42370dd5fa": "Sandbox: look-alikes (prediabetes, obesity) and little else.",
};

/** Sandbox fixture file names, sorted. */
export function sandboxFiles(): string[] {
  return readdirSync(SANDBOX_DIR).filter((f) => f.endsWith(".json")).sort();
}

/** All resources of one sandbox fixture file. */
export function readSandboxFile(file: string): Resource[] {
  const bundle = JSON.parse(readFileSync(`${SANDBOX_DIR}${file}`, "utf8")) as Bundle;
  return (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
}

function nameOf(p: Patient): string {
  const name = p.name?.find((n) => n.use === "official") ?? p.name?.[0];
  return [...(name?.given ?? []), name?.family ?? ""].join(" ").trim() || (p.id ?? "Unknown");
}

function loadSandboxPatient(file: string): DemoPatient {
  const resources = readSandboxFile(file);
  const patients = resources.filter((r): r is Patient => r.resourceType === "Patient");
  const p = patients[0];
  if (patients.length !== 1 || !p?.id) throw new Error(`${file}: expected exactly one Patient with an id`);
  return {
    id: p.id,
    label: nameOf(p),
    description: WHY[p.id] ?? "Sandbox patient (Synthea).",
    resources: () => resources,
  };
}

/** Loads every sandbox fixture (sorted by file name). */
export function loadSandboxPatients(): DemoPatient[] {
  return sandboxFiles().map(loadSandboxPatient);
}

/** The Patient ids of the sandbox copies (the same patients exist on the public SMART sandbox). */
export function sandboxPatientIds(): string[] {
  return sandboxFiles().flatMap((file) => readSandboxFile(file).filter((r) => r.resourceType === "Patient").map((r) => r.id ?? ""));
}
