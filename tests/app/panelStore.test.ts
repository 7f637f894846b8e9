// @vitest-environment jsdom
/**
 * authorize → token → data → panel state, with real fhirclient against the mock EHR (msw/node):
 * the store that index.html runs, observed through the PanelState it publishes.
 */
import { describe, expect, it, vi } from "vitest";
import { http } from "msw";
import type { DemoLaunch } from "../../mocks/launchContext";
import { createPanelStore, type PanelStoreDeps } from "../../src/app/panelStore";
import { parseConfig } from "../../src/fhir/config";
import type { AppConfig } from "../../src/fhir/configTypes";
import type { PanelState } from "../../src/ui/panelModel";
import { CONFIG, FHIR_BASE, launchAndLand, NOW, recordRequests, testPolicy, TREY, startMockEhrForFile } from "../fhir/smartFlow";

const server = startMockEhrForFile();
const requestedUrls = recordRequests(server);

const policy = () => testPolicy({ timeoutMs: 300, maxRetries: 1, maxDelayMs: 5 });

async function run(launch: DemoLaunch): Promise<{ states: PanelState[]; final: PanelState }> {
  const { clientP, pageUrl } = await launchAndLand(launch);
  const store = createPanelStore({
    pageUrl,
    clientP,
    configP: Promise.resolve(CONFIG),
    now: () => NOW,
    fetchStyle: (url) => fetch(url).then((r) => r.json()),
    policy,
  });
  const states: PanelState[] = [store.getState()];
  store.subscribe(() => states.push(store.getState()));
  await store.start();
  return { states, final: store.getState() };
}

describe("panel store: launch to panel state", () => {
  it("starts loading and ends ready with findings matched from the records", async () => {
    const { states, final } = await run({ patient: TREY });
    expect(states[0]).toEqual({ status: "loading" });
    expect(final.status).toBe("ready");
    if (final.status !== "ready") return;
    const ids = final.data.result.findings.map((f) => f.causeId);
    expect(ids).toEqual(expect.arrayContaining(["hypertension", "diuretics", "hypothyroidism", "older-age"]));
    expect(final.data.showBanner).toBe(true);
    expect(final.data.knowledge.version).toMatch(/\d/);
  });

  it("ends partial when a section fails, and carries the failed section", async () => {
    const { final } = await run({ patient: TREY, faults: { Condition: { status: 500 } } });
    expect(final.status).toBe("partial");
    if (final.status !== "partial") return;
    expect(final.data.sources.find((s) => s.source === "Condition")?.status).toBe("failed");
    expect(final.data.result.findings.some((f) => f.causeId === "hypertension")).toBe(false);
  });

  it("a MedicationStatement the EHR advertises and then refuses (404) is a failure: the panel is partial", async () => {
    const { final } = await run({ patient: TREY, faults: { MedicationStatement: { status: 404 } } });
    expect(final.status).toBe("partial");
    if (final.status !== "partial") return;
    expect(final.data.sources.find((s) => s.source === "MedicationStatement")?.status).toBe("failed");
  });

  it("a MedicationStatement the EHR does not offer (absent from its CapabilityStatement) is not a gap: ready", async () => {
    const { final } = await run({ patient: TREY, profile: "oracle" });
    expect(final.status).toBe("ready");
    if (final.status !== "ready") return;
    expect(final.data.sources.find((s) => s.source === "MedicationStatement")?.status).toBe("not-supported");
  });

  it("need_patient_banner false hides the banner; smart_style_url is read as validated data", async () => {
    const { final } = await run({ patient: TREY, needPatientBanner: false, smartStyle: true });
    expect(final.status).toBe("ready");
    if (final.status !== "ready") return;
    expect(final.data.showBanner).toBe(false);
    expect(final.data.style && Object.keys(final.data.style).length).toBeGreaterThan(0);
  });

  it("a token without a patient is a blocking error", async () => {
    const { final } = await run({ patient: TREY, noPatient: true });
    expect(final).toMatchObject({ status: "error", error: { kind: "no-patient" } });
  });

  it("an authorization error in the redirect URI is shown with its code", async () => {
    const { final } = await run({ patient: TREY, authError: "access_denied" });
    expect(final).toMatchObject({ status: "error", error: { kind: "auth-denied", detail: "access_denied" } });
  });

  it("a session that ends mid-load is an error, never a partial panel", async () => {
    const { final } = await run({ patient: TREY, expireAfterRequests: 3 });
    expect(final).toMatchObject({ status: "error", error: { kind: "session-expired" } });
  });

  it("a server that never answers ends partial, never stuck in loading", async () => {
    const { final } = await run({ patient: TREY, faults: { Condition: { status: 200, body: "hang" }, Procedure: { status: 200, body: "hang" } } });
    expect(final.status).toBe("partial");
    if (final.status !== "partial") return;
    const statuses = Object.fromEntries(final.data.sources.map((s) => [s.source, s.status]));
    expect(statuses).toMatchObject({ Condition: "failed", Procedure: "failed", MedicationRequest: "read" });
  });

  it("a Patient read that never answers still ends (partial, no banner data invented)", async () => {
    const { final } = await run({ patient: TREY, faults: { Patient: { status: 200, body: "hang" } } });
    expect(final.status).toBe("partial");
    if (final.status !== "partial") return;
    expect(final.data.sources.find((s) => s.source === "Patient")?.status).toBe("failed");
    expect(final.data.result.findings.some((f) => f.causeId === "older-age")).toBe(false);
  });

  it("a token naming a patient it cannot read ends in an error, not an empty banner", async () => {
    const { final } = await run({ patient: TREY, tokenPatient: "aa0b29d0-6916-4fb7-85f0-6e42370dd5fa" });
    expect(final).toMatchObject({ status: "error", error: { kind: "patient-unreadable" } });
  });
});

