/**
 * The note a physician pastes unedited ("Copy summary", and the text of data-note="summary"):
 * at most 3 short lines and 600 characters, with the patient's own numbers (age, dose, results), no codes,
 * ids, UCUM braces or terminology tags, and restless legs syndrome never among the causes. Worked example
 * (issue 23): "Night leg cramps (on the problem list since Sep 2026). Record checked 7 Dec 2026 against the
 * Mayo Clinic list of causes (2023): known cause: PAD (since 2019); raises the risk: age 80; possible link:
 * furosemide 40 mg daily, started Aug 2026 (about 6 weeks before the cramps); sometimes linked: hypertension."
 */
import type { Finding } from "../engine/types";
import type { KnowledgeInfo } from "../knowledge";
import { clinicalName, isMedicine, recordWords } from "./clinicalWords";
import { legCrampAnchor, type CrampAnchor } from "./crampAnchor";
import { findingNeedsConfirmation, needsConfirmation } from "./evidence";
import { causeFindings, findingFacts, staleFacts } from "./facts";
import { clip, formatDate, formatYear, localDate, patientAge, plain } from "./format";
import { NO_KNOWN_CAUSE, sourceShortLabel, sourceStatusWords } from "./labels";
import { findingLabLines } from "./labStory";
import { panelHomes, panelOrder, findingRows } from "./order";
import { medicineWhen, NO_LABS_ON_FILE, noLabsOnFile } from "./review";
import { staleWords } from "./staleWords";
import { STRENGTH_SCALE, isRaised, strengthLevel } from "./strength";
import { SOURCE_STATEMENTS } from "../knowledge/sourceStatements";
import { completeness, reportGaps } from "./summary";
import type { Report } from "./types";

export const NOTE_MAX_LINES = 3;
export const NOTE_MAX_CHARS = 600;

/** "the Mayo Clinic list of causes (2023)": the source by its publisher and year, else its title and date. */
function sourceInBrief(k: KnowledgeInfo): string {
  const publisher = /\(([^()]{2,40})\)\s*$/.exec(k.source.title)?.[1];
  const year = /\b(1[89]|20)\d{2}\b/.exec(k.source.date)?.[0];
  return publisher && year ? `the ${plain(publisher, 40)} list of causes (${year})` : `${plain(k.source.title, 80)} (${plain(k.source.date, 30)})`;
}

/** How much each finding says: 2 = dates, relations and results; 1 = dates; 0 = names only. */
type Detail = 0 | 1 | 2;

/** A finding in the note: "PAD (since 2019)", "age 80", "furosemide 40 mg every morning, started Aug 2026 (about 6 weeks before the cramps)". */
function findingWords(f: Finding, report: Report, anchor: CrampAnchor | undefined, now: Date, detail: Detail): string {
  if (f.causeId === "older-age") {
    const age = patientAge(report.patient, now);
    return age ? `age ${age}` : "older age";
  }
  const raised = isRaised(f) ? (SOURCE_STATEMENTS.knownCauseAs[f.causeId] ?? "") : "";
  const name = clinicalName(f);
  const facts = findingFacts(f).current.filter((x) => x.kind !== "lab" && !needsConfirmation(x.evidence, now, f.causeId));
  if (f.kind === "medicine") {
    const meds = facts.filter((x) => isMedicine(x.evidence));
    if (meds.length === 0) return name;
    return meds
      .map((m) => {
        const what = recordWords(m.evidence, detail === 2 ? 80 : 50);
        if (detail === 0) return what;
        const when = medicineWhen(m.evidence, detail === 2 ? anchor : undefined);
        return detail === 2 ? `${what}, ${when.replace(/, (.*)$/, " ($1)")}` : `${what}, ${when}`;
      })
      .join(", ");
  }
  const labs = detail === 2 ? findingLabLines(f, report.labs, report.sources).filter((l) => l.points > 0) : [];
  const results = labs.map((l) => (f.basis === "lab" && l.trend ? l.trend.replace(/ \(\d+ results\)$/, "") : shortLatest(l.latest))).filter(Boolean);
  const first = facts[0]?.evidence;
  const year = detail > 0 && first ? formatYear(first.dates.onset ?? first.dates.recorded ?? first.dates.performed) : "";
  const asides = [raised, year ? `since ${year}` : "", ...results, f.basis === "lab" ? "lab results only, not a recorded diagnosis" : ""].filter(Boolean);
  return asides.length > 0 ? `${name} (${asides.join("; ")})` : name;
}

