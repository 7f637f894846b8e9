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
export { markdownSafe, stripBidi } from "./markdownSafe";

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
export { formatMonth, formatYear, daysBetween } from "./format";
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
export { groupByStrength, pastInBrief, shortNote } from "./note";
export { fullNote } from "./fullNote";
export { NOTE_MAX_CHARS, NOTE_MAX_LINES } from "./summaryNote";

// Reading aids (panel-contract "Reading aids"): the cramp anchor, worth reviewing, the panel's order, clinical words, the lab story.
export { legCrampAnchor, relativeToCramps, type CrampAnchor } from "./crampAnchor";
export { medicineWhen, NO_LABS_ON_FILE, noLabsOnFile, staleFacts, worthReviewing, type ReviewItem, type ReviewKind } from "./review";
export { findingRows, panelHomes, panelOrder, type FindingRow, type PanelOrder } from "./order";
export { clinicalName, clinicalTitle, hasTags, medicineWords, recordWords, stripTags } from "./clinicalWords";
export {
  causeLabTests,
  chartAxis,
  chartHomes,
  displayNumber,
  displayUnit,
  findingLabLines,
  latestResultLine,
  trendSentence,
  type FindingLabLine,
} from "./labStory";
export { retryLines } from "./checked";

// Lab results: one result as evidence, a test's chart words and text alternative, what was read and not interpreted.
export {
  citationWords,
  definitionLine,
  definitionSource,
  findingDefinitions,
  findingLabTests,
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
  type NotInterpretedGroup,
} from "./labs";
export { chartCaption, chartCutoffs, chartDescription, chartRows, chartTitle, findingSeries, type ChartRow } from "./chartWords";

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
