import { assert, assertNoErrors, eventually } from "./assert.mjs";
import { openApp, screenshot, wheel } from "./lib.mjs";

async function openLongConversation(page) {
  await page.getByRole("button", { name: "Streaming SSE parser in Rust", exact: true }).click();
  await page.getByTestId("message-scroller").locator("article").first().waitFor();
}

export const tests = [
  {
    name: "markdown: code with language and highlighting, tables, math, raw HTML as text",
    async run(context) {
      const { page, errors } = await openApp(context);
      await openLongConversation(page);
      const scroller = page.getByTestId("message-scroller");
      await eventually(() => scroller.locator(".code-block[data-language='bash']").count(), "bash code block");
      await eventually(() => scroller.locator("table").count(), "a table");
      await eventually(() => scroller.locator(".hljs-string, .hljs-keyword, .hljs-built_in").count(), "highlighted tokens");
      assert((await scroller.locator("img").count()) === 0, "raw <img> from the model is not an element");
      assert(await scroller.getByText('<img src=x onerror="alert(1)">', { exact: false }).isVisible(), "raw HTML is visible as text");
      assert(await scroller.getByText("Interrupted").isVisible(), "interrupted badge");
      await screenshot(page, "browser/markdown-bottom.png");
      // Up the thread: math, the reasoning block and the branch arrows of the first answer.
      await eventually(async () => {
        await wheel(page, scroller, -20_000);
        return scroller.getByText("3/3").isVisible();
      }, "branch arrows 3/3 on the first answer");
      await eventually(() => scroller.locator(".katex").count(), "KaTeX math");
      assert(await scroller.getByRole("button", { name: /Thought for/ }).first().isVisible(), "reasoning block collapsed");
      await screenshot(page, "browser/markdown-top.png");
      await scroller.getByRole("button", { name: "Previous version" }).first().click();
      await eventually(() => scroller.getByText("2/3").isVisible(), "switched to 2/3");
      assertNoErrors(errors);
    },
  },
  {
    name: "sending streams a reply, shows stats, and the new chat joins the list",
    async run(context) {
      const { page, errors } = await openApp(context);
      const composer = page.getByRole("textbox", { name: "Message" });
      await composer.fill("Explain streaming in one paragraph");
      await composer.press("Enter");
      const scroller = page.getByTestId("message-scroller");
      await scroller.locator("article[data-status='streaming']").waitFor();
      assert(await page.getByRole("button", { name: "Stop" }).isVisible(), "Stop button while streaming");
      await screenshot(page, "browser/streaming.png");
      await scroller.getByTestId("message-stats").waitFor({ timeout: 20_000 });
      const stats = await scroller.getByTestId("message-stats").textContent();
      assert(/tokens/.test(stats) && /tok\/s/.test(stats), `stats shown (${stats})`);
      assert((await composer.inputValue()) === "", "draft cleared after sending");
      await page.getByTestId("conversation-list").getByText("Explain streaming in one paragraph").waitFor();
      assertNoErrors(errors);
    },
  },
  {
    name: "Stop cancels a reply and Escape stops too; a failed reply explains itself",
    async run(context) {
      const { page } = await openApp(context);
      const composer = page.getByRole("textbox", { name: "Message" });
      await composer.fill("Tell me a long story");
      await composer.press("Enter");
      await page.getByRole("button", { name: "Stop" }).click();
      await page.getByText("Stopped").first().waitFor();
      await composer.fill("Tell me another one");
      await composer.press("Enter");
      await page.getByRole("button", { name: "Stop" }).waitFor();
      await composer.press("Escape");
      await eventually(async () => (await page.getByText("Stopped", { exact: true }).count()) === 2, "Escape stopped the second reply");
      await composer.fill("please fail now");
      await composer.press("Enter");
      const alert = page.getByRole("alert").filter({ hasText: "Could not reach the gateway" });
      await alert.waitFor({ timeout: 20_000 });
      await alert.getByRole("button", { name: "Details" }).click();
      await alert.getByText("connection reset by peer", { exact: false }).waitFor();
      await screenshot(page, "browser/error.png");
    },
  },
  {
    name: "a removed key gives an auth error in words with a way to the provider settings",
    async run(context) {
      const { page, errors } = await openApp(context);
      await page.getByRole("button", { name: "Settings" }).click();
      await page.getByTestId("provider-row").filter({ hasText: "n1n" }).click();
      await page.getByRole("button", { name: "Remove key" }).click();
      // Removing asks first: the key can never be shown again.
      await page.getByRole("dialog").getByRole("button", { name: "Remove key" }).click();
      await page.getByRole("button", { name: "Save key" }).waitFor();
      await page.getByRole("button", { name: "Back" }).click();
      // The model picker searches across providers.
      await page.keyboard.press("Control+Shift+M");
      await page.getByPlaceholder("Search models…").fill("jiekou");
      await page.getByRole("option", { name: /fetch models/i }).waitFor();
      await page.getByPlaceholder("Search models…").fill("n1n gpt-4o-mini");
      await page.keyboard.press("Enter");
      const picker = await page.getByTestId("model-picker").textContent();
      assert(picker.includes("n1n") && picker.includes("gpt-4o-mini"), `picked n1n / gpt-4o-mini (${picker})`);
      const composer = page.getByRole("textbox", { name: "Message" });
      await composer.fill("Hello?");
      await composer.press("Enter");
      const alert = page.getByRole("alert").filter({ hasText: "The gateway rejected your API key" });
      await alert.waitFor({ timeout: 10_000 });
      await screenshot(page, "browser/auth-error.png");
      await alert.getByRole("button", { name: "Open provider settings" }).click();
      await page.getByTestId("provider-detail").getByRole("heading", { name: "n1n" }).waitFor();
      assertNoErrors(errors);
    },
  },
  {
    name: "search shows highlighted matches and opens the message",
    async run(context) {
      const { page, errors } = await openApp(context);
      await page.keyboard.press("Control+Shift+F");
      await page.keyboard.type("limerick");
      const results = page.getByTestId("search-results");
      await eventually(
        async () => (await results.locator("mark").first().textContent())?.toLowerCase() === "limerick",
        "the match is marked",
      );
      await screenshot(page, "browser/search.png");
      await results.getByTestId("search-hit").first().click();
      await page.getByRole("heading", { name: "Gateway errors" }).or(page.getByRole("button", { name: "Gateway errors", exact: true })).first().waitFor();
      await page.locator(".message-flash").waitFor();
      assertNoErrors(errors);
    },
  },
  {
    name: "a context overflow is worded in Chinese, quotes the gateway, and starts a new chat with the question",
    async run(context) {
      const { page, errors } = await openApp(context, "lang=zh-CN");
      await page.getByRole("button", { name: "Gateway errors", exact: true }).click();
      const alert = page.getByRole("alert").filter({ hasText: "对话太长，超出了此模型的上限" });
      await alert.waitFor({ timeout: 10_000 });
      const body = await alert.textContent();
      assert(body.includes("对话长度超出了此模型的上下文窗口"), `the body is in Chinese (${body})`);
      assert(!body.includes("context window"), `no English sentence from the backend (${body})`);
      await alert.getByRole("button", { name: "详情" }).click();
      const said = alert.getByTestId("gateway-said");
      await said.waitFor();
      const quoted = await said.textContent();
      assert(quoted.includes("网关原话"), `the gateway's words are labelled (${quoted})`);
      assert(quoted.includes("“This model's maximum context length is 8192 tokens."), `quoted as it came (${quoted})`);
      await screenshot(page, "browser/context-overflow-zh.png");
      await alert.getByRole("button", { name: "用这条消息开始新对话" }).click();
      const composer = page.getByRole("textbox", { name: "消息" });
      await eventually(
        async () => (await composer.inputValue()) === "Now put every limerick above into one long poem.",
        "the question waits in the new chat's composer",
      );
      const picker = await page.getByTestId("model-picker").textContent();
      assert(picker.includes("gpt-4o"), `same model (${picker})`);
      assert((await page.getByTestId("message-scroller").count()) === 0, "an empty new chat");
      await screenshot(page, "browser/context-overflow-new-chat-zh.png");
      assertNoErrors(errors);
    },
  },
];
