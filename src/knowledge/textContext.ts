/**
 * How free text is read, like a clinician would (knowledge-source.md, Conventions, "Free text"): the cue
 * words that say a name in the text is negated, about someone else, a screening or test, a precursor, a
 * suspicion, or history. Regular-expression fragments, case-insensitive, matched between word boundaries
 * unless said otherwise. Data only: the engine (src/engine/context.ts) applies them.
 *
 * Scopes:
 * - "entry": anywhere in the same piece of text (code.text or one coding display): a family-history or a
 *   screening entry is about that for everything it names ("FH: hypertension, diabetes").
 * - "clause": in the same clause (split at . ; , : = ( ) [ ] and " - "), before the name ("no CKD"), or
 *   after it ("AKI ruled out"); when nothing follows the name in its clause, the next clause counts as
 *   "after" ("Alcohol dependence, in remission").
 * - "after cue": from the cue to the end of the entry ("PMH: HTN, DM2, CKD" makes all three history).
 *
 * "resolved" (the text says the condition ended) and "history" (the text says it was diagnosed in the past:
 * "history of", "h/o", "PMH", "s/p") differ: a chronic condition that does not end stays that condition
 * under "history" (knowledge-source.md; CHRONIC_CONDITIONS in conventions.ts), never under "resolved".
 */

/** What a mention of a name means, strongest first: only "affirmed", "history" and "resolved" ever make evidence. */
export type TextContext = "other-person" | "test" | "negated" | "uncertain" | "precursor" | "resolved" | "history" | "affirmed";

/** About someone else (entry scope): a family history. */
export const OTHER_PERSON_CUES = ["family history", "family hx", "fam hx", "relatives?", "family member", "(?:runs )?in (?:the )?family"];

/** About someone else, as written (upper case only: lower-case "fh" is not family history). Entry scope. */
export const OTHER_PERSON_ABBREVIATIONS = ["FHx?"];

/**
 * A relative: about someone else when written before the name anywhere in the entry ("Mom - DM"), in the
 * name's own clause ("DM in mother"), or after it as a clause of relatives alone ("DM (mom)", "CKD (maternal
 * grandmother)", "HTN - father's side", "PAD - family"). A later clause that says something of its own about
 * a relative ("DM, mother also diabetic"; "HTN; mother had a stroke") leaves the patient's name affirmed.
 */
export const RELATIVE_CUES = [
  "mother", "father", "sisters?", "brothers?", "siblings?", "parents?", "sons?", "daughters?", "grandmother", "grandfather",
  "grandparents?", "aunt", "uncle", "cousin", "mom", "mum", "dad", "grandma", "grandpa",
];

/** Relatives as written (upper case only): maternal or paternal grandmother or grandfather. */
export const RELATIVE_ABBREVIATIONS = ["[MP]G[MF]"];

/** Words that make a clause of relatives alone by themselves, after the name only ("DM - maternal"). */
export const RELATIVE_SIDE = ["maternal", "paternal", "family"];

/** Words a clause of relatives alone may also hold ("both parents", "mother and sister", "father's side"). */
export const RELATIVE_FILLER = ["side", "both", "and", "or", "in", "the", "his", "her", "pt'?s", "patient'?s"];

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
  // a newborn screening result is a screening, not a diagnosis ("Newborn screen: sickle cell disease")
  "(?:newborn|neonatal) screen",
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

/**
 * Negation written as the whole of what follows the name, in its clause or the next ("DM: no", "DM - denies",
 * "HTN (none)"); "HTN, no meds" and "CKD, no dialysis" stay affirmed.
 */
export const NEGATION_ALONE = ["no", "none", "neg", "nil", "denies", "denied"];

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
  "\\?",
];

/** Suspicion written as the whole of what follows the name, in its clause or the next ("DM - r/o", "HTN (questionable)"). */
export const UNCERTAIN_ALONE = ["r/o", "(?:to )?rule out", "questionable", "query", "uncertain", "unconfirmed", "\\?+"];

/**
 * A differential diagnosis in the name's own clause, before or after it ("DM vs stress hyperglycemia",
 * "Stress hyperglycemia vs DM"): a suspicion. Not between two stages or types of one name ("CKD 3a vs 3b").
 */
export const DIFFERENTIAL = ["(?:vs\\.?|versus|v/s)(?!\\s*(?:type |stage |grade )?(?:\\d|[IV]+\\b))"];

/** Suspicion after the name ("PAD?", "CKD - suspected"). The "?" is matched literally, not as a word. */
export const UNCERTAIN_AFTER = ["suspected", "possible", "probable", "unlikely", "\\?"];

/**
 * A precursor written right before the name ("pre-dialysis", "pre-hypertension", "borderline diabetes"):
 * the name is not the condition. Matched against the text immediately before the name.
 */
export const PRECURSOR_BEFORE = ["pre[- ]?", "borderline ", "impending ", "incipient "];

/**
 * History before the name: from the cue to the end of the entry ("PMH: ..."). At most a past finding for a
 * condition that ends; a chronic condition that does not end stays that condition (knowledge-source.md).
 */
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
];

/** History after the name, in the same clause ("HTN by history", "PAD s/p fem-pop bypass", "hyperthyroidism s/p RAI"). */
export const HISTORY_AFTER = ["s/p", "status post", "remote", "by history", "history only", "historical"];

/** The condition ended, before the name, same scope as HISTORY_BEFORE ("Resolved: hypertension"): past for every cause. */
export const RESOLVED_BEFORE = ["resolved"];

/** The condition ended, after the name, same or next clause ("Hypertension - resolved", "alcohol dependence in remission"): past for every cause. */
export const RESOLVED_AFTER = ["resolved", "in remission", "remission", "no longer", "healed"];

/**
 * The status a coded record writes at the end of its own text, after a separator ("Hypertension - resolved",
 * "Alcohol dependence (in remission)"): the condition ended, even where the text names it in words no name
 * rule reads.
 */
export const RESOLVED_AT_END = ["resolved", "in remission", "remission"];

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
  { context: "resolved", pattern: "(?:resolved)\\b" },
  { context: "history", pattern: "(?:history of|hx of|h/o|personal history|past history|PMH|s/p|status post)\\b" },
];
