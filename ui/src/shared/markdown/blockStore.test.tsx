import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { blockCacheBytes, cachedBlock, isBlockCached, loadBlock } from "./blockStore";
import { MAX_NODES } from "./budgets";
import { prewarm } from "./prewarm";

const ready = (source: string) => ({ source, live: false });

async function elementOf(source: string) {
  const entry = await loadBlock(ready(source), "visible");
  if (!("element" in entry)) throw new Error(`over budget: ${entry.over}`);
  return entry.element;
}

describe("loadBlock", () => {
  it("parses a block once: afterwards the same source renders synchronously from the cache", async () => {
    const source = "A **bold** claim with a [link](https://example.com).";
    expect(isBlockCached(ready(source))).toBe(false);
    const first = await elementOf(source);
    const hit = cachedBlock(ready(source));
    expect(hit && "element" in hit && hit.element).toBe(first);
    const { container } = render(<div>{first}</div>);
    expect(container.querySelector("strong")?.textContent).toBe("bold");
    expect(container.querySelector("a")?.getAttribute("href")).toBe("https://example.com");
  });

  it("keeps raw HTML as text and drops unsafe URLs, as react-markdown does", async () => {
    const element = await elementOf(
      '<b onclick="x()">hi</b> [x](javascript:alert(1)) [y](vbscript:z)',
    );
    const { container } = render(<div>{element}</div>);
    expect(container.querySelector("b")).toBeNull();
    expect(container.textContent).toContain('<b onclick="x()">');
    const hrefs = [...container.querySelectorAll("a")].map((a) => a.getAttribute("href") ?? "");
    expect(hrefs.every((href) => !/script:/i.test(href))).toBe(true);
  });

  it("highlights fenced code with a known language, and not the streaming version", async () => {
    const source = '```rust\nlet greeting = "hi";\n```';
    const { container } = render(<div>{await elementOf(source)}</div>);
    expect(container.querySelector(".hl-code .hljs-keyword")?.textContent).toBe("let");
    const live = await loadBlock({ source, live: true }, "tail", false);
    const { container: plain } = render(<div>{"element" in live && live.element}</div>);
    expect(plain.querySelector(".hljs-keyword")).toBeNull();
    expect(plain.textContent).toContain('let greeting = "hi";');
    expect(isBlockCached({ source, live: true })).toBe(false);
  });

  it("typesets math with KaTeX in the parser", async () => {
    const { container } = render(<div>{await elementOf("Speed: $v = \\frac{n}{t}$.")}</div>);
    expect(container.querySelector(".katex")).not.toBeNull();
  });

  it("reports a tree nested deeper than the budget instead of rendering it", async () => {
    const deep = `${"*a ".repeat(0)}${"> ".repeat(20)}${"**".repeat(0)}${"[".repeat(0)}x`;
    expect("element" in (await loadBlock(ready(deep), "visible"))).toBe(true);
    const emphasis = `${"_a ".repeat(60)}${"*b ".repeat(60)}x${" c*".repeat(60)}${" d_".repeat(60)}`;
    const entry = await loadBlock(ready(emphasis), "visible");
    expect(entry).toEqual({ over: "depth" });
  });

  it("reports a tree with more nodes than the budget as too large", async () => {
    const entry = await loadBlock(ready("`a` ".repeat(MAX_NODES)), "visible");
    expect(entry).toEqual({ over: "size" });
  });

  it("counts what it holds in bytes", async () => {
    const before = blockCacheBytes();
    await elementOf("x".repeat(10_000));
    expect(blockCacheBytes() - before).toBeGreaterThan(20_000);
  });
});

describe("prewarm", () => {
  it("renders queued messages into the cache, math and code included", async () => {
    const text =
      "Warm paragraph one.\n\n- warm item\n- another\n\n$$x^2$$\n\n```ts\nconst warm = 1;\n```";
    prewarm([text]);
    await expect
      .poll(() => isBlockCached(ready("Warm paragraph one.")), { timeout: 5000 })
      .toBe(true);
    await expect
      .poll(() => isBlockCached(ready("```ts\nconst warm = 1;\n```")), { timeout: 5000 })
      .toBe(true);
    expect(isBlockCached(ready("- warm item\n- another"))).toBe(true);
    expect(isBlockCached(ready("$$x^2$$"))).toBe(true);
  });
});
