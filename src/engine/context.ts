/**
 * Reading a name in free text like a clinician (knowledge-source.md, "Free text"): is the name affirmed,
 * negated, about someone else, a screening or test, a precursor, a suspicion, or history? The cue words
 * are knowledge (src/knowledge/textContext.ts); the scopes are applied here.
 */
import { TEXT_CONTEXT, type TextContext } from "../knowledge";

/** Cue fragments between non-word lookarounds, so "?" and "h/o" work as well as words. */
function cues(fragments: readonly string[], flags = "i"): RegExp {
  return new RegExp(`(?<![\\w])(?:${fragments.join("|")})(?![\\w])`, flags);
}
/** Cues that must end right where the name starts. */
function adjacent(fragments: readonly string[]): RegExp {
  return new RegExp(`(?<![\\w])(?:${fragments.join("|")})$`, "i");
}

/** "FH" / "FHx" only as written; the other cues in any case. */
const FAMILY_ABBREVIATION = cues(TEXT_CONTEXT.OTHER_PERSON_ABBREVIATIONS, "");
const OTHER_PERSON = cues(TEXT_CONTEXT.OTHER_PERSON_CUES);
const RELATIVE = cues(TEXT_CONTEXT.RELATIVE_CUES);
const RELATIVE_ABBREVIATION = new RegExp(cues(TEXT_CONTEXT.RELATIVE_ABBREVIATIONS, "").source, "g");
const RELATIVE_OR_SIDE = cues([...TEXT_CONTEXT.RELATIVE_CUES, ...TEXT_CONTEXT.RELATIVE_SIDE]);
/** A clause of relatives alone, abbreviations read as "mother" first ("maternal grandmother", "mother's side", "both parents"). */
const RELATIVES_ALONE = (() => {
  const word = `(?:${[...TEXT_CONTEXT.RELATIVE_CUES, ...TEXT_CONTEXT.RELATIVE_SIDE, ...TEXT_CONTEXT.RELATIVE_FILLER].join("|")})(?:['’]s)?`;
  return new RegExp(`^[\\s&/+]*${word}(?:[\\s&/+]+${word})*[\\s&/+]*$`, "i");
})();
const TEST = cues(TEXT_CONTEXT.TEST_CUES);
const NEGATION_BEFORE = cues(TEXT_CONTEXT.NEGATION_BEFORE);
const NEGATION_ADJACENT = adjacent(TEXT_CONTEXT.NEGATION_ADJACENT);
const NEGATION_AFTER = cues(TEXT_CONTEXT.NEGATION_AFTER);
const UNCERTAIN_BEFORE = cues(TEXT_CONTEXT.UNCERTAIN_BEFORE);
const UNCERTAIN_AFTER = cues(TEXT_CONTEXT.UNCERTAIN_AFTER);
const NEGATION_ALONE = new RegExp(`^(?:${TEXT_CONTEXT.NEGATION_ALONE.join("|")})$`, "i");
const UNCERTAIN_ALONE = new RegExp(`^(?:${TEXT_CONTEXT.UNCERTAIN_ALONE.join("|")})$`, "i");
const DIFFERENTIAL = cues(TEXT_CONTEXT.DIFFERENTIAL);
const PRECURSOR = adjacent(TEXT_CONTEXT.PRECURSOR_BEFORE);
const HISTORY_BEFORE = cues(TEXT_CONTEXT.HISTORY_BEFORE);
const HISTORY_AFTER = cues(TEXT_CONTEXT.HISTORY_AFTER);
const RESOLVED_BEFORE = cues(TEXT_CONTEXT.RESOLVED_BEFORE);
const RESOLVED_AFTER = cues(TEXT_CONTEXT.RESOLVED_AFTER);
/** A resolved cue written as the text's own closing status ("… - resolved", "… (in remission)"). */
const RESOLVED_AT_END = new RegExp(`(?:^|[-–([,;:|])\\s*(?:${TEXT_CONTEXT.RESOLVED_AT_END.join("|")})\\s*[)\\]]?\\s*\\.?\\s*$`, "i");
const LEADING = TEXT_CONTEXT.LEADING_CUES.map((c) => ({ context: c.context, re: new RegExp(`^\\W*${c.pattern}`, "i") }));

