import { assert, assertEqual, assertNoErrors, eventually } from "./assert.mjs";
import { openApp, screenshot, settle } from "./lib.mjs";

const SPOOF_HREF = "https://example.com/files/%E2%80%AEgpj.exe";

/** Asks the mock for its reply with links and waits until it has finished. */
async function replyWithLinks(page) {
  const composer = page.getByRole("textbox", { name: /Message|消息/ });
  await composer.fill("Show me some links");
  await composer.press("Enter");
  const reply = page.locator("article[data-role='assistant']").last();
  await reply.locator(`a[href="${SPOOF_HREF}"]`).waitFor({ timeout: 20_000 });
  await eventually(async () => (await reply.getAttribute("data-status")) === "complete", "reply done");
  return reply;
}

/**
 * Where things are drawn on the line of the spoofed link: the link, the words after it
 * ("then", "notes" as laid out glyphs) and the next link.
 */
function layoutAfterSpoof(href) {
  const link = document.querySelector(`a[href="${href}"]`);
  const item = link.closest("li");
  const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
  let after = null;
  while (walker.nextNode()) if (walker.currentNode.data.includes("then read")) after = walker.currentNode;
  const word = (node, text) => {
    const range = document.createRange();
    const start = node.data.indexOf(text);
    range.setStart(node, start);
    range.setEnd(node, start + text.length);
    return range.getBoundingClientRect().left;
  };
  const next = item.querySelector('a[href="https://example.com/notes"]');
  return {
    linkRight: link.getBoundingClientRect().right,
    then: word(after, "then"),
    read: word(after, "read"),
    nextLink: next.getBoundingClientRect().left,
    nextText: next.textContent,
    isolated: getComputedStyle(link.querySelector("bdi") ?? link).unicodeBidi,
  };
}

export const tests = [
  {
    name: "a bidi override in link text does not reorder the words after it, and the hover shows the real URL",
    async run(context) {
      const { page, errors } = await openApp(context);
      const reply = await replyWithLinks(page);
      const layout = await page.evaluate(layoutAfterSpoof, SPOOF_HREF);
      assertEqual(layout.isolated, "isolate", "the link text is isolated");
      assert(layout.then >= layout.linkRight - 1, `"then" follows the link (${JSON.stringify(layout)})`);
      assert(layout.read > layout.then, `"read" comes after "then", left to right (${JSON.stringify(layout)})`);
      assert(layout.nextLink > layout.read, `the next link stays after the words (${JSON.stringify(layout)})`);
      assertEqual(layout.nextText, "the notes", "the next link reads as written");

      await reply.locator(`a[href="${SPOOF_HREF}"]`).hover();
      const url = page.locator("[role='tooltip'] bdi[dir='ltr']");
      await url.waitFor();
      assertEqual(await url.textContent(), "https://example.com/files/[U+202E]gpj.exe", "the hover shows the real URL");
      assertEqual(
        await url.evaluate((el) => getComputedStyle(el).unicodeBidi),
        "isolate",
        "the URL is isolated from the tooltip's language",
      );
      assertNoErrors(errors);
    },
  },
  {
    name: "inert links show why on hover; screenshots in both languages and themes",
    async run(context) {
      for (const lang of ["en", "zh-CN"]) {
        for (const theme of ["light", "dark"]) {
          const { page, errors } = await openApp(context, `lang=${lang}&theme=${theme}`);
          const reply = await replyWithLinks(page);
          await reply.locator(`a[href="${SPOOF_HREF}"]`).hover();
          await page.locator("[role='tooltip']").waitFor();
          await screenshot(page, `browser/links-hover-${lang}-${theme}.png`);
          const irc = reply.locator("[data-link-inert]", { hasText: "the chat room" });
          await irc.hover();
          await eventually(
            async () => ((await page.locator("[role='tooltip']").textContent()) ?? "").includes("irc://irc.example.net/portico"),
            "the inert link's tooltip shows its URL",
          );
          await settle(page);
          await screenshot(page, `browser/links-inert-${lang}-${theme}.png`);
          assertEqual(await reply.locator("a[href^='javascript']").count(), 0, "no javascript: link");
          assertNoErrors(errors);
        }
      }
    },
  },
];
