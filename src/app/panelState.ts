/** The panel's view model: everything the presentational components need, nothing they must compute. */
import type { EngineResult } from "../engine/types";
import type { SourceReport } from "../fhir/types";
import type { Patient } from "fhir/r4";

/** Values of data-panel-status in ../shared/docs/panel-contract.md. */
export type PanelStatus = "loading" | "ready" | "partial" | "error";

/** What went wrong, as a category the UI turns into words and an action. */
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
  | "discovery-failed"
  | "no-patient" // token without a patient
  | "patient-mismatch"
  | "unsupported-fhir-version"
  | "patient-unreadable" // Patient could not be read at all
  | "config-missing"
  | "unexpected";

export interface PanelError {
  kind: ErrorKind;
  /** One short sentence: what happened. */
  title: string;
  /** What the user can do. */
  action: string;
  /** Optional safe detail (an error code such as "invalid_scope"; never a URL, token or patient id). */
  detail?: string;
}

/** Visual settings from smart_style_url, already validated (values only, never raw CSS). */
export interface SmartStyle {
  colorBackground?: string;
  colorText?: string;
  colorHighlight?: string;
  colorBorder?: string;
  fontFamily?: string;
  spacing?: string;
  borderRadius?: string;
}

export interface KnowledgeInfo {
  version: string;
  reviewed: string;
  source: { title: string; date: string; url: string };
  /** The age the app highlights as "older age" (the app's convention; the source gives none). */
  olderAgeThreshold: number;
}

export interface PanelData {
  patient: Patient;
  result: EngineResult;
  sources: SourceReport[];
  readAt: Date;
  /** Show the patient banner (need_patient_banner true or absent). */
  showBanner: boolean;
  knowledge: KnowledgeInfo;
  style?: SmartStyle;
}

export type PanelState =
  | { status: "loading" }
  | { status: "error"; error: PanelError }
  | { status: "ready" | "partial"; data: PanelData };