/** Separator joinedText puts between the record's text and each display (see read.ts). */
const ENTRY_SEPARATOR = " | ";
/** Clause boundaries inside an entry ("=" as in "DM = no"). */
const CLAUSE_BOUNDARY = /[.;,:=()[\]]| - | but | however /gi;

function isOtherPerson(entry: string): boolean {
  return FAMILY_ABBREVIATION.test(entry) || OTHER_PERSON.test(entry);
}

function hasRelative(text: string): boolean {
  RELATIVE_ABBREVIATION.lastIndex = 0;
  return RELATIVE.test(text) || RELATIVE_ABBREVIATION.test(text);
}

/** A later clause of the entry holds relatives alone ("DM (mom)", "HTN - father", "CKD (maternal grandmother)"). */
function relativesAfter(rest: string): boolean {
  for (const clause of rest.split(CLAUSE_BOUNDARY)) {
    const words = clause.replace(RELATIVE_ABBREVIATION, "mother");
    if (RELATIVE_OR_SIDE.test(words) && RELATIVES_ALONE.test(words)) return true;
  }
  return false;
}

/** A relative before the name or in its clause ("Mom - DM", "DM in mother"), or a later clause of relatives alone. */
function aboutRelative(text: string, entryStart: number, clauseEnd: number, entryEnd: number): boolean {
  if (hasRelative(text.slice(entryStart, clauseEnd))) return true;
  const rest = text.slice(clauseEnd, entryEnd);
  return (RELATIVE_OR_SIDE.test(rest) || hasRelative(rest)) && relativesAfter(rest);
}

/** What follows the name with its separators trimmed ("DM: no" and "DM = no" give "no"). */
function alone(after: string): string {
  return after.replace(/^[\s\-–:=,;.()[\]]+|[\s\-–:=,;.()[\]]+$/g, "");
}

/**
 * Which side of a differential ("IDA vs anemia of chronic disease") a mention sits on, in its clause: 1
 * before the "vs", 2 after it, 0 when its clause has none. A cause named on both sides is not in doubt,
 * only which form of it (match.ts).
 */
export function differentialSide(text: string, start: number, end: number): number {
  const sepBefore = text.lastIndexOf(ENTRY_SEPARATOR, start);
  const entryStart = sepBefore < 0 ? 0 : sepBefore + ENTRY_SEPARATOR.length;
  const sepAfter = text.indexOf(ENTRY_SEPARATOR, end);
  const entryEnd = sepAfter < 0 ? text.length : sepAfter;
  const [clauseStart, clauseEnd] = clauseBounds(text, entryStart, entryEnd, start, end);
  if (DIFFERENTIAL.test(text.slice(clauseStart, start))) return 2;
  if (DIFFERENTIAL.test(text.slice(end, clauseEnd))) return 1;
  return 0;
}

/** Start and end of the clause around [start, end) within [entryStart, entryEnd). */
function clauseBounds(text: string, entryStart: number, entryEnd: number, start: number, end: number): [number, number] {
  let clauseStart = entryStart;
  let clauseEnd = entryEnd;
  CLAUSE_BOUNDARY.lastIndex = entryStart;
  for (let m = CLAUSE_BOUNDARY.exec(text); m && m.index < entryEnd; m = CLAUSE_BOUNDARY.exec(text)) {
    const boundaryEnd = m.index + m[0].length;
    if (boundaryEnd <= start) clauseStart = boundaryEnd;
    else if (m.index >= end) {
      clauseEnd = m.index;
      break;
    }
    if (m[0].length === 0) CLAUSE_BOUNDARY.lastIndex++;
  }
  return [clauseStart, clauseEnd];
}

/** At most two words, no cue: the rest of a name ("mellitus", "stage 3") rather than a qualifier of it. */
const NAME_TAIL = /^\s*(?:[\w'’]+(?:\s+[\w'’]+)?)?\s*$/;

function isNameTail(rest: string): boolean {
  return NAME_TAIL.test(rest) && !NEGATION_AFTER.test(rest) && !UNCERTAIN_AFTER.test(rest) && !HISTORY_AFTER.test(rest) && !RESOLVED_AFTER.test(rest);
}

