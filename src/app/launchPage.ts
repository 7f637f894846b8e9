/**
 * Entry of launch.html (the SMART launch URL). No React here: fhirclient alone keeps the page small.
 * Checks `iss` against the allowlist, then lets fhirclient discover, build the PKCE request and redirect.
 */
import FHIR from "fhirclient";
import "./launch.css";
import { loadConfig } from "../fhir/config";
import { planLaunch } from "../fhir/launch";
import { scopeForLaunch } from "../fhir/scopeRequest";
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

async function start(): Promise<void> {
  let config;
  try {
    config = await loadConfig(window.location.href);
  } catch {
    return showError("config-missing");
  }
  const plan = planLaunch(window.location.href, config, () => crypto.randomUUID());
  if (!plan.ok) return showError(plan.error);
  // online_access where the server's discovery lists permission-online (fhir/scopeRequest.ts).
  plan.options.scope = await scopeForLaunch(plan.options, config, window.location.href);
  try {
    await FHIR.oauth2.authorize(plan.options);
  } catch {
    // fhirclient's message can hold the server URL: show a category only.
    showError("discovery-failed");
  }
}

void start();
