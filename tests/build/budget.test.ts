/**
 * Size budget of the production build (dist/, so it runs with the browser suite after the build):
 * everything each page loads for its first screen — the HTML, its scripts, module preloads and
 * stylesheets, and every chunk or JSON file reachable from them through static or dynamic imports —
 * gzipped at level 9 and summed. What the panel loads only after its first screen (charts, technical
 * details, the restless legs guide's body, the detail with codes: the `assets/lazy-…` chunks, built from
 * src/ui/lazy/) is counted apart, with a budget of its own, and never through a static import.
 * launch.html must stay small and free of React; index.html (the panel) has a larger budget, measured as
 * the issues state it: its JavaScript and data (smart-config.json) ≤ 150 kB gzip; with its HTML and
 * stylesheet it must also stay under 155 kB.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

const DIST = resolve(import.meta.dirname, "../../dist");
const KB = 1024;
const LAUNCH_BUDGET = 30 * KB;
const INDEX_BUDGET = 150 * KB;
const INDEX_BUDGET_ALL = 155 * KB;
/** What the panel loads after its first screen (the `lazy-` chunks and anything only they load). */
const LAZY_BUDGET = 25 * KB;
/** The chunks of src/ui/lazy/ (vite.config.ts names them so). */
const LAZY_CHUNK = /[\\/]assets[\\/]lazy-[^\\/]+\.js$/;
/** Strings only React's runtime contains (its element tag, package name, internals object). */
const REACT_MARKERS = ["react.element", "react-dom", "__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED"];

/** A URL from HTML or a chunk → absolute path in dist/, or null when it leaves the app (data:, other origins). */
function toDistPath(ref: string, fromDir: string): string | null {
  if (/^(?:[a-z]+:|\/\/)/i.test(ref)) return null;
  const clean = ref.split(/[?#]/)[0] ?? "";
  const path = clean.startsWith("/") ? join(DIST, clean) : resolve(fromDir, clean);
  if (relative(DIST, path).startsWith("..")) throw new Error(`${ref} points outside dist/`);
  return path;
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, "i").exec(tag)?.[1];
}

/** The files an HTML page loads itself: <script src>, <link rel=modulepreload|stylesheet href>. */
function htmlAssets(html: string): string[] {
  const refs: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, "src");
    if (src) refs.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag, "rel") ?? "").toLowerCase().split(/\s+/);
    const href = attr(tag, "href");
    if (href && (rel.includes("modulepreload") || rel.includes("stylesheet"))) refs.push(href);
  }
  return refs;
}

/**
 * What a built chunk loads: static imports (`import … from "./x.js"`, `import "./x.js"`), dynamic imports
 * (`import("./x.js")`, quotes or backticks), Vite's preload list (`m.f=["assets/x.js", "assets/x.css"]`,
 * relative to the site root) and JSON files named in string literals.
 */
