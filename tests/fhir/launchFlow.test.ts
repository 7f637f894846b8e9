// @vitest-environment jsdom
/**
 * The launch end to end with real fhirclient against the demo EHR's MSW handlers (msw/node).
 */
import { describe, expect, it, vi } from "vitest";
import { http, HttpResponse } from "msw";
import { readyErrorKind, readyOptions, redirectError, rememberedSession, SESSION_SETTINGS, storedState } from "../../src/fhir/session";
import type { AppConfig } from "../../src/fhir/configTypes";
import { parseConfig } from "../../src/fhir/config";
import { encodeLaunch } from "../../mocks/launchContext";
import { CONFIG, EHR_ORIGIN, FHIR_BASE, launchAndLand, TREY, startMockEhrForFile } from "./smartFlow";

const server = startMockEhrForFile();

/** Every URL requested of the network (msw) while `run` runs. */
async function requestsDuring<T>(run: () => Promise<T>): Promise<{ result: T; requested: string[] }> {
  const requested: string[] = [];
  const listener = ({ request }: { request: Request }) => void requested.push(request.url);
  server.events.on("request:start", listener);
  try {
    return { result: await run(), requested };
  } finally {
    server.events.removeListener("request:start", listener);
  }
}

/**
 * launch.html opened with `query`, run as the page runs it (performLaunch with a fresh, real fhirclient);
 * `page` overrides the page's address (without query) as the app sees it. Returns the outcome and where the page went.
 */
async function openLaunchPage(query: string, config: AppConfig = CONFIG, page?: string, keepStorage = false) {
  if (!keepStorage) sessionStorage.clear();
  window.history.replaceState(null, "", `/launch.html?${query}`);
  const FHIR = await freshFhirclient();
  const { performLaunch } = await import("../../src/fhir/launch");
  const navigations: string[] = [];
  const { result: outcome, requested } = await requestsDuring(() =>
    performLaunch({
      pageUrl: page ? `${page}?${query}` : window.location.href,
      config,
      newState: () => crypto.randomUUID(),
      authorize: (options) => FHIR.oauth2.authorize(options),
      // jsdom stays on its own origin: keep the path and query of the address the app asked for.
      replaceUrl: (url) => window.history.replaceState(null, "", new URL(url).pathname + new URL(url).search),
      storedState: (key) => storedState(sessionStorage, key),
      navigate: (url) => void navigations.push(url),
    }),
  );
  const stored = Object.keys(sessionStorage).map((k) => JSON.parse(sessionStorage.getItem(k) ?? "null") as unknown);
  return { outcome, navigations, requested, stored, addressBar: window.location.href };
}

const LAUNCH = encodeLaunch({ patient: TREY });
const AMMIE = "aa0b29d0-6916-4fb7-85f0-6e42370dd5fa";

/** A new page load's fhirclient, with the settings both pages apply. */
async function freshFhirclient() {
  vi.resetModules();
  const FHIR = (await import("fhirclient")).default;
  Object.assign(FHIR.oauth2.settings, SESSION_SETTINGS);
  return FHIR;
}

/** index.html loaded as main.ts loads it: ready() with this page's options, then the session remembered in history. */
async function loadIndexPage() {
  const FHIR = await freshFhirclient();
  const client = await FHIR.oauth2.ready(readyOptions(window.location.href, window.history.state));
  const remembered = rememberedSession(window.location.href, window.history.state, String(client.state.key));
  window.history.replaceState(remembered.state, "", remembered.url);
  return client;
}

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


