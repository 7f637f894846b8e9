/**
 * Reading one Observation as a lab result (lab-results.md, "Which results are read" and "What real
 * laboratories send"): which test (LOINC under either of its system URIs, in LOINC's form), whose, status,
 * date, value (a quantity, or a number written as text), comparator and unit. Never throws on malformed
 * input; says why a result is skipped, and how an Observation that is no result of the five tests is coded.
 */
import { LAB_TEST_CODES, LAB_TESTS, type LabTestId, type LabUnit } from "../../knowledge";
import { type DateParts, toMillis } from "../dates";
import { arr, isObj, rawCodings, str, textOf } from "../read";
import { firstDay, lastDay, writtenDateParts } from "./days";
import { isLoincCode, isLoincSystem } from "./loinc";
import { outsidePlausible } from "./plausible";
import type { LabComparator, LabDateSource, LabSkipReason } from "./types";
import { findUnit, quantityUnit, reportedUnit, toTestUnit } from "./units";
import { parseValueString } from "./valueString";

/** A result the rules count. */
export interface LabResult {
  /** Always undefined: tells a counted result from a skipped one. */
  skipped: undefined;
  id: string;
  ref: string;
  test: LabTestId;
  loinc: string;
  display: string | undefined;
  status: string;
  date: string;
  dateSource: LabDateSource;
  parts: DateParts;
  /** First instant of the date (ordering, "after now"). */
  ms: number;
  /** First and last day the date can be (day numbers). */
  day: number;
  lastDay: number;
  value: number;
  comparator: LabComparator | undefined;
  /** As reported (for display). */
  unitText: string;
  unit: LabUnit;
  /** The value in the test's unit. */
  inTestUnit: number;
  /** How the value was read, when not from a quantity with its unit (said with the result). */
  readAs: string | undefined;
}

/** A result of one of the tests that is not counted, with why. */
export interface SkippedResult {
  skipped: LabSkipReason;
  test: LabTestId;
  /** The resource's id, when it has one; ref is then `Observation/${id}`. */
  id?: string;
  ref?: string;
  text: string;
  date?: string;
  /** First instant of `date` (NaN when undated): whether it is newer than the results counted. */
  ms: number;
}

/**
 * An Observation that is no result of the five tests, by how it is coded: `not-loinc` (no coding in
 * LOINC's form under a LOINC system: a local code, or a local code labelled as LOINC) or `code-not-used`
 * (a LOINC code of another test). One shared object each: nothing is allocated per resource.
 */
export interface OtherCode {
  skipped: undefined;
  other: "not-loinc" | "code-not-used";
}
export const NOT_LOINC: OtherCode = { skipped: undefined, other: "not-loinc" };
export const CODE_NOT_USED: OtherCode = { skipped: undefined, other: "code-not-used" };

/** One of the two shared objects above (an identity check: cheap on the hot path). */
export function isOtherCode(r: ReadOutcome): r is OtherCode {
  return r === NOT_LOINC || r === CODE_NOT_USED;
}

/**
 * What reading gives: a counted result, a skipped one, an Observation of another code, or nothing (not
 * an Observation, not this patient's, cancelled or entered in error).
 */
export type ReadOutcome = LabResult | SkippedResult | OtherCode | undefined;

const CODE_TO_TEST: ReadonlyMap<string, LabTestId> = new Map(
  (Object.entries(LAB_TEST_CODES) as [LabTestId, readonly string[]][]).flatMap(([test, codes]) => codes.map((c) => [c, test] as const)),
);

/** Statuses of results that count. */
export const COUNTED_STATUSES: ReadonlySet<string> = new Set(["final", "amended", "corrected"]);
/** Results that never happened or were recorded in error: left out silently, like ignored records elsewhere. */
export const DROPPED_STATUSES: ReadonlySet<string> = new Set(["cancelled", "entered-in-error"]);
/** Where a result's date is read from, in order: the first readable one. */
export const DATE_SOURCES: readonly LabDateSource[] = ["effectiveDateTime", "effectivePeriod.start", "effectiveInstant", "issued"];
export const COMPARATORS: ReadonlySet<string> = new Set(["<", "<=", ">", ">="]);

/** The reading context: what references to the patient look like (when the id is known) and the clock. */
export interface ReadContext {
  patient?: PatientRefs;
  nowMs: number;
}

/** A patient's id and the forms a subject reference to them takes. */
export interface PatientRefs {
  id: string;
  /** `Patient/<id>` */
  local: string;
  /** `/Patient/<id>` (the end of an absolute reference) */
  suffix: string;
}

/** The reading context of a call: the reference forms are made once, not per result. */
export function readContext(patientId: string | undefined, nowMs: number): ReadContext {
  return patientId ? { patient: { id: patientId, local: `Patient/${patientId}`, suffix: `/Patient/${patientId}` }, nowMs } : { nowMs };
}

