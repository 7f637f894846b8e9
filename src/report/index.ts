/**
 * The report layer: every word the app says about a read of a patient's record, as pure functions of a
 * narrow Report (findings, sources, time read, knowledge info, patient facts). No React, no I/O, no clock
 * of its own (`now` is always an argument). The panel (src/ui), the copied notes, print and the CDS Hooks
 * card all word findings through it. Guide: docs/report.md.
 */
export type { Basis, Completeness, Report, ReportEvidence, ReportInput, ReportPatient } from "./types";
export { buildReport } from "./build";

// Reading order, distinct facts, basis.
export {
  activeFacts,
  causeFindings,
  distinctFacts,
  evidenceHomes,
  factText,
  findingBasis,
  findingFacts,
  findingLineFacts,
  notesOnce,
  readingOrder,
  shownUnder,
  type Fact,
  type FactKind,
  type ReadingOrder,
} from "./facts";

// Record text in markdown (CDS cards): entity-encoded, bidi controls removed, links defanged.
export { BIDI_CONTROLS, markdownSafe, stripBidi } from "./markdownSafe";

// The strength scale.
export { findingStrengthWords, isRaised, STRENGTH_SCALE, strengthLevel, strengthRank, type StrengthLevel } from "./strength";

// One record in words.
export {
  codeLabel,
  dateAside,
  evidenceDates,
  evidenceLine,
  evidenceStatusWords,
  evidenceWhat,
  findingBadge,
  findingNeedsConfirmation,
  keyDates,
  needsConfirmation,
  recordStatusLabel,
  technicalLine,
  whenText,
  whereLabel,
  type FindingBadge,
  type LabelledDate,
} from "./evidence";

// Completeness, gaps and the summary line.
export { completeness, deceasedLine, findingInBrief, gapLines, NO_CONDITIONS, reportGaps, summaryLine, type Gaps } from "./summary";
// What the EHR withheld or said that is not a gap, and what the record says that was not taken at face value.
export { noticeLines } from "./notices";
export { dataQualityLines } from "./dataQuality";

// Fixed words.
export {
  CONFIRM_LABEL,
  CONFIRM_LINE,
  conventionLines,
  JUDGEMENT_STATEMENT,
  knowledgeLine,
  NO_KNOWN_CAUSE,
  notReadLine,
  REPORTED_LABEL,
  sourceCitation,
  sourceLabel,
  sourceShortLabel,
  sourceStatusText,
  sourceStatusWords,
  STATUS_NOT_RECORDED,
  TITLE,
} from "./labels";

// Copied text.
export { fullNote, groupByStrength, pastInBrief, shortNote } from "./note";

// Lab results: one result as evidence, a test's chart words and text alternative, what was read and not interpreted.
export {
  chartCaption,
  chartCutoffs,
  chartDescription,
  chartRows,
  chartTitle,
  chartValueText,
  citationWords,
  definitionLine,
  definitionSource,
  findingDefinitions,
  findingLabTests,
  findingSeries,
  hasLab,
  LAB_BASIS,
  LAB_BASIS_SENTENCE,
  labCountsLine,
  labCutoffWords,
  labDateLabel,
  labEvidenceLine,
  labInBrief,
  leadLab,
  labStatusWords,
  labsWereRead,
  labValueWords,
  labWhen,
  notInterpretedGroups,
  type ChartRow,
  type NotInterpretedGroup,
} from "./labs";

// Short channels (CDS Hooks card).
export { currentFindingsSummary, findingAttributes, findingEvidenceLine, pastFindingsLine, shortLabel, type FindingAttributes } from "./card";

// The ordering cards (order-select, order-sign) and the leg-cramp record line.
export {
  draftOrderLinks,
  legCrampLine,
  legCrampsLine,
  linkWords,
  oneOfCause,
  orderCardSummary,
  orderLinksLine,
  type DraftOrderLinks,
} from "./orderCard";

// The patient-view card's rules: a card only when something is current, its indicator, its override reasons.
export {
  cardIndicatorFor,
  crampAnchor,
  currentCauses,
  lineLabel,
  medicineStart,
  NEW_MEDICINE_DAYS,
  newAndModifiable,
  newMedicineWords,
  OVERRIDE_REASON_SYSTEM,
  OVERRIDE_REASONS,
  pastInOneLine,
} from "./cardRules";

// Formatting helpers.
export {
  ageAt,
  clip,
  formatAge,
  formatDate,
  formatDateTime,
  formatElapsed,
  formatRecency,
  isOlderThan,
  localDate,
  MAX_TEXT,
  patientAge,
  patientName,
  patientSex,
  plain,
  plural,
} from "./format";
