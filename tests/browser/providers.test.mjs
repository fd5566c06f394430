// Provider settings layout: where the add form starts, where a test result shows, and the
// settings screens at the window's minimum size (760×480, tauri.conf.json).
import { assert, assertEqual, assertNoErrors, eventually } from "./assert.mjs";
import { openApp, screenshot, settle, wheel } from "./lib.mjs";

const MINIMUM = { width: 760, height: 480 };

/** The providers pane: the scrolling ancestor of the provider's details or the add form. */
async function providerPane(page) {
  const handle = await page.locator("main h2").last().evaluateHandle((el) => {
    let node = el.parentElement;
    while (node && !/auto|scroll/.test(getComputedStyle(node).overflowY)) node = node.parentElement;
    return node;
  });
  return handle.asElement();
}

async function openProviders(context, query = "") {
  const opened = await openApp(context, query);
  await opened.page.getByTestId("conversation-list").waitFor();
  await opened.page.keyboard.press("Control+,");
  await opened.page.getByTestId("provider-row").first().waitFor();
  return opened;
}

/** Scrolls the pane so that `button`'s top edge sits `visible` px above the window's bottom. */
async function bringToBottomEdge(page, button, visible) {
  const height = page.viewportSize().height;
  await (await providerPane(page)).evaluate(
    (pane, { top, target }) => {
      pane.scrollTop += top - target;
    },
    { top: (await button.boundingBox()).y, target: height - visible },
  );
  await settle(page, 50);
  const box = await button.boundingBox();
  assertEqual(Math.round(box.y), height - visible, "the button sits at the window's bottom edge");
  return box;
}

function inside(box, viewport, what) {
  assert(box, `${what} is rendered`);
  assert(
    box.y >= 0 && box.y + box.height <= viewport.height,
    `${what} is inside the window (y ${Math.round(box.y)}–${Math.round(box.y + box.height)}, window ${viewport.height})`,
  );
}

/** Every field and button of the settings content: inside the window once scrolled to, no
 * wider than the window, and no pane scrolling sideways. */
