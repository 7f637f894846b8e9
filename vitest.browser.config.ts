import { defineConfig } from "vitest/config";

// Real Chromium (Debian's /usr/bin/chromium) driven by playwright-core against the production build
// and the demo EHR served over HTTP. Run after `npm run build`.
export default defineConfig({
  test: {
    environment: "node",
    include: ["tests/browser/**/*.test.ts", "tests/build/**/*.test.ts"],
    testTimeout: 60000,
    hookTimeout: 60000,
    fileParallelism: false,
  },
});
