import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { MARKDOWN_COMPONENTS } from "./components";
import { highlighterReady, isHighlightCached } from "./highlighter";
import { isBlockCached, renderBlock } from "./pipeline";
import { prewarm } from "./prewarm";

describe("renderBlock", () => {
  it("parses a block once: the same source gives the same elements", () => {
    const source = "A **bold** claim with a [link](https://example.com).";
    expect(isBlockCached(source, false)).toBe(false);
    const first = renderBlock(source, null, MARKDOWN_COMPONENTS);
    expect(isBlockCached(source, false)).toBe(true);
    expect(renderBlock(source, null, MARKDOWN_COMPONENTS)).toBe(first);
    const { container } = render(<div>{first}</div>);
    expect(container.querySelector("strong")?.textContent).toBe("bold");
    expect(container.querySelector("a")?.getAttribute("href")).toBe("https://example.com");
  });

  it("keeps raw HTML as text and drops unsafe URLs, as react-markdown does", () => {
    const element = renderBlock(
      '<b onclick="x()">hi</b> [x](javascript:alert(1)) [y](vbscript:z)',
      null,
      MARKDOWN_COMPONENTS,
    );
    const { container } = render(<div>{element}</div>);
    expect(container.querySelector("b")).toBeNull();
    expect(container.textContent).toContain('<b onclick="x()">');
    const hrefs = [...container.querySelectorAll("a")].map((a) => a.getAttribute("href") ?? "");
    expect(hrefs.every((href) => !/script:/i.test(href))).toBe(true);
  });
});

describe("prewarm", () => {
  it("renders queued messages into the cache while idle, skipping math", async () => {
    const text = "Warm paragraph one.\n\n- warm item\n- another\n\n$$x^2$$";
    prewarm([text]);
    await expect
      .poll(() => isBlockCached("Warm paragraph one.", false), { timeout: 2000 })
      .toBe(true);
    expect(isBlockCached("- warm item\n- another", false)).toBe(true);
    // Math needs its lazily loaded plugins: rendered on demand, not ahead.
    expect(isBlockCached("$$x^2$$", false)).toBe(false);
  });

  it("highlights code blocks ahead of need, once the highlighter has loaded", async () => {
    const code = 'let warmed = "ahead";';
    prewarm([`Intro.\n\n\`\`\`rust\n${code}\n\`\`\``]);
    await expect.poll(() => highlighterReady(), { timeout: 5000 }).toBe(true);
    await expect.poll(() => isHighlightCached("rust", code), { timeout: 2000 }).toBe(true);
  });
});
