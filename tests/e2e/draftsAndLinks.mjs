// Drafts survive a SIGKILL, and links in a reply reach the system opener (a stand-in on
// PATH, see run.sh) exactly as written, while other schemes open nothing.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  COMPOSER,
  WORK,
  appPids,
  assert,
  click,
  eventually,
  launch,
  lastReply,
  replyCompletes,
  screenshot,
  visible,
  withApp,
} from "./lib.mjs";

const draftsDir = join(WORK, "drafts-profile");
const OPENED = process.env.PORTICO_E2E_OPENED;

/** Text of `length` characters, in words and lines, with some Chinese in it. */
function longDraft(label, length) {
  const line = `${label}: a draft nobody sent yet, 草稿不能丢。 `;
  let text = "";
  while (text.length < length)
    text += line + (text.length % 3 === 0 ? "\n" : "");
  return text.slice(0, length);
}

async function composerValue(browser) {
  return browser.execute(
    (sel) => document.querySelector(sel)?.value ?? null,
    COMPOSER,
  );
}

/** Types `text` as the user would: the composer gets real keystrokes for the last part. */
async function typeDraft(browser, text) {
  const composer = await visible(browser, COMPOSER);
  await eventually(() => composer.isEnabled(), "the composer is enabled");
  await composer.click();
  // Most of it as a paste would arrive (one input event), the rest as keystrokes.
  const head = text.slice(0, -20);
  await browser.execute(
    (sel, value) => {
      const area = document.querySelector(sel);
      const setter = Object.getOwnPropertyDescriptor(
        HTMLTextAreaElement.prototype,
        "value",
      ).set;
      setter.call(area, value);
      area.dispatchEvent(new Event("input", { bubbles: true }));
    },
    COMPOSER,
    head,
  );
  await composer.addValue(text.slice(-20));
  await eventually(
    async () => (await composerValue(browser)) === text,
    `the composer holds the whole draft (${text.length} characters)`,
  );
}

/** Replaces the composer's text (a restored draft may be there) and sends it. */
async function sendAndFinish(browser, text) {
  const before = (await lastReply(browser))?.id;
  await typeDraft(browser, text);
  await browser.keys("Enter");
  return replyCompletes(browser, before);
}

/** SIGKILLs the app on `dataDir` and waits until it is gone; the session dies with it. */
async function killApp(browser, dataDir) {
  const pids = appPids(dataDir);
  assert(pids.length > 0, "the app is running");
  for (const pid of pids) process.kill(pid, "SIGKILL");
  await eventually(
    () => appPids(dataDir).length === 0,
    "the killed app is gone",
  );
  // The session died with the app; its driver may take a moment to notice.
  await Promise.race([
    browser.deleteSession().catch(() => {}),
    new Promise((resolve) => setTimeout(resolve, 5000)),
  ]);
}

/** Past the first-run screen: the Offline demo, on a new profile. */
async function ensureProvider(browser) {
  const first = await eventually(async () => {
    if (await (await browser.$(COMPOSER)).isExisting()) return "composer";
    if (await (await browser.$("button*=Try the Offline demo")).isExisting())
      return "welcome";
    return null;
  }, "the app shows the chat or the first-run screen");
  if (first === "welcome") await click(browser, "button*=Try the Offline demo");
}

function openedUrls() {
  return OPENED && existsSync(OPENED)
    ? readFileSync(OPENED, "utf8").split("\n").filter(Boolean)
    : [];
}

export const draftsAndLinksFlows = [
  {
    name: "unsent drafts in a new chat and a conversation survive a SIGKILL",
    async run() {
      const inConversation = longDraft("conversation", 1254);
      const inNewChat = longDraft("new chat", 2094);
      const browser = await launch(draftsDir);
      try {
        await ensureProvider(browser);
        await sendAndFinish(
          browser,
          "A first message, so there is a conversation",
        );
        await typeDraft(browser, inConversation);
        await click(browser, "button*=New chat");
        await eventually(
          async () => (await composerValue(browser)) === "",
          "the new chat's composer is empty",
        );
        await typeDraft(browser, inNewChat);
        // Typing has stopped: the draft reaches the disk shortly after.
        await new Promise((resolve) => setTimeout(resolve, 1500));
      } catch (error) {
        await screenshot(browser, "FAILED-drafts-before-kill").catch(() => {});
        throw error;
      }
      await killApp(browser, draftsDir);

      await withApp(draftsDir, "drafts-after-kill", async (relaunched) => {
        // A relaunch reopens the conversation last open, with its draft...
        await eventually(
          async () => (await composerValue(relaunched)) === inConversation,
          "the conversation's draft is back",
        );
        await eventually(
          () =>
            relaunched.execute(() =>
              [...document.querySelectorAll("article")].some((a) =>
                a.innerText.includes(
                  "A first message, so there is a conversation",
                ),
              ),
            ),
          "the conversation's messages show above the draft",
        );
        // ...and the new chat has its own.
        await click(relaunched, "button*=New chat");
        await eventually(
          async () => (await composerValue(relaunched)) === inNewChat,
          "the new chat's draft is back",
        );
        await relaunched.$('[data-testid="conversation-row"]').then((row) => row.click());
        await eventually(
          async () => (await composerValue(relaunched)) === inConversation,
          "the conversation's draft is still there",
        );
        await screenshot(relaunched, "draft-after-kill");
      });
    },
  },
  {
    name: "an https link in a reply opens in the system opener; a javascript: link opens nothing",
    async run() {
      assert(OPENED, "run.sh puts a stand-in opener on PATH");
      // Short enough for the simulator's quote of the prompt (80 characters).
      const url = "https://example.com/docs?lang=en#links";
      await withApp(draftsDir, "links", async (browser) => {
        await ensureProvider(browser);
        await click(browser, "button*=New chat");
        // The simulator quotes the prompt in its reply, so the links come back as markdown.
        const reply = await sendAndFinish(
          browser,
          `[the docs](${url}) [run](javascript:alert(1))`,
        );
        const article = await browser.$(
          `article[data-message-id="${reply.id}"]`,
        );
        const link = await article.$("a=the docs");
        assert(
          await link.isExisting(),
          `the reply has the link: ${reply.text.slice(0, 120)}`,
        );
        assert(
          (await link.getAttribute("href")) === url,
          "the link points where it says",
        );

        // The URL shows before the click.
        await link.moveTo();
        const tooltip = await visible(browser, '[role="tooltip"]');
        assert(
          (await tooltip.getText()).includes(url),
          "the hover shows the full URL",
        );

        const inert = await article.$("span[data-link-inert]=run");
        assert(await inert.isExisting(), "the javascript: link renders inert");
        await inert.click();
        await link.click();
        await eventually(() => {
          const urls = openedUrls();
          return urls.length > 0 ? urls : null;
        }, "the system opener was asked to open the link");
        // Time for a second, unwanted open to show up.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const opened = openedUrls();
        assert(
          opened.length === 1 && opened[0] === url,
          `the opener received exactly the link, once: ${JSON.stringify(opened)}`,
        );
        await screenshot(browser, "link-opened");
      });
    },
  },
];
