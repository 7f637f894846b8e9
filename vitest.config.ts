import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

// Unit, integration (real fhirclient against MSW) and jsdom component tests.
// Browser tests (real Chromium, tests/browser) and build checks (tests/build) need dist/ and run
// with vitest.browser.config.ts after the build.
export default defineConfig({
  plugins: [react()],
  resolve: {
    // Under jsdom, "fhirclient" would resolve to its Node entry (no oauth2): use the browser build.
    alias: { fhirclient: require.resolve("fhirclient/lib/entry/browser.js") },
  },
  test: {
    environment: "node",
    include: ["tests/**/*.test.{ts,tsx}"],
    exclude: ["tests/browser/**", "tests/build/**", "node_modules/**"],
    server: { deps: { inline: ["fhirclient"] } },
    testTimeout: 20000,
  },
});
