import { assert, eventually } from "./assert.mjs";
import { openApp, screenshot, wheel } from "./lib.mjs";

/** In the page: after two frames, whether rows cover the scroller's view and their pair numbers, top to bottom. */
function rowsInView(scroller) {
  return new Promise((resolve) =>
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const box = scroller.getBoundingClientRect();
        const probes = [0.15, 0.5, 0.85].map((f) =>
          document.elementFromPoint(box.left + box.width / 2, box.top + box.height * f),
        );
        const covered = probes.every((element) => Boolean(element?.closest("article")));
        const pairs = [...scroller.querySelectorAll("article")]
          .map((article) => ({
            top: article.getBoundingClientRect().top,
            pair: Number(/(?:Question|Step) (\d+):/.exec(article.textContent ?? "")?.[1]),
          }))
          .filter((row) => row.top < box.bottom && row.top > box.top - 4000)
          .sort((a, b) => a.top - b.top)
          .map((row) => row.pair);
        resolve({ covered, pairs });
      }),
    ),
  );
}

/**
 * In the page: scrolls up until the list asks for the older page, holds that request until
 * the view has settled, then lets it through. Reports the row at the middle of the view (its
 * pair number and top, relative to the scroller) before and after the page arrives, and every
 * row mounted meanwhile.
 */
function anchorAcrossOlderPage(scroller) {
  const pairOf = (article) => Number(/(?:Question|Step) (\d+):/.exec(article.textContent ?? "")?.[1]);
  const frames = (n) => new Promise((resolve) => {
    const step = () => (n-- > 0 ? requestAnimationFrame(step) : resolve());
    step();
  });
  const until = async (condition, ms = 5000) => {
    const started = performance.now();
    while (!condition() && performance.now() - started < ms) await frames(1);
    return condition();
  };
  const middle = () => {
    const box = scroller.getBoundingClientRect();
    const article = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)?.closest("article");
    return article ? { pair: pairOf(article), top: article.getBoundingClientRect().top - box.top } : null;
  };
  // The mock backend answers through this function: hold the older page back until released.
  const internals = window.__TAURI_INTERNALS__;
  const invoke = internals.invoke;
  let release = null;
  internals.invoke = (cmd, args, options) => {
    if (cmd !== "thread_page" || !args?.req?.beforeId) return invoke(cmd, args, options);
    return new Promise((resolve) => {
      release = () => resolve(invoke(cmd, args, options));
    });
  };
  return (async () => {
    try {
      const height = scroller.scrollHeight;
      // The user's own scroll lets go of the bottom; step up until the page is asked for.
      const asked = await until(() => {
        if (release) return true;
        scroller.dispatchEvent(new WheelEvent("wheel", { deltaY: -200, bubbles: true }));
        scroller.scrollTop -= 200;
        return false;
      });
      if (!asked) return { asked };
      await until(() => middle() !== null);
      await frames(3);
      const before = middle();
      const mounted = [];
      const observer = new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes)
            if (node.nodeType === 1) for (const article of node.querySelectorAll("article")) mounted.push(pairOf(article));
      });
      observer.observe(scroller, { childList: true, subtree: true });
      release();
      await until(() => scroller.scrollHeight > height + 5000);
      await frames(3);
      observer.disconnect();
      return { asked, before, after: middle(), grew: scroller.scrollHeight - height, mounted };
    } finally {
      internals.invoke = invoke;
    }
  })();
}

// The date groups depend on the clock: the tests give it, at the hours that used to differ
// (the mock once seeded "recent" conversations hours back from now, which is yesterday
// shortly after midnight).
const ZONE = "Asia/Shanghai";
const JUST_AFTER_MIDNIGHT = "2026-03-10T00:05:00+08:00";
const AFTERNOON = "2026-03-10T15:30:00+08:00";

