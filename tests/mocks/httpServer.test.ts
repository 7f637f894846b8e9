import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Bundle } from "fhir/r4";
import { startEhrHttpServer, type EhrHttpServer } from "../../mocks/httpServer";
import { DEMO_PATIENTS } from "../../mocks/patients";
import { decodeLaunch } from "../../mocks/launchContext";
import { FIXED_NOW, fhirGet, getToken } from "./helpers";

const APP = "http://localhost:4000/launch.html";
let ehr: EhrHttpServer;

beforeAll(async () => {
  ehr = await startEhrHttpServer({ port: 0, appLaunchUrl: APP, now: () => FIXED_NOW });
});
afterAll(async () => {
  await ehr.close();
});

describe("mock EHR over real HTTP", () => {
  test("binds a random loopback port", () => {
    expect(ehr.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(ehr.fhirBaseUrl).toBe(`${ehr.baseUrl}/fhir`);
  });

  test("GET / is the Demo EHR home page with a Launch link per demo patient", async () => {
    const res = await fetch(`${ehr.baseUrl}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const page = await res.text();
    expect(page).toContain("<title>Demo EHR</title>");
    expect(page).toContain('<html lang="en">');
    expect(page).not.toMatch(/<(script|link)\b/i);
    const launches = [...page.matchAll(/<a href="([^"]+)" data-patient-id="([^"]+)"/g)];
    expect(launches).toHaveLength(DEMO_PATIENTS.length);
    for (const [, href, id] of launches) {
      const url = new URL(href!.replace(/&amp;/g, "&"));
      expect(`${url.origin}${url.pathname}`).toBe(APP);
      expect(url.searchParams.get("iss")).toBe(ehr.fhirBaseUrl);
      expect(decodeLaunch(url.searchParams.get("launch")!)).toEqual({ patient: id });
    }
    expect(page).toContain('id="standalone-launch"');
    // Descriptions are escaped (the hostile patient's mentions <script>).
    expect(page).toContain("Hostile data: &lt;script&gt;");
    expect(page).not.toContain("Hostile data: <script>");
  });

  test("full launch and a paged FHIR search over HTTP, with CORS", async () => {
    const t = await getToken({ base: ehr.baseUrl, launch: { patient: "c5ed5d78-5b3f-4a75-bdfb-5f318b068a20" } });
    const res = await fhirGet(
      "MedicationRequest?patient=c5ed5d78-5b3f-4a75-bdfb-5f318b068a20&_count=50",
      t.access_token,
      {},
      ehr.fhirBaseUrl,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const b = (await res.json()) as Bundle;
    expect(b.total).toBe(122);
    expect(b.entry).toHaveLength(50);
    expect(b.link?.find((l) => l.relation === "next")?.url.startsWith(`${ehr.fhirBaseUrl}/`)).toBe(true);
  });

  test("a request to localhost instead of 127.0.0.1 is served the same", async () => {
    const port = new URL(ehr.baseUrl).port;
    const res = await fetch(`http://localhost:${port}/fhir/metadata`).catch(() => null);
    // Some machines resolve localhost to ::1 only; then there is nothing to compare.
    if (res) expect(((await res.json()) as { fhirVersion: string }).fhirVersion).toBe("4.0.1");
    const direct = await fetch(`${ehr.fhirBaseUrl}/metadata`);
    expect(direct.status).toBe(200);
  });

  test("a hanging request is ended by the client's abort, and unknown paths are 404", async () => {
    const t = await getToken({ base: ehr.baseUrl, launch: { patient: "epic-like", faults: { Condition: { status: 200, body: "hang" } } } });
    await expect(
      fhirGet("Condition?patient=epic-like", t.access_token, { signal: AbortSignal.timeout(200) }, ehr.fhirBaseUrl),
    ).rejects.toThrow();
    expect((await fetch(`${ehr.baseUrl}/nothing-here`)).status).toBe(404);
  });
});
