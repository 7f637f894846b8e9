/**
 * Issue 14 in real Chromium: the same patients launched from the demo EHR under its plain, Epic-like and
 * Oracle-like behaviour profiles (mocks/profiles.ts) give the same findings — cause, currency and
 * evidence — read only through the panel contract. Also: the EHR refusing the app's origin (CORS).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { profileFhirBase, simFhirBase } from "../../mocks/launchContext";
import type { ProfileName } from "../../mocks/profiles";
import { distWithConfig, panelStatus, readFindings, readSources, startStack, type Stack } from "./stack";

const NOW = new Date("2026-11-26T12:00:00Z");
const PATIENTS = {
  trey: "f46d1649-8a02-4de8-8cff-f76fae267d3a",
  neva: "132f48ba-1d72-4e0c-a220-91786d7501aa",
  parker: "ec6a274e-5090-45c9-b153-e40418f6fa3d",
  fletcher: "c5ed5d78-5b3f-4a75-bdfb-5f318b068a20",
  epicLike: "epic-like",
};

let stack: Stack;
let dist: { root: string; remove: () => Promise<void> };

beforeAll(async () => {
  dist = await distWithConfig((c) => c);
  stack = await startStack({ now: () => NOW, root: dist.root });
  // The profile FHIR bases depend on the demo EHR's port: the deployer's configuration is written now
  // (the static server re-reads smart-config.json when it changes, and the pages read it at run time).
  const file = join(dist.root, "smart-config.json");
  const config = JSON.parse(await readFile(file, "utf8")) as { servers: unknown[] };
  const port = new URL(stack.ehrUrl).port;
  // Once its port is listed, a loopback server obeys only its entries (src/fhir/config.ts): list the plain base too.
  config.servers = [
    ...config.servers,
    { name: "Plain demo", iss: profileFhirBase(stack.ehrUrl, "plain") },
    { name: "Epic-like demo", iss: profileFhirBase(stack.ehrUrl, "epic"), explicitClinicalStatus: true },
    { name: "Oracle-like demo", iss: profileFhirBase(stack.ehrUrl, "oracle"), styleOrigins: [`http://localhost:${port}`] },
    // Last: the first entry that allows an iss is the one used.
    { name: "Demo EHR, simulated behaviours", issPrefix: `${stack.ehrUrl}/sim/` },
  ];
  await writeFile(file, JSON.stringify(config, null, 2));
});
afterAll(async () => {
  await stack?.close();
  await dist?.remove();
});

async function open(patient: string, profile: ProfileName) {
  const { page, context, cspViolations } = await stack.newPage({ now: NOW });
  const styles: string[] = [];
  page.on("requestfinished", (r) => {
    if (r.url().endsWith("/smart-style.json")) styles.push(new URL(r.url()).origin);
  });
  await page.goto(stack.launchUrl({ patient }, profileFhirBase(stack.ehrUrl, profile)));
  const status = await panelStatus(page, 30000);
  const result = { status, findings: await readFindings(page), sources: await readSources(page), styles, cspViolations };
  await context.close();
  return result;
}

describe("the same patients under each EHR profile (Chromium)", () => {
  for (const [name, id] of Object.entries(PATIENTS)) {
    it(`${name}: Epic-like and Oracle-like findings equal the plain profile's`, async () => {
      const plain = await open(id, "plain");
      expect(plain.status).toBe("ready");
      expect(Object.keys(plain.findings).length).toBeGreaterThan(0);

      const epic = await open(id, "epic");
      expect(epic.findings).toEqual(plain.findings);
      // The Epic-like profile says its Condition answers may be incomplete: partial, Condition not read.
      expect(epic.status).toBe("partial");
      expect(epic.sources).toMatchObject({ Patient: "read", Condition: "failed", MedicationRequest: "read", MedicationStatement: "read", Procedure: "read", Observation: "read" });

      const oracle = await open(id, "oracle");
      expect(oracle.findings).toEqual(plain.findings);
      // No MedicationStatement at all is not a gap.
      expect(oracle.status).toBe("ready");
      expect(oracle.sources).toMatchObject({ MedicationStatement: "not-supported", MedicationRequest: "read", Observation: "read" });
      expect(oracle.styles).toEqual([`http://localhost:${new URL(stack.ehrUrl).port}`]);
      expect([...plain.cspViolations, ...epic.cspViolations, ...oracle.cspViolations]).toEqual([]);
    });
  }
});

describe("the EHR refuses the app's origin (failed CORS)", () => {
  for (const where of ["token", "fhir"] as const) {
    it(`refused at the ${where === "token" ? "token endpoint" : "FHIR API"}: the panel says so and names the origin to register`, async () => {
      const { page, context } = await stack.newPage({ now: NOW });
      await page.goto(stack.launchUrl({ patient: PATIENTS.trey }, simFhirBase(stack.ehrUrl, { refuseCors: where })));
      expect(await panelStatus(page, 30000)).toBe("error");
      const text = await page.locator("body").innerText();
      expect(text).toMatch(/refused requests from this app's web address/);
      expect(text).toContain(new URL(stack.appUrl).origin);
      expect(await page.locator("[data-cause]").count()).toBe(0);
      await context.close();
    });
  }
});