export const tests = [
  {
    name: "just after midnight, today's conversations are under Today",
    browser: { timezoneId: ZONE, clock: JUST_AFTER_MIDNIGHT },
    async run(context) {
      const { page, errors } = await openApp(context);
      const list = page.getByTestId("conversation-list");
      await list.waitFor();
      for (const group of ["Pinned", "Today", "Yesterday", "Previous 7 days"]) {
        assert(await list.getByRole("heading", { name: group }).isVisible(), `group ${group}`);
      }
      const today = await list.locator('[data-group="today"] [data-testid="conversation-row"]').count();
      assert(today >= 3, `several conversations today (${today})`);
      assert(errors.length === 0, `no errors: ${errors.join(" | ")}`);
    },
  },
  {
    name: "the conversation list is grouped by date, virtualized and pages in while scrolling",
    browser: { timezoneId: ZONE, clock: AFTERNOON },
    async run(context) {
      const { page } = await openApp(context);
      const list = page.getByTestId("conversation-list");
      await list.waitFor();
      for (const group of ["Pinned", "Today", "Yesterday"]) {
        assert(await list.getByRole("heading", { name: group }).isVisible(), `group ${group}`);
      }
      const rendered = await page.getByTestId("conversation-row").count();
      assert(rendered > 10 && rendered < 60, `only visible rows are rendered (${rendered})`);
      // Scroll to the end repeatedly: later pages load until every conversation is there.
      await eventually(async () => {
        await list.evaluate((element) => element.scrollTo(0, element.scrollHeight));
        return list.evaluate((element) => element.scrollHeight > 200 * 32);
      }, "later pages load while scrolling", 20_000);
      const lastGroup = await list.locator("[data-group]").last().getAttribute("data-group");
      assert(lastGroup === "older", `the end of the list is in Older (${lastGroup})`);
      const stillRendered = await page.getByTestId("conversation-row").count();
      assert(stillRendered < 60, `still virtualized after paging (${stillRendered})`);
      await screenshot(page, "browser/list-scrolled.png");
    },
  },
  {
    name: "a 2,000-message conversation renders only what is on screen and loads older pages",
    async run(context) {
      const { page, errors } = await openApp(context);
      await page.getByRole("button", { name: "Big conversation", exact: true }).click();
      const scroller = page.getByTestId("message-scroller");
      await scroller.locator("article").first().waitFor();
      await page.getByText("Step 1000:").waitFor();
      const articles = await scroller.locator("article").count();
      assert(articles > 2 && articles < 40, `virtualized (${articles} rows in the DOM)`);
      const atBottom = await scroller.evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight < 60);
      assert(atBottom, "opens at the latest message");
      const started = Date.now();
      await eventually(async () => {
        await wheel(page, scroller, -20_000);
        // The newest page holds pairs 976-1000: the top row reaching pair 949 or older means
        // older pages arrived. (Older pages are 200 messages, so one load can go well past
        // 900: no lower bound.)
        const text = await scroller.locator("article").first().textContent();
        const pair = Number(/(?:Question|Step) (\d+):/.exec(text ?? "")?.[1] ?? Infinity);
        return pair <= 949;
      }, "older pages load when scrolling up", 20_000);
      const loaded = await scroller.locator("article").count();
      assert(loaded > 2 && loaded < 40, `still virtualized after loading (${loaded} rows in the DOM)`);
      console.log(`     loaded older pages in ${Date.now() - started} ms`);
      // Scrolling back down through loaded history: rows mount ahead of need (outside the
      // scroll's own render), so two frames after each step the view is covered by rows, in
      // thread order.
      for (let step = 0; step < 12; step += 1) {
        await wheel(page, scroller, 700);
        const view = await scroller.evaluate(rowsInView);
        assert(view.covered, `step ${step}: rows cover the view (${JSON.stringify(view)})`);
        const ordered = view.pairs.every((pair, i) => i === 0 || pair >= view.pairs[i - 1]);
        assert(ordered && view.pairs.length > 0, `step ${step}: rows in thread order (${view.pairs})`);
      }
      await screenshot(page, "browser/big-conversation.png");
      assert(errors.length === 0, `no errors: ${errors.join(" | ")}`);
    },
  },
  {
    name: "an older page arriving keeps the rows on screen in place and mounts nothing far away",
    async run(context) {
      const { page, errors } = await openApp(context);
      await page.getByRole("button", { name: "Big conversation", exact: true }).click();
      const scroller = page.getByTestId("message-scroller");
      await page.getByText("Step 1000:").waitFor();
      const result = await scroller.evaluate(anchorAcrossOlderPage);
      assert(result.asked, "the list asked for the older page while scrolling up");
      assert(result.grew > 5000, `the older page arrived (${JSON.stringify(result)})`);
      assert(result.before && result.after, `a row in the middle of the view (${JSON.stringify(result)})`);
      assert(result.after.pair === result.before.pair, `same row in view (${JSON.stringify(result)})`);
      assert(Math.abs(result.after.top - result.before.top) <= 2, `it did not move (${JSON.stringify(result)})`);
      // Only rows next to the view mount (overscan); rows of the old scroll offset in the new,
      // longer list would have pairs far below the one in view.
      const far = result.mounted.filter((pair) => Math.abs(pair - result.before.pair) > 12);
      assert(far.length === 0, `no far-away rows mounted (${JSON.stringify(result)})`);
      assert(errors.length === 0, `no errors: ${errors.join(" | ")}`);
    },
  },
];
