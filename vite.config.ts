import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { resolve } from "node:path";

/**
 * The code lists' `source` fields (where each list was verified: src/knowledge/codes/) are for reviewers,
 * the tests and the generated knowledge report; the app never reads them. The browser build leaves them
 * out (about 5 kB gzip); tests/build/budget.test.ts checks that the codes stay and the citations go.
 */
function codeListCitationsOutOfBundle(): Plugin {
  return {
    name: "code-list-citations-out-of-bundle",
    enforce: "pre",
    transform(code, id) {
      if (!/[\\/]src[\\/]knowledge[\\/]codes[\\/][^\\/]+\.ts$/.test(id)) return null;
      return code.replace(/^(\s*)source: "(?:[^"\\\n]|\\.)*",$/gm, "$1");
    },
  };
}

// Multi-page build: launch.html (SMART launch URL, no React) and index.html (redirect URI, the panel).
export default defineConfig({
  plugins: [react(), codeListCitationsOutOfBundle()],
  // fhirclient's own switch for modern browsers (lib/entry/browser.js): no fetch and AbortController
  // polyfills, the platform's own are used.
  define: { FHIRCLIENT_PURE: "true" },
  resolve: {
    alias: {
      // Polyfill and logger of fhirclient's that the platform or the app's rules make unnecessary (src/vendor/).
      "isomorphic-webcrypto": resolve(import.meta.dirname, "src/vendor/webcrypto.ts"),
      debug: resolve(import.meta.dirname, "src/vendor/debug.ts"),
      "js-base64": resolve(import.meta.dirname, "src/vendor/base64.ts"),
    },
  },
  build: {
    outDir: "dist",
    sourcemap: false,
    rolldownOptions: {
      input: {
        launch: resolve(import.meta.dirname, "launch.html"),
        index: resolve(import.meta.dirname, "index.html"),
      },
      output: {
        // The chunk both pages share holds the SMART client: name it so (it would be named after one of our modules).
        chunkFileNames: (chunk) =>
          chunk.moduleIds.some((id) => /node_modules[\\/]fhirclient[\\/]/.test(id)) ? "assets/smart-client-[hash].js" : "assets/[name]-[hash].js",
      },
    },
  },
});
