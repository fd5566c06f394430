import { assert, assertNoErrors, eventually } from "./assert.mjs";
import { openApp, screenshot, settle } from "./lib.mjs";

/**
 * Hostile replies (ui/src/shared/ipc/mock/hostile.ts): whatever a reply holds, the page keeps
 * answering (no gap between timer ticks over 100 ms) and the message shows within 2 s.
 */

/**
 * In the page: records the longest task on the main thread (Long Tasks API: script, style,
 * layout and paint together) and the longest gap between ticks of a 5 ms timer.
 */
function startWatch() {
  const watch = { maxGap: 0, maxTask: 0, last: performance.now(), running: true, clickedAt: 0, shownAt: 0 };
  window.__watch = watch;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (watch.running && watch.clickedAt) watch.maxTask = Math.max(watch.maxTask, entry.duration);
    }
  }).observe({ type: "longtask" });
  const tick = () => {
    const now = performance.now();
    if (watch.clickedAt) watch.maxGap = Math.max(watch.maxGap, now - watch.last);
    watch.last = now;
    if (watch.running) setTimeout(tick, 5);
  };
  setTimeout(tick, 5);
}

function stopWatch() {
  window.__watch.running = false;
  return window.__watch;
}

/** In the page: clicks the conversation and notes when the reply's selector first shows. */
function openAndWatch([title, selector]) {
  const watch = window.__watch;
  const observer = new MutationObserver(() => {
    if (!watch.shownAt && document.querySelector(selector)) {
      watch.shownAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, attributes: true });
  const button = [...document.querySelectorAll("button")].find((b) => b.textContent?.trim() === title);
  watch.clickedAt = performance.now();
  button.click();
}

/**
 * The machine running the tests is shared: a busy neighbour can stretch any task past
 * 100 ms. So each check runs on a freshly loaded page up to three times and passes if one
 * run does; a renderer that freezes on the reply fails every run.
 */
async function bestOfThree(page, measure) {
  const runs = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt > 0) {
      await page.reload();
      await page.waitForSelector("#root > *");
    }
    await settle(page, 1000);
    await page.evaluate(startWatch);
    const run = await measure();
    runs.push(run);
    if (run.maxTask < 100 && run.shownIn < 2000) return run;
  }
  throw new Error(`assertion failed: the page kept answering within 100 ms and showed the reply within 2 s in none of: ${JSON.stringify(runs)}`);
}

const rounded = ({ maxTask, maxGap, shownIn }) => ({
  maxTask: Math.round(maxTask),
  maxGap: Math.round(maxGap),
  shownIn: Math.round(shownIn),
});

async function expectResponsive(page, title, selector) {
  return bestOfThree(page, async () => {
    await page.evaluate(openAndWatch, [title, selector]);
    await eventually(() => page.evaluate(() => window.__watch.shownAt > 0), `${title}: the reply shows`, 20_000);
    // Keep watching a while: parsing, a worker overrunning its budget, rows measuring.
    await page.waitForTimeout(1500);
    const watch = await page.evaluate(stopWatch);
    return rounded({ ...watch, shownIn: watch.shownAt - watch.clickedAt });
  });
}

const message = "[data-testid=message-scroller] article";

export const tests = [
  {
    name: "a 5 MB single line shows as a bounded plain-text preview, the page answering",
    async run(context) {
      const { page, errors } = await openApp(context, "hostile");
      await expectResponsive(page, "Hostile: a 5 MB line", `${message} [data-over-budget=size]`);
      const plain = page.locator("[data-over-budget=size]");
      assert((await plain.innerText()).length < 25_000, "only a preview is on screen");
      assert(await plain.getByText("Showing the first 20,000 of 5,000,000 characters", { exact: false }).isVisible(), "says it is a preview");
      assert(await plain.getByRole("button", { name: "Copy text" }).isVisible(), "copy button");
      await screenshot(page, "browser/hostile-line.png");
      assertNoErrors(errors);
    },
  },
  {
    name: "pathological emphasis is given up on after its time budget, the page answering",
    async run(context) {
      const { page, errors } = await openApp(context, "hostile");
      await expectResponsive(page, "Hostile: pathological emphasis", `${message} [data-over-budget=time]`);
      assert(await page.getByText("took too long to format", { exact: false }).isVisible(), "the note says why");
      assertNoErrors(errors);
    },
  },
  {
    name: "a 4 MB list nested 2,000 deep shows as plain text, the page answering",
    async run(context) {
      const { page, errors } = await openApp(context, "hostile");
      await expectResponsive(page, "Hostile: a 4 MB list 2,000 deep", `${message} [data-over-budget=size]`);
      assertNoErrors(errors);
    },
  },
  {
    name: "a list nested 200 deep shows as plain text, the page answering",
    async run(context) {
      const { page, errors } = await openApp(context, "hostile");
      await expectResponsive(page, "Hostile: a list 200 deep", `${message} [data-over-budget=depth]`);
      assert((await page.locator(`${message} ul`).count()) === 0, "no list elements");
      assertNoErrors(errors);
    },
  },
  {
    name: "a hostile reply streams in while the page keeps answering, then shows as plain text",
    async run(context) {
      const { page, errors } = await openApp(context, "hostile");
      await bestOfThree(page, async () => {
        const composer = page.getByRole("textbox", { name: "Message" });
        await composer.fill("hostile: emphasis");
        await composer.press("Enter");
        const reply = page.locator(`${message}[data-status='streaming']`);
        await reply.waitFor();
        // From the first delta on (sending itself is not the renderer's work).
        await page.evaluate(() => (window.__watch.clickedAt = performance.now()));
        await page.locator(`${message} [data-over-budget]`).waitFor({ timeout: 15_000 });
        await reply.waitFor({ state: "detached", timeout: 15_000 });
        await page.waitForTimeout(1500);
        return rounded({ ...(await page.evaluate(stopWatch)), shownIn: 0 });
      });
      assertNoErrors(errors);
    },
  },
  {
    name: "reference links resolve across blocks and a deep list stays inside the message",
    browser: { viewport: { width: 900, height: 700 } },
    async run(context) {
      const { page, errors } = await openApp(context, "hostile");
      await page.getByRole("button", { name: "Reference links and a deep list", exact: true }).click();
      const reply = page.locator(message).last();
      await eventually(() => reply.locator("li").count(), "the nested list renders");
      const hrefs = await reply.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
      assert(hrefs.includes("https://example.com/design"), `reference link resolved (${hrefs})`);
      assert(hrefs.includes("https://example.com/chart.png"), `reference image resolved (${hrefs})`);
      assert(!(await reply.innerText()).includes("[note]"), "no literal reference text");
      // 32 levels at the default indent (1.4em each) are wider than the message at this size.
      const overflow = await reply.evaluate((article) => ({
        pageWide: document.documentElement.scrollWidth > window.innerWidth,
        articleWide: article.scrollWidth > article.clientWidth + 1,
      }));
      assert(!overflow.pageWide && !overflow.articleWide, `nothing runs off the message (${JSON.stringify(overflow)})`);
      await settle(page);
      await screenshot(page, "browser/hostile-references.png");
      assertNoErrors(errors);
    },
  },
];