describe("fhirclient sees only the values the app checked (launch URL parameters it would re-read)", () => {
  it("&clientId=other in the launch URL does not authorise as another client", async () => {
    const q = `iss=${encodeURIComponent(FHIR_BASE)}&launch=${LAUNCH}&clientId=other&client_id=other2`;
    const { outcome, navigations } = await openLaunchPage(q);
    expect(outcome.ok).toBe(true);
    expect(navigations).toHaveLength(1);
    expect(new URL(navigations[0]!).searchParams.get("client_id")).toBe("night-leg-cramps");
  });

  it("a trimmed iss is the one used: discovery, aud and the stored server URL", async () => {
    const { outcome, navigations, requested, stored } = await openLaunchPage(`iss=${encodeURIComponent(` ${FHIR_BASE} `)}&launch=${LAUNCH}`);
    expect(outcome.ok).toBe(true);
    expect(requested).toEqual([`${FHIR_BASE}/.well-known/smart-configuration`]);
    expect(new URL(navigations[0]!).searchParams.get("aud")).toBe(FHIR_BASE);
    expect(stored).toContainEqual(expect.objectContaining({ serverUrl: FHIR_BASE }));
  });

  it("patientId and fhirServiceUrl in the launch URL reach nothing fhirclient stores or sends", async () => {
    const evil = "http://127.0.0.1:4999/fhir";
    const q = `iss=${encodeURIComponent(FHIR_BASE)}&launch=${LAUNCH}&patientId=someone-else&fhirServiceUrl=${encodeURIComponent(evil)}`;
    const { outcome, navigations, requested, stored } = await openLaunchPage(q);
    expect(outcome.ok).toBe(true);
    expect(requested.every((u) => u.startsWith(`${FHIR_BASE}/`))).toBe(true);
    expect(JSON.stringify(stored)).not.toContain("someone-else");
    expect(navigations[0]).not.toContain("someone-else");
  });

  it("the launch parameter sent is the one the app read", async () => {
    const { navigations } = await openLaunchPage(`iss=${encodeURIComponent(FHIR_BASE)}&launch=${LAUNCH}`);
    expect(new URL(navigations[0]!).searchParams.get("launch")).toBe(LAUNCH);
  });

  it("the address bar holds only the checked iss and launch when fhirclient runs", async () => {
    const { addressBar } = await openLaunchPage(`iss=${encodeURIComponent(` ${FHIR_BASE}`)}&launch=${LAUNCH}&clientId=other&patientId=x#frag`);
    expect([...new URL(addressBar).searchParams]).toEqual([
      ["iss", FHIR_BASE],
      ["launch", LAUNCH],
    ]);
    expect(new URL(addressBar).hash).toBe("");
  });
});

describe("the authorization endpoint from discovery is checked before the page goes there", () => {
  const REMOTE_PAGE = "https://app.example.org/launch.html";
  const EHR = "https://ehr.example.org";
  const remoteConfig = parseConfig({
    clientId: "night-leg-cramps",
    scope: "launch patient/Patient.rs",
    servers: [{ name: "EHR", issPrefix: `${EHR}/fhir/`, authOrigins: ["https://login.example.org"] }],
  });
  const discovery = (base: string, authorize: string) =>
    http.get(`${base}/.well-known/smart-configuration`, () =>
      HttpResponse.json({ authorization_endpoint: authorize, token_endpoint: `${EHR}/token`, code_challenge_methods_supported: ["S256"] }),
    );
  const launchRemote = (authorize: string) => {
    server.use(discovery(`${EHR}/fhir/r4`, authorize));
    return openLaunchPage(`iss=${encodeURIComponent(`${EHR}/fhir/r4`)}&launch=abc`, remoteConfig, REMOTE_PAGE);
  };

  it.each([
    ["another origin", "https://evil.example/authorize"],
    ["a look-alike origin", "https://ehr.example.org.evil.example/authorize"],
    ["plain http on the FHIR host", "http://ehr.example.org/authorize"],
    ["plain http on loopback, from a page that is not on loopback", "http://127.0.0.1:4010/auth/authorize"],
    ["a relative URL (would resolve against the app)", "/authorize"],
    ["a javascript: URL", "javascript:alert(1)//"],
    ["a data: URL", "data:text/html,<script>alert(1)</script>"],
    ["userinfo hiding another host", "https://ehr.example.org@evil.example/authorize"],
  ])("refuses %s and stays on the page", async (_what, authorize) => {
    const { outcome, navigations } = await launchRemote(authorize);
    expect(navigations).toEqual([]);
    expect(outcome).toEqual({ ok: false, error: "auth-endpoint-not-allowed" });
  });

  it("refuses a token endpoint on another origin (the code and PKCE verifier would go there)", async () => {
    server.use(
      http.get(`${EHR}/fhir/r4/.well-known/smart-configuration`, () =>
        HttpResponse.json({ authorization_endpoint: `${EHR}/authorize`, token_endpoint: "https://evil.example/token", code_challenge_methods_supported: ["S256"] }),
      ),
    );
    const { outcome, navigations } = await openLaunchPage(`iss=${encodeURIComponent(`${EHR}/fhir/r4`)}&launch=abc`, remoteConfig, REMOTE_PAGE);
    expect(navigations).toEqual([]);
    expect(outcome).toEqual({ ok: false, error: "auth-endpoint-not-allowed" });
  });

  it("a request that does not carry the planned client, audience, state and launch is not sent", async () => {
    const { performLaunch } = await import("../../src/fhir/launch");
    const navigations: string[] = [];
    const pageUrl = `${REMOTE_PAGE}?iss=${encodeURIComponent(`${EHR}/fhir/r4`)}&launch=abc`;
    const run = (tamper: (p: URLSearchParams) => void) =>
      performLaunch({
        pageUrl,
        config: remoteConfig,
        newState: () => "state-1",
        replaceUrl: () => undefined,
        authorize: async (o) => {
          const p = new URLSearchParams({ client_id: o.clientId ?? "", aud: o.iss ?? "", state: o.stateKey ?? "", launch: o.launch ?? "" });
          tamper(p);
          return `${EHR}/authorize?${p.toString()}`;
        },
        storedState: () => ({ tokenUri: `${EHR}/token` }),
        navigate: (url) => void navigations.push(url),
      });
    expect(await run(() => undefined)).toMatchObject({ ok: true });
    expect(navigations).toHaveLength(1);
    for (const [name, value] of [["client_id", "other"], ["aud", `${EHR}/fhir/other`], ["state", "x"], ["launch", "y"]] as const) {
      expect(await run((p) => p.set(name, value)), name).toEqual({ ok: false, error: "unexpected" });
    }
    expect(navigations).toHaveLength(1);
  });

  it("goes to an https endpoint on the FHIR origin or on one of the entry's authOrigins", async () => {
    for (const authorize of [`${EHR}/oauth2/authorize`, "https://login.example.org/oauth2/authorize"]) {
      const { outcome, navigations } = await launchRemote(authorize);
      expect(outcome, authorize).toMatchObject({ ok: true });
      expect(navigations).toHaveLength(1);
      expect(navigations[0]!.startsWith(`${authorize}?`)).toBe(true);
    }
  });

  it("loopback http is accepted from a loopback page (the demo EHR)", async () => {
    const { outcome, navigations } = await openLaunchPage(`iss=${encodeURIComponent(FHIR_BASE)}&launch=${LAUNCH}`);
    expect(outcome.ok).toBe(true);
    expect(navigations[0]!.startsWith(`${EHR_ORIGIN}/auth/authorize?`)).toBe(true);
  });

  it("allowHttp on the entry lets its plain-http endpoint through, on its own origins only", async () => {
    const lab = parseConfig({
      clientId: "night-leg-cramps",
      scope: "launch",
      servers: [{ name: "Lab", issPrefix: "http://lab.example.org/fhir/", allowHttp: true }],
    });
    for (const [authorize, allowed] of [["http://lab.example.org/authorize", true], ["http://evil.example/authorize", false]] as const) {
      server.use(
        http.get("http://lab.example.org/fhir/r4/.well-known/smart-configuration", () =>
          HttpResponse.json({ authorization_endpoint: authorize, token_endpoint: "http://lab.example.org/token", code_challenge_methods_supported: ["S256"] }),
        ),
      );
      const { outcome, navigations } = await openLaunchPage(`iss=${encodeURIComponent("http://lab.example.org/fhir/r4")}`, lab, REMOTE_PAGE);
      expect(outcome.ok, authorize).toBe(allowed);
      expect(navigations.length).toBe(allowed ? 1 : 0);
    }
  });
});

