/**
 * Telling restless legs syndrome apart from night leg cramps: the statements the panel shows, in the
 * app's own words, each with the source it restates.
 */
import { SOURCE } from "./info";
import type { Citation } from "./types";

export interface GuideStatement {
  text: string;
  citation: Citation;
}

/** Mayo Clinic's night leg cramps page, opening paragraph (what a cramp is, where, what relieves it). */
const MAYO_SYMPTOM: Citation = {
  title: "Night leg cramps (Mayo Clinic)",
  date: "date not verified",
  url: "https://www.mayoclinic.org/symptoms/night-leg-cramps/basics/definition/sym-20050813",
};
// Dates of these two pages were not verified here (only their text, through a stored copy).

/** Mayo Clinic News Network, from the Mayo Clinic Health Letter (how long a cramp lasts). */
const MAYO_HEALTH_LETTER: Citation = {
  title: "Preventing a jolt in the night: self-care for night leg cramps (Mayo Clinic News Network)",
  date: "date not verified (a January issue of the Mayo Clinic Health Letter)",
  url: "https://newsnetwork.mayoclinic.org/discussion/preventing-a-jolt-in-the-night-self-care-for-night-leg-cramps",
};

export const RLS_GUIDE: { cramps: GuideStatement[]; rls: GuideStatement[] } = {
  cramps: [
    { text: "Leg muscles suddenly and painfully tighten, usually during sleep; most often the calf, sometimes the feet or thighs.", citation: MAYO_SYMPTOM },
    { text: "Lasts from a few seconds to about 15 minutes.", citation: MAYO_HEALTH_LETTER },
    { text: "Forcefully stretching the tight muscle relieves the pain.", citation: MAYO_SYMPTOM },
  ],
  rls: [
    { text: "An urge to move the legs, typically when falling asleep.", citation: SOURCE },
    { text: "Usually painless.", citation: SOURCE },
    { text: "Lasts longer than a cramp.", citation: SOURCE },
    { text: "Not a cause of night leg cramps, but often taken for them.", citation: SOURCE },
  ],
};
