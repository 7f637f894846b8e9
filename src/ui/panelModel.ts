/** The panel's view model: the report's input plus what only the screen needs (banner, SMART style). */
import type { ErrorKind } from "../fhir/errorKind";
import type { KnowledgeInfo } from "../knowledge";
import type { ReportInput } from "../report";
import type { SmartStyle } from "./smartStyle";

export type { ErrorKind, KnowledgeInfo, SmartStyle };

/** Values of data-panel-status in docs/spec/panel-contract.md. */
export type PanelStatus = "loading" | "ready" | "partial" | "error";

export interface PanelError {
  kind: ErrorKind;
  /** One short sentence: what happened. */
  title: string;
  /** What the user can do. */
  action: string;
  /** Optional safe detail (an error code such as "invalid_scope"; never a URL, token or patient id). */
  detail?: string;
}

/** Everything the report needs (patient, engine result, sources, time read, knowledge), and the screen's own. */
export interface PanelData extends ReportInput {
  /** Show the patient banner (need_patient_banner true or absent). */
  showBanner: boolean;
  style?: SmartStyle;
}

export type PanelState =
  | { status: "loading" }
  | { status: "error"; error: PanelError }
  | { status: "ready" | "partial"; data: PanelData };
