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

/**
 * The eGFR results to count (sorted, oldest first, as given); the others are added to `skipped` (their
 * instants to `ms`). With no race-specific result there is nothing to settle: the list itself is returned.
 */
export function settleRacePairs(sorted: LabResult[], skipped: LabSkipped[], ms: number[]): LabResult[] {
  if (!sorted.some((r) => RACE_SPECIFIC.has(r.loinc))) return sorted;
  const kept: LabResult[] = [];
  const setAside = (r: LabResult, text: string) => {
    skipped.push({ ref: r.ref, test: "egfr", reason: "race-specific-pair", text, date: r.date });
    ms.push(r.ms);
  };
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    let paired = false;
    for (; j < sorted.length && sorted[j]!.ms === sorted[i]!.ms; j++) if (RACE_SPECIFIC.has(sorted[j]!.loinc)) paired = true;
    if (!paired) {
      for (; i < j; i++) kept.push(sorted[i]!);
      continue;
    }
    const draw = sorted.slice(i, j);
    i = j;
    const race = draw.filter((r) => RACE_SPECIFIC.has(r.loinc));
    const plain = draw.filter((r) => !RACE_SPECIFIC.has(r.loinc));
    if (plain.length > 0) {
      kept.push(...plain);
      for (const r of race) setAside(r, `${describe(r)}: the draw's non-race-specific eGFR is used`);
      continue;
    }
    // The lower value; on a tie the non-Black estimate (the one without the race coefficient).
    const used = race.reduce((a, b) => (b.inTestUnit < a.inTestUnit || (b.inTestUnit === a.inTestUnit && !RACE_SPECIFIC.get(b.loinc)!.black) ? b : a));
    kept.push(used);
    for (const r of race) if (r !== used) setAside(r, `${describe(r)}: the draw's lower value, ${used.value}, is used`);
  }
  return kept;
}

function describe(r: LabResult): string {
  const k = RACE_SPECIFIC.get(r.loinc)!;
  return `${r.comparator ?? ""}${r.value} ${k.black ? "among Black" : "among non-Black"} patients (${k.equation})`;
}
