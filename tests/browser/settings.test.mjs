import { assert, assertNoErrors } from "./assert.mjs";
import { openApp, screenshot } from "./lib.mjs";

export const tests = [
  {
    name: "providers: key status, connection test, fetch models and pick a default",
    async run(context) {
      const { page, errors } = await openApp(context);
      await page.getByRole("button", { name: "Settings" }).click();
      const rows = page.getByTestId("provider-row");
      await rows.first().waitFor();
      assert((await rows.count()) === 4, "four providers");
      assert(await page.getByText("•••• a1b2").first().isVisible(), "masked key");
      assert(await page.getByText("Session only").first().isVisible(), "session-only badge");
      await rows.filter({ hasText: "n1n" }).click();
      await page.getByRole("button", { name: "Test connection" }).click();
      const ok = await page.getByTestId("connection-ok").textContent({ timeout: 5000 });
      assert(/Connected · 123 ms · 20 models/.test(ok), `connection result (${ok})`);
      await page.getByRole("button", { name: "Fetch models" }).click();
      await page.getByLabel("Filter models").fill("deepseek");
      await page.getByRole("radio", { name: /deepseek-r1/ }).click();
      await page.getByRole("radio", { name: /deepseek-r1/ }).getByText("Default").waitFor();
      await screenshot(page, "browser/providers.png");
      // A provider without a key: the test says no key is set (nothing is sent), and the
      // notice goes once a key is saved.
      await rows.filter({ hasText: "jiekou" }).click();
      await page.getByRole("button", { name: "Test connection" }).click();
      await page.getByRole("alert").getByText("No API key is set").waitFor();
      await page.getByLabel("API key").first().fill("sk-test-0000wxyz");
      await page.getByRole("button", { name: "Save key" }).click();
      await page.getByTestId("masked-key").getByText("•••• wxyz").waitFor();
      assert((await page.getByRole("alert").count()) === 0, "the no-key notice is gone");
      assertNoErrors(errors);
    },
  },
  {
    name: "general settings switch language and theme",
    async run(context) {
      const { page } = await openApp(context, "theme=light");
      await page.getByRole("button", { name: "Settings" }).click();
      await page.getByRole("button", { name: "General" }).click();
      await page.getByRole("radio", { name: "简体中文" }).click();
      await page.getByRole("heading", { name: "键盘快捷键" }).waitFor();
      await page.getByRole("radio", { name: "深色" }).click();
      const theme = await page.evaluate(() => document.documentElement.dataset.theme);
      assert(theme === "dark", `dark theme (${theme})`);
      const about = await page.getByTestId("about").textContent();
      assert(about.includes("0.1.0-mock"), "About shows the version");
      await screenshot(page, "browser/general-zh-dark.png");
    },
  },
];
