/**
 * The rule kinds of the knowledge base (LabCondition, LabCurrency) evaluated on one test's counted
 * results. "Most recent" is the latest date; when several results share it, all of them must meet the
 * rule (results that disagree at the same instant make no claim).
 */
import { LAB_TESTS, type LabRule } from "../../knowledge";
import { type AppliedCutoff, applyCutoff, type LabPatient, meets, opposes } from "./cutoffs";
import type { LabResult } from "./observation";
import { instantOrder } from "./order";

export interface RuleResult {
  rule: LabRule;
  holds: boolean;
  current: boolean;
  /** The results that meet the rule (oldest first). */
  qualifying: LabResult[];
  /** The test's most recent results (one, or several sharing the latest date). */
  latest: LabResult[];
  /** The same two lists, for lookups. */
  qualifyingSet: ReadonlySet<LabResult>;
  latestSet: ReadonlySet<LabResult>;
  /** Of the results shown, those that make the finding current. */
  currentMakers: ReadonlySet<LabResult>;
  /** The cut-off applied to each result that can be interpreted. */
  cutoffOf(r: LabResult): AppliedCutoff | undefined;
  why: string;
}

export interface RuleContext {
  patient: LabPatient;
  /** Today's day number (NaN: no clock). */
  today: number;
  deceased: boolean;
}

