/**
 * What the clinical source says of night leg cramps as a whole, in the app's own words: its first point,
 * what each strength means, and what it names as the known cause where a finding is raised by "the
 * stronger statement applies". Restated from docs/spec/knowledge-source.md ("How strongly each kind of
 * item is tied to night leg cramps" and the table of ids); the report words findings with them.
 */
import { SOURCE } from "./info";
import type { CauseId, Citation, Strength } from "./types";

export const SOURCE_STATEMENTS: {
  citation: Citation;
  /** The source's first point: usually no cause is found. */
  noKnownCause: string;
  /** What each strength means, as the source puts it (the legend of the strength scale). */
  strength: Readonly<Record<Strength, string>>;
  /** What the source names as the known cause, for a cause raised to it (chronic kidney disease and dialysis: kidney failure). */
  knownCauseAs: Readonly<Partial<Record<CauseId, string>>>;
} = {
  citation: SOURCE,
  noKnownCause: "Most night leg cramps have no known cause.",
  strength: {
    "known-cause": "The source names it as a cause of night leg cramps. People who have it usually know, and have other symptoms too.",
    "raises-risk": "The source says it makes night leg cramps more likely.",
    possible: "Named by the source as possibly linked; a direct link is not known.",
    "sometimes-linked": "On the source's list of other health issues sometimes linked to night leg cramps.",
    differential: "A different condition that is sometimes confused with night leg cramps.",
  },
  knownCauseAs: {
    "chronic-kidney-disease": "kidney failure",
    dialysis: "kidney failure",
  },
};
