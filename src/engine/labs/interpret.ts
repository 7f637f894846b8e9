/**
 * Lab results as evidence (docs/spec/lab-results.md): the one pure entry point. No I/O, the clock is
 * injected, malformed input never throws (a result that cannot be read is listed, never guessed at).
 *
 * How it joins the findings (the wiring in matchRecords, src/engine/matchRecords.ts):
 *   const labs = interpretLabs(input.observations, { patient: input.patient, now, pregnancyStart });
 *   for (const item of labEvidenceItems(labs, recordCauses)) raw.push(item);
 * - pregnancyStart: the start (onset, else recorded date) of the record's *current* pregnancy evidence,
 *   if any; the record side knows it.
 * - labEvidenceItems (toEvidence.ts), given the causes the record's own evidence has, makes one evidence
 *   item per result, under the finding of its cause: coded findings gain them (one finding per cause), a
 *   cause the record lacks becomes a lab-only finding; HbA1c joins a coded type 1 or type 2 diabetes
 *   finding, else makes type-2-diabetes "type not recorded".
 * - buildFindings then needs: basis "lab" when every evidence item is an Observation, else "record";
 *   escalation (CKD known cause) only from current escalating evidence, which G5 lab items are.
 * - `series` feeds the per-test chart of each finding; `notInterpreted` and `counts` feed "What was checked".
 */
import { causeById, HEMOGLOBIN_MIN_AGE_MONTHS, LAB_RULES, LAB_TEST_ORDER, LAB_TESTS, LOINC_SYSTEM, STRENGTH_RANK, type CauseId, type LabTestId } from "../../knowledge";
import { dateParts, toMillis } from "../dates";
import { patientFacts } from "../patient";
import { field, str } from "../read";
import type { PatientFacts } from "../types";
import { type LabPatient, meets } from "./cutoffs";
import { today } from "./days";
import { buildDetail, cutoffText, evidenceText, valueText } from "./detail";
import { isOtherCode, isSkipped, type LabResult, NOT_LOINC, readContext, readObservation } from "./observation";
import { instantOrder } from "./order";
import { settleRacePairs } from "./racePairs";
import { evaluateRule, type RuleResult, sortResults } from "./rules";
import type {
  LabCauseEvidence,
  LabEvidence,
  LabInterpretation,
  LabOptions,
  LabResultDetail,
  LabSeries,
  LabSkipped,
} from "./types";

export function interpretLabs(observations: readonly unknown[] | unknown, options: LabOptions): LabInterpretation {
  const now = options?.now instanceof Date ? options.now : new Date(Number.NaN);
  const nowMs = now.getTime();
  const rawPatient: unknown = options?.patient;
  const facts = safeFacts(rawPatient, now);
  const patient = labPatient(rawPatient, facts, options?.pregnancyStart, nowMs);
  const list: readonly unknown[] = Array.isArray(observations) ? observations : [];

  const byTest = new Map<LabTestId, LabResult[]>();
  const seen = new Set<string>();
  const notInterpreted: LabSkipped[] = [];
  /** The first instant of each result in notInterpreted, pushed with it (NaN: undated). */
  const skippedMs: number[] = [];
  let labResults = 0;
  let counted = 0;
  let notLoinc = 0;
  let otherCodes = 0;
  const ctx = readContext(facts.id, nowMs);
  for (const resource of list) {
    let outcome: ReturnType<typeof readObservation>;
    try {
      outcome = readObservation(resource, ctx);
    } catch {
      outcome = undefined; // a resource whose getters throw: not readable, nothing to list
    }
    if (outcome === undefined) continue;
    if (isOtherCode(outcome)) {
      if (outcome === NOT_LOINC) notLoinc++;
      else otherCodes++;
      continue;
    }
    // The same result twice (paging overlap): once. Keyed by id, which names the ref (`Observation/${id}`)
    // as well: the ids are the input's own strings, while hashing a ref would first flatten the joined string.
    const key = outcome.id;
    if (key !== undefined) {
      const size = seen.size;
      if (seen.add(key).size === size) continue;
    }
    labResults++;
    if (isSkipped(outcome)) {
      const skipped: LabSkipped = { test: outcome.test, reason: outcome.skipped, text: outcome.text };
      if (outcome.ref) skipped.ref = outcome.ref;
      if (outcome.date) skipped.date = outcome.date;
      notInterpreted.push(skipped);
      skippedMs.push(outcome.ms);
      continue;
    }
    counted++;
    const bucket = byTest.get(outcome.test);
    if (bucket) bucket.push(outcome);
    else byTest.set(outcome.test, [outcome]);
  }
  for (const results of byTest.values()) sortResults(results);
  const egfr = byTest.get("egfr");
  if (egfr) {
    const kept = settleRacePairs(egfr, notInterpreted, skippedMs);
    counted -= egfr.length - kept.length;
    byTest.set("egfr", kept);
  }
  markNewer(notInterpreted, skippedMs, byTest);

  const ruleCtx = { patient, today: today(now), deceased: facts.deceased };
  // A list built by push, not by map: the array map() makes is of another kind depending on whether the
  // optimiser inlined it, and the find() below then deoptimised this function every few calls.
  const evaluated: RuleResult[] = [];
  let hemoglobinRule: RuleResult | undefined;
  for (const rule of LAB_RULES) {
    const e = evaluateRule(rule, byTest.get(rule.test) ?? [], ruleCtx);
    evaluated.push(e);
    if (hemoglobinRule === undefined && rule.cutoff === "hemoglobin-table") hemoglobinRule = e;
  }
  for (const r of byTest.get("hemoglobin") ?? []) {
    const problem = hemoglobinRule && !hemoglobinRule.cutoffOf(r) ? hemoglobinProblem(patient) : undefined;
    if (problem) {
      notInterpreted.push({ ref: r.ref, test: "hemoglobin", reason: "age-not-interpretable", text: problem, date: r.date });
      skippedMs.push(r.ms);
    }
  }

  return {
    causes: causesFrom(evaluated, patient, facts.deceased),
    rules: evaluated.map((e) => ({ ruleId: e.rule.id, cause: e.rule.cause, holds: e.holds, current: e.current, why: e.why })),
    series: seriesFrom(byTest, evaluated),
    // Input order never matters: by date (undated first), then by reference.
    notInterpreted: inOrder(notInterpreted, skippedMs),
    counts: { observations: list.length, labResults, counted, notLoinc, otherCodes },
  };
}

