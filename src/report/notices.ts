/**
 * The EHR's notices (SourceReport.notices: what it withheld or said that is not a gap) as the lines the
 * panel shows once for the whole read: identical lines once, and Epic's "outside records" lines of every
 * kind of record merged into one that names each kind withheld.
 */
import { outsideRecordsKinds, outsideRecordsNotice } from "../fhir/outcomes";
import type { SourceReport } from "../fhir/types";

export function noticeLines(sources: readonly SourceReport[]): string[] {
  const lines: string[] = [];
  const outside: string[] = [];
  let outsideAt = -1;
  for (const line of sources.flatMap((s) => s.notices ?? [])) {
    const kinds = outsideRecordsKinds(line);
    if (kinds) {
      if (outsideAt < 0) outsideAt = lines.push("") - 1;
      outside.push(...kinds);
    } else if (!lines.includes(line)) {
      lines.push(line);
    }
  }
  if (outsideAt >= 0) lines[outsideAt] = outsideRecordsNotice(outside);
  return lines;
}
