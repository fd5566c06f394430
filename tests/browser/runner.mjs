// Runs every tests/browser/*.test.mjs against a running `vite preview` (see run.sh).
// Each test gets a fresh Chromium profile. Prints "N passed, N failed" last.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { launchBrowser } from "./lib.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? "";
const files = readdirSync(here).filter((name) => name.endsWith(".test.mjs")).sort();
let passed = 0;
let failed = 0;

for (const file of files) {
  const { tests } = await import(pathToFileURL(join(here, file)).href);
  for (const test of tests) {
    const name = `${file.replace(".test.mjs", "")} › ${test.name}`;
    if (filter && !name.includes(filter)) continue;
    const started = Date.now();
    const browser = await launchBrowser(test.browser ?? {});
    try {
      await Promise.race([
        test.run(browser.context),
        new Promise((_, reject) => setTimeout(() => reject(new Error("timed out after 60 s")), 60_000)),
      ]);
      passed += 1;
      console.log(`ok   ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed += 1;
      console.log(`FAIL ${name} (${Date.now() - started} ms)\n     ${String(error?.stack ?? error).split("\n").slice(0, 6).join("\n     ")}`);
    } finally {
      await browser.close();
    }
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