function chunkImports(code: string): { relative: string[]; fromRoot: string[] } {
  const rel = new Set<string>();
  const fromRoot = new Set<string>();
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'`](\.{1,2}\/[^"'`\s]+)["'`]/g)) rel.add(m[1]!);
  for (const m of code.matchAll(/\bimport\s*\(\s*["'`](\.{1,2}\/[^"'`\s]+)["'`]\s*\)/g)) rel.add(m[1]!);
  for (const list of code.matchAll(/__vite__mapDeps[\s\S]{0,80}?m\.f\s*=\s*\[([^\]]*)\]/g)) {
    for (const m of list[1]!.matchAll(/["'`]([^"'`]+)["'`]/g)) fromRoot.add(m[1]!);
  }
  for (const m of code.matchAll(/["'`]((?:\.{1,2}\/|\/)?[\w./-]+\.json)["'`]/g)) {
    const ref = m[1]!;
    if (ref.startsWith(".")) rel.add(ref);
    else fromRoot.add(ref);
  }
  return { relative: [...rel], fromRoot: [...fromRoot] };
}

/**
 * Every file a page loads (itself included), following chunks recursively. With `firstScreen`, the lazy
 * chunks are not followed (nor counted): what only they load stays out too. Vite's preload list names every
 * dependency of every dynamic import of a chunk at once, so a file found only through a lazy chunk's own
 * imports is found only when lazy chunks are followed.
 */
function pageFiles(htmlName: string, firstScreen = false): string[] {
  const htmlPath = join(DIST, htmlName);
  const seen = new Set<string>([htmlPath]);
  const queue: string[] = [];
  const add = (path: string | null, from: string, optional = false) => {
    if (!path || seen.has(path)) return;
    if (firstScreen && LAZY_CHUNK.test(path)) return;
    if (!existsSync(path)) {
      // JSON names in chunks may be unrelated strings; anything else must exist.
      if (optional) return;
      throw new Error(`${relative(DIST, from)} references missing ${relative(DIST, path)}`);
    }
    seen.add(path);
    queue.push(path);
  };
  for (const ref of htmlAssets(readFileSync(htmlPath, "utf8"))) add(toDistPath(ref, DIST), htmlPath);
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (!file.endsWith(".js")) continue;
    const { relative: rel, fromRoot } = chunkImports(readFileSync(file, "utf8"));
    for (const ref of rel) add(toDistPath(ref, dirname(file)), file, ref.endsWith(".json"));
    for (const ref of fromRoot) add(toDistPath(ref.startsWith("/") ? ref : `/${ref}`, DIST), file, ref.endsWith(".json"));
  }
  return [...seen];
}

function gzipSize(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

function report(htmlName: string, firstScreen = false): { total: number; jsAndData: number; files: string[] } {
  const files = pageFiles(htmlName, firstScreen);
  const sizes = files.map((f) => ({ file: relative(DIST, f), raw: readFileSync(f).length, gzip: gzipSize(f) }));
  const total = sizes.reduce((n, s) => n + s.gzip, 0);
  const jsAndData = sizes.filter((s) => /\.(js|json)$/.test(s.file)).reduce((n, s) => n + s.gzip, 0);
  const lines = sizes.map((s) => `  ${s.file.padEnd(40)} ${(s.raw / KB).toFixed(1).padStart(7)} kB raw ${(s.gzip / KB).toFixed(1).padStart(7)} kB gzip`);
  console.log(`${htmlName}${firstScreen ? " (first screen)" : ""}: ${(total / KB).toFixed(1)} kB gzip (level 9) in ${files.length} files, of which JS + data ${(jsAndData / KB).toFixed(1)} kB\n${lines.join("\n")}`);
  return { total, jsAndData, files };
}

function hasReact(path: string): boolean {
  const text = readFileSync(path, "utf8");
  return REACT_MARKERS.some((m) => text.includes(m));
}

describe("bundle budget (dist/)", () => {
  it("dist/ has been built", () => {
    expect(existsSync(join(DIST, "launch.html")), "run `npx vite build` first").toBe(true);
    expect(existsSync(join(DIST, "index.html")), "run `npx vite build` first").toBe(true);
  });

  it("the parsers find static, dynamic and preload references", () => {
    expect(htmlAssets('<script type="module" crossorigin src="/assets/a.js"></script><link rel="modulepreload" href="/assets/b.js"><link rel="icon" href="data:,"><link rel="stylesheet" href="/assets/c.css">')).toEqual(["/assets/a.js", "/assets/b.js", "/assets/c.css"]);
    const found = chunkImports(
      'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/r.js","assets/r.css"])))=>i;import{a}from"./e.js";import"./side.js";import(`./r.js`);import("./k.js");fetch("smart-config.json")',
    );
    expect(found.relative.sort()).toEqual(["./e.js", "./k.js", "./r.js", "./side.js"]);
    expect(found.fromRoot.sort()).toEqual(["assets/r.css", "assets/r.js", "smart-config.json"]);
  });

  it(`launch.html loads at most ${LAUNCH_BUDGET / KB} kB gzip, and no React`, () => {
    const { total, files } = report("launch.html");
    expect(files.some((f) => f.endsWith(".js"))).toBe(true);
    const withUi = files.filter(hasReact).map((f) => relative(DIST, f));
    expect(withUi).toEqual([]);
    expect(total).toBeLessThanOrEqual(LAUNCH_BUDGET);
  });

  it(`index.html's first screen loads at most ${INDEX_BUDGET / KB} kB gzip of JS + data (${INDEX_BUDGET_ALL / KB} kB with HTML and CSS), everything it reaches included`, () => {
    const { total, jsAndData, files } = report("index.html", true);
    // React's runtime: finding it proves the walk reached the UI chunk, wherever the build put it.
    expect(files.some(hasReact), "React reached from index.html").toBe(true);
    expect(files.some((f) => f.endsWith(".css")), "the panel's stylesheet is counted").toBe(true);
    expect(jsAndData).toBeLessThanOrEqual(INDEX_BUDGET);
    expect(total).toBeLessThanOrEqual(INDEX_BUDGET_ALL);
  });

  it(`what index.html loads after its first screen (lazy chunks) is at most ${LAZY_BUDGET / KB} kB gzip, and no first-screen chunk imports it statically`, () => {
    const first = new Set(pageFiles("index.html", true));
    const later = pageFiles("index.html").filter((f) => !first.has(f));
    expect(later.some((f) => LAZY_CHUNK.test(f)), "a lazy chunk exists (src/ui/lazy/)").toBe(true);
    const size = later.reduce((n, f) => n + gzipSize(f), 0);
    console.log(`index.html after the first screen: ${(size / KB).toFixed(1)} kB gzip in ${later.length} files (${later.map((f) => relative(DIST, f)).join(", ")})`);
    expect(size).toBeLessThanOrEqual(LAZY_BUDGET);
    for (const f of first) {
      if (!f.endsWith(".js")) continue;
      const code = readFileSync(f, "utf8");
      for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'`](\.{1,2}\/[^"'`\s]+)["'`]/g)) {
        expect(LAZY_CHUNK.test(resolve(dirname(f), m[1]!)), `${relative(DIST, f)} imports ${m[1]} statically`).toBe(false);
      }
    }
  });
});

describe("what the build leaves out (vite.config.ts)", () => {
  const js = () => pageFiles("index.html").filter((f) => f.endsWith(".js")).map((f) => readFileSync(f, "utf8")).join("\n");

  it("the code lists are in the app (long numeric ones in their compact form), their reviewer citations are not", () => {
    const bundle = js();
    expect(bundle).toContain("O90.4"); // an ICD-10-CM prefix of the acute kidney failure list, as written
    expect(bundle).not.toContain("dx_kidney_akf.csv"); // that list's citation
    expect(bundle).not.toContain("14669001 17380002"); // its SNOMED CT codes, written as a list in the source...
    expect(bundle).toMatch(/["`]#[0-9a-z]+ [0-9a-z]+ /); // ...are shipped compact (knowledge/codeList.ts)
    expect(bundle).toContain("40095003"); // a look-alike's code stays...
    expect(bundle).not.toContain("akf.injury-of-kidney"); // ...its id (reviewers' and tests') does not
    expect(bundle).not.toContain("neurogenic claudication belongs to spinal stenosis"); // nor a cause's conventions (causes.ts)
    // Citations written as the formatter wraps them, joined by "+" or built from a shared string, go too.
    expect(bundle).not.toContain("codes_g47.ex"); // "source:\n  \"…\" +\n  \"…\"" (legCrampCodes.ts)
    expect(bundle).not.toContain("exact-string searches 2026-12-08"); // `${SOURCE_DM} (…)` (diabetesComplicationCodes.ts)
    expect(bundle).not.toContain("moved from htn.icd10"); // "source:\n  \"…\"" (conditionCodes.ts)
  });

  it("index.html's entry script carries no code list: the engine downloads beside the token exchange, not before it", () => {
    const entry = htmlAssets(readFileSync(join(DIST, "index.html"), "utf8")).find((ref) => ref.endsWith(".js"));
    expect(entry).toBeDefined();
    const code = readFileSync(toDistPath(entry!, DIST)!, "utf8");
    expect(code).not.toMatch(/["`]#[0-9a-z]+ [0-9a-z]+ /);
    expect(code).not.toContain("O90.4");
    expect(code).toMatch(/import\(/); // the engine and the panel are loaded from it
  });

  it("none of fhirclient's polyfills or its token-printing debug logger is shipped", () => {
    const bundle = js();
    // A marker of each: the AbortController polyfill, the Web Crypto shim, debug's console colours, the fetch ponyfill.
    expect(bundle).not.toMatch(/__FORCE_INSTALL_ABORTCONTROLLER_POLYFILL|msCrypto|useColors|XMLHttpRequest/);
  });
});
