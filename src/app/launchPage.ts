/**
 * Entry of launch.html (the SMART launch URL). No React here: fhirclient alone keeps the page small.
 * Checks `iss` against the allowlist, then lets fhirclient discover, build the PKCE request and redirect.
 */
import FHIR from "fhirclient";
import "./launch.css";
import { loadConfig } from "../fhir/config";
import { performLaunch } from "../fhir/launch";
import { scopeForLaunch } from "../fhir/scopeRequest";
import { requestServerLaunch } from "../fhir/serverLaunch";
import { SESSION_SETTINGS, storedState } from "../fhir/session";
import { panelError } from "./errorMessages";
import type { ErrorKind } from "../fhir/errorKind";

function showError(kind: ErrorKind): void {
  const main = document.getElementById("launch");
  const message = document.getElementById("launch-message");
  if (!main || !message) return;
  const error = panelError(kind);
  main.setAttribute("data-panel-status", "error");
  main.removeAttribute("aria-busy");
  message.setAttribute("role", "alert");
  message.replaceChildren();
  const title = document.createElement("span");
  title.dataset.role = "title";
  title.textContent = error.title;
  const action = document.createElement("span");
  action.textContent = " " + error.action;
  message.append(title, action);
}

Object.assign(FHIR.oauth2.settings, SESSION_SETTINGS); // one session per launch: never touch another pane's

async function start(): Promise<void> {
  let config;
  try {
    config = await loadConfig(window.location.href);
  } catch {
    return showError("config-missing");
  }
  const outcome = await performLaunch({
    pageUrl: window.location.href,
    config,
    newState: () => crypto.randomUUID(),
    replaceUrl: (url) => window.history.replaceState(window.history.state, "", url),
    authorize: (options) => FHIR.oauth2.authorize(options),
    storedState: (key) => storedState(window.sessionStorage, key),
    navigate: (url) => window.location.assign(url),
    decideScope: (options) => scopeForLaunch(options, config, window.location.href),
    serverLaunch: (request) => requestServerLaunch(window.location.href, request),
  });
  if (!outcome.ok) showError(outcome.error);
}

void start();
