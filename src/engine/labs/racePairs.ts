/**
 * eGFR reported twice from one draw, for Black and for non-Black patients (EGFR_RACE_SPECIFIC_PAIRS, before
 * 2022's race-free equations). lab-results.md: use the non-race-specific result of the same draw, else the
 * lower value, once — so the pair never cancels itself (a 65 beside a 56 would otherwise make "the results of
 * the most recent date disagree" and break a run below 60). One draw = one effective instant.
 */
import { EGFR_RACE_SPECIFIC_PAIRS } from "../../knowledge";
import type { LabResult } from "./observation";
import type { LabSkipped } from "./types";

interface RaceSpecific {
  equation: string;
  black: boolean;
}

const RACE_SPECIFIC: ReadonlyMap<string, RaceSpecific> = new Map(
  EGFR_RACE_SPECIFIC_PAIRS.flatMap((p): [string, RaceSpecific][] => [
    [p.black, { equation: p.equation, black: true }],
    [p.nonBlack, { equation: p.equation, black: false }],
  ]),
);

/** The eGFR results to count (sorted, oldest first, as given); the others are added to `skipped`. */
export function settleRacePairs(sorted: readonly LabResult[], skipped: LabSkipped[]): LabResult[] {
  if (!sorted.some((r) => RACE_SPECIFIC.has(r.loinc))) return [...sorted];
  const kept: LabResult[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]!.ms === sorted[i]!.ms) j++;
    const draw = sorted.slice(i, j);
    i = j;
    const race = draw.filter((r) => RACE_SPECIFIC.has(r.loinc));
    if (race.length === 0) {
      kept.push(...draw);
      continue;
    }
    const plain = draw.filter((r) => !RACE_SPECIFIC.has(r.loinc));
    if (plain.length > 0) {
      kept.push(...plain);
      for (const r of race) skipped.push(setAside(r, `${describe(r)}: the draw's non-race-specific eGFR is used`));
      continue;
    }
    // The lower value; on a tie the non-Black estimate (the one without the race coefficient).
    const used = race.reduce((a, b) => (b.inTestUnit < a.inTestUnit || (b.inTestUnit === a.inTestUnit && !RACE_SPECIFIC.get(b.loinc)!.black) ? b : a));
    kept.push(used);
    for (const r of race) if (r !== used) skipped.push(setAside(r, `${describe(r)}: the draw's lower value, ${used.value}, is used`));
  }
  return kept;
}

function describe(r: LabResult): string {
  const k = RACE_SPECIFIC.get(r.loinc)!;
  return `${r.comparator ?? ""}${r.value} ${k.black ? "among Black" : "among non-Black"} patients (${k.equation})`;
}

function setAside(r: LabResult, text: string): LabSkipped {
  return { ref: r.ref, test: "egfr", reason: "race-specific-pair", text, date: r.date };
}
