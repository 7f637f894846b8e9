/** The "Copy summary" text for a progress note. Pure: everything comes from the arguments. */
import type { PanelData } from "./panelModel";
import type { Evidence, Finding } from "../engine/types";
import { ageAt, formatAge, formatDate, formatDateTime, localDate, patientName, patientSex, plain, plural } from "./format";
import {
  DISCLAIMER,
  NOT_READ,
  codeLabel,
  evidenceBadge,
  evidenceDates,
  findingBadge,
  groupFindings,
  knowledgeLine,
  olderAgeNote,
  recordStatusLabel,
  sourceLabel,
  sourceStatusText,
  summaryLine,
  unreadSources,
  whereLabel,
} from "./labels";

function evidenceLine(e: Evidence, birthDate: string | undefined): string {
  const dates = evidenceDates(e).map(({ label, value }) => {
    const age = formatAge(ageAt(birthDate, value));
    return `${label.toLowerCase()} ${formatDate(value)}${age ? ` (age ${age})` : ""}`;
  });
  const status = recordStatusLabel(e);
  const parts = [
    `"${plain(e.text, 200)}"`,
    plain(codeLabel(e), 160),
    plain(whereLabel(e)),
    evidenceBadge(e.status) + (status ? ` (record: ${plain(status)})` : ""),
    ...dates,
  ].filter(Boolean);
  const more = e.duplicates?.length ? `; and ${plural(e.duplicates.length, "more record")} like this` : "";
  return `  - ${parts.join("; ")}${more}`;
}

function findingLines(f: Finding, data: PanelData): string[] {
  const lines = [`- ${plain(f.label, 120)}: ${findingBadge(f).text}`];
  if (f.causeId === "older-age") lines.push(`  ${olderAgeNote(data.knowledge.olderAgeThreshold)}`);
  for (const e of f.evidence) lines.push(evidenceLine(e, data.patient.birthDate));
  for (const note of f.notes ?? []) lines.push(`  Note: ${plain(note, 300)}`);
  return lines;
}

export function panelToPlainText(data: PanelData, now: Date): string {
  const { patient, result, knowledge } = data;
  const status = unreadSources(data.sources).length ? "partial" : "ready";
  const age = result.patient.age ?? ageAt(patient.birthDate, localDate(now))?.min;
  const patientRead = data.sources.find((s) => s.source === "Patient")?.status === "read";
  const lines = [
    "Night leg cramps: documented causes and risk factors in the record",
    ...(patientRead
      ? [
          `Patient: ${plain(patientName(patient), 120)}`,
          `Date of birth: ${patient.birthDate ? formatDate(patient.birthDate) : "not recorded"}` +
            (age !== undefined ? ` (age ${age}${result.patient.ageAt === "death" ? " at death" : ""})` : "") +
            `; sex: ${patientSex(patient)}`,
        ]
      : ["Patient: details could not be read from the EHR (name, date of birth, age and sex unknown here)."]),
  ];
  if (result.patient.deceased) {
    const date = result.patient.deceasedDate ?? patient.deceasedDateTime;
    lines.push(`Deceased${date ? ` ${formatDate(date)}` : ""}: nothing is shown as current.`);
  }
  lines.push(`Records read at ${formatDateTime(data.readAt)}.`, "", summaryLine(data, status));

  for (const group of groupFindings(result.findings)) {
    lines.push("", `${group.heading}:`);
    for (const f of group.findings) lines.push(...findingLines(f, data));
  }

  const unread = unreadSources(data.sources);
  lines.push("");
  if (unread.length) {
    lines.push("Could not be checked completely (no finding can be ruled out there):");
    for (const s of unread) lines.push(`- ${sourceLabel(s.source)}: ${plain(sourceStatusText(s), 240)}`);
  } else {
    lines.push(`Checked: ${data.sources.map((s) => sourceLabel(s.source)).join("; ")}.`);
  }
  lines.push(
    NOT_READ,
    "",
    `Source: ${plain(knowledge.source.title, 200)}, ${plain(knowledge.source.date, 60)}, ${plain(knowledge.source.url, 300)}`,
    knowledgeLine(knowledge),
    DISCLAIMER,
  );
  return lines.join("\n");
}
