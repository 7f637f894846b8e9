/**
 * Lab results in words (docs/spec/lab-results.md): one result as evidence (value as reported and, where
 * converted, in the rule's unit; date; age then; the cut-off and the definition it comes from), the words
 * of a test's chart and its text alternative, and what "what was checked" says about the results read and
 * not interpreted. Pure: the clock is an argument. Values and units come from the record: plain, clipped.
 */
import type { LabInterpretation, LabResultDetail, LabSkipped, LabSkipReason } from "../engine/labs/types";
import type { Evidence, Finding } from "../engine/types";
import type { SourceReport } from "../fhir/types";
import type { Citation, LabTestId } from "../knowledge";
import { LAB_TESTS } from "../knowledge";
import { formatDate, formatRecency, plain, plural } from "./format";
import { labsInterpreted } from "./labStatus";
import { displayNumber, displayUnit } from "./labStory";

/** How a finding resting on lab results alone is labelled, everywhere (lab-results.md). */
export const LAB_BASIS = "suggested by lab results — not recorded as a diagnosis";

/** "Suggested by lab results — not recorded as a diagnosis" (sentence case, for a line of its own). */
export const LAB_BASIS_SENTENCE = LAB_BASIS[0]!.toUpperCase() + LAB_BASIS.slice(1);

/** The value as the lab reported it, and in the rule's unit where converted: "Hemoglobin 112 g/L (11.2 g/dL)". */
export function labValueWords(lab: LabResultDetail): string {
  const c = lab.converted;
  const unit = c ? displayUnit(plain(c.unit, 40)) : "";
  const converted = c ? ` (${lab.comparator ?? ""}${displayNumber(c.value, lab.test, lab.cutoff.value)}${unit === "%" ? " %" : ` ${unit}`})` : "";
  return `${plain(lab.testLabel, 40)} ${displayUnit(plain(lab.valueText, 60))}${converted}`;
}

/** Why the result is shown, against the cut-off: "most recent result; meets the cut-off", "does not meet the cut-off". */
export function labStatusWords(lab: LabResultDetail, recordStatus?: string): string {
  const recent = lab.role === "qualifying" ? "" : "most recent result; ";
  const corrected = recordStatus === "amended" || recordStatus === "corrected" ? ` (${recordStatus})` : "";
  return `${recent}${lab.meetsCutoff ? "meets" : "does not meet"} the cut-off${corrected}`;
}

/** "measured" (the result's effective date) or "reported" (only `issued` dates it). */
export function labDateLabel(lab: LabResultDetail): string {
  return lab.dateSource === "issued" ? "reported" : "measured";
}

/** "measured 3 Mar 2026 (8 months ago), age 67". */
export function labWhen(lab: LabResultDetail, now: Date): string {
  const ago = formatRecency(lab.date, now);
  return `${labDateLabel(lab)} ${formatDate(lab.date)}${ago ? ` (${ago})` : ""}, ${plain(lab.ageText, 40)}`;
}

/** "cut-off applied: below 60 mL/min/1.73 m²". */
export function labCutoffWords(lab: LabResultDetail): string {
  return `cut-off applied: ${displayUnit(plain(lab.cutoff.text, 120))}`;
}

/**
 * Who a definition comes from, in a few words: its words before the first colon ("KDIGO 2024 CKD
 * guideline"), else without a closing parenthesis ("WHO 2024 guideline on haemoglobin cut-offs to define anaemia").
 */
export function definitionSource(definition: string): string {
  const i = definition.indexOf(": ");
  return plain(i > 0 ? definition.slice(0, i) : definition.replace(/\s*\([^)]*\)\s*$/, ""), 100);
}

/** "KDIGO 2024 Clinical Practice Guideline …, March 13, 2024". */
export function citationWords(c: Citation): string {
  return `${plain(c.title, 300)}, ${plain(c.date, 60)}`;
}

/**
 * One result in one plain line: `eGFR 42 mL/min/{1.73_m2} — most recent result; meets the cut-off;
 * measured 3 Mar 2026 (8 months ago), age 67; cut-off applied: below 60 mL/min/1.73 m²`.
 */
