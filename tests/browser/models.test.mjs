import { assert, assertNoErrors, eventually } from "./assert.mjs";
import { openApp, screenshot, settle } from "./lib.mjs";

/** Geometry of the open picker: popover, search field, placeholder, list and selected row. */
async function pickerGeometry(page) {
  return page.evaluate(() => {
    const content = document.querySelector('[data-testid="model-picker-content"]');
    const input = content.querySelector('[data-testid="model-search"]');
    const list = content.querySelector("[cmdk-list]");
    const selected = content.querySelector('[cmdk-item][data-selected="true"]');
    const style = getComputedStyle(input);
    const canvas = document.createElement("canvas").getContext("2d");
    canvas.font = `${style.fontSize} ${style.fontFamily}`;
    const rect = (el) => el.getBoundingClientRect().toJSON();
    return {
      content: rect(content),
      input: rect(input),
      placeholderWidth: canvas.measureText(input.placeholder).width,
      inputInner: input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
      list: rect(list),
      listScrollTop: list.scrollTop,
      selected: selected ? { ...rect(selected), text: selected.textContent } : null,
      viewport: { width: innerWidth, height: innerHeight },
    };
  });
}

async function openPicker(page) {
  await page.getByTestId("model-picker").click();
  await page.getByTestId("model-picker-content").waitFor();
  await settle(page);
}

function checkLayout(g, label) {
  assert(g.input.width >= g.content.width - 60, `${label}: search spans the popover (${g.input.width} of ${g.content.width})`);
  assert(g.placeholderWidth <= g.inputInner, `${label}: placeholder fits (${g.placeholderWidth} <= ${g.inputInner})`);
  assert(g.content.left >= 0 && g.content.right <= g.viewport.width, `${label}: popover within the window horizontally`);
  assert(g.content.bottom <= g.viewport.height, `${label}: popover within the window vertically`);
}

export const tests = [
  {
    name: "model picker: full-width search, chat models first, opens on the current model",
    async run(context) {
      const { page, errors } = await openApp(context);
      // New chats use the default provider: the first gateway, not the Offline demo.
      const trigger = page.getByTestId("model-picker");
      await eventually(async () => /n1n/.test(await trigger.textContent()), "the new chat uses n1n");
      await openPicker(page);
      checkLayout(await pickerGeometry(page), "1280x800");
      // Pick a model far down the list, then reopen: the list starts there.
      await page.getByTestId("model-search").fill("qwen2.5");
      await page.getByRole("option", { name: /qwen2\.5-72b-instruct/ }).first().click();
      await eventually(async () => /qwen2\.5-72b-instruct/.test(await trigger.textContent()), "picked");
      await openPicker(page);
      const g = await pickerGeometry(page);
      assert(g.selected?.text.includes("qwen2.5-72b-instruct"), `current model selected (${g.selected?.text})`);
      assert(g.listScrollTop > 0, `the list is scrolled (${g.listScrollTop})`);
      assert(g.selected.top >= g.list.top && g.selected.bottom <= g.list.bottom, "the current model is in view");
      // Within n1n, chat models come first and the other kinds are marked.
      const kinds = await page
        .getByRole("group", { name: "n1n" })
        .locator("[cmdk-item]")
        .evaluateAll((rows) => rows.map((row) => row.dataset.kind));
      const firstOther = kinds.findIndex((kind) => kind !== "chat");
      assert(firstOther > 0 && kinds.slice(firstOther).every((kind) => kind !== "chat"), `chat first (${kinds})`);
      assert(await page.getByTestId("model-kind").filter({ hasText: "Embedding" }).first().isVisible(), "embedding marked");
      await screenshot(page, "browser/model-picker.png");
      assertNoErrors(errors);
    },
  },
  {
    name: "model picker: fetches in place and explains a failure, in a small Chinese window",
    browser: { locale: "zh-CN", viewport: { width: 760, height: 480 } },
    async run(context) {
      const { page, errors } = await openApp(context);
      await openPicker(page);
      checkLayout(await pickerGeometry(page), "760x480 zh-CN");
      // jiekou has no models and no key: fetching says why, inside the picker.
      await page.getByTestId("model-search").fill("jiekou");
      await page.getByTestId("picker-fetch-models").click();
      await page.getByTestId("picker-fetch-error").waitFor();
      assert(await page.getByText("重新获取模型列表").isVisible(), "retry offered");
      await screenshot(page, "browser/model-picker-error-zh.png");
      assertNoErrors(errors);
    },
  },
];
