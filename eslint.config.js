// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

/**
 * The layers of src/, lowest first. A folder may import from the folders before it, never from those after
 * it: knowledge <- engine <- fhir <- report <- ui <- app (util, the JSON guards, sits below them all).
 * Each layer also has packages it must not use: knowledge and engine stay pure (no I/O, no React), report
 * has no React (the CDS Hooks service shares it), and only app and fhir talk to the SMART client.
 */
const LAYERS = [
  { name: "util", forbiddenPackages: ["react", "react-dom", "fhirclient", "node:*"] },
  { name: "knowledge", forbiddenPackages: ["react", "react-dom", "fhirclient", "node:*"] },
  { name: "engine", forbiddenPackages: ["react", "react-dom", "fhirclient", "node:*"] },
  { name: "fhir", forbiddenPackages: ["react", "react-dom"] },
  { name: "report", forbiddenPackages: ["react", "react-dom", "fhirclient", "node:*"] },
  { name: "ui", forbiddenPackages: ["fhirclient", "node:*"] },
  { name: "app", forbiddenPackages: [] },
];

/** One no-restricted-imports rule per layer: higher layers (by relative path) and forbidden packages. */
function layerRules() {
  return LAYERS.map((layer, i) => {
    const higher = LAYERS.slice(i + 1).map((l) => l.name);
    const patterns = [];
    if (higher.length > 0) {
      patterns.push({
        regex: `^(\\.\\./)+(${higher.join("|")})(/|$)`,
        message: `src/${layer.name} must not import from a higher layer (${higher.join(", ")}): move the shared type or function down to the layer that owns it.`,
      });
    }
    if (layer.forbiddenPackages.length > 0) {
      patterns.push({
        group: layer.forbiddenPackages,
        message: `src/${layer.name} must not use this package (see the layer table in eslint.config.js).`,
      });
    }
    return {
      files: [`src/${layer.name}/**/*.{ts,tsx}`],
      rules: { "no-restricted-imports": ["error", { patterns }] },
    };
  });
}

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "test-results/"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "off",
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  ...layerRules(),
  {
    // node/: Node-only modules shared by server/ and cds/ (the store, the hardened FHIR read path). It sits
    // below both, so it never imports from them, nor from the browser's presentation layers.
    files: ["node/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { regex: "^(\\.\\./)+(cds|server|mocks|scripts)(/|$)", message: "node/ is shared by server/ and cds/: it must not import from them." },
          { regex: "^(\\.\\./)+src/(report|ui|app)(/|$)", message: "node/ must not import the panel's wording or presentation layers." },
          { group: ["react", "react-dom"], message: "node/ is Node-only." },
        ],
      }],
    },
  },
  {
    // CommonJS stand-ins for packages fhirclient require()s (src/vendor/, vite.config.ts).
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
  },
  {
    files: ["scripts/**", "bench/**", "server/**", "tests/**", "mocks/**"],
    rules: { "no-console": "off" },
  },
);
