/** The check's report as a plain-text table (one block per patient) and as JSON. */
import type { CheckReport } from "./run";

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + " ".repeat(width - text.length);
}

export function reportTable(report: CheckReport): string {
  const lines = [`Checked against ${report.target}`];
  for (const check of report.checks) {
    lines.push("", `Patient ${check.patient}: ${check.error ? `NO PANEL (${check.error})` : `panel ${check.status}`}`);
    if (check.error) continue;
    const findings = check.findings ?? [];
    if (findings.length === 0) lines.push("  (no findings)");
    else {
      lines.push(`  ${pad("cause", 28)} ${pad("current", 8)} ${pad("strength", 17)} basis`);
      for (const f of findings) lines.push(`  ${pad(f.cause, 28)} ${pad(f.current, 8)} ${pad(f.strength, 17)} ${f.basis}`);
    }
    const sources = Object.entries(check.sources ?? {}).map(([type, status]) => `${type} ${status}`);
    if (sources.length > 0) lines.push(`  checked: ${sources.join(", ")}`);
  }
  return lines.join("\n");
}

export function reportJson(report: CheckReport): string {
  return JSON.stringify(report, null, 2);
}