async function assertReachable(page, what) {
  const viewport = page.viewportSize();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 0, `${what}: no horizontal overflow (${overflow}px)`);
  const report = await page.locator("main").evaluate((main) => {
    const sideways = [...main.querySelectorAll("*")]
      .filter((el) => /auto|scroll/.test(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.className} (${el.scrollWidth} > ${el.clientWidth})`);
    const fields = [...main.querySelectorAll("input, select, button, [role=switch]")]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => {
        el.scrollIntoView({ block: "nearest", inline: "nearest" });
        const box = el.getBoundingClientRect();
        const label = el.getAttribute("aria-label") ?? el.id ?? "";
        return { label: label || el.textContent.trim().slice(0, 30), x: box.x, y: box.y, right: box.right, bottom: box.bottom };
      });
    return { sideways, fields };
  });
  assert(report.sideways.length === 0, `${what}: nothing scrolls sideways: ${report.sideways.join("; ")}`);
  assert(report.fields.length > 3, `${what}: fields found (${report.fields.length})`);
  for (const field of report.fields) {
    assert(
      field.x >= 0 && field.right <= viewport.width + 0.5,
      `${what}: "${field.label}" fits sideways (x ${Math.round(field.x)}–${Math.round(field.right)})`,
    );
    assert(
      field.y >= 0 && field.bottom <= viewport.height + 0.5,
      `${what}: "${field.label}" can be scrolled into the window (y ${Math.round(field.y)}–${Math.round(field.bottom)})`,
    );
  }
}

export const tests = [
  {
    name: "the add form starts at its top after the providers pane was scrolled",
    browser: { viewport: { width: 1200, height: 600 } },
    async run(context) {
      const { page, errors } = await openProviders(context);
      await page.getByTestId("provider-row").filter({ hasText: "n1n" }).click();
      await page.getByTestId("provider-detail").waitFor();
      const pane = await providerPane(page);
      await wheel(page, pane, 2000);
      await eventually(async () => (await pane.evaluate((el) => el.scrollTop)) > 300, "the pane scrolled");
      await page.getByRole("button", { name: "Add", exact: true }).click();
      await page.getByRole("menuitem", { name: "jiekou" }).click();
      await page.getByRole("heading", { name: "New provider: jiekou" }).waitFor();
      await settle(page);
      const formPane = await providerPane(page);
      assertEqual(await formPane.evaluate((el) => el.scrollTop), 0, "the add form's pane starts at its top");
      const paneBox = await formPane.boundingBox();
      for (const name of ["Name", "Base URL", "Authentication"]) {
        const box = await page.getByLabel(name, { exact: true }).boundingBox();
        assert(box.y >= paneBox.y, `${name} is not above the pane's top (${box.y} < ${paneBox.y})`);
      }
      assert(
        (await page.getByRole("heading", { name: "New provider: jiekou" }).boundingBox()).y >= paneBox.y,
        "the heading is in view",
      );
      assertNoErrors(errors);
    },
  },
  {
    name: "Test connection's result shows inside the window at 1200×780",
    browser: { viewport: { width: 1200, height: 780 } },
    async run(context) {
      const { page, errors } = await openProviders(context);
      const viewport = page.viewportSize();
      await page.getByTestId("provider-row").filter({ hasText: "n1n" }).click();
      const test = page.getByRole("button", { name: "Test connection" });
      await test.waitFor();
      // As the tester found it: the button just peeking over the window's bottom edge.
      const box = await bringToBottomEdge(page, test, 12);
      await page.mouse.click(box.x + box.width / 2, box.y + 6);
      const ok = page.getByTestId("connection-ok");
      await ok.waitFor();
      await settle(page);
      inside(await ok.boundingBox(), viewport, "the connection result");

      // The no-key notice, which is taller, too.
      await page.getByTestId("provider-row").filter({ hasText: "jiekou" }).click();
      await test.waitFor();
      const again = await bringToBottomEdge(page, test, 12);
      await page.mouse.click(again.x + again.width / 2, again.y + 6);
      const notice = page.getByTestId("connection-no-key");
      await notice.waitFor();
      await settle(page);
      inside(await notice.boundingBox(), viewport, "the no-key notice");
      await screenshot(page, "browser/providers-no-key.png");
      assertNoErrors(errors);
    },
  },
  ...["en", "zh-CN"].map((lang) => ({
    name: `every settings screen fits the minimum window (760×480, ${lang})`,
    browser: { viewport: MINIMUM, locale: lang === "en" ? "en-US" : "zh-CN" },
    async run(context) {
      const { page, errors } = await openProviders(context, `lang=${lang}`);
      const rows = page.getByTestId("provider-row");
      for (let index = 0; index < (await rows.count()); index++) {
        await rows.nth(index).click();
        await page.getByTestId("provider-detail").waitFor();
        await settle(page, 50);
        const clipped = await rows.nth(index).locator("span").first().evaluate((el) => el.scrollWidth > el.clientWidth);
        assert(!clipped, `provider name ${index} is not cut off`);
        await assertReachable(page, `provider ${index}`);
      }
      await screenshot(page, `browser/providers-minimum-${lang}.png`);

      // The add form, Custom (every field shown).
      const add = lang === "en" ? "Add" : "添加";
      const custom = lang === "en" ? "Custom (OpenAI-compatible)" : "自定义（兼容 OpenAI）";
      await page.getByRole("button", { name: add, exact: true }).click();
      await page.getByRole("menuitem", { name: custom }).click();
      await page.locator("#provider-url").waitFor();
      await assertReachable(page, "add form");

      await page.getByTestId("settings-nav-general").click();
      await page.getByTestId("about").waitFor();
      await assertReachable(page, "general");
      await screenshot(page, `browser/general-minimum-${lang}.png`);

      // The chat screen at the same size.
      await page.getByRole("button", { name: lang === "en" ? "Back" : "返回" }).click();
      const composer = page.getByRole("textbox", { name: lang === "en" ? "Message" : "消息" });
      await composer.waitFor();
      inside(await composer.boundingBox(), MINIMUM, "the composer");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 0, `chat: no horizontal overflow (${overflow}px)`);
      assertNoErrors(errors);
    },
  })),
];
