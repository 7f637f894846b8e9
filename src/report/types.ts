/**
 * The report: the narrow, channel-neutral description of one read of a patient's record that every
 * output (the panel, the copied note, print, a CDS Hooks card) words the same way. No React, no I/O.
 */
import type { Patient } from "fhir/r4";
import type { LabInterpretation } from "../engine/labs/types";
import type { LegCrampRecord } from "../engine/legCramps";
import type { EngineResult, Evidence, Finding, PatientFacts } from "../engine/types";
import type { SourceReport } from "../fhir/types";
import type { KnowledgeInfo } from "../knowledge";

/** What a channel has after a read: the Patient resource (possibly a stub), the engine's result, the sources. */
export interface ReportInput {
  patient: Patient;
  result: EngineResult;
  sources: SourceReport[];
  /** When the records were read. */
  readAt: Date;
  knowledge: KnowledgeInfo;
  /** The records documenting leg cramps (engine/legCramps.ts findLegCramps): the panel's anchor. Absent when not looked for. */
  legCramps?: readonly LegCrampRecord[];
}

/** The patient as the report needs them: the engine's facts plus what the words name. */
export interface ReportPatient extends PatientFacts {
  /** The Patient resource was read: never say "not recorded" of details that could not be read. */
  read: boolean;
  /** Display name (official, usual, else first), clipped; "Name not recorded" when read without one. */
  name: string;
  birthDate?: string;
  /** "Female", "Male", "Other", "Unknown" or "Not recorded". */
  sex: string;
}

export interface Report {
  findings: readonly Finding[];
  patient: ReportPatient;
  sources: readonly SourceReport[];
  readAt: Date;
  knowledge: KnowledgeInfo;
  /** What the lab results showed (the engine's `labs`): the charts' series, the results not interpreted, counts. */
  labs?: LabInterpretation;
  /** The records documenting leg cramps, when they were looked for. */
  legCramps?: readonly LegCrampRecord[];
}

/** Whether everything was read: the panel's data-panel-status when it shows findings. */
export type Completeness = "ready" | "partial";

/** data-basis (panel-contract): `record` when any evidence is not a lab result (age counts), else `lab`. */
export type Basis = "record" | "lab";

/**
 * Evidence as the report reads it. The engine is adding `dose` (dose and directions of a medicine, as
 * written); until it does, the field is simply absent and nothing is shown.
 */
export type ReportEvidence = Evidence & { dose?: string };
