/** Why the panel cannot show anything, as a category the app turns into words and an action (src/app/errorMessages.ts). */
export type ErrorKind =
  | "no-iss" // launch.html opened without iss
  | "iss-not-allowed"
  | "no-session" // index.html opened directly, or session storage lost
  | "session-expired" // 401 / refresh refused
  | "auth-denied" // access_denied
  | "auth-invalid-client"
  | "auth-invalid-scope"
  | "auth-invalid-request"
  | "auth-server-error"
  | "token-failed"
  | "client-refused" // server exchange: the token endpoint refused the app's signed assertion or secret
  | "exchange-unavailable" // server exchange: the app's server cannot exchange for this EHR (no key or secret, not running)
  | "origin-refused" // the EHR refused the app's origin (failed CORS): the deployer must register it
  | "discovery-failed"
  | "auth-endpoint-not-allowed" // discovery named an authorization/token endpoint the configuration does not allow
  | "no-patient" // token without a patient
  | "patient-mismatch"
  | "unsupported-fhir-version"
  | "patient-unreadable" // Patient could not be read at all
  | "config-missing"
  | "signed-out" // the user ended a server session (the panel no longer shows the patient)
  | "sign-out-failed" // the app's server could not be reached to end the session
  | "unexpected";
