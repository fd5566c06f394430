// Hostile markdown in the real app: the renderer's worker runs in WebKitGTK under the app's
// CSP, highlights code, and gives up on a block that takes too long without the window
// freezing; the reply is written into the app's real SQLite file between two launches.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { WORK, assert, click, eventually, lastReply, screenshot, visible, withApp } from "./lib.mjs";

const profile = join(WORK, "markdown-profile");
const PROMPT = "Hostile markdown check";
// A highlighted code block, then 100 KB of emphasis markers (quadratic to parse: the
// window froze for minutes before the worker's time budget).
const HOSTILE = `\`\`\`rust\nfn main() { let answer = 42; }\n\`\`\`\n\n${"*a".repeat(50_000)}`;

/**
 * In the page: clicks the conversation titled `title`, then for `ms` records the longest
 * gap between ticks of a 5 ms timer and when a plain-text block first showed.
 */
function openAndWatch(title, ms, done) {
  const row = [...document.querySelectorAll('[data-testid="conversation-row"]')].find((el) =>
    el.innerText.includes(title),
  );
  if (!row) return done({ error: "no row" });
  let last = performance.now();
  const started = last;
  let worst = 0;
  let shownIn = null;
  const tick = () => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
    if (shownIn === null && document.querySelector("[data-over-budget]")) shownIn = now - started;
    if (now - started < ms) setTimeout(tick, 5);
    else done({ worst, shownIn });
  };
  row.click();
  setTimeout(tick, 5);
}

export const markdownFlows = [
  {
    name: "a hostile reply shows as plain text while the window keeps answering",
    async run() {
      await withApp(profile, "markdown-first", async (browser) => {
        await click(browser, "button*=Try the Offline demo");
        const composer = await visible(browser, 'textarea[aria-label="Message"]');
        await composer.setValue(PROMPT);
        await browser.keys("Enter");
        await eventually(async () => (await lastReply(browser))?.status === "complete", "the reply completes", 30_000);
      });
      const hostileFile = join(WORK, "hostile.md");
      writeFileSync(hostileFile, HOSTILE);
      execFileSync("sqlite3", [
        join(profile, "portico.db"),
        `UPDATE messages SET text = CAST(readfile('${hostileFile}') AS TEXT) WHERE role = 'assistant';`,
      ]);
      await withApp(profile, "markdown-hostile", async (browser) => {
        await eventually(
          () => browser.execute(() => document.querySelectorAll('[data-testid="conversation-row"]').length),
          "the conversation list is back",
        );
        const { worst, shownIn, error } = await browser.executeAsync(openAndWatch, PROMPT, 6000);
        assert(!error, error);
        console.log(`     plain text shown after ${Math.round(shownIn)} ms, longest timer gap ${Math.round(worst)} ms`);
        await eventually(
          () => browser.execute(() => document.querySelector(".hl-code .hljs-keyword")?.textContent),
          "the code block is highlighted by the worker",
        );
        assert(
          (await browser.execute(() => document.querySelector("[data-over-budget]").dataset.overBudget)) === "time",
          "given up on for taking too long",
        );
        assert(shownIn !== null && shownIn < 4000, `the reply showed in time (${shownIn} ms)`);
        assert(worst < 500, `the window kept answering (longest gap ${Math.round(worst)} ms)`);
        await screenshot(browser, "markdown-hostile");
      });
    },
  },
];