export function labEvidenceLine(e: Evidence & { lab: LabResultDetail }, now: Date): string {
  const { lab } = e;
  return plain(`${labValueWords(lab)} — ${labStatusWords(lab, e.recordStatus)}; ${labWhen(lab, now)}; ${labCutoffWords(lab)}`, 600);
}

export function hasLab(e: Evidence): e is Evidence & { lab: LabResultDetail } {
  return e.resourceType === "Observation" && e.lab !== undefined;
}

/** The distinct definitions a finding's lab evidence applied, each with where it comes from (for "Definition applied"). */
export function findingDefinitions(f: Finding): { definition: string; citation: Citation }[] {
  const seen = new Map<string, { definition: string; citation: Citation }>();
  for (const e of f.evidence) if (hasLab(e) && !seen.has(e.lab.definition)) seen.set(e.lab.definition, { definition: e.lab.definition, citation: e.lab.citation });
  return [...seen.values()];
}

/** "Definition applied: KDIGO 2024 …: GFR below 60 … (source: KDIGO 2024 Clinical Practice Guideline …, March 13, 2024, https://…)". */
export function definitionLine(d: { definition: string; citation: Citation }, withUrl = true): string {
  const url = withUrl ? `, ${plain(d.citation.url, 300)}` : "";
  return `Definition applied: ${plain(d.definition, 400)} (source: ${citationWords(d.citation)}${url})`;
}

/**
 * The result that speaks for a finding's lab evidence: the most recent that meets the rule (current first),
 * never a normal most-recent result shown only for context.
 */
export function leadLab(f: Finding): (Evidence & { lab: LabResultDetail }) | undefined {
  const labs = f.evidence.filter(hasLab);
  return labs.find((e) => e.current && e.lab.meetsCutoff) ?? labs.find((e) => e.lab.meetsCutoff) ?? labs[0];
}

/** The lab result behind a lab-only finding, in brief: "eGFR 42 mL/min/{1.73_m2} on 3 Mar 2026". */
export function labInBrief(f: Finding): string {
  const lead = leadLab(f);
  return lead ? `${labValueWords(lead.lab)} on ${formatDate(lead.lab.date)}` : "";
}

/** The tests whose results are evidence of a finding, in the order they first appear. */
export function findingLabTests(f: Finding): LabTestId[] {
  const tests: LabTestId[] = [];
  for (const e of f.evidence) if (hasLab(e) && !tests.includes(e.lab.test)) tests.push(e.lab.test);
  return tests;
}

// ---- What was checked: lab results read, counted, not interpreted ----

/**
 * Lab results were read, completely or in part (cut at the page cap, or a search that failed after
 * returning some, or results none of which could be interpreted): their counts mean something.
 */
export function labsWereRead(sources: readonly SourceReport[]): boolean {
  return sources.some((s) => s.source === "Observation" && (s.status === "read" || s.status === "truncated" || (s.status === "failed" && s.count > 0)));
}

/**
 * Why results were not interpreted, in the order said (lab-results.md's reasons first): the words of the
 * counts line, and, capitalised, the headings of the list below it.
 */
const REASON_WORDS: readonly [LabSkipReason, string][] = [
  ["not-final", "not final"],
  ["no-value", "no value"],
  ["unit-not-recognised", "unit not recognised"],
  ["implausible", "outside the values the test can take"],
  ["no-date", "no readable date"],
  ["dated-after-now", "dated after now"],
  ["comparator-not-recognised", "comparator not recognised"],
  ["several-tests", "coded as more than one test"],
  ["age-not-interpretable", "no age-based cut-off"],
  ["no-id", "no id"],
  ["no-clock", "no clock"],
  ["race-specific-pair", "race-specific eGFR read as one with its pair"],
];

/**
 * What the lab results returned came to (lab-results.md: nothing unread is silent): "The EHR returned 12
 * lab results: 9 interpreted; not interpreted: 1 not a LOINC code, 1 a code the app does not use, 1 unit
 * not recognised." Race-specific eGFR set aside for the other value of their draw are interpreted, once.
 */
