import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { parseSnippet } from "../model/snippet";
import { HighlightedSnippet } from "./HighlightedSnippet";

describe("parseSnippet", () => {
  it("splits plain and matched parts", () => {
    expect(parseSnippet("a \uE000b\uE001 c \uE000d\uE001")).toEqual([
      { text: "a ", match: false },
      { text: "b", match: true },
      { text: " c ", match: false },
      { text: "d", match: true },
    ]);
  });

  it("tolerates a missing end marker", () => {
    expect(parseSnippet("x \uE000y")).toEqual([
      { text: "x ", match: false },
      { text: "y", match: true },
    ]);
  });
});

describe("HighlightedSnippet", () => {
  it("renders matches as <mark>", () => {
    const { container } = render(
      <HighlightedSnippet snippet={"…the \uE000gateway\uE001 answered…"} />,
    );
    const marks = container.querySelectorAll("mark");
    expect(marks).toHaveLength(1);
    expect(marks[0]?.textContent).toBe("gateway");
    expect(container.textContent).toBe("…the gateway answered…");
  });

  it("never turns snippet text into HTML", () => {
    const snippet = 'see <img src=x onerror="alert(1)"> and \uE000<b>bold</b>\uE001';
    const { container } = render(<HighlightedSnippet snippet={snippet} />);
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("b")).toBeNull();
    expect(container.textContent).toBe('see <img src=x onerror="alert(1)"> and <b>bold</b>');
    expect(container.querySelector("mark")?.textContent).toBe("<b>bold</b>");
  });
});