/**
 * What the name at [start, end) of `text` means. `text` is the record's joined text (see joinedText):
 * entries are separated by " | ".
 */
export function mentionContext(text: string, start: number, end: number): TextContext {
  const sepBefore = text.lastIndexOf(ENTRY_SEPARATOR, start);
  const entryStart = sepBefore < 0 ? 0 : sepBefore + ENTRY_SEPARATOR.length;
  const sepAfter = text.indexOf(ENTRY_SEPARATOR, end);
  const entryEnd = sepAfter < 0 ? text.length : sepAfter;
  const entry = text.slice(entryStart, entryEnd);
  if (isOtherPerson(entry)) return "other-person";
  const [clauseStart, clauseEnd] = clauseBounds(text, entryStart, entryEnd, start, end);
  if (aboutRelative(text, entryStart, clauseEnd, entryEnd)) return "other-person";
  if (TEST.test(entry)) return "test";
  const before = text.slice(clauseStart, start);
  const inClause = text.slice(end, clauseEnd);
  let after = inClause;
  // What follows the name: the rest of its clause, or the next clause when only the name's tail is left.
  let following = inClause;
  if (clauseEnd < entryEnd && isNameTail(after)) {
    // Nothing but the name's own tail follows it in its clause: the next clause qualifies it ("AKI, ruled
    // out"; "Type 2 diabetes mellitus - in remission", where the name read is "Type 2 diabetes").
    const [, nextEnd] = clauseBounds(text, entryStart, entryEnd, clauseEnd + 1, clauseEnd + 1);
    after = text.slice(end, nextEnd);
    following = text.slice(clauseEnd, nextEnd);
  }
  const justBefore = text.slice(Math.max(entryStart, start - 20), start);
  const rest = alone(following);
  if (NEGATION_BEFORE.test(before) || NEGATION_ADJACENT.test(justBefore) || NEGATION_AFTER.test(after) || NEGATION_ALONE.test(rest)) return "negated";
  if (UNCERTAIN_BEFORE.test(before) || UNCERTAIN_AFTER.test(after) || UNCERTAIN_ALONE.test(rest) || DIFFERENTIAL.test(before) || DIFFERENTIAL.test(inClause)) return "uncertain";
  if (PRECURSOR.test(justBefore)) return "precursor";
  const sinceEntry = text.slice(entryStart, start);
  if (RESOLVED_BEFORE.test(sinceEntry) || RESOLVED_AFTER.test(after)) return "resolved";
  if (HISTORY_BEFORE.test(sinceEntry) || HISTORY_AFTER.test(after)) return "history";
  return "affirmed";
}

/**
 * What a coded record's own words say before anything else ("FH: ...", "History of ...", "No ..."):
 * they override the code for the record's meaning. Undefined when the text starts with none of the cues.
 */
export function leadingContext(text: string | undefined): TextContext | undefined {
  if (!text) return undefined;
  const cached = LEADING_CACHE.get(text);
  if (cached !== undefined) return cached ?? undefined;
  let found: TextContext | null = null;
  for (const { context, re } of LEADING) {
    if (re.test(text)) {
      found = context;
      break;
    }
  }
  if (LEADING_CACHE.size >= LEADING_CACHE_LIMIT) LEADING_CACHE.clear();
  LEADING_CACHE.set(text, found);
  return found ?? undefined;
}

/**
 * Whether a text closes by saying the condition ended ("Essential HTN (benign) - resolved", "… (in
 * remission)"): the record's own status, written into its text.
 */
export function resolvedAtEnd(text: string): boolean {
  return RESOLVED_AT_END.test(text);
}

/** Memo of leadingContext per text (pure: depends only on the text and static cues); null = no cue. */
const LEADING_CACHE = new Map<string, TextContext | null>();
const LEADING_CACHE_LIMIT = 20_000;

/** A context in which a mention still makes evidence. */
export type EvidenceContext = "affirmed" | "history" | "resolved";

/** Contexts in which a mention still makes evidence. */
export function makesEvidence(context: TextContext): context is EvidenceContext {
  return context === "affirmed" || context === "history" || context === "resolved";
}
