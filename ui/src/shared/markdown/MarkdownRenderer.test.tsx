import { render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { MAX_BLOCK_CHARS, MAX_DEPTH, PREVIEW_CHARS } from "./budgets";
import MarkdownRenderer from "./MarkdownRenderer";

const F = "```";

/** Renders and waits until the worker has answered for every block. */
async function rendered(text: string, streaming = false) {
  const result = render(<MarkdownRenderer text={text} streaming={streaming} />);
  await waitFor(() => expect(result.container.querySelector("[aria-busy]")).toBeNull(), {
    timeout: 5000,
  });
  return result.container;
}

describe("MarkdownRenderer", () => {
  it("renders tables, lists and code blocks with a language label and a copy button", async () => {
    const text = `| a | b |\n|---|---|\n| 1 | 2 |\n\n- one\n- two\n\n${F}rust\nfn main() {}\n${F}`;
    const container = await rendered(text);
    expect(container.querySelector("table")).not.toBeNull();
    expect(container.querySelectorAll("li")).toHaveLength(2);
    const block = container.querySelector(".code-block");
    expect(block?.getAttribute("data-language")).toBe("rust");
    expect(block?.textContent).toContain("fn main() {}");
    expect(screen.getByRole("button", { name: "Copy code" })).toBeInTheDocument();
  });

  it("shows raw HTML from the model as text, never as elements", async () => {
    const container = await rendered('Hi <img src=x onerror="alert(1)"> <script>alert(2)</script>');
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("script")).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="alert(1)">');
  });

  it("does not load remote images and drops javascript: links", async () => {
    const container = await rendered(
      "![chart](https://example.com/x.png) [bad](javascript:alert(1))",
    );
    expect(container.querySelector("img")).toBeNull();
    const links = [...container.querySelectorAll("a")].map((a) => a.getAttribute("href") ?? "");
    expect(links).toContain("https://example.com/x.png");
    expect(links.some((href) => href.startsWith("javascript:"))).toBe(false);
  });

  it("tolerates an unterminated code fence while streaming", async () => {
    const container = await rendered(`Here:\n\n${F}ts\nconst x =`, true);
    expect(container.querySelector(".code-block")?.textContent).toContain("const x =");
  });

  it("resolves reference-style links and images defined in another block", async () => {
    const text =
      'See [the spec][spec] and ![a chart][Chart].\n\n- also [spec]\n\n[spec]: https://spec.example/a "Spec"\n[chart]: https://img.example/c.png';
    const container = await rendered(text);
    const hrefs = [...container.querySelectorAll("a")].map((a) => a.getAttribute("href"));
    expect(hrefs).toEqual([
      "https://spec.example/a",
      "https://img.example/c.png",
      "https://spec.example/a",
    ]);
    expect(container.textContent).not.toContain("[spec]");
  });

  it("shows a block over the size budget as plain text, a bounded preview with a copy button", async () => {
    const huge = "x".repeat(MAX_BLOCK_CHARS + 1);
    const container = await rendered(`Before.\n\n${huge}`);
    const plain = container.querySelector("[data-over-budget]");
    expect(plain?.getAttribute("data-over-budget")).toBe("size");
    expect(plain?.textContent).toContain("too large to format");
    expect(plain?.textContent?.length).toBeLessThan(PREVIEW_CHARS + 500);
    expect(screen.getByRole("button", { name: "Copy text" })).toBeInTheDocument();
    expect(container.querySelector("p")?.textContent).toBe("Before.");
  });

  it("shows a list nested deeper than the budget as plain text", async () => {
    const lines = Array.from({ length: MAX_DEPTH + 5 }, (_, i) => `${"  ".repeat(i)}- level ${i}`);
    const container = await rendered(lines.join("\n"));
    expect(container.querySelector("[data-over-budget]")?.getAttribute("data-over-budget")).toBe(
      "depth",
    );
    expect(container.querySelector("ul")).toBeNull();
  });
});
