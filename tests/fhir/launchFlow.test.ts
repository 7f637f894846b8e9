// @vitest-environment jsdom
/**
 * The launch end to end with real fhirclient against the demo EHR's MSW handlers (msw/node).
 */
import { describe, expect, it } from "vitest";
import { readyErrorKind, redirectError } from "../../src/fhir/session";
import { EHR_ORIGIN, FHIR_BASE, launchAndLand, TREY, startMockEhrForFile } from "./smartFlow";

startMockEhrForFile();

describe("SMART EHR launch with real fhirclient", () => {
  it("sends a complete authorize request and exchanges the code once", async () => {
    const { authorizeUrl, clientP } = await launchAndLand({ patient: TREY });
    const p = authorizeUrl.searchParams;
    expect(authorizeUrl.origin + authorizeUrl.pathname).toBe(`${EHR_ORIGIN}/auth/authorize`);
    expect(p.get("response_type")).toBe("code");
    expect(p.get("client_id")).toBe("night-leg-cramps");
    expect(p.get("aud")).toBe(FHIR_BASE);
    expect(p.get("launch")).toBeTruthy();
    expect(p.get("code_challenge_method")).toBe("S256");
    expect(p.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(p.get("state")).toMatch(/^[0-9a-f-]{36}$/);
    expect(p.get("scope")?.split(" ")).toEqual(expect.arrayContaining(["launch", "launch/patient", "patient/Condition.rs"]));
    const client = await clientP!;
    expect(client.patient.id).toBe(TREY);
    expect(client.state.serverUrl).toBe(FHIR_BASE);
    expect(String(client.state.tokenResponse?.access_token ?? "")).not.toBe("");
    // code and state are removed from the address bar
    expect(window.location.search).not.toMatch(/code=|state=/);
  });

  it("standalone launch (no launch parameter) asks for launch/patient and gets a patient picker", async () => {
    const q = new URLSearchParams({ iss: FHIR_BASE });
    window.history.replaceState(null, "", `/launch.html?${q.toString()}`);
    const { planLaunch } = await import("../../src/fhir/launch");
    const { CONFIG } = await import("./smartFlow");
    const plan = planLaunch(window.location.href, CONFIG, () => crypto.randomUUID());
    expect(plan.ok && plan.options.scope?.split(" ")).toEqual(expect.arrayContaining(["launch", "launch/patient"]));
  });

  for (const authError of ["access_denied", "invalid_scope", "invalid_client", "invalid_request", "server_error"] as const) {
    it(`an authorization error (${authError}) comes back to the redirect URI and is recognised`, async () => {
      const { pageUrl, clientP } = await launchAndLand({ patient: TREY, authError });
      expect(clientP).toBeUndefined();
      expect(redirectError(pageUrl)?.code).toBe(authError);
    });
  }

  for (const tokenError of [400, 401, 500] as const) {
    it(`a token endpoint failure (${tokenError}) rejects ready() with a token-failed category`, async () => {
      const { clientP } = await launchAndLand({ patient: TREY, tokenError });
      const error = await clientP!.then(() => undefined, (e: unknown) => e);
      expect(readyErrorKind(error)).toBe("token-failed");
    });
  }

  it("ready() on a page opened directly reports a lost session", async () => {
    sessionStorage.clear();
    window.history.replaceState(null, "", "/index.html");
    const { vi } = await import("vitest");
    vi.resetModules();
    const FHIR = (await import("fhirclient")).default;
    const error = await FHIR.oauth2.ready().then(() => undefined, (e: unknown) => e);
    expect(readyErrorKind(error)).toBe("no-session");
  });

  it("a missing .well-known/smart-configuration stops the launch: PKCE S256 support cannot be confirmed", async () => {
    // fhirclient falls back to the CapabilityStatement's OAuth URIs, which cannot declare PKCE methods;
    // with pkceMode "required" it refuses rather than sending an authorization request without PKCE.
    const { simFhirBase } = await import("../../mocks/launchContext");
    await expect(launchAndLand({ patient: TREY }, simFhirBase(EHR_ORIGIN, { noWellKnown: true }))).rejects.toThrow(/PKCE/);
  });

  it("when both discovery documents fail, authorize() rejects before any redirect", async () => {
    const { simFhirBase } = await import("../../mocks/launchContext");
    const iss = simFhirBase(EHR_ORIGIN, { noWellKnown: true, faults: { metadata: { status: 500 } } });
    await expect(launchAndLand({ patient: TREY }, iss)).rejects.toThrow();
  });
});

