// @vitest-environment jsdom
/**
 * authorize → token → data → panel state, with real fhirclient against the mock EHR (msw/node):
 * the store that index.html runs, observed through the PanelState it publishes.
 */
import { describe, expect, it } from "vitest";
import type { DemoLaunch } from "../../mocks/launchContext";
import { createPanelStore } from "../../src/app/panelStore";
import type { PanelState } from "../../src/ui/panelModel";
import { CONFIG, launchAndLand, NOW, testPolicy, TREY, startMockEhrForFile } from "../fhir/smartFlow";

startMockEhrForFile();

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
