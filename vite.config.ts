import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { resolve } from "node:path";
import { compactNumericCodes } from "./src/knowledge/codeList";

/** The panel's parts loaded after the first screen (src/ui/LazyParts.tsx). */
const LAZY_DIR = /[\\/]src[\\/]ui[\\/]lazy[\\/]/;

/** The code lists: src/knowledge/codes/*.ts. */
const CODE_LIST_FILE = /[\\/]src[\\/]knowledge[\\/]codes[\\/][^\\/]+\.ts$/;

/**
 * Fields of the code lists that are for reviewers, the tests and the generated knowledge report, never read
 * by the app: where each list was verified (`source`), a look-alike's human label and id, a cause's
 * description and conventions. The browser build leaves them out (about 7 kB gzip);
 * tests/build/budget.test.ts checks that the codes stay and these go.
 */
const REVIEWER_ONLY_FIELDS: readonly { file: RegExp; field: string }[] = [
  { file: CODE_LIST_FILE, field: "source" },
  { file: /[\\/]src[\\/]knowledge[\\/]codes[\\/]lookAlikes\.ts$/, field: "label" },
  // The engine finds a look-alike by its codes and names the causes it blocks; its id names it in the report and tests.
  { file: /[\\/]src[\\/]knowledge[\\/]codes[\\/]lookAlikes\.ts$/, field: "id" },
  // A cause's description and conventions are for the knowledge report: the panel names causes, explains
  // strengths and states its conventions in src/report.
  { file: /[\\/]src[\\/]knowledge[\\/]causes\.ts$/, field: "description" },
  { file: /[\\/]src[\\/]knowledge[\\/]causes\.ts$/, field: "conventions" },
  // Where an ending treatment is stated: for the knowledge report.
  { file: /[\\/]src[\\/]knowledge[\\/]endingTreatments\.ts$/, field: "source" },
];

/** A one-line string (`"…"`), strings joined by `+` over several lines, or a list of them on one line or one per line (`[\n  "…",\n]`). */
const STRING = `"(?:[^"\\\\\\n]|\\\\.)*"`;
const STRING_OR_LIST = `(?:${STRING}(?:\\s*\\+\\s*${STRING})*|\\[\\s*(?:${STRING},?\\s*)*\\])`;
/** A one-line template literal (`` `${SOURCE} (…)` ``): a field's value built from a shared string. */
const TEMPLATE = "`(?:[^`\\\\\\n]|\\\\.)*`";

function reviewerFieldsOutOfBundle(): Plugin {
  return {
    name: "knowledge-reviewer-fields-out-of-bundle",
    enforce: "pre",
    transform(code, id) {
      const fields = REVIEWER_ONLY_FIELDS.filter((f) => f.file.test(id)).map((f) => f.field);
      if (fields.length === 0) return null;
      // String properties and string-list properties that end their line (`  source: "…",`,
      // `  conventions: [\n    "…",\n  ],`): anything else is left as written.
      // The value may start on the next line (`source:\n      "…",`, as the formatter wraps long ones).
      return code.replace(new RegExp(`^(\\s*)(?:${fields.join("|")}):\\s*(?:${STRING_OR_LIST}|${TEMPLATE}),$`, "gm"), "$1");
    },
  };
}

/**
 * Long numeric code lists (SNOMED CT, RxNorm) in their compact form (src/knowledge/codeList.ts, about 2 kB
 * gzip less); the engine reads both forms. ICD and ATC lists stay as written.
 */
function compactCodeLists(): Plugin {
  return {
    name: "knowledge-compact-code-lists",
    enforce: "pre",
    transform(code, id) {
      if (!CODE_LIST_FILE.test(id)) return null;
      return code.replace(/^(\s*codes: )"([0-9 ]{200,})",$/gm, (line, head: string, list: string) => {
        const compact = compactNumericCodes(list);
        return compact ? `${head}${JSON.stringify(compact)},` : line;
      });
    },
  };
}

/** Polyfills and the logger of fhirclient's that the platform or the app's rules make unnecessary (src/vendor/). */
const FHIRCLIENT_STAND_INS = [
  { find: "isomorphic-webcrypto", replacement: resolve(import.meta.dirname, "src/vendor/webcrypto.ts") },
  { find: "debug", replacement: resolve(import.meta.dirname, "src/vendor/debug.cjs") },
  { find: "js-base64", replacement: resolve(import.meta.dirname, "src/vendor/base64.ts") },
];

// Multi-page build: launch.html (SMART launch URL, no UI runtime) and index.html (redirect URI, the panel).
export default defineConfig({
  plugins: [react(), reviewerFieldsOutOfBundle(), compactCodeLists()],
  // fhirclient's own switch for modern browsers (lib/entry/browser.js): no fetch and AbortController
  // polyfills, the platform's own are used.
  define: { FHIRCLIENT_PURE: "true" },
  resolve: {
    alias: FHIRCLIENT_STAND_INS,
  },
  build: {
    outDir: "dist",
    // Every browser the app supports preloads modules itself: no polyfill for it.
    modulePreload: { polyfill: false },
    sourcemap: false,
    rolldownOptions: {
      input: {
        launch: resolve(import.meta.dirname, "launch.html"),
        index: resolve(import.meta.dirname, "index.html"),
      },
      output: {
        // The chunk both pages share holds the SMART client: name it so (it would be named after one of our modules).
        // What the panel loads after its first screen (src/ui/lazy/) is named `lazy-…`: the budget test counts it apart.
        chunkFileNames: (chunk) =>
          chunk.moduleIds.some((id) => /node_modules[\\/]fhirclient[\\/]/.test(id))
            ? "assets/smart-client-[hash].js"
            : chunk.facadeModuleId && LAZY_DIR.test(chunk.facadeModuleId)
              ? "assets/lazy-[name]-[hash].js"
              : "assets/[name]-[hash].js",
      },
    },
  },
});
