/** Hand-built panel states for the UI tests (no engine, no FHIR server). */
import type { Patient } from "fhir/r4";
import type { KnowledgeInfo } from "../../src/knowledge";
import type { PanelData, PanelState } from "../../src/ui/panelModel";
import type { CauseId, Evidence, Finding, Strength } from "../../src/engine/types";
import type { SourceReport } from "../../src/fhir/types";
import type { ReportEvidence } from "../../src/report/types";

/** The injected clock: 10:30 UTC on 1 June 2025. */
export const NOW = new Date("2025-06-01T10:30:00Z");
export const READ_AT = new Date("2025-06-01T10:25:00Z");

export const KNOWLEDGE: KnowledgeInfo = {
  version: "2025.1",
  reviewed: "2025-05-20",
  source: {
    title: "Night leg cramps — Causes",
    date: "March 02, 2023",
    url: "https://www.mayoclinic.org/symptoms/night-leg-cramps/basics/causes/sym-20050813",
  },
  olderAgeThreshold: 65,
};

export function patient(over: Partial<Patient> = {}): Patient {
  return {
    resourceType: "Patient",
    id: "p1",
    name: [{ use: "official", given: ["Ada"], family: "Lovelace" }],
    birthDate: "1950-05-12",
    gender: "female",
    ...over,
  };
}

/** Evidence as the report reads it (with the optional `dose` the engine is adding). */
export function evidence(ref: string, over: Partial<ReportEvidence> = {}): ReportEvidence {
  return {
    ref,
    resourceType: ref.split("/")[0] as Evidence["resourceType"],
    text: `Record text for ${ref}`,
    matched: { system: "http://snomed.info/sct", systemLabel: "SNOMED CT", code: "44054006", display: "Diabetes type 2" },
    matchedBy: "code",
    ruleId: "rule-1",
    reason: "SNOMED CT code for type 2 diabetes",
    status: "current",
    current: true,
    recordStatus: "active",
    verificationStatus: "confirmed",
    category: "problem-list-item",
    dates: { onset: "2019-05" },
    sortDate: "2019-05",
    ...over,
  };
}

export function finding(causeId: CauseId, strength: Strength, current: boolean, ev?: Evidence[]): Finding {
  const medicine = ["diuretics", "blood-pressure-medicines", "cholesterol-medicines", "birth-control-pills"].includes(causeId);
  const kind = strength === "differential" ? "differential" : causeId === "older-age" ? "risk-factor" : medicine ? "medicine" : "condition";
  return {
    causeId,
    label: causeId.replace(/-/g, " "),
    kind,
    strength,
    current,
    basis: ev && ev.every((e) => e.resourceType === "Observation") ? "lab" : "record",
    evidence: ev ?? [
      evidence(`Condition/${causeId}-1`, current ? {} : { status: "past", current: false, recordStatus: "resolved" }),
    ],
  };
}

export function sources(over: Partial<Record<SourceReport["source"], Partial<SourceReport>>> = {}): SourceReport[] {
  const names: SourceReport["source"][] = ["Patient", "Condition", "MedicationRequest", "MedicationStatement", "Procedure"];
  return names.map((source) => ({ source, status: "read", count: 3, warnings: [], ...over[source] }));
}

export function data(over: Partial<PanelData> = {}): PanelData {
  return {
    patient: patient(),
    result: { findings: [], patient: { id: "p1", age: 75, ageAt: "today", deceased: false } },
    sources: sources(),
    readAt: READ_AT,
    showBanner: true,
    knowledge: KNOWLEDGE,
    ...over,
  };
}

export function withFindings(findings: Finding[], over: Partial<PanelData> = {}): PanelData {
  const base = data(over);
  return { ...base, result: { ...base.result, findings } };
}

export function ready(d: PanelData = data()): PanelState {
  return { status: "ready", data: d };
}

export function partial(d: PanelData = data({ sources: sources({ MedicationStatement: { status: "failed", count: 0 } }) })): PanelState {
  return { status: "partial", data: d };
}

/** A mixed set: one of each strength, current and past, out of order. */
export function mixedFindings(): Finding[] {
  return [
    finding("type-2-diabetes", "sometimes-linked", false),
    finding("hypertension", "sometimes-linked", true),
    finding("older-age", "raises-risk", true, [
      evidence("Patient/p1", {
        resourceType: "Patient",
        text: "Age 75",
        matchedBy: "age",
        matched: { systemLabel: "Age" },
        reason: "Age 75 is at or over the app's threshold of 65",
        category: undefined,
        recordStatus: undefined,
        verificationStatus: undefined,
        dates: {},
      }),
    ]),
    finding("diuretics", "possible", true, [
      evidence("MedicationRequest/m1", {
        text: "Furosemide 40 mg tablet",
        matched: { systemLabel: "RxNorm", code: "4603" },
        category: undefined,
        dates: { authored: "2024-11-02" },
        duplicates: ["MedicationRequest/m2", "MedicationRequest/m3"],
      }),
    ]),
    finding("peripheral-artery-disease", "known-cause", false),
    finding("chronic-kidney-disease", "known-cause", true),
  ];
}
