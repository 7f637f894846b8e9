/**
 * The ordering card's text (docs/spec/cds-hooks.md, "Ordering hooks"): every phrase from src/report
 * (orderCard.ts), made safe for markdown here with the patient-view card's own helper (escapeMarkdown, which is
 * src/report's markdownSafe), so one escaping covers both cards: every record-derived string — the draft
 * order's medicine name in the summary and the detail, the leg-cramp record — is entity-encoded, stripped of
 * bidi controls, defanged and escaped (tests/browser/cardMarkdown.test.ts renders both cards). No I/O.
 */
import type { LegCrampRecord } from "../src/engine/legCramps";
import type { Finding } from "../src/engine/types";
import type { Citation } from "../src/knowledge";
import { draftOrderLinks, JUDGEMENT_STATEMENT, legCrampsLine, orderCardSummary as summaryWords, orderLinksLine } from "../src/report";
import { escapeMarkdown, oneLine, SUMMARY_MAX, type CardFinding } from "./card";

export interface OrderCardInput {
  /** The engine's medicine findings for the judged draft orders. */
  findings: readonly Finding[];
  /** The Conditions that document leg cramps. */
  legCramps: readonly LegCrampRecord[];
  source: Citation;
}

/** At most this many draft orders are listed (a signing basket can hold many). */
const MAX_ORDERS = 5;

/** "Furosemide 40 MG Oral Tablet is a diuretic: possibly linked to night leg cramps (documented for this patient)". */
export function orderCardSummary(findings: readonly Finding[]): string {
  // The medicine's name is record text: the summary follows the detail's escaping (docs/spec/cds-hooks.md).
  return oneLine(summaryWords(findings, SUMMARY_MAX, escapeMarkdown), SUMMARY_MAX);
}

/** Each medicine ordered with its documented links and strength, the leg-cramp record, the source and the judgement statement. */
export function orderCardDetail(input: OrderCardInput): string {
  const orders = draftOrderLinks(input.findings);
  const lines = orders.slice(0, MAX_ORDERS).map((o) => `- **${escapeMarkdown(o.name, 80)}**: ${escapeMarkdown(orderLinksLine(o), 200)}`);
  if (orders.length > MAX_ORDERS) lines.push(`- ${escapeMarkdown(`and ${orders.length - MAX_ORDERS} more`, 40)}`);
  const s = input.source;
  return [
    ...lines,
    "",
    escapeMarkdown(legCrampsLine(input.legCramps), 300),
    "",
    `Source: ${escapeMarkdown(`${s.title}, ${s.date}`, 160)}. ${escapeMarkdown(JUDGEMENT_STATEMENT, 400)}`,
  ].join("\n");
}

/** One item per linked cause: `current: true`, `basis: "draft-order"`, evidence = the draft MedicationRequests. */
export function orderCardFindings(findings: readonly Finding[]): CardFinding[] {
  return findings.map((f) => ({ id: f.causeId, current: true, strength: f.strength, basis: "draft-order", evidence: f.evidence.map((e) => e.ref) }));
}
