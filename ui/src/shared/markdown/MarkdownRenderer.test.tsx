import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import MarkdownRenderer from "./MarkdownRenderer";

const F = "```";

describe("MarkdownRenderer", () => {
  it("renders tables, lists and code blocks with a language label and a copy button", () => {
    const text = `| a | b |\n|---|---|\n| 1 | 2 |\n\n- one\n- two\n\n${F}rust\nfn main() {}\n${F}`;
    const { container } = render(<MarkdownRenderer text={text} />);
    expect(container.querySelector("table")).not.toBeNull();
    expect(container.querySelectorAll("li")).toHaveLength(2);
    const block = container.querySelector(".code-block");
    expect(block?.getAttribute("data-language")).toBe("rust");
    expect(block?.textContent).toContain("fn main() {}");
    expect(screen.getByRole("button", { name: "Copy code" })).toBeInTheDocument();
  });

  it("shows raw HTML from the model as text, never as elements", () => {
    const { container } = render(
      <MarkdownRenderer text={'Hi <img src=x onerror="alert(1)"> <script>alert(2)</script>'} />,
    );
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("script")).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="alert(1)">');
  });

  it("does not load remote images and drops javascript: links", () => {
    const { container } = render(
      <MarkdownRenderer text={"![chart](https://example.com/x.png) [bad](javascript:alert(1))"} />,
    );
    expect(container.querySelector("img")).toBeNull();
    const links = [...container.querySelectorAll("a")].map((a) => a.getAttribute("href") ?? "");
    expect(links).toContain("https://example.com/x.png");
    expect(links.some((href) => href.startsWith("javascript:"))).toBe(false);
  });

  it("tolerates an unterminated code fence while streaming", () => {
    const { container } = render(
      <MarkdownRenderer text={`Here:\n\n${F}ts\nconst x =`} streaming />,
    );
    expect(container.querySelector(".code-block")?.textContent).toContain("const x =");
  });
});
