/**
 * Entry of index.html (the redirect URI). `FHIR.oauth2.ready()` runs exactly once per page load, here at
 * module scope and never inside a React effect (a second call would spend the code twice).
 */
import FHIR from "fhirclient";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { loadConfig } from "../fhir/config";
import { redirectError } from "../fhir/session";
import { App } from "./App";
import { createPanelStore } from "./panelStore";

FHIR.oauth2.settings.refreshTokenWithClientId = true; // public client (client-js#175)

const pageUrl = window.location.href;
const clientP = redirectError(pageUrl) ? undefined : FHIR.oauth2.ready();
clientP?.catch(() => undefined); // handled by the store; avoid an unhandled-rejection report meanwhile

const store = createPanelStore({
  pageUrl,
  clientP,
  configP: loadConfig(pageUrl),
  now: () => new Date(),
  fetchStyle: (url) => fetch(url, { credentials: "omit", referrerPolicy: "no-referrer" }).then((r) => r.json()),
});

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
void store.start();
