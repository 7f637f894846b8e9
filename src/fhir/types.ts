/** What the data layer reports about each kind of record it reads ("what was checked"). */
import type { EngineInput } from "../engine/types";

export type SourceName = "Patient" | "Condition" | "MedicationRequest" | "MedicationStatement" | "Procedure";

/** Values of data-source-status in ../shared/docs/panel-contract.md. */
export type SourceStatus = "read" | "failed" | "not-authorized" | "not-supported" | "truncated";

export interface SourceReport {
  source: SourceName;
  status: SourceStatus;
  /** Resources of this type read (after dropping duplicates). */
  count: number;
  /** Plain-language reason when status is not "read". Never contains tokens, URLs or patient ids. */
  message?: string;
  /** Warnings from OperationOutcome entries or refused next links; safe text only. */
  warnings: string[];
}

export interface LoadedData {
  input: EngineInput;
  sources: SourceReport[];
  /** When the data was read (for "read at ..."). */
  readAt: Date;
}
