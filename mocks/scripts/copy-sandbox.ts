/**
 * Reproducible trimming of the SMART sandbox R4 sample patients into mocks/data/sandbox/.
 *
 *   npx tsx mocks/scripts/copy-sandbox.ts <sourceDir>
 *
 * sourceDir is a folder of the sandbox's patient transaction Bundles (smart-on-fhir/generated-sample-data,
 * R4/SYNTHEA/). For each Bundle it keeps only the resource types the app reads (Observations only when they
 * carry one of the lab codes the app reads), rewrites `urn:uuid:` references to `Type/id` (the way a FHIR server
 * does when it loads a transaction) and writes one `collection` Bundle per patient, named after the source
 * file's person name. The data is Apache-2.0 (see mocks/data/sandbox/NOTICE.md).
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Bundle, FhirResource } from "fhir/r4";
import { LAB_LOINC_CODES } from "../../src/knowledge";

export const KEPT_TYPES: ReadonlySet<string> = new Set([
  "Patient",
  "Condition",
  "MedicationRequest",
  "MedicationStatement",
  "Medication",
  "Procedure",
]);

const LAB_CODES: ReadonlySet<string> = new Set(LAB_LOINC_CODES);

/** Kept: a type the app reads; an Observation only when it is one of the lab tests the app reads. */
export function isKept(resource: FhirResource): boolean {
  if (resource.resourceType === "Observation") return (resource.code.coding ?? []).some((c) => c.code !== undefined && LAB_CODES.has(c.code));
  return KEPT_TYPES.has(resource.resourceType);
}

/** Replace every `"reference": "urn:uuid:X"` with `Type/X`, using the fullUrl → resource map of the bundle. */
export function rewriteReferences<T>(value: T, typeByUrn: ReadonlyMap<string, string>): T {
  if (Array.isArray(value)) return value.map((v: unknown) => rewriteReferences(v, typeByUrn)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (key === "reference" && typeof v === "string" && v.startsWith("urn:uuid:")) {
        const type = typeByUrn.get(v);
        out[key] = type ? `${type}/${v.slice("urn:uuid:".length)}` : v;
      } else {
        out[key] = rewriteReferences(v, typeByUrn);
      }
    }
    return out as T;
  }
  return value;
}

/** Trim one sandbox transaction Bundle to the kept types, as a `collection` Bundle. */
export function trimSandboxBundle(source: Bundle): Bundle {
  const typeByUrn = new Map<string, string>();
  for (const entry of source.entry ?? []) {
    if (entry.fullUrl && entry.resource) typeByUrn.set(entry.fullUrl, entry.resource.resourceType);
  }
  const kept: FhirResource[] = [];
  for (const entry of source.entry ?? []) {
    const resource = entry.resource;
    if (resource && isKept(resource)) kept.push(rewriteReferences(resource, typeByUrn));
  }
  return { resourceType: "Bundle", type: "collection", entry: kept.map((resource) => ({ resource })) };
}

function main(): void {
  const here = dirname(fileURLToPath(import.meta.url));
  if (!process.argv[2]) {
    console.error("usage: npx tsx mocks/scripts/copy-sandbox.ts <folder of sandbox patient Bundles>");
    process.exit(2);
  }
  const sourceDir = resolve(process.argv[2]);
  const targetDir = join(here, "../data/sandbox");
  mkdirSync(targetDir, { recursive: true });
  for (const file of readdirSync(sourceDir).filter((f) => f.endsWith(".json")).sort()) {
    const bundle = JSON.parse(readFileSync(join(sourceDir, file), "utf8")) as Bundle;
    const trimmed = trimSandboxBundle(bundle);
    // "Parker_Casper_<uuid>.json" → "Parker_Casper.json"
    const name = file.replace(/_[0-9a-f-]{36}\.json$/, ".json");
    writeFileSync(join(targetDir, name), JSON.stringify(trimmed, null, 1) + "\n");
    console.log(`${name}: ${trimmed.entry?.length ?? 0} resources`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
