// The flows a person does in the real app, end to end.
import { join } from "node:path";
import {
  COMPOSER,
  KEY,
  SIM_URL,
  WORK,
  assert,
  click,
  eventually,
  fileContains,
  filesBelow,
  lastReply,
  replyCompletes,
  screenshot,
  send,
  visible,
  withApp,
} from "./lib.mjs";
import { markdownFlows } from "./markdown.mjs";
import { modelFlows } from "./flows_models.mjs";
import { killFlows } from "./kill.mjs";

const demoDir = join(WORK, "demo-profile");
const mainDir = join(WORK, "main-profile");
const state = {};

/** Waits for the last reply to stream (text growing) and then to finish. */
async function watchReply(browser, { expectGrowth = true } = {}) {
  if (expectGrowth) {
    const first = await eventually(async () => {
      const r = await lastReply(browser);
      return r && r.status === "streaming" && r.text.length > 0 ? r : null;
    }, "the reply starts streaming");
    await eventually(async () => {
      const r = await lastReply(browser);
      return r && r.text.length > first.text.length;
    }, "the reply grows while it streams");
  }
  return replyCompletes(browser);
}

export const flows = [
  {
    name: "first run offers the Offline demo, which streams a reply without a key",
    async run() {
      await withApp(demoDir, "offline-demo", async (browser) => {
        await visible(browser, "h1=Welcome to Portico");
        await click(browser, "button*=Try the Offline demo");
        await send(browser, "Hello Portico, what can you do?");
        const reply = await watchReply(browser);
        assert(
          /Reference: ref[a-z]+/.test(reply.text),
          `a simulator reply: ${reply.text.slice(0, 120)}`,
        );
        await screenshot(browser, "offline-demo-reply");
      });
    },
  },
  {
    name: "add a gateway with a key, stream, stop, regenerate and search",
    async run() {
      await withApp(mainDir, "gateway", async (browser) => {
        await click(browser, "button*=Add your gateway");
        await click(browser, 'button[role="radio"]=Custom (OpenAI-compatible)');
        await (
          await visible(browser, "#provider-name")
        ).setValue("Sim gateway");
        await (await visible(browser, "#provider-url")).setValue(SIM_URL);
        await (await visible(browser, "#provider-key")).setValue(KEY);
        await (
          await visible(browser, "#provider-default-model")
        ).setValue("demo-chat");
        await click(browser, "button=Add provider");

        await send(browser, "Explain server-sent events");
        const reply = await watchReply(browser);
        state.reference = reply.text.match(/Reference: (ref[a-z]+)/)?.[1];
        assert(
          state.reference,
          `the reply has a reference word: ${reply.text.slice(0, 160)}`,
        );

        // Stop one mid-stream: the partial text stays, marked as stopped.
        await send(browser, "Tell me a very long story sim:words=6000");
        await eventually(async () => {
          const r = await lastReply(browser);
          return r && r.status === "streaming" && r.text.length > 40;
        }, "the long reply is streaming");
        await click(browser, 'button[aria-label="Stop"]');
        const stopped = await eventually(async () => {
          const r = await lastReply(browser);
          return r && r.status === "canceled" ? r : null;
        }, "the reply is marked stopped");
        assert(
          stopped.text.includes("Tell me a very long story"),
          "the partial reply is kept",
        );
        state.stoppedId = stopped.id;

        // Regenerate it: a second version, with arrows to switch between them.
        const article = await browser.$(
          `article[data-message-id="${stopped.id}"]`,
        );
        await article.moveTo();
        await (await article.$('button[aria-label="Regenerate"]')).click();
        await eventually(
          async () => {
            const r = await lastReply(browser);
            return r && r.id !== stopped.id && r.status !== "streaming"
              ? r
              : null;
          },
          "the regenerated reply finishes",
          60_000,
        );
        await eventually(
          () => browser.execute(() => document.body.innerText.includes("2/2")),
          "branch arrows show 2/2",
        );

        // Search for a word that only the first reply contains, and jump to it.
        const search = await visible(
          browser,
          'input[aria-label="Search all conversations"]',
        );
        await search.setValue(state.reference);
        // Results update as the user types: wait for the ones for the whole word.
        const hit = await eventually(async () => {
          for (const candidate of await browser.$$(
            '[data-testid="search-hit"]',
          )) {
            const text = await browser.execute((el) => el.innerText, candidate);
            if (text.includes(state.reference)) return candidate;
          }
          return null;
        }, "a search hit showing the reference word");
        const marked = await browser.execute(
          () =>
            document.querySelector('[data-testid="search-hit"] mark')
              ?.textContent ?? "",
        );
        assert(marked.length > 0, "the match is highlighted");
        await hit.click();
        await eventually(
          () =>
            browser.execute(
              (ref) =>
                [...document.querySelectorAll("article")].some((a) =>
                  a.innerText.includes(ref),
                ),
              state.reference,
            ),
          "the conversation with the match is open",
        );
        await screenshot(browser, "search-jump");
      });
    },
  },
  {
    name: "quit and relaunch: conversations, stopped replies and the key are all still there",
    async run() {
      assert(state.reference, "depends on the previous flow");
      await withApp(mainDir, "relaunch", async (browser) => {
        // The conversation open at quit (the search jump's) opens again by itself.
        await eventually(
          () =>
            browser.execute(
              (ref) =>
                [...document.querySelectorAll("article")].some((a) =>
                  a.innerText.includes(ref),
                ),
              state.reference,
            ),
          "the conversation open at quit is open again",
        );
        const rows = await eventually(async () => {
          const list = await browser.$$('[data-testid="conversation-row"]');
          return list.length >= 1 ? list : null;
        }, "the conversation list is back");
        const titles = [];
        for (const row of rows)
          titles.push(await browser.execute((el) => el.innerText, row));
        const index = titles.findIndex((t) =>
          t.includes("Explain server-sent events"),
        );
        assert(
          index >= 0,
          `the conversation is listed under its first message: ${titles}`,
        );
        await rows[index].click();
        await eventually(
          () =>
            browser.execute(() =>
              document.body.innerText.includes("Tell me a very long story"),
            ),
          "the whole conversation is back",
        );
        await eventually(
          () => browser.execute(() => document.body.innerText.includes("2/2")),
          "the two versions of the stopped reply are still there",
        );

        // Replies render as markdown after the restart, and raw markup never shows meanwhile.
        const shownRaw = await browser.executeAsync((done) => {
          const started = performance.now();
          let raw = 0;
          const tick = () => {
            for (const a of document.querySelectorAll(
              'article[data-role="assistant"]',
            )) {
              const visible = [...a.querySelectorAll("*")].some(
                (el) =>
                  el.childElementCount === 0 &&
                  el.textContent.includes("|---|") &&
                  getComputedStyle(el).color !== "rgba(0, 0, 0, 0)",
              );
              if (visible) raw += 1;
            }
            const tables = document.querySelectorAll("article table").length;
            if (tables >= 2 || performance.now() - started > 8000)
              done({ raw, tables });
            else setTimeout(tick, 50);
          };
          tick();
        });
        assert(
          shownRaw.tables >= 2,
          `the replies' tables render (${shownRaw.tables})`,
        );
        assert(
          shownRaw.raw === 0,
          `raw markdown was visible ${shownRaw.raw} times`,
        );

        // A new message after the restart: the key comes back from the keychain.
        const before = (await lastReply(browser))?.id;
        await send(browser, "Still there after a restart?");
        const reply = await eventually(
          async () => {
            const r = await lastReply(browser);
            return r && r.id !== before && r.status === "complete" ? r : null;
          },
          "the new reply completes",
          30_000,
        );
        assert(
          reply.text.includes("Still there after a restart?"),
          "a reply after relaunch",
        );
        await screenshot(browser, "after-relaunch");
      });
    },
  },
  {
    name: "the key never reaches the database, the app's files or the logs",
    async run() {
      assert(state.reference, "depends on the previous flows");
      const roots = [
        mainDir,
        process.env.XDG_DATA_HOME,
        process.env.XDG_CONFIG_HOME,
        process.env.XDG_CACHE_HOME,
        WORK,
      ].filter(Boolean);
      let scanned = 0;
      for (const root of new Set(roots)) {
        for (const file of filesBelow(root)) {
          // gnome-keyring's own encrypted store is where the key belongs.
          if (file.includes("/keyrings/")) continue;
          scanned += 1;
          assert(!fileContains(file, KEY), `the key is in ${file}`);
        }
      }
      assert(
        scanned >= 3,
        `scanned the database, its WAL and the logs (${scanned} files)`,
      );
      const db = filesBelow(mainDir).filter((f) => f.includes("portico.db"));
      assert(db.length >= 1, "the database file exists");
    },
  },
  {
    name: "errors in words: a bare 400 after a new key points at the key, a context overflow starts a new chat",
    async run() {
      const scenario = (name) =>
        fetch(`${SIM_URL}/__sim/scenario`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ scenario: name }),
        });
      const alertWith = (browser, words) =>
        eventually(
          () =>
            browser.execute(
              (needle) =>
                [...document.querySelectorAll('[role="alert"]')]
                  .map((a) => a.innerText)
                  .find((text) => text.includes(needle)) ?? null,
              words,
            ),
          `an error saying "${words}"`,
        );
      await withApp(join(WORK, "errors-profile"), "errors", async (browser) => {
        await click(browser, "button*=Add your gateway");
        await click(browser, 'button[role="radio"]=Custom (OpenAI-compatible)');
        await (await visible(browser, "#provider-name")).setValue("Sim gateway");
        await (await visible(browser, "#provider-url")).setValue(SIM_URL);
        await (await visible(browser, "#provider-key")).setValue(KEY);
        await (
          await visible(browser, "#provider-default-model")
        ).setValue("demo-chat");
        try {
          // Adding a gateway saves its key and fetches its models: the first request with
          // the new key. A bare 400 then points at the key.
          await scenario("http_400_no_db");
          await click(browser, "button=Add provider");
          const keyError = await alertWith(browser, "check the API key");
          assert(
            keyError.includes("wrong or expired API key"),
            `the body points at the key: ${keyError}`,
          );
          await scenario("ok");
          await click(browser, "button=Continue without models");

          // Answered at once: the run ends before chat_send returns, and the composer must
          // still be free afterwards (the new chat below sends nothing, but is reachable).
          await scenario("http_400_context");
          await send(browser, "Now summarise everything above");
          const overflow = await alertWith(
            browser,
            "The conversation is too long for this model",
          );
          assert(
            !overflow.includes("check the API key"),
            `a context overflow is not a key problem: ${overflow}`,
          );
          await screenshot(browser, "context-overflow");
          await click(browser, "button=New chat with this message");
          await eventually(
            async () =>
              (await (await visible(browser, COMPOSER)).getValue()) ===
              "Now summarise everything above",
            "the question waits in the new chat's composer",
          );
          const replies = await browser.$$("article");
          assert(replies.length === 0, "the new chat is empty: nothing was sent");
        } finally {
          await scenario("ok");
        }
      });
    },
  },
  ...markdownFlows,
  ...killFlows,
];

flows.push(...modelFlows);
