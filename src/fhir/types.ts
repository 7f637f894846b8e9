/** What the data layer reports about each kind of record it reads ("what was checked"). */
import type { EngineInput } from "../engine/types";
import type { RecordType } from "../knowledge";

/** A kind of record the data layer reads (knowledge/types.ts RECORD_TYPES). */
export type SourceName = RecordType;

/** Values of data-source-status in docs/spec/panel-contract.md. */
export type SourceStatus = "read" | "failed" | "not-authorized" | "not-supported" | "truncated";

export interface SourceReport {
  source: SourceName;
  status: SourceStatus;
  /** Resources of this type read (after dropping duplicates). */
  count: number;
  /** Plain-language reason when status is not "read". Never contains tokens, URLs or patient ids. */
  message?: string;
  /** Warnings from OperationOutcome entries (severity warning, or error/fatal with a failed status); safe text only, each once. */
  warnings: string[];
  /** Lab results only: what the search of all laboratory results showed, when it ran (labSurvey.ts). */
  labSurvey?: LabSurveyReport;
  /**
   * What the EHR withheld or said that is not a gap, one plain line each, identical lines merged: Epic's
   * withheld "outside records" (src/fhir/outcomes.ts `outsideRecordsNotice`), information-level outcomes.
   * Never makes the section incomplete; safe text only.
   */
  notices?: string[];
  /**
   * One entry per search when the kind was searched (several for Condition when the server splits it by
   * category): what each read, and which failed. Safe text only.
   */
  searches?: SearchReport[];
}

/** What one search of a kind of record read. */
export interface SearchReport {
  /** Words naming the search: "conditions (encounter-diagnosis)". */
  label: string;
  status: Exclude<SourceStatus, "not-supported">;
  /** Records this search returned that the app kept (before merging with the other searches). */
  count: number;
  /** Why it is not `read`; never contains a URL, token or patient id. */
  message?: string;
  /** Optional parameters the EHR refused (400), dropped in the one retry that followed. */
  retriedWithout?: string[];
}

/** A `category=laboratory` search's first page, read to learn what lab results the code search could not see. */
export interface LabSurveyReport {
  /** The date bound (results on or after it). */
  since: string;
  status: "read" | "failed" | "not-authorized";
  /** Observations on the page read (this patient's). */
  read: number;
  /** How many the server said it holds (Bundle.total), when it said. */
  total?: number;
  /** The server had more pages than the one read. */
  more: boolean;
}

export interface LoadedData {
  input: EngineInput;
  sources: SourceReport[];
  /** When the data was read (for "read at ..."). */
  readAt: Date;
}