/** "Latest hemoglobin 13.5 g/dL, 3 Mar 2026: does not meet…" → "hemoglobin 13.5 g/dL on 3 Mar 2026". */
function shortLatest(latest: string): string {
  const m = /^Latest (.+?), (\d{1,2} \w{3} \d{4}|\w{3} \d{4}|\d{4})(?::|$)/.exec(latest);
  return m ? `${m[1]} on ${m[2]}` : "";
}

/** A finding that is not current in brief: "hypothyroidism (ended 2018)", "PAD (recorded 2019)". */
function notCurrentWords(f: Finding, detail: Detail): string {
  const e = f.evidence[0];
  if (detail === 0 || !e) return clinicalName(f);
  const end = e.dates.abatement ?? e.dates.end;
  const when = end
    ? `ended ${formatYear(end)}`
    : e.dates.onset
      ? `onset ${formatYear(e.dates.onset)}`
      : (e.dates.recorded ?? e.dates.authored ?? e.dates.effective ?? e.dates.performed)
        ? `recorded ${formatYear(e.dates.recorded ?? e.dates.authored ?? e.dates.effective ?? e.dates.performed)}`
        : "";
  return when ? `${clinicalName(f)} (${when})` : clinicalName(f);
}

/** A list cut to `cap` items, the rest counted: "a, b and 2 more". */
function capped(items: string[], cap: number): string {
  if (items.length <= cap) return items.join(", ");
  return `${items.slice(0, cap).join(", ")} and ${items.length - cap} more`;
}

/**
 * The note's lines at a given level of detail: `detail` for the current findings (line 1), `checkDetail`
 * for what is to check or not current (line 2), each list cut to `cap` items.
 */
