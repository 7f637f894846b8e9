/**
 * "Worth reviewing" (docs/spec/panel-contract.md, "Reading aids"): what a clinician may act on, first,
 * without treatment advice — the current medicines the source links, with their start date against the
 * cramps; findings suggested by lab results that are not recorded as a diagnosis; active entries not
 * updated for years (one line); none of the five lab tests on file.
 */
import type { Evidence, Finding } from "../engine/types";
import { clinicalName, isMedicine, recordWords } from "./clinicalWords";
import { legCrampAnchor, relativeToCramps, type CrampAnchor } from "./crampAnchor";
import { needsConfirmation } from "./evidence";
import { causeFindings, distinctFacts, readingOrder, staleFacts, type Fact } from "./facts";
import { formatMonth, plural } from "./format";
import { findingLabLines } from "./labStory";
import { staleWords } from "./staleWords";
import { medicineStartDate } from "./medicineStart";
import { isRaised, strengthLevel } from "./strength";
import { SOURCE_STATEMENTS } from "../knowledge/sourceStatements";
import type { Report } from "./types";

export type ReviewKind = "medicine" | "lab-signal" | "reconcile" | "not-on-file";

export interface ReviewItem {
  kind: ReviewKind;
  text: string;
  /** The record the item is about, when it is one ("MedicationRequest/…"). */
  ref?: string;
}

/** Medicines listed one by one; more are counted ("and 2 more linked medicines, below"). */
const REVIEW_MEDICINES = 3;

/** When a medicine began, as the record dates it: the order (one order) or the statement's start. */
function medicineStart(e: Evidence): { label: string; date: string } | undefined {
  const folded = (e.duplicates?.length ?? 0) > 0;
  const date = medicineStartDate(e);
  if (!date) return undefined;
  return { label: folded ? "last ordered" : e.resourceType === "MedicationStatement" ? "taken since" : "started", date };
}

/**
 * "started Aug 2026, about 6 weeks before the cramps": when a medicine began and, where it helps, how that
 * stands against the cramp record. A folded order's date is the last one: it is set against the cramps only
 * when it is before them (the earlier orders are too).
 */
export function medicineWhen(e: Evidence, anchor: Pick<CrampAnchor, "since"> | undefined): string {
  const start = medicineStart(e);
  if (!start) return "no start date recorded";
  const rel = relativeToCramps(start.date, anchor);
  const usable = rel && (start.label !== "last ordered" || rel.endsWith("before the cramps"));
  return `${start.label} ${formatMonth(start.date)}${usable ? `, ${rel}` : ""}`;
}

/** The entries to confirm (facts.ts staleFacts: the one rule the summary line counts by). */
export { staleFacts };

/** The causes a fact supports, in a few words: "diuretic: possible link". */
function linkWords(fact: Fact, findings: readonly Finding[]): string {
  const byId = new Map(findings.map((f) => [f.causeId, f]));
  return fact.causes
    .map((c) => byId.get(c))
    .filter((f): f is Finding => !!f)
    .map((f) => `${clinicalName(f)}: ${strengthLevel(f.strength).words}`)
    .join("; ");
}

/** None of the five tests among the lab results, read completely (never claimed for results that could not be read). */
export function noLabsOnFile(report: Pick<Report, "sources" | "labs">): boolean {
  const obs = report.sources.find((s) => s.source === "Observation");
  if (!obs || obs.status !== "read") return false;
  return report.labs ? report.labs.counts.labResults === 0 : obs.count === 0;
}

export const NO_LABS_ON_FILE = "No eGFR, hemoglobin, HbA1c, glucose or TSH on file.";

/** `anchor`: the cramp anchor when the caller has it already (the panel); else read from the report. */
export function worthReviewing(report: Report, now: Date, anchor: CrampAnchor | undefined = legCrampAnchor(report)): ReviewItem[] {
  if (report.patient.deceased) return [];
  const { current } = readingOrder(report);
  const items: ReviewItem[] = [];

  const medicines = distinctFacts(
    causeFindings(current).filter((f) => f.kind === "medicine"),
    (e, f) => e.current && isMedicine(e) && !needsConfirmation(e, now, f.causeId),
  );
  for (const fact of medicines.slice(0, REVIEW_MEDICINES)) {
    items.push({
      kind: "medicine",
      ref: fact.evidence.ref,
      text: `${recordWords(fact.evidence, 120)} (${linkWords(fact, current)}), ${medicineWhen(fact.evidence, anchor)}.`,
    });
  }
  if (medicines.length > REVIEW_MEDICINES) {
    items.push({ kind: "medicine", text: `And ${plural(medicines.length - REVIEW_MEDICINES, "more linked medicine")}, below.` });
  }

  for (const f of causeFindings(current).filter((x) => x.basis === "lab")) {
    const line = findingLabLines(f, report.labs, report.sources).find((l) => l.points > 0);
    // The trend without its count (the row below gives it), else the latest result.
    const what = line ? line.trend.replace(/ \(\d+ results?\)$/, "") || line.latest : "";
    const raised = isRaised(f) ? ` (${SOURCE_STATEMENTS.knownCauseAs[f.causeId] ?? strengthLevel(f.strength).words})` : "";
    items.push({ kind: "lab-signal", text: `${what ? `${what}: ` : ""}${clinicalName(f)}${raised} in the results, not recorded as a diagnosis.` });
  }

  const stale = staleFacts(report, now);
  if (stale.length > 0) {
    const shown = stale.slice(0, 4).map((fact) => staleWords(fact.evidence));
    const more = stale.length - shown.length;
    items.push({
      kind: "reconcile",
      text: `${plural(stale.length, "entry", "entries")} still marked active with no activity for years: ${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""}. Confirm ${stale.length === 1 ? "it is" : "they are"} current.`,
    });
  }

  if (noLabsOnFile(report)) items.push({ kind: "not-on-file", text: NO_LABS_ON_FILE });
  return items;
}
