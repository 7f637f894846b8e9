/**
 * Entry of index.html (the redirect URI). `FHIR.oauth2.ready()` runs exactly once per page load, here at
 * module scope and never inside a React effect (a second call would spend the code twice).
 * The token exchange and the FHIR reads start before React is even downloaded: the panel's UI arrives
 * in a separate chunk while the network works, and index.html already shows the loading state.
 */
import FHIR from "fhirclient";
import { loadConfig } from "../fhir/config";
import { readyOptions, redirectError, rememberedSession, SESSION_SETTINGS } from "../fhir/session";
import { probeReachable, readMetadataEarly } from "../fhir/origins";
import { serverSessionHandle } from "../fhir/serverSessionRef";
import { HISTORY_SESSION_FIELD, SESSION_PARAM } from "../fhir/exchangeRoutes";
import { createPanelStore } from "./panelStore";

// The engine and its knowledge base (the larger part of the app) download while the token is exchanged.
// Once loaded, the engine runs on a made-up record (src/engine/warmUp.ts) while the network works, so
// that the browser's first-use compiling of its patterns and code is not paid after the patient's
// records arrive. Skipped when they are already here; an optimisation only, a failure is ignored.
let matchRequested = false;
const engineP = import("../engine");
engineP.then(
  (engine) => {
    if (matchRequested) return;
    try {
      engine.warmUp();
    } catch {
      // the real run pays the compiling instead
    }
  },
  () => undefined, // a failed download surfaces when the panel needs it
);

FHIR.oauth2.settings.refreshTokenWithClientId = true; // public client (client-js#175)
Object.assign(FHIR.oauth2.settings, SESSION_SETTINGS); // one session per launch, not per tab

const pageUrl = window.location.href;
// A launch whose token exchange ran on the app's server (servers[].tokenExchange "server") names its session.
const serverHandle = redirectError(pageUrl) ? undefined : serverSessionHandle(pageUrl, window.history.state);
const serverP = serverHandle ? import("./serverClient").then((m) => m.serverClient(pageUrl, serverHandle)) : undefined;
if (serverHandle) {
  const remembered = rememberedSession(pageUrl, window.history.state, serverHandle, SESSION_PARAM, HISTORY_SESSION_FIELD);
  window.history.replaceState(remembered.state, "", remembered.url);
}
const clientP = redirectError(pageUrl)
  ? undefined
  : serverP
    ? serverP.then((s) => s.client)
    : FHIR.oauth2.ready(readyOptions(pageUrl, window.history.state));
clientP?.then(
  (client) => {
    if (serverP) return; // a server session is remembered by its handle (above), not a state key
    // This page's session key goes into its history entry (a reload finds it there) and out of the URL.
    const key = client.state.key;
    if (typeof key !== "string") return;
    const remembered = rememberedSession(window.location.href, window.history.state, key);
    window.history.replaceState(remembered.state, "", remembered.url);
  },
  () => undefined, // handled by the store; avoid an unhandled-rejection report meanwhile
);
// The public CapabilityStatement, read during the token exchange rather than in the data wave.
const stateKey = new URL(pageUrl).searchParams.get("state") ?? readyOptions(pageUrl, window.history.state).stateKey;
const earlyMetadata = clientP && !serverP
  ? readMetadataEarly(sessionStorage, stateKey, (url) =>
      fetch(url, { headers: { Accept: "application/fhir+json" }, credentials: "omit", referrerPolicy: "no-referrer" }).then((r) =>
        r.ok ? r.json() : undefined,
      ),
    )
  : undefined;

const store = createPanelStore({
  pageUrl,
  clientP,
  configP: loadConfig(pageUrl),
  now: () => new Date(),
  fetchStyle: (url) => fetch(url, { credentials: "omit", referrerPolicy: "no-referrer" }).then((r) => r.json()),
  probeReachable,
  storage: sessionStorage,
  stateKey,
  earlyMetadata,
  ...(serverP ? { fhirServerOf: () => serverP.then((s) => s.info.iss), signOut: () => serverP.then((s) => s.signOut()) } : {}),
  match: (input, options) => {
    matchRequested = true;
    return engineP.then((engine) => engine.matchRecords(input, options));
  },
});
void store.start();
// Leaving the page stops the reads in flight; a page restored from the back-forward cache reads again.
window.addEventListener("pagehide", () => store.dispose());
window.addEventListener("pageshow", (e) => {
  if (e.persisted) void store.reload();
});

void import("./render").then(
  ({ render }) => render(document.getElementById("root")!, store),
  () => {
    // The UI chunk could not load (network, deployment mismatch): say so instead of spinning.
    const status = document.querySelector("[data-panel-status]");
    status?.setAttribute("data-panel-status", "error");
    status?.removeAttribute("aria-busy");
    const message = document.getElementById("boot-message");
    if (message) message.textContent = "The app could not finish loading. Reload the page, or open the app again from the EHR.";
  },
);