/** The results of one test, oldest first (ties by id, so input order never matters), in place. */
export function sortResults(results: LabResult[]): LabResult[] {
  if (results.length < 2) return results;
  const instants = results.map((r) => r.ms);
  const order = instantOrder(instants, (a, b) => compareIds(results[a]!.id, results[b]!.id));
  const given = results.slice();
  for (let i = 0; i < order.length; i++) results[i] = given[order[i]!]!;
  return results;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The results sharing the latest instant (the tail of a sorted list). */
function latestOf(sorted: readonly LabResult[]): LabResult[] {
  let i = sorted.length;
  while (i > 0 && sorted[i - 1]!.ms === sorted[sorted.length - 1]!.ms) i--;
  return sorted.slice(i);
}

export function evaluateRule(rule: LabRule, sorted: readonly LabResult[], ctx: RuleContext): RuleResult {
  const cutoffOf = cutoffLookup(rule, ctx.patient);
  const ok = (r: LabResult): boolean => {
    const c = cutoffOf(r);
    return c !== undefined && meets(r, c);
  };
  const latest = latestOf(sorted);
  const latestMeets = latest.length > 0 && latest.every(ok);
  const label = labelOf(rule);

  let qualifying: LabResult[] = [];
  let holds = false;
  let why: string;
  const condition = rule.condition;
  switch (condition.kind) {
    case "sustained": {
      const runs = runsMeeting(sorted, cutoffOf, ok).filter((run) => spanDays(run) >= condition.apartDays);
      qualifying = runs.flat();
      holds = runs.length > 0 && (!condition.latestToo || latestMeets);
      if (runs.length === 0) why = `no two results ${label} at least ${condition.apartDays} days apart without one on the other side between`;
      else if (!holds) why = `results ${label} ${condition.apartDays} days apart, but the most recent is not ${label}`;
      else why = `${qualifying.length} results ${label} spanning at least ${condition.apartDays} days, none on the other side between`;
      break;
    }
    case "latest": {
      holds = latestMeets;
      qualifying = holds ? [...latest] : [];
      if (latest.length === 0) why = "no result";
      else if (holds) why = `the most recent result is ${label}`;
      else if (latest.some((r) => cutoffOf(r) === undefined)) why = "the most recent result cannot be interpreted";
      else if (latest.some(ok)) why = `the results of the most recent date disagree: not all ${label}`;
      else why = `the most recent result is not ${label}`;
      break;
    }
    case "repeated": {
      qualifying = sorted.filter(ok);
      holds = qualifying.length >= 2 && minOf(qualifying, (r) => r.lastDay) < maxOf(qualifying, (r) => r.day);
      why = holds ? `${qualifying.length} results ${label} on different days` : `fewer than two results ${label} on different days`;
      break;
    }
    case "any": {
      qualifying = sorted.filter(ok);
      holds = qualifying.length > 0;
      why = holds ? `${qualifying.length} result(s) ${label}` : `no result ${label}`;
      break;
    }
  }

  let makers: LabResult[] = [];
  let inTime = false;
  const currency = rule.current;
  if (holds) {
    switch (currency.kind) {
      case "latest-meets":
        makers = latest;
        inTime = latestMeets;
        break;
      case "within-days": {
        makers = currency.of === "latest" ? latest : latestOf(qualifying);
        const day = minOf(makers, (r) => r.day);
        inTime = makers.length > 0 && ctx.today - day <= currency.days;
        break;
      }
      case "always":
        makers = qualifying;
        inTime = true;
        break;
    }
  }
  const current = holds && inTime && !ctx.deceased && !Number.isNaN(ctx.today);
  if (holds) why += current ? "; current" : ctx.deceased ? "; not current (deceased)" : "; not current";
  return {
    rule,
    holds,
    current,
    qualifying,
    latest,
    qualifyingSet: new Set(qualifying),
    latestSet: new Set(latest),
    currentMakers: new Set(current ? makers : []),
    cutoffOf,
    why,
  };
}

/**
 * Runs of results that meet the cut-off with no result on the other side between them: a result on the
 * other side (or sharing its instant with one) ends the run.
 */
function runsMeeting(
  sorted: readonly LabResult[],
  cutoffOf: (r: LabResult) => AppliedCutoff | undefined,
  ok: (r: LabResult) => boolean,
): LabResult[][] {
  const runs: LabResult[][] = [];
  let run: LabResult[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    let interrupts = false;
    while (j < sorted.length && sorted[j]!.ms === sorted[i]!.ms) {
      const r = sorted[j]!;
      const c = cutoffOf(r);
      if (c !== undefined && opposes(r, c)) interrupts = true;
      j++;
    }
    if (interrupts) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else {
      for (let k = i; k < j; k++) if (ok(sorted[k]!)) run.push(sorted[k]!);
    }
    i = j;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * The cut-off applied to each result, computed once: a fixed cut-off depends only on the result's unit,
 * the hemoglobin table on the result's date.
 */
function cutoffLookup(rule: LabRule, patient: LabPatient): (r: LabResult) => AppliedCutoff | undefined {
  if (rule.cutoff === "hemoglobin-table") {
    const byResult = new Map<LabResult, AppliedCutoff | undefined>();
    return (r) => {
      if (!byResult.has(r)) byResult.set(r, applyCutoff(rule, r, patient));
      return byResult.get(r);
    };
  }
  const byUnit = new Map<LabResult["unit"], AppliedCutoff | undefined>();
  return (r) => {
    let c = byUnit.get(r.unit);
    if (c === undefined && !byUnit.has(r.unit)) byUnit.set(r.unit, (c = applyCutoff(rule, r, patient)));
    return c;
  };
}

/** The fewest days a run can span: its latest first day minus its earliest last day. */
function spanDays(run: readonly LabResult[]): number {
  if (run.length < 2) return Number.NEGATIVE_INFINITY;
  return maxOf(run, (r) => r.day) - minOf(run, (r) => r.lastDay);
}

function labelOf(rule: LabRule): string {
  if (rule.cutoff === "hemoglobin-table") return "below the cut-off for age and sex";
  const c = rule.cutoff;
  const v = `${c.value} ${LAB_TESTS[rule.test].unit}`;
  return c.direction === "below" ? `below ${v}` : c.inclusive ? `of ${v} or more` : `above ${v}`;
}

function minOf(list: readonly LabResult[], key: (r: LabResult) => number): number {
  let out = Number.POSITIVE_INFINITY;
  for (const r of list) if (key(r) < out) out = key(r);
  return out;
}

function maxOf(list: readonly LabResult[], key: (r: LabResult) => number): number {
  let out = Number.NEGATIVE_INFINITY;
  for (const r of list) if (key(r) > out) out = key(r);
  return out;
}