export function labCountsLine(labs: LabInterpretation): string {
  const { observations, labResults, notLoinc, otherCodes } = labs.counts;
  if (observations === 0) return "The EHR returned no results of these tests.";
  const leftOut = observations - labResults - notLoinc - otherCodes;
  const why: string[] = [];
  if (notLoinc > 0) why.push(`${notLoinc} not a LOINC code (the app cannot tell which test ${notLoinc === 1 ? "it is" : "they are"})`);
  if (otherCodes > 0) why.push(`${otherCodes} a code the app does not use (other tests)`);
  for (const [reason, words] of REASON_WORDS) {
    const n = labs.notInterpreted.filter((s) => s.reason === reason).length;
    if (n > 0) why.push(`${n} ${words}`);
  }
  if (leftOut > 0) why.push(`${leftOut} left out (cancelled, entered in error, or not this patient's)`);
  const head = `The EHR returned ${plural(observations, "lab result")}: ${labsInterpreted(labs)} interpreted`;
  return `${head}${why.length > 0 ? `; not interpreted: ${why.join(", ")}` : ""}.`;
}

/**
 * What the search of all laboratory results showed, when it ran (src/fhir/labSurvey.ts): "None of the
 * app's tests was found by its LOINC codes, so the EHR's laboratory results since 7 Dec 2021 were looked at:
 * it holds 419; the first 200 were read (counted above)." Empty when it did not run.
 */
export function labSurveyLine(sources: readonly SourceReport[]): string {
  const survey = sources.find((s) => s.source === "Observation")?.labSurvey;
  if (!survey) return "";
  const what = `All laboratory results since ${formatDate(survey.since)} were searched for results a search by LOINC code cannot see`;
  if (survey.status !== "read") return `${what}: that search ${survey.status === "not-authorized" ? "was not authorised" : "failed"}.`;
  const count = survey.total ?? survey.read;
  return `${what}: ${count === 0 ? "there are none" : `${survey.more && survey.total === undefined ? "more than " : ""}${count}`}${survey.read < count ? `, the first ${survey.read} read` : ""}.`;
}

/**
 * Results of a finding's tests that could not be interpreted, to say next to its results: values outside
 * what the test can take (whatever their date), and any result dated after the most recent one that was
 * interpreted — a newer result in an unknown unit never hides at the bottom.
 */
export function findingUnreadLabs(f: Finding, labs: LabInterpretation | undefined): LabSkipped[] {
  if (!labs) return [];
  const tests = findingLabTests(f);
  return labs.notInterpreted.filter((s) => tests.includes(s.test) && (s.reason === "implausible" || s.newer === true));
}

/**
 * "Newer eGFR result of 21 Nov 2026 could not be read: unit not recognised: mL/s." / "HbA1c result of 27 Sep
 * 2026 not interpreted: 3.03 % is outside the plausible values (…), a recording or unit error."
 */
export function unreadLabLine(s: LabSkipped): string {
  const test = LAB_TESTS[s.test]?.label ?? plain(s.test, 40);
  const of = s.date ? ` of ${formatDate(s.date)}` : "";
  const text = plain(s.text, 200);
  if (s.reason === "implausible") return `${test} result${of} not interpreted: ${text} (a recording or unit error).`;
  return `${s.newer ? "Newer " : ""}${test} result${of} could not be read: ${text}.`;
}

export interface NotInterpretedGroup {
  reason: LabSkipReason;
  heading: string;
  /** "Hemoglobin, 3 Mar 2026: unit not recognised: mg/mmol". */
  items: { ref?: string; text: string }[];
}

/** The results read and not interpreted, grouped by reason (the order of the headings above): never interpreted. */
export function notInterpretedGroups(labs: LabInterpretation): NotInterpretedGroup[] {
  const item = (s: LabSkipped) => ({
    ...(s.ref ? { ref: s.ref } : {}),
    text: `${LAB_TESTS[s.test]?.label ?? plain(s.test, 40)}${s.date ? `, ${formatDate(s.date)}` : ""}: ${plain(s.text, 200)}`,
  });
  return REASON_WORDS.map(([reason, words]) => ({
    reason,
    heading: words[0]!.toUpperCase() + words.slice(1),
    items: labs.notInterpreted.filter((s) => s.reason === reason).map(item),
  }))
    .filter((g) => g.items.length > 0);
}
