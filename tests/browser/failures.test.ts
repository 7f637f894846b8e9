/**
 * Every bad input ends in a clear screen in Chromium: never a blank page or an endless spinner,
 * and never a claim of absence for data that could not be read.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { panelStatus, readFindings, readSources, startStack, type Stack } from "./stack";

const TREY = "f46d1649-8a02-4de8-8cff-f76fae267d3a";
const NOW = new Date("2026-11-26T12:00:00Z");
const NONE_FOUND = /No documented causes found/i;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ now: () => NOW });
});
afterAll(async () => {
  await stack?.close();
});

async function open(url: string) {
  const { page, context } = await stack.newPage({ now: NOW });
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(url);
  const status = await panelStatus(page);
  const text = await page.locator("body").innerText();
  return { page, context, status, text, requests };
}

describe("launch errors (Chromium)", () => {
  it("launch.html without iss", async () => {
    const r = await open(`${stack.appUrl}/launch.html`);
    expect(r.status).toBe("error");
    expect(r.text).toMatch(/without an EHR/i);
    await r.context.close();
  });

  it("an iss not on the allowlist is refused before any request leaves for it", async () => {
    const r = await open(`${stack.appUrl}/launch.html?iss=${encodeURIComponent("https://evil.example/fhir")}&launch=x`);
    expect(r.status).toBe("error");
    expect(r.text).toMatch(/not on its list of allowed servers/i);
    expect(r.requests.filter((u) => new URL(u).hostname === "evil.example")).toEqual([]);
    expect(new URL(r.page.url()).hostname).toBe("127.0.0.1");
    await r.context.close();
  });

  it("index.html opened directly (no session)", async () => {
    const r = await open(`${stack.appUrl}/index.html`);
    expect(r.status).toBe("error");
    expect(r.text).toMatch(/no active session/i);
    await r.context.close();
  });

  for (const [authError, words] of [
    ["access_denied", /not granted/i],
    ["invalid_scope", /permissions/i],
    ["invalid_client", /does not recognise this app/i],
  ] as const) {
    it(`authorization error ${authError} returned to the redirect URI`, async () => {
      const r = await open(stack.launchUrl({ patient: TREY, authError }));
      expect(r.status).toBe("error");
      expect(r.text).toMatch(words);
      await r.context.close();
    });
  }

  it("token endpoint failure", async () => {
    const r = await open(stack.launchUrl({ patient: TREY, tokenError: 500 }));
    expect(r.status).toBe("error");
    expect(r.text).toMatch(/access token could not be obtained/i);
    await r.context.close();
  });

  it("a reload after the session storage is gone", async () => {
    const r = await open(stack.launchUrl({ patient: TREY }));
    expect(r.status).toBe("ready");
    await r.page.evaluate(() => sessionStorage.clear());
    await r.page.reload();
    expect(await panelStatus(r.page)).toBe("error");
    await r.context.close();
  });
});

describe("sections that cannot be read (Chromium)", () => {
  it("MedicationRequest failing with 500 leaves the panel partial, says so, and claims no absence", async () => {
    const r = await open(stack.launchUrl({ patient: TREY, faults: { MedicationRequest: { status: 500 } } }));
    expect(r.status).toBe("partial");
    expect((await readSources(r.page)).MedicationRequest).toBe("failed");
    const f = await readFindings(r.page);
    expect(f["hypertension"]).toBeDefined();
    expect(f["diuretics"]).toBeUndefined();
    expect(r.text).not.toMatch(NONE_FOUND);
    await r.context.close();
  });

  it("a scope not granted marks the section not-authorized", async () => {
    const r = await open(
      stack.launchUrl({ patient: TREY, grantScope: "launch openid fhirUser patient/Patient.rs patient/MedicationRequest.rs patient/Procedure.rs patient/Medication.rs patient/MedicationStatement.rs" }),
    );
    expect(r.status).toBe("partial");
    expect((await readSources(r.page)).Condition).toBe("not-authorized");
    expect(r.text).not.toMatch(NONE_FOUND);
    await r.context.close();
  });

  it("a session that expires mid-load ends in a clear error", async () => {
    const r = await open(stack.launchUrl({ patient: TREY, expireAfterRequests: 1 }));
    expect(r.status).toBe("error");
    expect(r.text).toMatch(/session with the EHR has ended/i);
    await r.context.close();
  });
});