/** The results not interpreted by their first instant (undated first), then by reference: numbers compared, not dates as text. */
function inOrder(skipped: LabSkipped[], ms: readonly number[]): LabSkipped[] {
  if (skipped.length < 2) return skipped;
  const order = instantOrder(ms, (a, b) => compareText(skipped[a]!.ref, skipped[b]!.ref));
  return order.map((i) => skipped[i]!);
}

function compareText(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

/** Flags the results not interpreted that are dated after the most recent counted result of their test. */
function markNewer(skipped: readonly LabSkipped[], ms: readonly number[], byTest: ReadonlyMap<LabTestId, LabResult[]>): void {
  for (let i = 0; i < ms.length; i++) {
    const s = skipped[i]!;
    if (s.reason === "dated-after-now") continue;
    const results = byTest.get(s.test);
    if (results && results.length > 0 && ms[i]! > results[results.length - 1]!.ms) s.newer = true;
  }
}

function safeFacts(patient: unknown, now: Date): PatientFacts {
  try {
    return patientFacts(patient, now);
  } catch {
    return { deceased: false };
  }
}

function labPatient(raw: unknown, facts: PatientFacts, pregnancyStart: unknown, nowMs: number): LabPatient {
  let birth: LabPatient["birth"];
  let gender: string | undefined;
  try {
    birth = dateParts(str(field(raw, "birthDate")));
    gender = str(field(raw, "gender"));
  } catch {
    birth = undefined;
  }
  const patient: LabPatient = { sex: gender === "female" || gender === "male" ? gender : "other-or-unknown" };
  if (birth) patient.birth = birth;
  const startMs = typeof pregnancyStart === "string" ? toMillis(pregnancyStart) : undefined;
  if (!facts.deceased && startMs !== undefined && !Number.isNaN(startMs) && startMs <= nowMs) patient.pregnancyStartMs = startMs;
  return patient;
}

/** Why a counted hemoglobin the table gives no cut-off for cannot be interpreted. */
function hemoglobinProblem(patient: LabPatient): string {
  if (!patient.birth) return "the patient's birth date is not known: hemoglobin cannot be compared with an age-based cut-off";
  return `under ${HEMOGLOBIN_MIN_AGE_MONTHS} months old on that date (or dated before birth): hemoglobin is not interpreted`;
}

/** One entry per cause whose rules hold: its results, strength and currency. */
function causesFrom(evaluated: readonly RuleResult[], patient: LabPatient, deceased: boolean): LabCauseEvidence[] {
  const byCause = new Map<CauseId, RuleResult[]>();
  for (const e of evaluated) {
    if (!e.holds) continue;
    const list = byCause.get(e.rule.cause);
    if (list) list.push(e);
    else byCause.set(e.rule.cause, [e]);
  }
  const out: LabCauseEvidence[] = [];
  for (const [cause, rules] of byCause) {
    // A rule that raises the strength speaks first for the results it uses (G5 before "below 60").
    const ordered = [...rules].sort((a, b) => rank(a) - rank(b));
    let strength = causeById(cause).strength;
    for (const e of ordered) if (e.current && e.rule.strength && STRENGTH_RANK[e.rule.strength] < STRENGTH_RANK[strength]) strength = e.rule.strength;
    const items = new Map<string, LabEvidence>();
    for (const e of ordered) {
      for (const r of [...e.qualifying, ...e.latest]) addEvidence(items, e, r, ordered, patient, deceased);
    }
    const evidence = [...items.values()].sort(
      (a, b) => (a.current === b.current ? 0 : a.current ? -1 : 1) || b.sortMs - a.sortMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    const joins = [...new Set(ordered.flatMap((e) => e.rule.joins ?? []))];
    const entry: LabCauseEvidence = {
      cause,
      ruleIds: rules.map((e) => e.rule.id),
      current: ordered.some((e) => e.current),
      strength,
      evidence,
    };
    if (joins.length > 0) entry.joins = joins;
    const aloneNote = ordered.find((e) => e.rule.aloneNote)?.rule.aloneNote;
    if (aloneNote) entry.aloneNote = aloneNote;
    out.push(entry);
  }
  return out;
}

function rank(e: RuleResult): number {
  return e.rule.strength ? STRENGTH_RANK[e.rule.strength] : STRENGTH_RANK.differential + 1;
}

/** The result as evidence of this cause, once: the first rule that uses it as qualifying speaks for it. */
function addEvidence(
  items: Map<string, LabEvidence>,
  e: RuleResult,
  r: LabResult,
  all: readonly RuleResult[],
  patient: LabPatient,
  deceased: boolean,
): void {
  if (items.has(r.id)) return;
  const qualifyingIn = all.find((x) => x.qualifyingSet.has(r));
  const speaker = qualifyingIn ?? e;
  const c = speaker.cutoffOf(r);
  if (!c) return; // cannot be interpreted (hemoglobin age): never evidence
  const isLatest = all.some((x) => x.latestSet.has(r));
  const role: LabResultDetail["role"] = qualifyingIn ? (isLatest ? "qualifying-most-recent" : "qualifying") : "most-recent";
  const detail = buildDetail(r, speaker.rule, c, meets(r, c), role, patient);
  const current = all.some((x) => x.currentMakers.has(r));
  const escalates = all.some((x) => x.current && x.rule.strength !== undefined && (x.qualifyingSet.has(r) || x.latestSet.has(r)));
  const notes = [...(speaker.rule.notes ?? [])];
  if (c.row?.pregnant) notes.push("Pregnancy cut-off: the result is dated after the current pregnancy began.");
  if (r.dateSource === "issued") notes.push("The result has no effective date: dated by when it was issued.");
  if (r.dateSource === "effectivePeriod.start") notes.push("Dated by the start of the collection period.");
  if (r.readAs) notes.push(r.readAs);
  const evidence: LabEvidence = {
    ref: r.ref,
    resourceType: "Observation",
    id: r.id,
    text: evidenceText(detail, r),
    matched: { system: LOINC_SYSTEM, systemLabel: "LOINC", code: r.loinc, ...(r.display ? { display: r.display } : {}) },
    matchedBy: "code",
    ruleId: speaker.rule.id,
    reason: speaker.rule.reason,
    status: current ? "current" : deceased ? "deceased" : "past",
    current,
    recordStatus: r.status,
    dates: { effective: r.date },
    sortDate: r.date,
    sortMs: r.ms,
    escalates,
    lab: detail,
  };
  if (notes.length > 0) evidence.notes = notes;
  items.set(r.id, evidence);
}

/** Per test with counted results: the points over time and the cut-off lines. */
function seriesFrom(byTest: ReadonlyMap<LabTestId, LabResult[]>, evaluated: readonly RuleResult[]): LabSeries[] {
  const out: LabSeries[] = [];
  for (const testId of LAB_TEST_ORDER) {
    const results = byTest.get(testId);
    if (!results || results.length === 0) continue;
    const test = LAB_TESTS[testId];
    const rules = evaluated.filter((e) => e.rule.test === testId);
    const hbRule = rules.find((e) => e.rule.cutoff === "hemoglobin-table");
    const points = results.map((r) => {
      let meetsAny = false;
      for (const e of rules) {
        const c = e.cutoffOf(r);
        if (c !== undefined && meets(r, c)) {
          meetsAny = true;
          break;
        }
      }
      const point: LabSeries["points"][number] = { ref: r.ref, date: r.date, time: r.ms, value: r.inTestUnit, valueText: valueText(r), meets: meetsAny };
      if (r.comparator) point.comparator = r.comparator;
      if (r.unit.conversionSource) point.approximate = true;
      const hb = hbRule?.cutoffOf(r);
      if (hb) point.cutoff = hb.testUnitValue;
      return point;
    });
    const cutoffs: LabSeries["cutoffs"] = [];
    for (const e of rules) {
      if (e.rule.cutoff === "hemoglobin-table") {
        const last = results[results.length - 1]!;
        const c = e.cutoffOf(last);
        if (c) cutoffs.push({ ruleId: e.rule.id, direction: "below", value: c.testUnitValue, label: `${cutoffText(c)} on ${last.date.slice(0, 10)}` });
      } else {
        const c = e.rule.cutoff;
        const text = cutoffText({ ...c, unit: test.unit, ownUnit: false, testUnitValue: c.value });
        cutoffs.push({ ruleId: e.rule.id, direction: c.direction, value: c.value, label: text });
      }
    }
    out.push({ test: testId, label: test.label, unit: test.unit, points, cutoffs });
  }
  return out;
}
