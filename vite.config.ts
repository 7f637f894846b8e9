import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { resolve } from "node:path";

// Multi-page build: launch.html (SMART launch URL, no React) and index.html (redirect URI, the panel).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    sourcemap: false,
    rollupOptions: {
      input: {
        launch: resolve(import.meta.dirname, "launch.html"),
        index: resolve(import.meta.dirname, "index.html"),
      },
    },
  },
});
