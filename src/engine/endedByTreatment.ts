/**
 * Whether a record's own text says a treatment that ends the matched condition was done ("ESRD s/p kidney
 * transplant"): the rules are knowledge (src/knowledge/endingTreatments.ts), applied here.
 */
import { ENDING_TREATMENTS, type EndingTreatment } from "../knowledge/endingTreatments";
import type { CauseId } from "./types";

const COMPILED: readonly { treatment: EndingTreatment; done: RegExp; veto: RegExp }[] = ENDING_TREATMENTS.map((treatment) => ({
  treatment,
  done: new RegExp(`(?<![\\w])(?:${treatment.done.join("|")})(?![\\w])`, "i"),
  veto: new RegExp(`(?<![\\w])(?:${treatment.veto.join("|")})(?![\\w])`, "i"),
}));

const ENDED_CAUSES: ReadonlySet<CauseId> = new Set(ENDING_TREATMENTS.flatMap((t) => t.causes));

/** Whether any treatment can end evidence of this cause (most causes: no, and no text need be read). */
export function mayBeEndedByTreatment(cause: CauseId): boolean {
  return ENDED_CAUSES.has(cause);
}

/** The treatments a text says were done; memoised per text (pure: depends only on the text and static rules). */
const CACHE = new Map<string, readonly EndingTreatment[]>();
const CACHE_LIMIT = 20_000;
const NONE: readonly EndingTreatment[] = [];

function doneIn(text: string): readonly EndingTreatment[] {
  const cached = CACHE.get(text);
  if (cached !== undefined) return cached;
  const found = COMPILED.filter((c) => c.done.test(text) && !c.veto.test(text)).map((c) => c.treatment);
  const result = found.length > 0 ? found : NONE;
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
  CACHE.set(text, result);
  return result;
}

/**
 * The note of a treatment that ends this evidence, when the record's text says it was done and the
 * evidence is what it ends (for causes it ends only as kidney failure, evidence that escalates); else undefined.
 */
export function endedByTreatment(text: string | undefined, cause: CauseId, escalates: boolean): string | undefined {
  if (!text) return undefined;
  for (const t of doneIn(text)) {
    if (!t.causes.includes(cause)) continue;
    if (t.escalatingOnly.includes(cause) && !escalates) continue;
    return t.note;
  }
  return undefined;
}
