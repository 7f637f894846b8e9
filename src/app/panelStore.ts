/**
 * The panel's life cycle, outside React: wait for the SMART session, load the patient's records, match
 * them, and publish PanelState. React only subscribes (so `ready()` is never tied to an effect).
 */
import type Client from "fhirclient/lib/Client";
import type { AppConfig } from "../fhir/configTypes";
import { findServer } from "../fhir/config";
import type { ServerConfig } from "../fhir/configTypes";
import { storedTokenUri, styleUrlAllowed, type EarlyMetadata } from "../fhir/origins";
import { loadPatientData } from "../fhir/load";
import { unreadSources } from "../fhir/sourceReports";
import { defaultPolicy, type RequestPolicy } from "../fhir/request";
import { readyErrorKind, redirectError } from "../fhir/session";
import type { EngineInput, EngineOptions, EngineResult } from "../engine/types";
import type { LegCrampRecord } from "../engine/legCramps";
import { KNOWLEDGE_INFO } from "../knowledge/info";
import { withLabReading } from "../report/labStatus";
import { parseSmartStyle } from "../ui/smartStyle";
import { panelError } from "./errorMessages";
import type { ErrorKind } from "../fhir/errorKind";
import type { PanelState } from "../ui/panelModel";
import type { SmartStyle } from "../ui/smartStyle";

export interface PanelStoreDeps {
  pageUrl: string;
  /** FHIR.oauth2.ready(), started once at page load; undefined when the redirect carried an OAuth error. */
  clientP: Promise<Client> | undefined;
  configP: Promise<AppConfig>;
  now: () => Date;
  /** Reads smart_style_url (JSON). */
  fetchStyle?: (url: string) => Promise<unknown>;
  policy?: (config: AppConfig) => RequestPolicy;
  /**
   * Browser only: whether a server answers at all (fhir/origins.ts probeReachable). With it, a refused
   * CORS request is reported as "the EHR refused the app's origin" instead of a network failure.
   */
  probeReachable?: (url: string) => Promise<boolean>;
  /** Where fhirclient keeps the session (to find the token endpoint after a failed exchange), and this launch's key in it. */
  storage?: Pick<Storage, "getItem">;
  stateKey?: string;
  /** The CapabilityStatement, read beside the token exchange (fhir/origins.ts readMetadataEarly). */
  earlyMetadata?: Promise<EarlyMetadata> | undefined;
  /**
   * The engine's matchRecords. Default: the engine module, imported when first needed. index.html starts
   * that import at page load (main.ts), so the knowledge base downloads beside the token exchange instead
   * of delaying it.
   */
  match?: (input: EngineInput, options: EngineOptions) => Promise<EngineResult>;
  /**
   * The EHR's FHIR base when the client reads through another one (a server session reads through the
   * app's same-origin FHIR path): it picks the configuration entry, the style origins and "Launch again".
   * Default: the client's own serverUrl.
   */
  fhirServerOf?: () => Promise<string>;
  /** Ends the session on the app's server (a server session only): true when it ended. */
  signOut?: () => Promise<boolean>;
}

const importedMatch = (input: EngineInput, options: EngineOptions): Promise<EngineResult> =>
  import("../engine").then((engine) => engine.matchRecords(input, options));

/** The records documenting leg cramps (the panel's anchor): the engine module's findLegCramps, already loaded for matching. */
const importedLegCramps = (conditions: EngineInput["conditions"], now: Date): Promise<LegCrampRecord[]> =>
  import("../engine").then((engine) => engine.findLegCramps(conditions, now));

export interface PanelStore {
  getState(): PanelState;
  subscribe(listener: () => void): () => void;
  start(): Promise<void>;
  reload(): Promise<void>;
  /** Stops every request in flight; their results are never published (the page is being left). */
  dispose(): void;
  /** Where "Launch again" goes (standalone launch on the same server), when known. */
  relaunchUrl(): string | undefined;
  /**
   * Ends a server session (undefined for a browser session, which ends with the tab): stops the reads in
   * flight and replaces the panel by a message, so the patient's records are no longer on the screen.
   */
  signOut: (() => Promise<void>) | undefined;
}

interface TokenContext {
  scope?: string;
  need_patient_banner?: boolean;
  smart_style_url?: string;
}