describe("panel store: style origin, refused origin, abort (issues 11 and 14)", () => {
  const withServer = (server: Record<string, unknown>) =>
    parseConfig({ clientId: CONFIG.clientId, scope: CONFIG.scope, servers: [{ name: "Oracle-like", iss: FHIR_BASE, ...server }] });

  async function runWith(launch: DemoLaunch, config: AppConfig, extra: Partial<PanelStoreDeps> = {}) {
    const { clientP, pageUrl } = await launchAndLand(launch);
    const styles: string[] = [];
    const store = createPanelStore({
      pageUrl,
      clientP,
      configP: Promise.resolve(config),
      now: () => NOW,
      fetchStyle: (url) => (styles.push(url), fetch(url).then((r) => r.json())),
      policy,
      ...extra,
    });
    return { store, styles };
  }

  it("smart_style_url on another origin is read only when the server entry lists that origin", async () => {
    const blocked = await runWith({ patient: TREY, profile: "oracle" }, withServer({}));
    await blocked.store.start();
    expect(blocked.styles).toEqual([]);
    const allowed = await runWith({ patient: TREY, profile: "oracle" }, withServer({ styleOrigins: ["http://localhost:4010"] }));
    await allowed.store.start();
    expect(allowed.styles).toEqual(["http://localhost:4010/smart-style.json"]);
    const final = allowed.store.getState();
    expect(final.status === "ready" && final.data.style && Object.keys(final.data.style).length).toBeGreaterThan(0);
  });

  it("a CapabilityStatement read beside the token exchange is used, only when it is from the session's server", async () => {
    const noStatements = { resourceType: "CapabilityStatement", fhirVersion: "4.0.1", rest: [{ mode: "server", resource: [{ type: "Condition" }] }] };
    const launch: DemoLaunch = { patient: TREY, faults: { MedicationStatement: { status: 404 } } };
    const used = await runWith(launch, CONFIG, { earlyMetadata: Promise.resolve({ base: FHIR_BASE, metadata: noStatements }) });
    requestedUrls.length = 0;
    await used.store.start();
    expect(used.store.getState().status).toBe("ready");
    expect(requestedUrls.some((u) => u.endsWith("/metadata"))).toBe(false);
    const other = await runWith(launch, CONFIG, { earlyMetadata: Promise.resolve({ base: "http://127.0.0.1:4999/fhir", metadata: noStatements }) });
    await other.store.start();
    expect(other.store.getState().status).toBe("partial");
  });

  it("a token exchange refused by CORS (network error, yet the token endpoint answers): origin-refused with the app's origin", async () => {
    const storage = new Map([["SMART_KEY", '"k"'], ["k", JSON.stringify({ tokenUri: `${FHIR_BASE.replace("/fhir", "")}/auth/token` })]]);
    const probed: string[] = [];
    const store = createPanelStore({
      pageUrl: "http://127.0.0.1:4000/index.html?code=x&state=k",
      clientP: Promise.reject(new TypeError("Failed to fetch")),
      configP: Promise.resolve(CONFIG),
      now: () => NOW,
      probeReachable: async (url) => (probed.push(url), true),
      storage: { getItem: (k) => storage.get(k) ?? null },
    });
    await store.start();
    expect(store.getState()).toMatchObject({ status: "error", error: { kind: "origin-refused", detail: "http://127.0.0.1:4000" } });
    expect(probed).toEqual(["http://127.0.0.1:4010/auth/token"]);
  });

  it("the same failure with an unreachable token endpoint stays a token failure", async () => {
    const store = createPanelStore({
      pageUrl: "http://127.0.0.1:4000/index.html",
      clientP: Promise.reject(new TypeError("Failed to fetch")),
      configP: Promise.resolve(CONFIG),
      now: () => NOW,
      probeReachable: async () => false,
      storage: { getItem: (k) => (k === "SMART_KEY" ? '"k"' : JSON.stringify({ tokenUri: "http://127.0.0.1:4010/auth/token" })) },
    });
    await store.start();
    expect(store.getState()).toMatchObject({ status: "error", error: { kind: "token-failed" } });
  });

  it("leaving the page aborts the reads in flight, and nothing is published afterwards", async () => {
    // The Procedure search never answers; only the client's abort can end it (the request timeout is 10 s).
    server.use(http.get(`${FHIR_BASE}/Procedure`, () => new Promise<Response>(() => undefined)));
    const { store } = await runWith({ patient: TREY }, CONFIG, { policy: () => testPolicy({ timeoutMs: 10_000 }) });
    const states: string[] = [];
    store.subscribe(() => states.push(store.getState().status));
    requestedUrls.length = 0;
    const started = store.start();
    await vi.waitFor(() => expect(requestedUrls.some((u) => u.includes("/Procedure?"))).toBe(true));
    store.dispose();
    const ended = await Promise.race([started.then(() => "ended"), new Promise((r) => setTimeout(() => r("still waiting"), 3000))]);
    expect(ended).toBe("ended");
    expect(states).toEqual([]);
    expect(store.getState().status).toBe("loading");
  });

  it("a browser session offers no sign-out; a server session's sign-out replaces the panel by a message, whether or not the server ended it", async () => {
    const plain = await runWith({ patient: TREY }, CONFIG);
    expect(plain.store.signOut).toBeUndefined();
    for (const [ended, kind] of [
      [true, "signed-out"],
      [false, "sign-out-failed"],
    ] as const) {
      const signOut = vi.fn(async () => ended);
      const { store } = await runWith({ patient: TREY }, CONFIG, { signOut });
      await store.start();
      expect(store.getState().status).toBe("ready");
      await store.signOut!();
      expect(signOut).toHaveBeenCalledTimes(1);
      const state = store.getState();
      expect(state.status).toBe("error");
      if (state.status === "error") expect(state.error.kind).toBe(kind);
    }
    // A sign-out that throws is a failed sign-out, never a panel left showing the patient.
    const { store } = await runWith({ patient: TREY }, CONFIG, { signOut: () => Promise.reject(new Error("offline")) });
    await store.start();
    await store.signOut!();
    expect(store.getState()).toMatchObject({ status: "error", error: { kind: "sign-out-failed" } });
  });

  it("signing out while the records are read: the read in flight never publishes afterwards", async () => {
    server.use(http.get(`${FHIR_BASE}/Procedure`, () => new Promise<Response>(() => undefined)));
    const { store } = await runWith({ patient: TREY }, CONFIG, { policy: () => testPolicy({ timeoutMs: 10_000 }), signOut: async () => true });
    requestedUrls.length = 0;
    const started = store.start();
    await vi.waitFor(() => expect(requestedUrls.some((u) => u.includes("/Procedure?"))).toBe(true));
    await store.signOut!();
    await started;
    expect(store.getState()).toMatchObject({ status: "error", error: { kind: "signed-out" } });
  });

  it("a reload while loading aborts the first load; only the second is published", async () => {
    let calls = 0;
    server.use(
      http.get(`${FHIR_BASE}/Procedure`, async () => {
        if (++calls > 1) return undefined; // the mock EHR answers the reload
        return new Promise<Response>(() => undefined); // the first never answers: only an abort ends it
      }),
    );
    const { store } = await runWith({ patient: TREY }, CONFIG, { policy: () => testPolicy({ timeoutMs: 10_000 }) });
    const states: string[] = [];
    store.subscribe(() => states.push(store.getState().status));
    const first = store.start();
    await vi.waitFor(() => expect(calls).toBe(1));
    await store.reload();
    await first;
    expect(states).toEqual(["loading", "ready"]);
    expect(store.getState().status).toBe("ready");
  });
});
