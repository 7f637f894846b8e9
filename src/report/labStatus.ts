/**
 * The lab results' section once they have been interpreted (lab-results.md: nothing unread is silent).
 * When the EHR returned results of the five tests — or results coded so that the app cannot tell which test
 * they are — and none could be interpreted, lab results were not checked: the section is `failed`, the
 * panel `partial`, and nothing is claimed absent for them. The one rule, used by the panel's status
 * (src/app/panelStore.ts) and by every report (build.ts), so the two never disagree. Idempotent. Kept free
 * of the knowledge index: the panel's first chunk imports it.
 */
import type { LabInterpretation } from "../engine/labs/types";
import type { SourceReport } from "../fhir/types";

/** "1 result", "3 results" (format.ts's plural, not imported: this module is in the panel's first chunk). */
const plural = (n: number, word: string) => `${n} ${n === 1 ? word : `${word}s`}`;

export function withLabReading(sources: readonly SourceReport[], labs: LabInterpretation | undefined): SourceReport[] {
  if (!labs) return [...sources];
  return sources.map((s) => (s.source === "Observation" && s.status === "read" && noneInterpreted(labs) ? failed(s, labs) : s));
}

/** Results of the tests that the rules interpreted (counted, less hemoglobins no age-based cut-off applies to). */
export function labsInterpreted(labs: LabInterpretation): number {
  return labs.counts.counted - labs.notInterpreted.filter((s) => s.reason === "age-not-interpretable").length;
}

/** Results that could have been evidence came back, and not one was interpreted. */
export function noneInterpreted(labs: LabInterpretation): boolean {
  const { labResults, notLoinc } = labs.counts;
  return labsInterpreted(labs) === 0 && (labResults > 0 || notLoinc > 0);
}

function failed(s: SourceReport, labs: LabInterpretation): SourceReport {
  const { observations, notLoinc } = labs.counts;
  const codes = notLoinc > 0 ? `, ${notLoinc} of them not coded in LOINC (the app cannot tell which test they are)` : "";
  return { ...s, status: "failed", message: `None of the ${plural(observations, "lab result")} the EHR returned could be interpreted${codes}.` };
}
