/**
 * The README's architecture table, "Where to add…" and scripts name real files and real commands: a file
 * moved or a script renamed fails here rather than leaving a newcomer with a map of code that is gone.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const README = readFileSync(resolve(ROOT, "README.md"), "utf8");
const SCRIPTS = Object.keys((JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts);

/** Paths written in backticks that start with a top-level folder of the repository. */
function namedPaths(text: string): string[] {
  const paths = new Set<string>();
  for (const [, p] of text.matchAll(/`((?:src|cds|server|mocks|scripts|bench|tests|docs|public)\/[^`\s]*)`/g)) paths.add(p!.replace(/[/]$/, ""));
  for (const [, p] of text.matchAll(/\]\(((?:docs|mocks|src)\/[^)#\s]+)\)/g)) paths.add(p!);
  return [...paths];
}

/** File names listed in the architecture table's "main entry points" column, with the folder of their row. */
function entryPoints(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    const row = /^\| `((?:src\/[a-z]+|cds|server|mocks|scripts|bench)\/?)` \|[^|]*\| (.*) \|$/.exec(line);
    if (!row) continue;
    const folder = row[1]!.replace(/\/$/, "");
    for (const [, name] of row[2]!.matchAll(/`([\w.]+\.(?:ts|tsx|cjs))`/g)) out.push(`${folder}/${name}`);
    for (const [, dir] of row[2]!.matchAll(/`([\w]+)\/`/g)) out.push(`${folder}/${dir}`);
  }
  return out;
}

describe("README", () => {
  it("names only files and folders that exist", () => {
    const paths = namedPaths(README);
    expect(paths.length).toBeGreaterThan(40);
    // A glob (`codes/*.ts`) names its folder.
    expect(paths.filter((p) => !existsSync(resolve(ROOT, p.includes("*") ? dirname(p) : p)))).toEqual([]);
  });

  it("lists entry points in the architecture table that exist in their folder", () => {
    const entries = entryPoints(README);
    expect(entries.length).toBeGreaterThan(40);
    expect(entries.filter((p) => !existsSync(resolve(ROOT, p)))).toEqual([]);
  });

  it("runs only npm scripts that package.json defines", () => {
    const used = [...new Set([...README.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!))];
    expect(used.length).toBeGreaterThan(8);
    expect(used.filter((s) => !SCRIPTS.includes(s))).toEqual([]);
  });

  it("gives the two commands a newcomer types", () => {
    expect(README).toContain("npm ci && npm start");
    expect(README).toContain("npm ci && npm test");
    expect(SCRIPTS).toEqual(expect.arrayContaining(["start", "test"]));
  });
});