function compose(report: Report, now: Date, detail: Detail, cap: number, checkDetail: Detail = detail): string[] {
  const anchor = legCrampAnchor(report);
  const order = panelOrder(report);
  const homes = panelHomes(order);
  const head = anchor ? `Night leg cramps (${anchor.words.replace(/^Leg cramps /, "")})` : "Night leg cramps";
  const checked = `Record checked ${formatDate(localDate(report.readAt))} against ${sourceInBrief(report.knowledge)}`;
  const lines: string[] = [];

  if (report.patient.deceased) {
    const date = report.patient.deceasedDate ? ` (${formatDate(report.patient.deceasedDate)})` : "";
    lines.push(`${head}. The patient is recorded as deceased${date}: nothing is current.`);
    const past = causeFindings(order.past).map((f) => notCurrentWords(f, checkDetail));
    lines.push(past.length > 0 ? `In the record: ${capped(past, cap)}.` : "");
  } else {
    // Current causes, one entry per row (a lesser finding folded into a stronger one is said with it), strongest first.
    const rows = findingRows(causeFindings(order.current), homes).filter((r) => !findingNeedsConfirmation(r.finding, now));
    const groups = STRENGTH_SCALE.map((s) => ({ words: s.words, rows: rows.filter((r) => r.finding.strength === s.strength) })).filter((g) => g.rows.length > 0);
    const said = groups.map((g) => `${g.words}: ${capped(g.rows.map((r) => findingWords(r.finding, report, anchor, now, detail) + (detail > 0 && r.folded.length > 0 ? ` (also ${r.folded.map((x) => clinicalName(x)).join(", ")})` : "")), cap)}`);
    const stale = staleFacts(report, now);
    const none =
      causeFindings(report.findings).length === 0
        ? completeness(report) === "ready"
          ? "no documented cause found"
          : "nothing found in the records that could be read"
        : stale.length > 0
          ? "no current cause other than old entries to confirm"
          : "nothing linked to them is current";
    lines.push(`${head}. ${checked}: ${said.length > 0 ? said.join("; ") : none}.`);

    const check: string[] = [];
    const unrecorded = causeFindings(order.unrecorded).map((f) => notCurrentWords(f, checkDetail));
    if (unrecorded.length > 0) check.push(`Status not recorded, check: ${capped(unrecorded, cap)}.`);
    const staleEntries = stale.map((x) => staleWords(x.evidence, 50, checkDetail > 0));
    if (staleEntries.length > 0) check.push(`Still marked active, not updated for years: ${capped(staleEntries, cap)}.`);
    const past = causeFindings(order.past).map((f) => notCurrentWords(f, checkDetail));
    if (past.length > 0) check.push(`Not current: ${capped(past, cap)}.`);
    if (report.findings.some((f) => f.causeId === "restless-legs-syndrome" && f.current)) {
      check.push(`Restless legs syndrome is recorded: ${strengthLevel("differential").words}.`);
    }
    if (noLabsOnFile(report)) check.push(NO_LABS_ON_FILE);
    lines.push(check.join(" "));
  }

  const gaps = reportGaps(report);
  const gapWords: string[] = [];
  if (gaps.unread.length > 0) gapWords.push(`Not checked completely: ${gaps.unread.map((s) => `${sourceShortLabel(s.source)} (${sourceStatusWords(s)})`).join("; ")}.`);
  if (gaps.noConditions) gapWords.push("No conditions at all were returned: check the problem list in the chart.");
  const first = gaps.warnings[0];
  if (first && checkDetail === 2) gapWords.push(`Warning from the EHR (${sourceShortLabel(first.source)}): ${clip(plain(first.text, 200), 120)}${gaps.warnings.length > 1 ? ` (and ${gaps.warnings.length - 1} more)` : ""}`.replace(/([^.])$/, "$1."));
  else if (first) gapWords.push(`The EHR sent ${gaps.warnings.length === 1 ? "a warning" : `${gaps.warnings.length} warnings`} (see the panel).`);
  lines.push(`${gapWords.length > 0 ? `${gapWords.join(" ")} ` : ""}${NO_KNOWN_CAUSE} Associations, not a diagnosis.`);
  return lines.filter((l) => l.trim().length > 0);
}

/**
 * The short note: at most NOTE_MAX_LINES lines and NOTE_MAX_CHARS characters. It says less (dates, then
 * list lengths) until it fits; a line that still does not fit is cut with an ellipsis.
 */
export function shortNote(report: Report, now: Date): string {
  // What is current, with its dates and the patient's numbers, is the last thing to go.
  const tries: [Detail, number, Detail][] = [
    [2, 99, 2],
    [2, 99, 1],
    [2, 99, 0],
    [2, 4, 0],
    [2, 3, 0],
    [1, 3, 0],
    [1, 2, 0],
    [0, 2, 0],
    [0, 1, 0],
  ];
  let lines: string[] = [];
  for (const [detail, cap, checkDetail] of tries) {
    lines = compose(report, now, detail, cap, checkDetail).map((l) => plain(l, NOTE_MAX_CHARS));
    if (lines.join("\n").length <= NOTE_MAX_CHARS) return lines.join("\n");
  }
  // Still too long (a very long record name): share the room, the first line first.
  const room = NOTE_MAX_CHARS - (lines.length - 1);
  const out: string[] = [];
  let left = room;
  lines.forEach((l, i) => {
    const share = i === lines.length - 1 ? left : Math.max(40, Math.min(l.length, left - 120 * (lines.length - 1 - i)));
    const cut = clip(l, Math.max(1, share - 1));
    out.push(cut);
    left -= cut.length;
  });
  return out.join("\n").slice(0, NOTE_MAX_CHARS);
}
