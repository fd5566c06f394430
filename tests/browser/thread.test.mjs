// The thread after edits: deleting replies, long user messages.
import { assert, eventually } from "./assert.mjs";
import { openApp, screenshot, settle, wheel } from "./lib.mjs";

/** In the page: the scroller's view and where its rows and the pill are. */
function layoutOf(scroller) {
  const box = scroller.getBoundingClientRect();
  return {
    distanceFromBottom: scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight,
    rows: [...scroller.querySelectorAll("article")].map((article) => {
      const header = article.querySelector("header").getBoundingClientRect();
      return { role: article.dataset.role, headerTop: header.top - box.top, height: article.getBoundingClientRect().height };
    }),
  };
}

async function deleteReply(page, article) {
  await article.hover();
  await article.getByRole("button", { name: "Delete message" }).click();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
}

export const tests = [
  {
    name: "deleting a reply from higher up leaves no Jump to latest when nothing is below",
    browser: { viewport: { width: 1280, height: 500 } },
    async run(context) {
      const { page, errors } = await openApp(context);
      await page.getByRole("button", { name: "Gateway errors", exact: true }).click();
      const scroller = page.getByTestId("message-scroller");
      await scroller.locator("article").nth(5).waitFor();
      // Scrolled up to the first reply: the view is not at the end, the pill shows.
      await wheel(page, scroller, -5000);
      const jump = page.getByRole("button", { name: "Jump to latest" });
      await jump.waitFor();
      await deleteReply(page, scroller.locator('article[data-role="assistant"]').first());
      await eventually(async () => (await scroller.locator("article").count()) === 1, "only the question is left");
      await settle(page, 300);
      assert(!(await jump.isVisible()), "no Jump to latest: nothing is below");
      const layout = await scroller.evaluate(layoutOf);
      assert(layout.rows[0].headerTop >= 0, `the You header is in view (${JSON.stringify(layout)})`);
      assert(errors.length === 0, `no errors: ${errors.join(" | ")}`);
    },
  },
  {
    name: "deleting the reply under a long question shows the question's header, not its end",
    // A small window: the question, even collapsed, is taller than the view.
    browser: { viewport: { width: 1280, height: 500 } },
    async run(context) {
      const { page, errors } = await openApp(context);
      await page.getByRole("button", { name: "Why does this build fail?", exact: true }).click();
      const scroller = page.getByTestId("message-scroller");
      await scroller.locator('article[data-role="assistant"]').waitFor();
      await deleteReply(page, scroller.locator('article[data-role="assistant"]'));
      await eventually(async () => (await scroller.locator("article").count()) === 1, "only the question is left");
      await settle(page, 300);
      const layout = await scroller.evaluate(layoutOf);
      assert(layout.rows[0].headerTop >= 0, `the You header is not under the top bar (${JSON.stringify(layout)})`);
      const jump = page.getByRole("button", { name: "Jump to latest" });
      if (layout.distanceFromBottom <= 48) assert(!(await jump.isVisible()), "no Jump to latest at the end");
      await screenshot(page, "browser/after-delete.png");
      assert(errors.length === 0, `no errors: ${errors.join(" | ")}`);
    },
  },
  {
    name: "a pasted 2,000-line message collapses after a screen; Show all and Show less by keyboard",
    async run(context) {
      const { page, errors } = await openApp(context);
      await page.getByRole("button", { name: "Why does this build fail?", exact: true }).click();
      const scroller = page.getByTestId("message-scroller");
      const question = scroller.locator('article[data-role="user"]');
      await question.waitFor();
      const viewHeight = await scroller.evaluate((element) => element.clientHeight);
      const collapsed = (await question.boundingBox()).height;
      assert(collapsed < viewHeight, `collapsed to less than the view (${collapsed} of ${viewHeight})`);
      assert(collapsed > viewHeight * 0.5, `about a screen of it shows (${collapsed} of ${viewHeight})`);
      await screenshot(page, "browser/long-message-collapsed.png");

      const showAll = question.getByRole("button", { name: "Show all" });
      await showAll.focus();
      await page.keyboard.press("Enter");
      const showLess = question.getByRole("button", { name: "Show less" });
      await showLess.waitFor();
      const expanded = await eventually(async () => {
        const height = (await question.boundingBox())?.height ?? 0;
        return height > 2000 * 20 ? height : null;
      }, "the whole message shows");
      console.log(`     expanded to ${Math.round(expanded)} px`);
      await showLess.focus();
      await page.keyboard.press("Space");
      await showAll.waitFor();
      await eventually(async () => (await question.boundingBox()).height < viewHeight, "collapsed again");
      const box = await scroller.boundingBox();
      await eventually(
        async () => (await question.locator("header").boundingBox()).y >= box.y - 1,
        "its start is in view after Show less",
        3000,
      );
      assert(errors.length === 0, `no errors: ${errors.join(" | ")}`);
    },
  },
  {
    name: "a reply regenerated word for word gives two search hits that say which branch",
    async run(context) {
      const { page, errors } = await openApp(context);
      const composer = page.getByRole("textbox", { name: "Message" });
      await composer.fill("Tell me about ultramarine");
      await page.keyboard.press("Enter");
      const scroller = page.getByTestId("message-scroller");
      const done = scroller.locator('article[data-role="assistant"][data-status="complete"]');
      await done.waitFor({ timeout: 20_000 });
      await done.hover();
      await done.getByRole("button", { name: "Regenerate" }).click();
      await eventually(async () => (await scroller.getByText("2/2").count()) > 0, "a second version");
      await eventually(async () => (await done.count()) === 1, "the second version completes", 20_000);

      await page.keyboard.press("Control+Shift+F");
      await page.keyboard.type("streamed answer");
      const hits = page.getByTestId("search-results").getByTestId("search-hit");
      await eventually(async () => (await hits.count()) >= 2, "two hits");
      const branches = await eventually(async () => {
        const texts = await hits.getByTestId("search-hit-branch").allTextContents();
        return texts.length === 2 ? texts : null;
      }, "both hits say their branch");
      assert(branches.some((text) => text.startsWith("Branch 1/2")), `one is 1/2 (${branches})`);
      assert(branches.some((text) => text.startsWith("Branch 2/2")), `one is 2/2 (${branches})`);
      await screenshot(page, "browser/search-branches.png");
      assert(errors.length === 0, `no errors: ${errors.join(" | ")}`);
    },
  },
];
