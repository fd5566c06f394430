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

export const tests = [
  {
    name: "the conversation list is grouped by date, virtualized and pages in while scrolling",
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
];
