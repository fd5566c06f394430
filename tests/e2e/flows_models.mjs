// Getting started with one's own gateway: a Custom gateway added with no default model ends
// with its models fetched and one chosen, replaces the Offline demo for new chats, answers,
// and is still what a new chat uses after a relaunch.
import { join } from "node:path";
import {
  KEY,
  SIM_URL,
  WORK,
  assert,
  click,
  eventually,
  replyCompletes,
  screenshot,
  send,
  visible,
  withApp,
} from "./lib.mjs";

const customDir = join(WORK, "custom-profile");

async function pickerText(browser) {
  const picker = await visible(browser, '[data-testid="model-picker"]');
  return picker.getText();
}

async function newChatUses(browser, wanted, message) {
  await click(browser, "button*=New chat");
  // "Provider / model": the slash is spaced by margins, not by characters.
  const squeeze = (text) => text.replace(/\s+/g, "");
  await eventually(
    async () => squeeze(await pickerText(browser)).includes(squeeze(wanted)),
    message,
  );
}

async function sendAndFinish(browser, text) {
  await send(browser, text);
  return replyCompletes(browser);
}

export const modelFlows = [
  {
    name: "a Custom gateway without a default model gets one, replaces the demo, and stays after a relaunch",
    async run() {
      await withApp(customDir, "custom-gateway", async (browser) => {
        await visible(browser, "h1=Welcome to Portico");
        await click(browser, "button*=Try the Offline demo");
        await newChatUses(
          browser,
          "Offline demo / demo-chat",
          "the demo is the default at first",
        );

        // Settings → Providers → Add → Custom, with no default model.
        await click(browser, "button*=Settings");
        await click(browser, "button=Add");
        await click(browser, '[role="menuitem"]=Custom (OpenAI-compatible)');
        await (await visible(browser, "#provider-name")).setValue("Sim custom");
        await (await visible(browser, "#provider-url")).setValue(SIM_URL);
        await (await visible(browser, "#provider-key")).setValue(KEY);
        const defaultModel = await visible(browser, "#provider-default-model");
        assert(
          (await defaultModel.getValue()) === "",
          "no default model given",
        );
        await click(browser, "button=Add provider");

        // Its models are fetched and the first chat model is its default.
        await eventually(
          () =>
            browser.execute(() =>
              [
                ...document.querySelectorAll(
                  '[role="radio"][aria-checked="true"]',
                ),
              ].some((el) => el.textContent.includes("demo-chat")),
            ),
          "demo-chat is the default model in the provider's list",
        );
        await screenshot(browser, "custom-gateway-added");

        await click(browser, "button*=Back");
        await newChatUses(
          browser,
          "Sim custom / demo-chat",
          "a new chat uses the gateway",
        );
        const reply = await sendAndFinish(browser, "Hello from my own gateway");
        assert(
          /Reference: ref[a-z]+/.test(reply.text),
          `a simulator reply: ${reply.text.slice(0, 120)}`,
        );
      });

      await withApp(customDir, "custom-gateway-relaunch", async (browser) => {
        await newChatUses(
          browser,
          "Sim custom / demo-chat",
          "after a relaunch, new chats still use it",
        );
        const reply = await sendAndFinish(browser, "Still there?");
        assert(reply.text.length > 0, "the gateway answers after the relaunch");
        await screenshot(browser, "custom-gateway-relaunch");
      });
    },
  },
];
