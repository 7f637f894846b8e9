/**
 * The panel's life cycle, outside React: wait for the SMART session, load the patient's records, match
 * them, and publish PanelState. React only subscribes (so `ready()` is never tied to an effect).
 */
import type Client from "fhirclient/lib/Client";
import type { AppConfig } from "../fhir/configTypes";
import { findServer } from "../fhir/config";
import { loadPatientData } from "../fhir/load";
import { unreadSources } from "../fhir/sourceReports";
import { defaultPolicy, type RequestPolicy } from "../fhir/request";
import { readyErrorKind, redirectError } from "../fhir/session";
import { matchRecords } from "../engine";
import { KNOWLEDGE_INFO } from "../knowledge";
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
}

export interface PanelStore {
  getState(): PanelState;
  subscribe(listener: () => void): () => void;
  start(): Promise<void>;
  reload(): Promise<void>;
  /** Where "Launch again" goes (standalone launch on the same server), when known. */
  relaunchUrl(): string | undefined;
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

  const set = (next: PanelState) => {
    state = next;
    for (const l of listeners) l();
  };
  const fail = (kind: ErrorKind, detail?: string) => set({ status: "error", error: panelError(kind, detail) });

  const load = async (): Promise<void> => {
    if (!client || !config) return;
    const patientId = client.patient.id;
    if (!patientId) return fail("no-patient");
    serverUrl = client.state.serverUrl;
    const server = findServer(config, serverUrl, deps.pageUrl);
    if (!server) return fail("iss-not-allowed");
    const token = (client.state.tokenResponse ?? {}) as TokenContext;
    const granted = typeof token.scope === "string" ? token.scope : (client.state.scope ?? "");
    const policy = deps.policy ? deps.policy(config) : defaultPolicy(config.requestTimeoutMs);
    const outcome = await loadPatientData({
      client,
      patientId,
      base: serverUrl,
      grantedScope: granted,
      server,
      policy,
      now: deps.now,
    });
    if (!outcome.ok) return fail(outcome.error, outcome.detail);
    const { data } = outcome;
    // Nothing at all could be read (e.g. a token naming a patient it cannot read): nothing to show.
    if (data.sources.every((s) => s.status !== "read")) return fail("patient-unreadable");
    const now = deps.now();
    const result = matchRecords(data.input, { now });
    const partial = unreadSources(data.sources).length > 0;
    set({
      status: partial ? "partial" : "ready",
      data: {
        patient: data.patient,
        result,
        sources: data.sources,
        readAt: data.readAt,
        showBanner: token.need_patient_banner !== false,
        knowledge: KNOWLEDGE_INFO,
        style: style ? await style : undefined,
      },
    });
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
        if (c.status === "rejected") return fail(readyErrorKind(c.reason));
        if (cfg.status === "rejected") return fail("config-missing");
        client = c.value;
        config = cfg.value;
        const styleUrl = (client.state.tokenResponse as TokenContext | undefined)?.smart_style_url;
        if (styleUrl && deps.fetchStyle && /^https?:\/\//.test(styleUrl)) {
          style = deps.fetchStyle(styleUrl).then(parseSmartStyle, () => undefined);
        }
        await load();
      }),
    reload: () =>
      guarded(async () => {
        set({ status: "loading" });
        await load();
      }),
    relaunchUrl: () => (serverUrl ? `launch.html?iss=${encodeURIComponent(serverUrl)}` : undefined),
  };
}
