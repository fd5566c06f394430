// Runs the end-to-end flows in order (later ones reuse earlier data folders, as a person
// relaunching the app would). Prints "N passed, N failed" last.
import { draftsAndLinksFlows } from "./draftsAndLinks.mjs";
import { flows as mainFlows } from "./flows.mjs";
import { flows as providerFlows } from "./providers.flows.mjs";

const flows = [...mainFlows, ...providerFlows, ...draftsAndLinksFlows];

const filter = process.argv[2] ?? "";
let passed = 0;
let failed = 0;
for (const flow of flows) {
  if (filter && !flow.name.includes(filter)) continue;
  const started = Date.now();
  try {
    await Promise.race([
      flow.run(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error("timed out after 120 s")), 120_000),
      ),
    ]);
    passed += 1;
    console.log(`ok   ${flow.name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed += 1;
    console.log(
      `FAIL ${flow.name} (${Date.now() - started} ms)\n     ${String(
        error?.stack ?? error,
      )
        .split("\n")
        .slice(0, 8)
        .join("\n     ")}`,
    );
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
