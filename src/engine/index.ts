/**
 * The matching engine: which documented causes of night leg cramps a patient's records support.
 * Pure: no I/O, never reads the clock (options.now is the only time), never throws on malformed input.
 */
import { buildFindings } from "./assemble";
import type { Clock, EvidenceItem } from "./evidence";
import { olderAgeEvidence, patientFacts } from "./patient";
import { arr, isObj } from "./read";
import { conditionEvidence, medicationEvidence, procedureEvidence, type RecordReader } from "./records";
import type { EngineInput, EngineOptions, EngineResult } from "./types";

export type * from "./types";

export function matchRecords(input: EngineInput, options: EngineOptions): EngineResult {
  const now = options && options.now instanceof Date ? options.now : new Date(Number.NaN);
  const source: Partial<EngineInput> = isObj(input) ? input : {};
  const facts = patientFacts(source.patient, now);
  const clock: Clock = { now, nowMs: now.getTime(), deceased: facts.deceased };
  const raw: EvidenceItem[] = [];
  for (const c of arr(source.conditions)) collect(raw, conditionEvidence, c, clock);
  for (const m of arr(source.medications)) collect(raw, medicationEvidence, m, clock);
  for (const p of arr(source.procedures)) collect(raw, procedureEvidence, p, clock);
  try {
    for (const e of olderAgeEvidence(source.patient, facts)) raw.push(e);
  } catch {
    // unreadable patient: no age evidence
  }
  return { findings: buildFindings(raw), patient: facts };
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