/**
 * What reading one result has found so far: its test, then its date. One instance is reused from result
 * to result (each step sets every field it reports before it is read) and its fields are copied into the
 * LabResult: a lab history has thousands of results, and a temporary object per result and step made a
 * fifth of what interpreting them allocated.
 */
class Reading {
  test: LabTestId = "egfr";
  loinc = "";
  display: string | undefined = undefined;
  several = false;
  /** Of a code that names none of the tests: it has a LOINC coding in LOINC's form. */
  otherLoinc = false;
  date = "";
  dateSource: LabDateSource = "effectiveDateTime";
  parts: DateParts = { year: 0 };
  ms = 0;
  day = 0;
  lastDay = 0;
}
const READING = new Reading();

export function readObservation(resource: unknown, ctx: ReadContext): ReadOutcome {
  if (!isObj(resource)) return undefined;
  if (resource.resourceType !== undefined && resource.resourceType !== "Observation") return undefined;
  const which = READING;
  const found = readTest(resource.code, which);
  if (!isThisPatient(resource.subject, ctx.patient)) return undefined;
  const status = str(resource.status);
  if (status && DROPPED_STATUSES.has(status)) return undefined;
  if (!found) return which.otherLoinc ? CODE_NOT_USED : NOT_LOINC;
  const { test, loinc, display } = which;
  if (which.several) return skip("several-tests", test, resource, "codes of more than one lab test: not interpreted");
  // The date is read here, from one call site for every path below (readDateOf inlines four reads; a
  // second call site made this function larger and slower to optimise). No-id results do not use it.
  const dated = readDateOf(resource, which);
  if (!status || !COUNTED_STATUSES.has(status)) {
    // Dated when it can be: a preliminary result newer than those counted is said next to their finding.
    return skip("not-final", test, resource, `status ${status ?? "missing"}: not a final result`, dated ? which.date : undefined);
  }
  const id = str(resource.id);
  if (!id) return skip("no-id", test, resource, "no id: cannot be shown as evidence");
  if (!dated) return skip("no-date", test, resource, "no readable date");
  const when = which;
  if (Number.isNaN(ctx.nowMs)) return skip("no-clock", test, resource, "no clock to compare dates with", when.date);
  if (when.ms > ctx.nowMs) return skip("dated-after-now", test, resource, `dated ${when.date}, after now: ignored`, when.date);
  const labTest = LAB_TESTS[test];
  const quantity = isObj(resource.valueQuantity) ? resource.valueQuantity : undefined;
  let value: unknown = quantity?.value;
  let rawComparator: unknown = quantity?.comparator;
  let unitText: string;
  let unitRead: string | undefined;
  let readAs: string | undefined;
  if (quantity !== undefined || resource.valueString === undefined) {
    unitText = reportedUnit(quantity);
    unitRead = quantityUnit(quantity);
  } else {
    // A number written as text ("15.0 g/dL", "<15"): read as the same quantity, never guessed beyond.
    const text = str(resource.valueString);
    const parsed = text === undefined ? undefined : parseValueString(text);
    if (!parsed) return skip("no-value", test, resource, text ? `value written as text, not a number: "${text.slice(0, 40)}"` : "no numeric value", when.date);
    value = parsed.value;
    rawComparator = parsed.comparator;
    unitText = parsed.unit ?? rangeUnit(resource.referenceRange) ?? "";
    unitRead = unitText === "" ? undefined : unitText;
    readAs = `Reported as text ("${text!.slice(0, 40)}"): read as a number.`;
  }
  if (typeof value !== "number" || !Number.isFinite(value)) return skip("no-value", test, resource, "no numeric value", when.date);
  if (value < 0) return skip("no-value", test, resource, `value ${value} is negative: not a measurement`, when.date);
  if (rawComparator !== undefined && (typeof rawComparator !== "string" || !COMPARATORS.has(rawComparator))) {
    return skip("comparator-not-recognised", test, resource, `comparator not recognised: ${String(rawComparator)}`, when.date);
  }
  let unit = findUnit(labTest, unitRead);
  if (!unit && (unitRead === undefined || unitRead.trim() === "") && labTest.unitless && value >= labTest.unitless.from && value <= labTest.unitless.to) {
    // An HbA1c of 3 to 20 with no unit at all can only be a percentage (lab-results.md).
    unit = labTest.units.find((u) => u.label === labTest.unitless!.unit);
    unitText = labTest.unitless.unit;
    readAs = readAs ? `${readAs} ${labTest.unitless.note}` : labTest.unitless.note;
  }
  if (!unit) {
    return skip("unit-not-recognised", test, resource, `unit not recognised: ${unitRead ?? "none"}`, when.date);
  }
  const inTestUnit = toTestUnit(unit, value);
  if (outsidePlausible(labTest, unit, value, inTestUnit)) {
    const shown = `${rawComparator ?? ""}${value}${unitText === "" ? "" : unitText === "%" ? " %" : ` ${unitText}`}`;
    return skip("implausible", test, resource, `${shown} is not a value this test can take`, when.date);
  }
  // One object literal with every field present: the same shape for every result (cheap on the hot path).
  return {
    skipped: undefined,
    id,
    ref: `Observation/${id}`,
    test,
    loinc,
    display,
    status,
    date: when.date,
    dateSource: when.dateSource,
    parts: when.parts,
    ms: when.ms,
    day: when.day,
    lastDay: when.lastDay,
    value,
    comparator: rawComparator as LabComparator | undefined,
    unitText,
    unit,
    inTestUnit,
    readAs,
  };
}

