/** axe-core in Chromium for the browser tests: WCAG 2.0/2.1 A and AA rules only. */
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect } from "vitest";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** axe violations as "rule (impact): target, target" lines, so a failure says what and where. */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  console.log(
    `axe ${label}: ${results.violations.length} violations, ${results.passes.length} rules passed, ${results.incomplete.length} incomplete (${results.incomplete.map((r) => r.id).join(", ") || "none"})`,
  );
  // Guard against a run that checked nothing (e.g. axe not injected).
  expect(results.passes.length).toBeGreaterThan(0);
  return results.violations.map((v) => `${v.id} (${v.impact ?? "?"}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
