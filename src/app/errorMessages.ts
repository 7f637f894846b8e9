/** Words for every error category: what happened, and what the user can do. */
import type { ErrorKind } from "../fhir/errorKind";
import type { PanelError } from "../ui/panelModel";

const RELAUNCH = "Open the app again from the patient's chart in the EHR.";

const MESSAGES: Record<ErrorKind, { title: string; action: string }> = {
  "no-iss": {
    title: "This page was opened without an EHR to connect to.",
    action: "Open the app from the patient's chart in the EHR (it adds the EHR's address), or use a launch link that includes ?iss=.",
  },
  "iss-not-allowed": {
    title: "The EHR that asked to launch this app is not on its list of allowed servers, so nothing was sent to it.",
    action: "If this EHR should be allowed, ask the person who deployed the app to add it to smart-config.json.",
  },
  "no-session": {
    title: "There is no active session with an EHR in this browser tab (the page was opened directly, or the session was lost).",
    action: RELAUNCH,
  },
  "session-expired": {
    title: "The session with the EHR has ended.",
    action: RELAUNCH + " Nothing is shown from the interrupted read, so no finding is missed silently.",
  },
  "auth-denied": {
    title: "Access to the patient's record was not granted (the authorization was declined).",
    action: "Launch the app again and approve access, or ask the EHR administrator to grant this app access.",
  },
  "auth-invalid-client": {
    title: "The EHR does not recognise this app (invalid client).",
    action: "Ask the person who deployed the app to check the client id registered with this EHR and in smart-config.json.",
  },
  "auth-invalid-scope": {
    title: "The EHR refused the permissions this app asks for (invalid scope).",
    action: "Ask the person who deployed the app to align the scopes in smart-config.json with the EHR registration.",
  },
  "auth-invalid-request": {
    title: "The EHR rejected the app's authorization request (invalid request).",
    action: "Launch the app again. If it keeps happening, ask the deployer to check the redirect URI and client registration.",
  },
  "auth-server-error": {
    title: "The EHR's authorization server reported an error.",
    action: "Wait a moment and launch the app again.",
  },
  "token-failed": {
    title: "The EHR did not complete the sign-in (the access token could not be obtained).",
    action: RELAUNCH,
  },
  "client-refused": {
    title: "The EHR refused this app's credentials (its signed assertion or secret).",
    action: "Ask the person who deployed the app to check the client registered with this EHR (JWKS URL or secret) and its client id.",
  },
  "exchange-unavailable": {
    title: "The app's server cannot sign in to this EHR.",
    action: "Ask the person who deployed the app to give its server the client key or secret for this EHR.",
  },
  "origin-refused": {
    title: "The EHR refused requests from this app's web address (its origin), so nothing could be read.",
    action:
      "Ask the person who deployed the app to register the app's origin (scheme, host and port, shown below) with the EHR as an allowed origin for this app's client id.",
  },
  "discovery-failed": {
    title: "The EHR's SMART configuration could not be read, so the app cannot sign in.",
    action: "Try again later; if it persists, ask the EHR administrator whether SMART on FHIR is enabled for this server.",
  },
  "auth-endpoint-not-allowed": {
    title: "The EHR's SMART configuration sends sign-in to an address this app is not configured to trust, so the app did not go there.",
    action: "Ask the person who deployed the app to check this server's authOrigins in smart-config.json (https only).",
  },
  "no-patient": {
    title: "The EHR did not say which patient to show.",
    action: "Open the app from within a patient's chart.",
  },
  "patient-mismatch": {
    title: "The EHR returned a different patient from the one the app was launched for, so nothing is shown.",
    action: RELAUNCH + " If it happens again, report it to the EHR administrator.",
  },
  "unsupported-fhir-version": {
    title: "This EHR's FHIR version is not supported: the app reads FHIR R4 only and will not risk misreading other versions.",
    action: "Ask the EHR administrator for the R4 endpoint of this server.",
  },
  "patient-unreadable": {
    title: "None of the patient's records could be read, so nothing is shown and nothing is ruled out.",
    action: RELAUNCH + " If it happens again, ask the EHR administrator which permissions this app was granted.",
  },
  "config-missing": {
    title: "The app's configuration file (smart-config.json) could not be read.",
    action: "Ask the person who deployed the app to check smart-config.json beside launch.html.",
  },
  "signed-out": {
    title: "You signed out: the session with the EHR has ended, and this patient's records are no longer shown.",
    action: RELAUNCH,
  },
  "sign-out-failed": {
    title: "The app could not end the session on its server (it did not answer, or refused). The patient's records are no longer shown.",
    action: "Close this window: the session ends by itself after a time without use (30 minutes unless the deployer set another). Or open the app again from the EHR and sign out again.",
  },
  unexpected: {
    title: "Something unexpected went wrong.",
    action: RELAUNCH,
  },
};

export function panelError(kind: ErrorKind, detail?: string): PanelError {
  return { kind, ...MESSAGES[kind], ...(detail ? { detail } : {}) };
}
