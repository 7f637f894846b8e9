/**
 * A record in the words a clinician uses: terminology tags stripped ("(disorder)", "(HCC)", "[E11.42]"),
 * a medicine's strength said once ("furosemide 40 mg every morning", not "Furosemide 40 MG Oral Tablet,
 * Take 1 tablet by mouth every morning"), and each cause by its short clinical name ("PAD", "diuretic").
 * Display only: the record's own words stay under the technical details and in the detail with codes.
 */
import type { CauseId, Evidence, Finding } from "../engine/types";
import { CAUSES } from "../knowledge";
import { clip, formatDate } from "./format";
import type { ReportEvidence } from "./types";

/** Tags that terminologies and EHRs append to a name: SNOMED CT semantic tags, HCC flags, bracketed codes. */
const TAGS =
  /\s*(?:\((?:disorder|finding|situation|procedure|morphologic abnormality|observable entity|substance|product|medicinal product|clinical drug|physical object|regime\/therapy|event|qualifier value|HCC|CMS[-/ ]?HCC|HHS[-/ ]?HCC|RxHCC)\)|\[(?:[A-TV-Z]\d{2}(?:\.[0-9A-Z]{1,4})?|\d{6,18})\])/gi;

/** The text without terminology tags; the text as written when nothing would be left. */
export function stripTags(text: string): string {
  const stripped = text.replace(TAGS, "").replace(/\s{2,}/g, " ").trim();
  return stripped || text;
}

/** True when display words differ from the record's own (the technical details then say what was written). */
export function hasTags(text: string): boolean {
  return stripTags(text) !== text.trim();
}

const UNIT_WORDS: Record<string, string> = { MG: "mg", MCG: "mcg", ML: "mL", G: "g", MEQ: "mEq", UNT: "units", MMOL: "mmol", "%": "%" };

/** "40 MG" → "40 mg", "0.5 MG/ML" → "0.5 mg/mL": RxNorm's capitals in the units a prescriber writes. */
function lowerUnits(text: string): string {
  return text.replace(/\b(\d+(?:\.\d+)?)\s*(MG|MCG|ML|MEQ|UNT|MMOL|G)(\/(?:MG|MCG|ML|G|ACTUAT|HR))?\b/g, (_m, n: string, unit: string, per?: string) => {
    const per2 = per ? `/${UNIT_WORDS[per.slice(1)] ?? per.slice(1).toLowerCase()}` : "";
    return `${n} ${UNIT_WORDS[unit] ?? unit.toLowerCase()}${per2}`;
  });
}

/** RxNorm dose forms a prescriber does not say: "Oral Tablet" → "tablet". */
const FORMS: [RegExp, string][] = [
  [/\s+Delayed Release Oral Tablet\b/i, " delayed-release tablet"],
  [/\s+Delayed Release Oral Capsule\b/i, " delayed-release capsule"],
  [/\s+Extended Release Oral Tablet\b/i, " extended-release tablet"],
  [/\s+Extended Release Oral Capsule\b/i, " extended-release capsule"],
  [/\s+Oral Tablet\b/i, " tablet"],
  [/\s+Oral Capsule\b/i, " capsule"],
];

const STRENGTH = /\b\d+(?:\.\d+)?\s?(?:mg|mcg|g|mEq|units)\b/gi;

/**
 * A medicine as a prescriber writes it, strength said once: "Furosemide 40 MG Oral Tablet" with "Take 1
 * tablet by mouth every morning" → "Furosemide 40 mg every morning". Only the safe rewrites: one tablet or
 * capsule (or the strength itself) of a single-strength product; anything else keeps the sig as written
 * (without "Take" and "by mouth").
 */
