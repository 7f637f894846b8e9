import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { resolve } from "node:path";

/** A dependency's own warning the build cannot act on: isomorphic-webcrypto (under fhirclient) mixes CommonJS into an ES module file. */
function isKnownDependencyWarning(log: { code?: string; id?: string; message: string }): boolean {
  return log.code === "COMMONJS_VARIABLE_IN_ESM" && /isomorphic-webcrypto/.test(`${log.id ?? ""} ${log.message}`);
}

// Multi-page build: launch.html (SMART launch URL, no React) and index.html (redirect URI, the panel).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    sourcemap: false,
    rolldownOptions: {
      input: {
        launch: resolve(import.meta.dirname, "launch.html"),
        index: resolve(import.meta.dirname, "index.html"),
      },
      onLog(level, log, handler) {
        if (level === "warn" && isKnownDependencyWarning(log)) return;
        handler(level, log);
      },
      output: {
        // The chunk both pages share holds the SMART client: name it so (it would be named after one of our modules).
        chunkFileNames: (chunk) =>
          chunk.moduleIds.some((id) => /node_modules[\\/]fhirclient[\\/]/.test(id)) ? "assets/smart-client-[hash].js" : "assets/[name]-[hash].js",
      },
    },
  },
});
