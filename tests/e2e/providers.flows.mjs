// Provider settings in the real window (WebKitGTK): where a test result shows, where the add
// form starts, and every settings screen at the window's minimum size (760×480).
import { join } from "node:path";
import { KEY, SIM_URL, WORK, assert, click, visible, withApp } from "./lib.mjs";

const dir = join(WORK, "providers-profile");

/** Runs in the page: the scrolling pane that holds the provider's details or the add form. */
function providerPane() {
  let node = [...document.querySelectorAll("main h2")].pop();
  while (node && !/auto|scroll/.test(getComputedStyle(node).overflowY))
    node = node.parentElement;
  return node;
}

/** Runs in the page: what overflows sideways, and fields that cannot be scrolled into view. */
function layoutProblems() {
  const main = document.querySelector("main");
  const sideways = [...main.querySelectorAll("*")]
    .filter(
      (el) =>
        /auto|scroll/.test(getComputedStyle(el).overflowX) &&
        el.scrollWidth > el.clientWidth + 1,
    )
    .map((el) => `scrolls sideways: ${el.className}`);
  const unreachable = [...main.querySelectorAll("input, select, button")]
    .filter((el) => el.getClientRects().length > 0)
    .filter((el) => {
      el.scrollIntoView({ block: "nearest", inline: "nearest" });
      const box = el.getBoundingClientRect();
      return (
        box.left < 0 ||
        box.right > innerWidth + 0.5 ||
        box.top < 0 ||
        box.bottom > innerHeight + 0.5
      );
    })
    .map(
      (el) =>
        `out of reach: ${el.getAttribute("aria-label") || el.id || el.textContent.trim()}`,
    );
  const page = document.documentElement.scrollWidth - innerWidth;
  return [
    ...sideways,
    ...unreachable,
    ...(page > 0 ? [`page ${page}px too wide`] : []),
  ];
}

// The helpers above, defined in the page for a script (WebDriver evaluates script strings).
const HELPERS = `${providerPane}\n${layoutProblems}\n`;
const inPage = (browser, body) => browser.execute(`${HELPERS}${body}`);

async function assertFits(browser, what) {
  await browser.pause(300);
  const problems = await inPage(browser, "return layoutProblems();");
  assert(problems.length === 0, `${what} at 760×480: ${problems.join("; ")}`);
}

export const flows = [
  {
    name: "provider settings: result in view, add form at its top, every screen at 760×480",
    async run() {
      await withApp(dir, "providers", async (browser) => {
        await click(browser, "button*=Add your gateway");
        await click(browser, 'button[role="radio"]=Custom (OpenAI-compatible)');
        await (
          await visible(browser, "#provider-name")
        ).setValue("Sim gateway");
        await (await visible(browser, "#provider-url")).setValue(SIM_URL);
        await (await visible(browser, "#provider-key")).setValue(KEY);
        await click(browser, "button=Add provider");
        await visible(browser, 'textarea[aria-label="Message"]');
        const size = await browser.execute(() => [innerWidth, innerHeight]);
        assert(
          size[0] === 1200 && size[1] === 780,
          `the default window (${size})`,
        );

        // Test connection just peeking over the window's bottom edge, clicked there.
        await click(browser, "button=Settings");
        await visible(browser, '[data-testid="masked-key"]');
        await inPage(
          browser,
          `const button = [...document.querySelectorAll("main button")]
             .find((b) => b.textContent.includes("Test connection"));
           providerPane().scrollTop += button.getBoundingClientRect().top - (innerHeight - 12);
           button.click();`,
        );
        await visible(browser, '[data-testid="connection-ok"]');
        await browser.pause(300);
        const result = await inPage(
          browser,
          `const box = document.querySelector('[data-testid="connection-ok"]').getBoundingClientRect();
           return [box.top, box.bottom];`,
        );
        assert(
          result[0] >= 0 && result[1] <= 780,
          `the result is in the window (${result})`,
        );

        // The pane scrolled down, then Add → jiekou: the form starts at its top.
        await inPage(browser, "providerPane().scrollTop = 317;");
        await click(browser, "button=Add");
        await click(browser, '[role="menuitem"]=jiekou');
        await visible(browser, "h2=New provider: jiekou");
        await browser.pause(300);
        const form = await inPage(
          browser,
          `const pane = providerPane();
           return [pane.scrollTop, document.querySelector("#provider-name").getBoundingClientRect().top,
                   pane.getBoundingClientRect().top];`,
        );
        assert(
          form[0] === 0,
          `the add form's pane starts at its top (scrollTop ${form[0]})`,
        );
        assert(
          form[1] >= form[2],
          `Name is not above the pane (${form[1]} < ${form[2]})`,
        );

        // The minimum window: the add form, the provider, General, and the chat.
        await browser.setWindowSize(760, 480);
        await browser.waitUntil(
          async () => (await browser.execute(() => innerWidth)) === 760,
          { timeoutMsg: "the window shrank to 760 wide" },
        );
        await assertFits(browser, "the add form");
        await click(browser, '[data-testid="provider-row"]');
        await visible(browser, '[data-testid="provider-detail"]');
        await assertFits(browser, "the provider");
        await click(browser, '[data-testid="settings-nav-general"]');
        await visible(browser, '[data-testid="about"]');
        await assertFits(browser, "General");
        await click(browser, "button=Back");
        await visible(browser, 'textarea[aria-label="Message"]');
        await assertFits(browser, "the chat");
      });
    },
  },
];