export function createPanelStore(deps: PanelStoreDeps): PanelStore {
  let state: PanelState = { status: "loading" };
  const listeners = new Set<() => void>();
  let client: Client | undefined;
  let config: AppConfig | undefined;
  let style: Promise<SmartStyle | undefined> | undefined;
  let serverUrl: string | undefined;
  /** The EHR's FHIR base (serverUrl itself unless the reads go through the app's server). */
  let iss: string | undefined;
  let server: ServerConfig | undefined;
  /** The load in flight: aborted when the panel is reloaded or left, so a stale load never publishes. */
  let inflight: AbortController | undefined;

  const set = (next: PanelState) => {
    state = next;
    for (const l of listeners) l();
  };
  const fail = (kind: ErrorKind, detail?: string) => set({ status: "error", error: panelError(kind, detail) });

  const load = async (): Promise<void> => {
    if (!client || !config) return;
    inflight?.abort();
    const controller = new AbortController();
    inflight = controller;
    const patientId = client.patient.id;
    if (!patientId) return fail("no-patient");
    if (!server || !serverUrl) return fail("iss-not-allowed");
    const token = (client.state.tokenResponse ?? {}) as TokenContext;
    const granted = typeof token.scope === "string" ? token.scope : (client.state.scope ?? "");
    const policy = deps.policy ? deps.policy(config) : defaultPolicy(config.requestTimeoutMs);
    const outcome = await loadPatientData({
      client,
      patientId,
      base: serverUrl,
      // A server session reads through the app's own path: the EHR is recognised by its own address.
      ...(iss && iss !== serverUrl ? { iss } : {}),
      grantedScope: granted,
      server,
      policy,
      now: deps.now,
      signal: controller.signal,
      ...(deps.probeReachable ? { probeReachable: deps.probeReachable } : {}),
      // Only when it was read from the server this session is on.
      ...(deps.earlyMetadata ? { metadata: deps.earlyMetadata.then((m) => (m.base === serverUrl ? m.metadata : undefined)) } : {}),
    });
    if (controller.signal.aborted) return; // reloaded or left meanwhile: this result is stale
    if (!outcome.ok) return fail(outcome.error, outcome.error === "origin-refused" ? new URL(deps.pageUrl).origin : outcome.detail);
    const { data } = outcome;
    // Nothing at all could be read (e.g. a token naming a patient it cannot read): nothing to show.
    if (data.sources.every((s) => s.status !== "read")) return fail("patient-unreadable");
    const now = deps.now();
    const [result, legCramps] = await Promise.all([
      (deps.match ?? importedMatch)(data.input, { now }),
      // The anchor is a reading aid: a failure here never stops the panel.
      importedLegCramps(data.input.conditions, now).catch(() => undefined),
    ]);
    // Lab results none of which could be interpreted were not checked: the same rule as every report.
    const sources = withLabReading(data.sources, result.labs);
    const partial = unreadSources(sources).length > 0;
    const styleValue = style ? await style : undefined;
    if (controller.signal.aborted) return;
    set({
      status: partial ? "partial" : "ready",
      data: {
        patient: data.patient,
        result,
        sources,
        readAt: data.readAt,
        ...(legCramps ? { legCramps } : {}),
        showBanner: token.need_patient_banner !== false,
        knowledge: KNOWLEDGE_INFO,
        style: styleValue,
      },
    });
  };

  /** A token exchange that failed at the network level, while the token endpoint answers: a CORS refusal. */
  const refusedOrigin = async (reason: unknown): Promise<boolean> => {
    if (!deps.probeReachable || !(reason instanceof TypeError)) return false;
    const tokenUri = deps.storage ? storedTokenUri(deps.storage, deps.stateKey) : undefined;
    return tokenUri !== undefined && (await deps.probeReachable(tokenUri));
  };

  const guarded = async (run: () => Promise<void>) => {
    try {
      await run();
    } catch (e) {
      // Category only: messages from fhirclient can hold URLs and patient ids.
      console.error("Night leg cramps panel: unexpected failure", e instanceof Error ? e.name : typeof e);
      fail("unexpected");
    }
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: () =>
      guarded(async () => {
        const authError = redirectError(deps.pageUrl);
        if (authError || !deps.clientP) return fail(authError?.kind ?? "no-session", authError?.code);
        const [c, cfg] = await Promise.allSettled([deps.clientP, deps.configP]);
        if (c.status === "rejected") {
          if (await refusedOrigin(c.reason)) return fail("origin-refused", new URL(deps.pageUrl).origin);
          return fail(readyErrorKind(c.reason));
        }
        if (cfg.status === "rejected") return fail("config-missing");
        client = c.value;
        config = cfg.value;
        serverUrl = client.state.serverUrl;
        iss = deps.fhirServerOf ? await deps.fhirServerOf() : serverUrl;
        server = findServer(config, iss, deps.pageUrl);
        const styleUrl = (client.state.tokenResponse as TokenContext | undefined)?.smart_style_url;
        if (styleUrl && deps.fetchStyle && server && styleUrlAllowed(styleUrl, iss, server)) {
          style = deps.fetchStyle(styleUrl).then(parseSmartStyle, () => undefined);
        }
        await load();
      }),
    reload: () =>
      guarded(async () => {
        set({ status: "loading" });
        await load();
      }),
    dispose() {
      inflight?.abort();
    },
    relaunchUrl: () => (iss ? `launch.html?iss=${encodeURIComponent(iss)}` : undefined),
    signOut: deps.signOut
      ? () =>
          guarded(async () => {
            inflight?.abort();
            const ended = await deps.signOut!().catch(() => false);
            fail(ended ? "signed-out" : "sign-out-failed");
          })
      : undefined,
  };
}
