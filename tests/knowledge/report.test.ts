import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderKnowledgeMarkdown, REPORT_PATH } from "../../scripts/knowledge-report";
import { CAUSES, CODE_RULES } from "../../src/knowledge";

describe("docs/knowledge.md", () => {
  it("equals the output of scripts/knowledge-report.ts (run it after changing src/knowledge)", () => {
    expect(readFileSync(REPORT_PATH, "utf8")).toBe(renderKnowledgeMarkdown());
  });

  it("names every cause and every rule", () => {
    const text = renderKnowledgeMarkdown();
    for (const c of CAUSES) expect(text).toContain(`| ${c.id} |`);
    for (const r of CODE_RULES) expect(text).toContain(`| ${r.id} |`);
  });
});
