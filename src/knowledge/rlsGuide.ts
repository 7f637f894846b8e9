/**
 * Telling restless legs syndrome apart from night leg cramps: the statements the panel shows, in the
 * app's own words, each with the page it restates. Every page below was read (a stored copy found with
 * the project's search tool, 2026-11); statements whose page could not be shown were dropped.
 */
import { SOURCE } from "./info";
import type { Citation } from "./types";

export interface GuideStatement {
  text: string;
  citation: Citation;
}

/** Mayo Clinic News Network, from the January Mayo Clinic Health Letter: how a cramp feels, where, how long. */
const MAYO_HEALTH_LETTER: Citation = {
  title: "Preventing a jolt in the night: self-care for night leg cramps (Mayo Clinic News Network)",
  date: "date not shown in the stored copy (a January issue of the Mayo Clinic Health Letter)",
  url: "https://newsnetwork.mayoclinic.org/discussion/preventing-a-jolt-in-the-night-self-care-for-night-leg-cramps",
};

/** Mayo Clinic's night leg cramps page, "When to see a doctor" (self-care that may relieve a cramp). */
const MAYO_WHEN_TO_SEE: Citation = {
  title: "Night leg cramps — When to see a doctor (Mayo Clinic)",
  date: "date not shown in the stored copy",
  url: "https://www.mayoclinic.org/symptoms/night-leg-cramps/basics/when-to-see-doctor/sym-20050813",
};

/** Mayo Clinic's restless legs syndrome page, "Symptoms and causes". */
const MAYO_RLS: Citation = {
  title: "Restless legs syndrome — Symptoms and causes (Mayo Clinic)",
  date: "date not shown in the stored copy",
  url: "https://www.mayoclinic.org/diseases-conditions/restless-legs-syndrome/symptoms-causes/syc-20377168",
};

export const RLS_GUIDE: { cramps: GuideStatement[]; rls: GuideStatement[] } = {
  cramps: [
    { text: "A sudden, painful tightening that wakes the person, most often in the calf; the feet or thighs can be affected too.", citation: MAYO_HEALTH_LETTER },
    { text: "Lasts from a few seconds to 15 minutes or more.", citation: MAYO_HEALTH_LETTER },
    { text: "Flexing the foot up toward the head, massaging the muscle, or walking or jiggling the leg may relieve it.", citation: MAYO_WHEN_TO_SEE },
  ],
  rls: [
    { text: "An urge to move the legs, typically when falling asleep.", citation: SOURCE },
    { text: "Usually painless.", citation: SOURCE },
    { text: "Lasts longer than a cramp.", citation: SOURCE },
    { text: "Happens in the evening or at night while sitting or lying down; moving eases it for a while.", citation: MAYO_RLS },
    { text: "People describe it as an urge to move rather than as a cramp.", citation: MAYO_RLS },
    { text: "A different condition from night leg cramps, though the two are often confused.", citation: SOURCE },
  ],
};
