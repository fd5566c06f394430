/// <reference types="vitest/config" />
import { fileURLToPath, URL } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const withoutDom = (...packages: string[]) =>
  Object.fromEntries(
    packages.map((name) => [
      name,
      fileURLToPath(new URL(`./node_modules/${name}/index.js`, import.meta.url)),
    ]),
  );

export default defineConfig({
  plugins: [react(), tailwindcss()],
  clearScreen: false,
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./src", import.meta.url)),
      // Markdown is parsed in a worker, which has no DOM: these packages' browser builds use
      // one (an <i> to decode entities, a <template> to parse KaTeX's HTML); their plain
      // builds (what their "worker" export condition names) do not.
      ...withoutDom("decode-named-character-reference", "hast-util-from-html-isomorphic"),
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
