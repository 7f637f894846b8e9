/**
 * The strength scale: how strongly the source ties an item to night leg cramps, strongest first, in words
 * that rank the way they read ("possible link" must not sound weaker than what ranks below it).
 */
import type { Finding, Strength } from "../engine/types";
import { CAUSES, STRENGTH_RANK } from "../knowledge";
import { SOURCE_STATEMENTS } from "../knowledge/sourceStatements";

export interface StrengthLevel {
  strength: Strength;
  /** 4 (strongest) … 1 for causes and risk factors; 0 for restless legs syndrome, a different condition. Drives the visual scale. */
  level: number;
  /** Group heading. */
  heading: string;
  /** The strength in a few words, said on every finding. */
  words: string;
  /** What the source says (knowledge/sourceStatements.ts), for the legend behind a disclosure. */
  description: string;
}

export const STRENGTH_SCALE: readonly StrengthLevel[] = [
  {
    strength: "known-cause",
    level: 4,
    heading: "Known cause",
    words: "known cause",
    description: SOURCE_STATEMENTS.strength["known-cause"],
  },
  {
    strength: "raises-risk",
    level: 3,
    heading: "Raises the risk",
    words: "raises the risk",
    description: SOURCE_STATEMENTS.strength["raises-risk"],
  },
  {
    strength: "possible",
    level: 2,
    heading: "Possible link, not proven",
    words: "possible link",
    description: SOURCE_STATEMENTS.strength.possible,
  },
  {
    strength: "sometimes-linked",
    level: 1,
    heading: "Weaker: sometimes linked",
    words: "sometimes linked",
    description: SOURCE_STATEMENTS.strength["sometimes-linked"],
  },
  {
    strength: "differential",
    level: 0,
    heading: "Different condition: tell apart",
    // The RLS guide's first statement, with its citation (knowledge/rlsGuide.ts).
    words: "a different condition, often confused with cramps",
    description: SOURCE_STATEMENTS.strength.differential,
  },
];

const BY_STRENGTH = new Map(STRENGTH_SCALE.map((s) => [s.strength, s]));

export function strengthLevel(strength: Strength): StrengthLevel {
  return BY_STRENGTH.get(strength) ?? STRENGTH_SCALE[STRENGTH_SCALE.length - 1]!;
}

/** Rank for sorting: 0 = strongest (the knowledge base's one order, which STRENGTH_SCALE follows). */
export function strengthRank(strength: Strength): number {
  return STRENGTH_RANK[strength] ?? STRENGTH_SCALE.length;
}

/** True when the finding is stronger than its cause's own listing (escalated by its evidence). */
export function isRaised(f: Finding): boolean {
  const listed = CAUSES.find((c) => c.id === f.causeId)?.strength ?? f.strength;
  return strengthRank(f.strength) < strengthRank(listed);
}

/**
 * The finding's strength in words: "known cause", "sometimes linked", … and, when the finding was raised,
 * what the source names: "known cause: kidney failure".
 */
export function findingStrengthWords(f: Finding): string {
  const { words } = strengthLevel(f.strength);
  if (!isRaised(f)) return words;
  return `${words}: ${SOURCE_STATEMENTS.knownCauseAs[f.causeId] ?? "the stronger statement applies"}`;
}
