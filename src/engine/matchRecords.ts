/**
 * matchRecords: which documented causes of night leg cramps a patient's records support.
 * Pure: no I/O, never reads the clock (options.now is the only time), never throws on malformed input.
 */
import { addByCause, findingsOf, type ItemsByCause } from "./assemble";
import { currentPregnancyStart, type Clock, type EvidenceItem } from "./evidence";
import { interpretLabs, labEvidenceItems } from "./labs";
import { olderAgeEvidence, patientFacts } from "./patient";
import { arr, isObj } from "./read";
import { conditionEvidence, medicationEvidence, procedureEvidence, type RecordReader } from "./records";
import { noStatusSince } from "./status";
import type { EngineInput, EngineOptions, EngineResult } from "./types";

export function matchRecords(input: EngineInput, options: EngineOptions): EngineResult {
  const now = options && options.now instanceof Date ? options.now : new Date(Number.NaN);
  const source: Partial<EngineInput> = isObj(input) ? input : {};
  const facts = patientFacts(source.patient, now);
  const nowMs = now.getTime();
  const clock: Clock = { now, nowMs, noStatusSinceMs: noStatusSince(nowMs), deceased: facts.deceased };
  const raw: EvidenceItem[] = [];
  for (const c of arr(source.conditions)) collect(raw, conditionEvidence, c, clock);
  for (const m of arr(source.medications)) collect(raw, medicationEvidence, m, clock);
  for (const p of arr(source.procedures)) collect(raw, procedureEvidence, p, clock);
  try {
    for (const e of olderAgeEvidence(source.patient, facts)) raw.push(e);
  } catch {
    // unreadable patient: no age evidence
  }
  // Lab results (lab-results.md): their rules read the record's current pregnancy (hemoglobin cut-off),
  // and HbA1c joins a diabetes the record already has; the results become evidence like any record's.
  // One pass groups the record's items by cause: the lab rules read its causes and its pregnancy items,
  // and the findings are built from the groups (the items are thousands: each pass over them costs).
  const byCause: ItemsByCause = new Map();
  addByCause(byCause, raw);
  const pregnancyStart = currentPregnancyStart(byCause.get("pregnancy") ?? []);
  const labs = interpretLabs(source.observations, { patient: source.patient, now, pregnancyStart });
  addByCause(byCause, labEvidenceItems(labs, new Set(byCause.keys())));
  return { findings: findingsOf(byCause), patient: facts, labs };
}

/** A record the readers cannot handle (e.g. a getter that throws) is skipped, never fatal. */
function collect(out: EvidenceItem[], read: RecordReader, record: unknown, clock: Clock): void {
  const before = out.length;
  try {
    read(record, clock, out);
  } catch {
    out.length = before; // skipped: drop whatever it had added
  }
}
