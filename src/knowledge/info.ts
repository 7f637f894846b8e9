/** Version, review date and source of the knowledge base, and its changelog. */
import type { ChangelogEntry, Citation, KnowledgeInfo } from "./types";

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

export const CHANGELOG: ChangelogEntry[] = [
  {
    version: "1.1.0",
    date: "2026-11-26",
    changes: [
      "The restless legs / night leg cramps comparison moved into the knowledge base, each statement with its source; statements without one were dropped.",
    ],
  },
  {
    version: "1.0.0",
    date: "2026-11-26",
    changes: [
      "First complete knowledge base: all 28 cause ids of knowledge-source.md, with code rules (SNOMED CT, ICD-10-CM, ICD-9-CM, RxNorm, ATC, CPT), look-alikes and last-resort name rules.",
      "Codes taken from the terminology reference (night_leg_cramps_codes.csv) with one cited source per code list; weakly verified lists are marked.",
    ],
  },
];

export const KNOWLEDGE_VERSION = CHANGELOG[0]!.version;

export const KNOWLEDGE_INFO: KnowledgeInfo = {
  version: KNOWLEDGE_VERSION,
  reviewed: "2026-11-26",
  source: { title: SOURCE.title, date: SOURCE.date, url: SOURCE.url },
  olderAgeThreshold: OLDER_AGE_THRESHOLD,
};
