import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LAB_REPORT_PATH, renderLabRulesMarkdown } from "../../../scripts/lab-rules-report";
import { HEMOGLOBIN_CUTOFFS, LAB_RULES, LAB_TEST_CODES } from "../../../src/knowledge";

describe("docs/lab-rules.md", () => {
  it("equals the output of scripts/lab-rules-report.ts (run npm run labs:report after changing the lab rules)", () => {
    expect(readFileSync(LAB_REPORT_PATH, "utf8")).toBe(renderLabRulesMarkdown());
  });

  it("names every rule, every LOINC code, every hemoglobin row and every source", () => {
    const text = renderLabRulesMarkdown();
    for (const r of LAB_RULES) {
      expect(text).toContain(`| ${r.id} |`);
      expect(text).toContain(r.citation.url);
    }
    for (const code of Object.values(LAB_TEST_CODES).flat()) expect(text).toMatch(new RegExp(`[ |,]${code.replace(".", "\\.")}[,| ]`));
    for (const row of HEMOGLOBIN_CUTOFFS) expect(text).toContain(`| ${row.who} |`);
  });
});
