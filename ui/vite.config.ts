/// <reference types="vitest/config" />
import { fileURLToPath, URL } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react(), tailwindcss()],
  clearScreen: false,
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./src", import.meta.url)),
      // rehype-katex runs in the markdown worker, which has no DOM: its HTML parser must be
      // the one built on parse5, not the browser build's <template> element.
      "hast-util-from-html-isomorphic": fileURLToPath(
        new URL("./node_modules/hast-util-from-html-isomorphic/index.js", import.meta.url),
      ),
    },
  },
  // The markdown worker loads KaTeX and highlight.js as chunks of its own: ES module format.
  worker: { format: "es" },
  server: { host: "127.0.0.1", port: 1420, strictPort: true },
  preview: { host: "127.0.0.1", port: 4173, strictPort: true },
  build: {
    outDir: "dist",
    target: "es2022",
    chunkSizeWarningLimit: 600,
  },
  test: {
    environment: "happy-dom",
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    css: false,
  },
});
