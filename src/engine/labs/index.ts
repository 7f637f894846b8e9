/** Lab results as evidence (docs/spec/lab-results.md): see interpret.ts for the entry point and its wiring. */
export { interpretLabs } from "./interpret";
export { labEvidenceItems, type LabFindingEvidence } from "./toEvidence";
export type * from "./types";
