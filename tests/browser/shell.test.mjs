// The app shell: the command palette, Escape in Settings, the conversation restored at launch.
import { assert, eventually } from "./assert.mjs";
import { openApp, screenshot } from "./lib.mjs";

const headerTitle = (page) => page.locator("main header").first().innerText();

export const tests = [
  {
    name: "the command palette finds a conversation by title and opens it from the keyboard",
    async run(context) {
      const { page, errors } = await openApp(context);
      await page.getByTestId("conversation-list").waitFor();
      await page.keyboard.press("Control+K");
      await page.keyboard.type("gateway err");
      const option = page.getByRole("option", { name: "Gateway errors" });
      await option.waitFor();
      await screenshot(page, "browser/palette-conversations.png");
      await eventually(async () => (await option.getAttribute("aria-selected")) === "true", "the match is selected");
      await page.keyboard.press("Enter");
      await eventually(async () => (await headerTitle(page)).includes("Gateway errors"), "the conversation is open");
      assert(errors.length === 0, `no errors: ${errors.join(" | ")}`);
    },
  },
  {
    name: "Escape leaves Settings for the conversation that was open",
    async run(context) {
      const { page, errors } = await openApp(context);
      await page.getByRole("button", { name: "Gateway errors", exact: true }).click();
      await page.keyboard.press("Control+,");
      await page.getByRole("button", { name: "Back" }).waitFor();
      await page.keyboard.press("Escape");
      await eventually(async () => (await headerTitle(page)).includes("Gateway errors"), "back in the conversation");
      assert(errors.length === 0, `no errors: ${errors.join(" | ")}`);
    },
  },
  {
    name: "a relaunch opens the last conversation, and a new chat when it is gone",
    async run(context) {
      const { page, errors } = await openApp(context);
      await page.getByRole("button", { name: "Gateway errors", exact: true }).click();
      await eventually(async () => (await headerTitle(page)).includes("Gateway errors"), "opened");
      await page.reload();
      await page.getByTestId("message-scroller").locator("article").first().waitFor();
      assert((await headerTitle(page)).includes("Gateway errors"), "the same conversation after a relaunch");

      await page.evaluate(() => localStorage.setItem("portico.lastConversation", "c_deleted"));
      await page.reload();
      await eventually(async () => (await headerTitle(page)).includes("New chat"), "a new chat instead");
      await page.getByRole("textbox", { name: "Message" }).waitFor();
      assert(
        (await page.evaluate(() => localStorage.getItem("portico.lastConversation"))) === null,
        "the missing conversation is forgotten",
      );
      // The notFound answer for the missing conversation is expected; nothing else.
      assert(errors.every((error) => /not found|no longer exists|c_deleted/i.test(error)), `no other errors: ${errors.join(" | ")}`);
    },
  },
  {
    name: "a conversation with a system prompt says so, and Parameters → Save says Saved",
    async run(context) {
      const { page, errors } = await openApp(context);
      await page.getByRole("button", { name: "Streaming SSE parser in Rust", exact: true }).click();
      await page.getByRole("button", { name: "System prompt" }).click();
      await page.getByLabel("Temperature").fill("0.4");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await page.getByRole("status").getByText("Saved").waitFor();
      await page.getByRole("button", { name: "New chat" }).first().click();
      await eventually(async () => (await page.getByRole("button", { name: "System prompt" }).count()) === 0, "a new chat has none");
      assert(errors.length === 0, `no errors: ${errors.join(" | ")}`);
    },
  },
];
