/** Version, review date and source of the knowledge base, and the app's stated conventions. */
import type { Citation, KnowledgeInfo } from "./types";

export const SOURCE: Citation = {
  title: "Night leg cramps — Causes (Mayo Clinic)",
  date: "March 02, 2023",
  url: "https://www.mayoclinic.org/symptoms/night-leg-cramps/basics/causes/sym-20050813",
};

/**
 * The age the panel highlights as "older age". The source gives no cut-off (risk grows with age):
 * 65 is the app's convention, to be stated as such in the UI.
 */
export const OLDER_AGE_THRESHOLD = 65;

/**
 * A dialysis Procedure counts as current when it was performed within this many days: completed and
 * ended (or done) within them, or in progress and started within them. A Procedure left "in-progress"
 * for longer is a stale record, shown as past (the app's convention).
 */
export const DIALYSIS_RECENT_DAYS = 90;

/** A medicine's dose text (Evidence.dose) is clipped to this many characters. */
export const DOSE_TEXT_MAX = 120;

/** A pregnancy record counts as current only when it began within this many weeks (knowledge-source.md). */
export const PREGNANCY_CURRENT_WEEKS = 42;

/**
 * The knowledge base's version: the newest entry of the changelog (changelog.ts; a test holds the two
 * together). The changelog itself stays out of the app's bundle: only its version is shown.
 */
export const KNOWLEDGE_VERSION = "1.5.0";

export const KNOWLEDGE_INFO: KnowledgeInfo = {
  version: KNOWLEDGE_VERSION,
  reviewed: "2026-12-07",
  source: SOURCE,
  olderAgeThreshold: OLDER_AGE_THRESHOLD,
};
