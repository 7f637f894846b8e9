/** The panel's view model: everything the presentational components need, nothing they must compute. */
import type { Patient } from "fhir/r4";
import type { EngineResult } from "../engine/types";
import type { ErrorKind } from "../fhir/errorKind";
import type { SourceReport } from "../fhir/types";
import type { KnowledgeInfo } from "../knowledge";
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
