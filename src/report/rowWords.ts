/**
 * A finding's row in clinical words (docs/spec/panel-contract.md, "Reading aids"): its title ("PAD",
 * "Chronic kidney disease: kidney failure"), each record behind it with when it began and, where it helps,
 * how that stands against the cramps ("started Aug 2026, about 6 weeks before the cramps"), and old orders
 * muted ("last ordered 2016, still marked active").
 */
import type { Finding } from "../engine/types";
import { NEAR_CRAMPS_DAYS } from "../knowledge/conventions";
import { SOURCE_STATEMENTS } from "../knowledge/sourceStatements";
import { clinicalName, clinicalTitle, isMedicine, recordWords } from "./clinicalWords";
import { relativeToCramps, type CrampAnchor } from "./crampAnchor";
import { keyDates, needsConfirmation } from "./evidence";
import { findingFacts, type Fact } from "./facts";
import { daysBetween, formatDate } from "./format";
import { medicineWhen } from "./review";
import { staleWhen } from "./staleWords";
import { isRaised, strengthLevel } from "./strength";

/** "Chronic kidney disease: kidney failure" for a raised finding; else the clinical title. The strength is said by the group. */
export function rowTitle(f: Finding): string {
  const raised = isRaised(f) ? SOURCE_STATEMENTS.knownCauseAs[f.causeId] : undefined;
  return raised ? `${clinicalTitle(f)}: ${raised}` : clinicalTitle(f);
}

/** The line that names a row's folded findings: "Also on the source's list as peripheral neuropathy (sometimes linked)". */
export const FOLDED_LEAD = "Also on the source's list as";
/** The folded findings' list, for assistive technology. */
export const FOLDED_LIST_LABEL = "Also on the source's list";
/** Before a folded finding's records, for assistive technology. */
export const FOLDED_SAME_RECORD = ", from the same record: ";

/** "also on the source's list as peripheral neuropathy (sometimes linked)". */
export function foldedWords(f: Finding): string {
  return `${clinicalName(f)} (${strengthLevel(f.strength).words})`;
}

export interface FactWords {
  /** What the record says, in clinical words. */
  what: string;
  /** When: "since 2 May 2019", "started Aug 2026, about 6 weeks before the cramps", "last ordered 2016, still marked active". */
  when: string;
  /** An old order or acute state still marked active (the "confirm still current" convention): shown muted. */
  stale: boolean;
}

/** One fact of a finding's row. */
export function factWords(fact: Fact, f: Finding, now: Date, anchor: CrampAnchor | undefined): FactWords {
  const e = fact.evidence;
  if (fact.kind === "age") return { what: recordWords(e), when: "", stale: false };
  const stale = fact.current && needsConfirmation(e, now, f.causeId);
  if (isMedicine(e)) {
    if (stale) {
      const { label, year } = staleWhen(e);
      return { what: recordWords(e), when: `${label} ${year || "at an unknown date"}, still marked active`, stale };
    }
    return { what: recordWords(e), when: fact.current ? medicineWhen(e, anchor) : keyWhen(fact, now), stale };
  }
  if (e.resourceType === "Condition" && fact.current) {
    const start = e.dates.onset ?? e.dates.recorded;
    const label = e.dates.onset ? "since" : "recorded";
    if (!start) return { what: recordWords(e), when: "no date recorded", stale };
    const days = anchor?.since ? daysBetween(start, anchor.since) : undefined;
    const rel = days !== undefined && Math.abs(days) <= NEAR_CRAMPS_DAYS ? relativeToCramps(start, anchor) : "";
    return { what: recordWords(e), when: `${label} ${formatDate(start)}${rel ? `, ${rel}` : ""}${stale ? ", still marked active" : ""}`, stale };
  }
  return { what: recordWords(e), when: keyWhen(fact, now), stale };
}

/** The record's first labelled date (and its end when not current): "ended 1 Jun 2018", "done 3 Mar 2026". */
function keyWhen(fact: Fact, now: Date): string {
  const dates = keyDates(fact.evidence, now);
  return dates.map((d) => `${d.label} ${d.date}`).join("; ") || (fact.evidence.resourceType === "Patient" ? "" : "no date recorded");
}

/**
 * The records a row lists: its record facts (lab results have lines of their own, labStory.ts), every
 * current one for a current finding, else the first `maxPast`; the others counted ("2 past", "2 more").
 */
export function rowFacts(f: Finding, maxPast = 3): { shown: Fact[]; more: string } {
  const { current, other } = findingFacts(f);
  const records = (facts: Fact[]) => facts.filter((x) => x.kind !== "lab");
  const shown = f.current ? records(current) : records(other).slice(0, maxPast);
  const more = f.current ? records(other).length : records(other).length - shown.length;
  return { shown, more: more > 0 ? `${more} ${f.current ? "past" : "more"}` : "" };
}
