/** What the generated Markdown reports (knowledge-report.ts, lab-rules-report.ts) share: cell escaping and writing the file. */
import { readFileSync, writeFileSync } from "node:fs";

/** Text safe inside a Markdown table cell: pipes escaped, line breaks flattened. */
export const esc = (s: string): string => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** Writes a report and says whether its text changed. */
export function writeReport(path: string, text: string): void {
  let previous = "";
  try {
    previous = readFileSync(path, "utf8");
  } catch {
    previous = "";
  }
  writeFileSync(path, text);
  console.log(`${previous === text ? "Unchanged" : "Wrote"} ${path} (${text.length} characters)`);
}
