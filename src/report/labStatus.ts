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
import { plural } from "./format";

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
  const { labResults, notLoinc } = labs.counts;
  const what: string[] = [];
  if (labResults > 0) what.push(`${plural(labResults, "result")} of the tests could not be read (listed below)`);
  if (notLoinc > 0) what.push(`${plural(notLoinc, "result")} ${notLoinc === 1 ? "is" : "are"} not coded in LOINC, so the app cannot tell which test ${notLoinc === 1 ? "it is" : "they are"}`);
  const message = `The EHR returned ${plural(labs.counts.observations, "lab result")} and none could be interpreted: ${what.join("; ")}. Nothing can be concluded from lab results.`;
  return { ...s, status: "failed", message };
}