/** The unit a result's reference range is written in, when its limits name one and agree. */
function rangeUnit(ranges: unknown): string | undefined {
  let unit: string | undefined;
  for (const r of arr(ranges)) {
    if (!isObj(r)) continue;
    for (const limit of [r.low, r.high]) {
      const u = quantityUnit(limit) ?? (isObj(limit) ? str(limit.unit) : undefined);
      if (u === undefined) continue;
      if (unit !== undefined && unit !== u) return undefined;
      unit = u;
    }
  }
  return unit;
}

export function isSkipped(r: ReadOutcome): r is SkippedResult {
  return r !== undefined && r.skipped !== undefined;
}

function skip(reason: LabSkipReason, test: LabTestId, resource: Record<string, unknown>, text: string, date?: string): SkippedResult {
  const id = str(resource.id);
  // Every date passed here was just read into READING.
  const out: SkippedResult = { skipped: reason, test, text, ms: date ? READING.ms : Number.NaN };
  if (id) {
    out.id = id;
    out.ref = `Observation/${id}`;
  }
  if (date) out.date = date;
  return out;
}

/**
 * Sets `into` to the test a code names, by its LOINC codings (`several` when they name more than one
 * test); false when it names none, with `otherLoinc` telling whether it has a LOINC code at all. A coding
 * is LOINC when its system is one of LOINC's URIs and its code is in LOINC's form (loinc.ts): a local code
 * under LOINC's system is not LOINC.
 */
function readTest(code: unknown, into: Reading): boolean {
  let found = false;
  into.otherLoinc = false;
  for (const c of rawCodings(code)) {
    if (!isObj(c) || !isLoincSystem(str(c.system))) continue;
    const loinc = str(c.code)?.trim();
    if (loinc === undefined) continue;
    const test = CODE_TO_TEST.get(loinc);
    if (!test) {
      if (!into.otherLoinc && isLoincCode(loinc)) into.otherLoinc = true;
      continue;
    }
    if (!found) {
      found = true;
      into.test = test;
      into.loinc = loinc;
      into.display = textOf(code) ?? str(c.display);
      into.several = false;
    } else if (into.test !== test) into.several = true;
  }
  return found;
}

/**
 * Whether the subject is this patient: a reference that names another patient (or another kind of
 * subject) is not. Without a known patient id, or without a subject reference (the search was by
 * patient), the result is kept, as the data layer does.
 */
function isThisPatient(subject: unknown, refs: PatientRefs | undefined): boolean {
  if (!refs) return true;
  const ref = isObj(subject) ? str(subject.reference) : undefined;
  if (ref === undefined) return true;
  if (ref === refs.local || ref === refs.id) return true;
  const history = ref.indexOf("/_history/");
  const plain = history === -1 ? ref : ref.slice(0, history);
  return plain === refs.local || plain.endsWith(refs.suffix);
}

/**
 * effectiveDateTime, else effectivePeriod.start, else effectiveInstant, else issued (DATE_SOURCES, in
 * order): the first readable one. Each is read by name (not `resource[source]` in a loop, an access V8
 * cannot specialise): lab histories are long.
 */
function readDateOf(resource: Record<string, unknown>, into: Reading): boolean {
  return (
    readDate(resource.effectiveDateTime, "effectiveDateTime", into) ||
    readDate(isObj(resource.effectivePeriod) ? resource.effectivePeriod.start : undefined, "effectivePeriod.start", into) ||
    readDate(resource.effectiveInstant, "effectiveInstant", into) ||
    readDate(resource.issued, "issued", into)
  );
}

/** Sets `into`'s date from `raw` when it is a readable date; false when it is not. */
function readDate(raw: unknown, source: LabDateSource, into: Reading): boolean {
  const date = str(raw)?.trim();
  if (!date) return false;
  const parts = writtenDateParts(date);
  const ms = parts && toMillis(date);
  if (!parts || ms === undefined || Number.isNaN(ms)) return false;
  into.date = date;
  into.dateSource = source;
  into.parts = parts;
  into.ms = ms;
  into.day = firstDay(parts);
  into.lastDay = lastDay(parts);
  return true;
}