describe("one session per launch: two app instances in one tab", () => {
  /** Launches `patient` in this (shared) tab and lands on index.html; returns the landed page's history entry. */
  async function launchPane(patient: string) {
    const { navigations } = await openLaunchPage(`iss=${encodeURIComponent(FHIR_BASE)}&launch=${encodeLaunch({ patient })}`, CONFIG, undefined, true);
    const res = await fetch(navigations[0]!, { redirect: "manual" });
    const back = new URL(res.headers.get("location") ?? "");
    window.history.replaceState(null, "", `${back.pathname}${back.search}`);
    const client = await loadIndexPage();
    return { client, entry: { state: window.history.state as unknown, url: window.location.href } };
  }

  it("reloading the first pane after the second was launched shows the first patient", async () => {
    sessionStorage.clear();
    const a = await launchPane(TREY);
    expect(a.client.patient.id).toBe(TREY);
    const b = await launchPane(AMMIE);
    expect(b.client.patient.id).toBe(AMMIE);
    // The address bar keeps neither code nor state; the key lives in the history entry.
    expect(new URL(a.entry.url).search).toBe("");

    // Reload pane A: its history entry comes back, as a reload keeps it.
    window.history.replaceState(a.entry.state, "", a.entry.url);
    const reloadedA = await loadIndexPage();
    expect(reloadedA.patient.id).toBe(TREY);
    expect(reloadedA.state.tokenResponse?.access_token).toBe(a.client.state.tokenResponse?.access_token);

    window.history.replaceState(b.entry.state, "", b.entry.url);
    expect((await loadIndexPage()).patient.id).toBe(AMMIE);
  });

  it("a page with neither a state parameter nor a remembered key has no session (never another pane's)", async () => {
    sessionStorage.clear();
    await launchPane(TREY);
    window.history.replaceState(null, "", "/index.html");
    const error = await loadIndexPage().then(() => undefined, (e: unknown) => e);
    expect(readyErrorKind(error)).toBe("no-session");
  });
});
