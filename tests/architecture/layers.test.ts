/**
 * The layer rule of eslint.config.js really fails an upward import (so `npm test`, which lints, fails too):
 * knowledge <- engine <- fhir <- report <- ui <- app, with util below them all.
 */
import { ESLint } from "eslint";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: root });

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("layer rule", () => {
  it.each([
    ["src/knowledge/x.ts", 'import type { Finding } from "../engine/types";\nexport type X = Finding;\n'],
    ["src/knowledge/codes/x.ts", 'import type { SourceReport } from "../../fhir/types";\nexport type X = SourceReport;\n'],
    ["src/engine/x.ts", 'import type { SourceReport } from "../fhir/types";\nexport type X = SourceReport;\n'],
    ["src/fhir/x.ts", 'import type { PanelData } from "../ui/panelModel";\nexport type X = PanelData;\n'],
    ["src/ui/x.ts", 'import { App } from "../app/App";\nexport const X = App;\n'],
    ["src/util/x.ts", 'import { CAUSES } from "../knowledge";\nexport const X = CAUSES;\n'],
  ])("refuses an upward import in %s", async (file, code) => {
    expect(await restricted(file, code)).toEqual([expect.stringMatching(/higher layer/)]);
  });

  it.each([
    ["src/engine/x.ts", 'import { CAUSES } from "../knowledge";\nexport const X = CAUSES;\n'],
    ["src/ui/x.ts", 'import type { Finding } from "../engine/types";\nexport type X = Finding;\n'],
    ["src/app/x.ts", 'import { Panel } from "../ui/Panel";\nexport const X = Panel;\n'],
  ])("allows a downward import in %s", async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });

  it.each([
    ["src/engine/x.ts", 'import { readFileSync } from "node:fs";\nexport const X = readFileSync;\n'],
    ["src/knowledge/x.ts", 'import { useState } from "react";\nexport const X = useState;\n'],
    ["src/ui/x.ts", 'import FHIR from "fhirclient";\nexport const X = FHIR;\n'],
  ])("keeps forbidden packages out of %s", async (file, code) => {
    expect(await restricted(file, code)).toEqual([expect.stringMatching(/must not use this package/)]);
  });
});
