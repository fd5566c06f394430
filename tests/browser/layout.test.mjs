import { assert, assertEqual, assertNoErrors, eventually } from "./assert.mjs";
import { openApp, screenshot, settle } from "./lib.mjs";

export const tests = [
  {
    name: "the shell lays out sidebar, header and composer without overflow",
    async run(context) {
      const { page, errors } = await openApp(context);
      await page.getByRole("button", { name: "New chat" }).first().waitFor();
      const sidebar = await page.getByRole("complementary", { name: "Conversations" }).boundingBox();
      assertEqual(Math.round(sidebar.width), 260, "sidebar width");
      const composer = await page.getByRole("textbox", { name: "Message" }).boundingBox();
      assert(composer && composer.y + composer.height < 800, "composer is on screen");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 0, `no horizontal overflow (${overflow}px)`);
      assert(await page.getByText("Start a conversation").isVisible(), "empty state for a new chat");
      await screenshot(page, "browser/shell-new-chat.png");
      assertNoErrors(errors);
    },
  },
  {
    name: "first run offers the Offline demo and enters the app with it",
    async run(context) {
      const { page, errors } = await openApp(context, "firstrun=1&nokeychain=1");
      await page.getByRole("heading", { name: "Welcome to Portico" }).waitFor();
      assert(await page.getByText("No system keychain answered").isVisible(), "keychain warning shown");
      await screenshot(page, "browser/first-run.png");
      await page.getByRole("button", { name: /Try the Offline demo/ }).click();
      await page.getByRole("complementary", { name: "Conversations" }).waitFor();
      const picker = await page.getByTestId("model-picker").textContent();
      assert(picker.includes("Offline demo") && picker.includes("demo-chat"), `new chat uses the demo (${picker})`);
      assertNoErrors(errors);
    },
  },
  {
    name: "first run: Add your gateway validates the base URL",
    async run(context) {
      const { page } = await openApp(context, "firstrun=1");
      await page.getByRole("button", { name: /Add your gateway/ }).click();
      await page.getByRole("radio", { name: "Custom (OpenAI-compatible)" }).click();
      await page.getByRole("textbox", { name: "Base URL" }).fill("not a url");
      await page.getByRole("button", { name: "Add provider" }).click();
      await page.getByText("Enter a full http:// or https:// URL.").waitFor();
      await page.getByRole("textbox", { name: "Base URL" }).fill("https://gateway.example.com");
      await page.getByRole("button", { name: "Add provider" }).click();
      // Saved without a key: its models cannot be fetched, and the screen says so.
      const failed = page.getByTestId("add-fetch-failed");
      await failed.getByText("The provider is saved, but its models couldn't be fetched.").waitFor();
      await failed.getByRole("button", { name: "Continue without models" }).click();
      await page.getByRole("complementary", { name: "Conversations" }).waitFor();
    },
  },
  {
    name: "Chinese and dark theme render with CJK text and a dark surface",
    browser: { colorScheme: "dark", locale: "zh-CN" },
    async run(context) {
      const { page, errors } = await openApp(context);
      await page.getByRole("button", { name: "新对话" }).first().waitFor();
      assertEqual(await page.evaluate(() => document.documentElement.lang), "zh-CN", "html lang");
      assertEqual(await page.evaluate(() => document.documentElement.dataset.theme), "dark", "follows the system theme");
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [r, g, b] = background.match(/\d+/g).map(Number);
      assert(r + g + b < 120, `dark background (${background})`);
      await page.getByText("多模型网关入门").click();
      await page.getByText("API 网关").first().waitFor();
      // CJK glyphs have real width (a missing font renders zero-width or tofu boxes of one width).
      const width = await page.evaluate(() => {
        const span = document.createElement("span");
        span.textContent = "网关网关网关网关";
        document.body.append(span);
        const result = span.getBoundingClientRect().width;
        span.remove();
        return result;
      });
      assert(width > 60, `CJK text has width (${width})`);
      await screenshot(page, "browser/zh-dark-chat.png");
      assertNoErrors(errors);
    },
  },
  {
    name: "the command palette toggles the theme and opens settings",
    async run(context) {
      const { page } = await openApp(context, "theme=light");
      await page.getByRole("button", { name: "New chat" }).first().waitFor();
      await page.keyboard.press("Control+K");
      await page.getByPlaceholder("Type a command or a conversation title…").fill("theme");
      await page.keyboard.press("Enter");
      await eventually(async () => (await page.evaluate(() => document.documentElement.dataset.theme)) === "dark", "theme toggled to dark");
      await page.keyboard.press("Control+K");
      await page.getByPlaceholder("Type a command or a conversation title…").fill("general");
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { name: "Keyboard shortcuts" }).waitFor();
      await settle(page);
    },
  },
];
