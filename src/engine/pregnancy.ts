/**
 * Pregnancy records: which are records of a pregnancy's end (by title), and when a record dates the
 * pregnancy's start (weeks of gestation, trimester). The data is knowledge (codes/pregnancyDating.ts).
 */
import { PREGNANCY_DATING } from "../knowledge";
import { normalizeCode, systemKeyOf } from "./lookup";
import { isObj, rawCodings, str } from "./read";

/** ICD-10-CM codes that state weeks of gestation: trimester codes, then the fixed Z3A codes (which win). */
const ICD10_WEEKS = new Map<string, number>();
for (const code of PREGNANCY_DATING.FIRST_TRIMESTER_CODES) ICD10_WEEKS.set(code, PREGNANCY_DATING.TRIMESTER_MIN_WEEKS.first);
for (const code of PREGNANCY_DATING.SECOND_TRIMESTER_CODES) ICD10_WEEKS.set(code, PREGNANCY_DATING.TRIMESTER_MIN_WEEKS.second);
for (const code of PREGNANCY_DATING.THIRD_TRIMESTER_CODES) ICD10_WEEKS.set(code, PREGNANCY_DATING.TRIMESTER_MIN_WEEKS.third);
for (const [code, weeks] of Object.entries(PREGNANCY_DATING.GESTATION_WEEKS_CODES)) ICD10_WEEKS.set(code, weeks);

/** SNOMED CT findings that state weeks of gestation (a Map: codes are long digit strings). */
const SNOMED_WEEKS = new Map<string, number>(Object.entries(PREGNANCY_DATING.SNOMED_GESTATION_WEEKS));

const END_TITLE = new RegExp(`\\b(?:${PREGNANCY_DATING.PREGNANCY_END_TITLE_WORDS.join("|")})\\b`, "i");
const END_ALWAYS = new RegExp(`\\b(?:${PREGNANCY_DATING.PREGNANCY_END_ALWAYS.join("|")})\\b`, "i");
const SPEAKS_OF_PREGNANCY = /\bpregnan/i;

/**
 * True when a pregnancy code's title says it records the pregnancy's end: childbirth, the puerperium,
 * postpartum (unless the title also speaks of the pregnancy itself), or "delivered".
 */
export function isPregnancyEndTitle(text: string): boolean {
  if (END_ALWAYS.test(text)) return true;
  return END_TITLE.test(text) && !SPEAKS_OF_PREGNANCY.test(text);
}

/** Least weeks of gestation one coding states on the day it was recorded, or undefined. */
function codingWeeks(system: string | undefined, code: string | undefined): number | undefined {
  const key = systemKeyOf(system);
  if (!key || !code) return undefined;
  if (key === "snomed") return SNOMED_WEEKS.get(code.trim());
  if (key !== "icd10cm") return undefined;
  const normalized = normalizeCode(key, code);
  const { prefix, min, max } = PREGNANCY_DATING.GESTATION_WEEKS_RANGE;
  if (normalized.startsWith(prefix) && normalized.length === prefix.length + 2 && !ICD10_WEEKS.has(normalized)) {
    const weeks = Number(normalized.slice(prefix.length));
    if (Number.isInteger(weeks) && weeks >= min && weeks <= max) return weeks;
  }
  return ICD10_WEEKS.get(normalized);
}

const TEXT_WEEKS = /\b(\d{1,2})(?:\s*\+\s*\d)?\s*(?:weeks?|wks?)\b/i;
const TEXT_TRIMESTER = /\b(first|1st|second|2nd|third|3rd)[- ]trimester\b/i;

function textWeeks(text: string): number | undefined {
  const w = TEXT_WEEKS.exec(text);
  if (w) {
    const weeks = Number(w[1]);
    if (weeks >= 4 && weeks <= 45) return weeks;
  }
  const t = TEXT_TRIMESTER.exec(text);
  if (!t) return undefined;
  const word = t[1]!.toLowerCase();
  if (word === "first" || word === "1st") return PREGNANCY_DATING.TRIMESTER_MIN_WEEKS.first;
  if (word === "second" || word === "2nd") return PREGNANCY_DATING.TRIMESTER_MIN_WEEKS.second;
  return PREGNANCY_DATING.TRIMESTER_MIN_WEEKS.third;
}

/**
 * The least weeks of gestation the record states on the day it was recorded, from any of its codings
 * (Z3A, trimester codes, SNOMED CT trimester/term findings) or its text ("36 weeks", "third trimester").
 * Undefined when the record does not date the pregnancy.
 */
export function gestationWeeks(concept: unknown, text: string): number | undefined {
  let weeks: number | undefined;
  for (const c of rawCodings(concept)) {
    if (!isObj(c)) continue;
    const w = codingWeeks(str(c.system), str(c.code));
    if (w !== undefined && (weeks === undefined || w > weeks)) weeks = w;
  }
  const fromText = textWeeks(text);
  if (fromText !== undefined && (weeks === undefined || fromText > weeks)) weeks = fromText;
  return weeks;
}
