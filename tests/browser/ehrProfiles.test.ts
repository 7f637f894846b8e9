/**
 * Issue 14 in real Chromium: the same patients launched from the demo EHR under its plain, Epic-like and
 * Oracle-like behaviour profiles (mocks/profiles.ts) give the same findings — cause, currency and
 * evidence — read only through the panel contract. Also: the EHR refusing the app's origin (CORS).
 * Issue 19: each new profile's demo patient (MEDITECH, athenahealth, eClinicalWorks, NextGen, and Epic's
 * encounter diagnoses) launched through its profile, checking what the data layer decides.
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
    // No Condition configuration: the app recognises Epic from its CapabilityStatement. Lab results by category
    // (Epic refuses query strings over 2,048 bytes, which the LOINC code list exceeds until it is split).
    { name: "Epic-like demo", iss: profileFhirBase(stack.ehrUrl, "epic"), labQuery: "category", labLookbackDays: 36500 },
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

async function open(patient: string, profile: ProfileName, text = false) {
  const { page, context, cspViolations } = await stack.newPage({ now: NOW });
  const styles: string[] = [];
  page.on("requestfinished", (r) => {
    if (r.url().endsWith("/smart-style.json")) styles.push(new URL(r.url()).origin);
  });
  await page.goto(stack.launchUrl({ patient }, profileFhirBase(stack.ehrUrl, profile)));
  const status = await panelStatus(page, 30000);
  const result = {
    status,
    findings: await readFindings(page),
    sources: await readSources(page),
    styles,
    cspViolations,
    text: text ? await page.locator("body").innerText() : "",
    quality: text ? await page.locator("[data-quality]").allInnerTexts() : [],
  };
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
      // Epic withholds outside records on every search: a notice, not a gap.
      expect(epic.status).toBe("ready");
      expect(epic.sources).toMatchObject({ Patient: "read", Condition: "read", MedicationRequest: "read", MedicationStatement: "read", Procedure: "read", Observation: "read" });

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

describe("issue 19: each EHR profile's own demo patient (Chromium)", () => {
  it("MEDITECH's 2021 baseline: nothing refused, MedicationStatement not offered (not a gap), home medicines read", async () => {
    const r = await open("meditech-home-meds", "meditech");
    expect(r.status).toBe("ready");
    expect(r.sources).toMatchObject({ Condition: "read", MedicationRequest: "read", MedicationStatement: "not-supported", Observation: "read" });
    expect(r.findings.diuretics?.evidence).toEqual(["MedicationRequest/meditech-home-furosemide"]);
    expect(r.findings["blood-pressure-medicines"]?.evidence).toEqual(["MedicationRequest/meditech-home-lisinopril"]);
  });

  it("athenahealth: intent always sent, so its 403 for a missing parameter never comes", async () => {
    const r = await open("athena-local-labs", "athena");
    expect(r.sources).toMatchObject({ MedicationRequest: "read", Condition: "read", Observation: "read" });
    expect(r.findings["blood-pressure-medicines"]?.current).toBe("true");
  });

  it("eClinicalWorks: the 1899-12-30 death date is ignored and said so; findings current; _count refused then retried", async () => {
    const r = await open("ecw-zero-date", "ecw", true);
    expect(r.text).not.toMatch(/deceased/i);
    expect(r.quality).toEqual([expect.stringMatching(/^The record gives a death date of 30 Dec 1899, which is on or before 1 Jan 1900/)]);
    expect(r.findings.hypertension?.current).toBe("true");
    expect(r.sources).toMatchObject({ Condition: "read", Procedure: "read" });
  });

  it("NextGen: the case-changed next link is followed; the Procedure search stopping at 50 of 109 is cut and said so", async () => {
    const r = await open("nextgen-paging", "nextgen", true);
    expect(r.status).toBe("partial");
    expect(r.sources).toMatchObject({ MedicationRequest: "read", Procedure: "truncated" });
    expect(r.text).toContain("The EHR sent 50 of 109 procedures and stopped; the rest could not be read.");
  });

  it("Epic: encounter diagnoses and problems read with no configuration; outside records withheld are not a gap", async () => {
    const r = await open("epic-encounter-dx", "epic");
    expect(r.status).toBe("ready");
    expect(r.sources).toMatchObject({ Condition: "read", MedicationRequest: "read", Observation: "read" });
    expect(Object.keys(r.findings)).toEqual(expect.arrayContaining(["hypertension", "hypothyroidism", "diuretics"]));
  });
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