export function medicineWords(text: string, dose?: string): string {
  // A brand in RxNorm's brackets reads as a brand in parentheses: "… tablet (Lasix)".
  let name = lowerUnits(stripTags(text)).replace(/\s*\[([^\]\n]{1,60})\]/g, " ($1)");
  for (const [form, words] of FORMS) name = name.replace(form, words);
  if (!dose) return name;
  const sig = lowerUnits(
    dose
      .trim()
      .replace(/^take\s+/i, "")
      .replace(/\s*,?\s*\b(?:by mouth|orally|oral|po)\b\s*,?/i, " ")
      .replace(/\s{2,}/g, " ")
      .trim(),
  );
  const strengths = name.match(STRENGTH) ?? [];
  const strength = strengths.length === 1 ? strengths[0]! : undefined;
  // "furosemide 40 mg" of "furosemide 40 mg tablet": the product up to its one strength.
  const product = strength !== undefined && /^(?:\s+(?:tablet|capsule))?$/i.test(name.slice(name.indexOf(strength) + strength.length)) ? name.slice(0, name.indexOf(strength) + strength.length) : undefined;
  if (product) {
    const one = /^(?:1|one)\s+(?:tablet|capsule|tab|cap)s?\b\s*,?\s*/i;
    if (one.test(sig)) return `${product} ${sig.replace(one, "")}`.trim();
    if (sig.toLowerCase().startsWith(strength!.toLowerCase())) return `${product} ${sig.slice(strength!.length).replace(/^[\s,]+/, "")}`.trim();
  }
  return sig ? `${name}, ${sig}` : name;
}

/** What one record says, in clinical words: a medicine with its dose, a diagnosis without tags, a result as is. */
export function recordWords(e: ReportEvidence, max = 200): string {
  if (e.resourceType === "MedicationRequest" || e.resourceType === "MedicationStatement") return clip(medicineWords(e.text, e.dose), max);
  // The app's own age line ("Age 80 today (born 1946-03-14)") with the date written for people.
  if (e.resourceType === "Patient") return clip(e.text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (d) => formatDate(d)), max);
  return clip(stripTags(e.text), max);
}

/** Short clinical names, as a clinician says them in a note. */
const CLINICAL_NAME: Partial<Record<CauseId, string>> = {
  "acute-kidney-failure": "acute kidney failure",
  "chronic-kidney-disease": "chronic kidney disease",
  "diabetic-neuropathy": "diabetic neuropathy",
  "peripheral-artery-disease": "PAD",
  diuretics: "diuretic",
  "adrenal-insufficiency": "adrenal insufficiency",
  cirrhosis: "cirrhosis",
  hypertension: "hypertension",
  hyperthyroidism: "hyperthyroidism",
  hypoglycemia: "hypoglycemia",
  hypothyroidism: "hypothyroidism",
  "blood-pressure-medicines": "blood pressure medicine",
  "cholesterol-medicines": "cholesterol medicine",
  "birth-control-pills": "birth control pill",
};

const OWN_LABEL = new Map(CAUSES.map((c) => [c.id, c.label]));

/**
 * A finding's clinical name, lower case unless a name ("PAD", "Parkinson's disease"): the short name of
 * its cause, or the finding's own label when the engine worded it for this record ("Diabetes, type not
 * recorded", "Kidney failure (kind not recorded)").
 */
export function clinicalName(f: Pick<Finding, "causeId" | "label">): string {
  const own = OWN_LABEL.get(f.causeId);
  if (own !== undefined && f.label !== own) return lowerFirst(clip(f.label, 120));
  return CLINICAL_NAME[f.causeId] ?? lowerFirst(clip(f.label, 120));
}

/** "PAD", "Diuretic", "Older age": the clinical name as a row's title. */
export function clinicalTitle(f: Pick<Finding, "causeId" | "label">): string {
  const name = clinicalName(f);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function lowerFirst(s: string): string {
  // A name or an abbreviation keeps its capital ("Parkinson's disease", "PAD", "HIV").
  return /^[A-Z][a-z]+'s\b/.test(s) || /^[A-Z]{2}/.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1);
}

/** Is this a medicine record? */
export function isMedicine(e: Pick<Evidence, "resourceType">): boolean {
  return e.resourceType === "MedicationRequest" || e.resourceType === "MedicationStatement";
}
