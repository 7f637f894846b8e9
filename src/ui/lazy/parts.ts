/** The lazily loaded parts of the panel, in one chunk (src/ui/LazyParts.tsx loads it after the first screen). */
export { default as FindingLabs } from "./FindingLabs";
export { default as TechnicalDetails } from "./TechnicalDetails";
export { default as RlsGuideBody } from "./RlsGuideBody";
export { fullNote } from "../../report/fullNote";
