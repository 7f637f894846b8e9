import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CORPUS_REPORT_PATH } from "../../scripts/knowledge-report";
import { CORPUS } from "./corpus";
import { renderCorpusMarkdown } from "./render";

describe("docs/clinical-corpus.md", () => {
  it("equals the rendering of tests/clinical/corpus.ts (run npm run knowledge:report after changing the corpus)", () => {
    expect(readFileSync(CORPUS_REPORT_PATH, "utf8")).toBe(renderCorpusMarkdown());
  });

  it("lists every case with its reason", () => {
    const text = renderCorpusMarkdown();
    for (const c of CORPUS) {
      expect(text).toContain(`| ${c.id} |`);
      expect(text).toContain(c.reason.replace(/\|/g, "\\|"));
    }
  });
});
