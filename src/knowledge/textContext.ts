/**
 * How free text is read, like a clinician would (knowledge-source.md, Conventions, "Free text"): the cue
 * words that say a name in the text is negated, about someone else, a screening or test, a precursor, a
 * suspicion, or history. Regular-expression fragments, case-insensitive, matched between word boundaries
 * unless said otherwise. Data only: the engine (src/engine/context.ts) applies them.
 *
 * Scopes:
 * - "entry": anywhere in the same piece of text (code.text or one coding display): a family-history or a
 *   screening entry is about that for everything it names ("FH: hypertension, diabetes").
 * - "clause": in the same clause (split at . ; , : ( ) [ ] and " - "), before the name ("no CKD"), or
 *   after it ("AKI ruled out"); when nothing follows the name in its clause, the next clause counts as
 *   "after" ("Alcohol dependence, in remission").
 * - "after cue": from the cue to the end of the entry ("PMH: HTN, DM2, CKD" makes all three history).
 */

/** What a mention of a name means, strongest first: only "affirmed" and "history" ever make evidence. */
export type TextContext = "other-person" | "test" | "negated" | "uncertain" | "precursor" | "history" | "affirmed";

/** About someone else (entry scope). */
export const OTHER_PERSON_CUES = [
  "family history",
  "family hx",
  "fam hx",
  "mother",
  "father",
  "sister",
  "brother",
  "sibling",
  "parents?",
  "son",
  "daughter",
  "grandmother",
  "grandfather",
  "grandparents?",
  "aunt",
  "uncle",
  "cousin",
  "relatives?",
  "family member",
];

/** About someone else, as written (upper case only: lower-case "fh" is not family history). Entry scope. */
export const OTHER_PERSON_ABBREVIATIONS = ["FHx?"];

/** A screening, a test, a risk or a counselling entry (entry scope). */
export const TEST_CUES = [
  "screening",
  "screen(?:ed)? for",
  "tests?",
  "tested",
  "testing",
  "evaluation (?:for|of)",
  "assessment (?:for|of)",
  "work-?up",
  "exam(?:ination)?",
  "at risk (?:of|for)",
  "risk (?:of|for)",
  "counsell?ing",
  "education",
  "encounter for",
];

/** Negation before the name, in the same clause. */
export const NEGATION_BEFORE = [
  "no",
  "not(?! (?:well |adequately |optimally |yet )?(?:controlled|at goal|at target|on target|compliant|adherent))",
  "without",
  "negative for",
  "neg for",
  "denies",
  "denied",
  "ruled out",
  "rules out",
  "free of",
  "absence of",
  "absent",
  "never had",
  "no evidence of",
  "no sign of",
  "no signs of",
];

/** Negation written onto the name ("non-diabetic"): matched against the text immediately before it. */
export const NEGATION_ADJACENT = ["non-? ?"];

/** Negation after the name, in the same clause ("AKI ruled out", "PAD: negative"). */
export const NEGATION_AFTER = ["ruled out", "excluded", "negative", "not found", "not present", "not confirmed", "denied", "absent"];

/** A suspicion rather than a diagnosis: no finding from text (clause scope, before the name). */
export const UNCERTAIN_BEFORE = [
  "rule out",
  "r/o",
  "possible",
  "possibly",
  "probable",
  "probably",
  "suspected",
  "suspect",
  "suspicion of",
  "query",
  "questionable",
  "likely",
  "concern for",
  "cannot exclude",
];

/** Suspicion after the name ("PAD?", "CKD - suspected"). The "?" is matched literally, not as a word. */
export const UNCERTAIN_AFTER = ["suspected", "possible", "probable", "unlikely", "\\?"];

/**
 * A precursor written right before the name ("pre-dialysis", "pre-hypertension", "borderline diabetes"):
 * the name is not the condition. Matched against the text immediately before the name.
 */
export const PRECURSOR_BEFORE = ["pre[- ]?", "borderline ", "impending ", "incipient "];

/** History before the name: from the cue to the end of the entry ("PMH: ..."); at most a past finding. */
export const HISTORY_BEFORE = [
  "history of",
  "hx of",
  "h/o",
  "hx",
  "PMH",
  "PMHx",
  "past medical history",
  "past history(?: of)?",
  "personal history(?: of)?",
  "previous",
  "previously",
  "prior",
  "former",
  "s/p",
  "status post",
  "remote",
  "resolved",
];

/** History after the name, in the same clause ("ESRD - resolved after transplant", "alcohol dependence in remission"). */
export const HISTORY_AFTER = ["resolved", "in remission", "remission", "remote", "by history", "history only", "historical", "no longer", "healed"];

/**
 * Cues at the very start of a coded record's own text (code.text) that override what its code says: a
 * problem-list entry coded with the disease's code but written "FH: ..." or "History of ..." is about a
 * relative, or the past. Negation, screening and suspicion at the start drop the coded match too.
 */
export const LEADING_CUES: { context: Exclude<TextContext, "affirmed" | "precursor">; pattern: string }[] = [
  { context: "other-person", pattern: "(?:family history|family hx|fam hx|FHx?)\\b" },
  { context: "test", pattern: "(?:screening|screen for|encounter for screening)\\b" },
  { context: "negated", pattern: "(?:no|not|negative for|denies|ruled out)\\b" },
  { context: "uncertain", pattern: "(?:rule out|r/o|possible|probable|suspected|query)\\b" },
  { context: "history", pattern: "(?:history of|hx of|h/o|personal history|past history|PMH|s/p|status post)\\b" },
];
