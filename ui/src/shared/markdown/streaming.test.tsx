import { act, render, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isBlockCached } from "./blockStore";
import MarkdownRenderer from "./MarkdownRenderer";
import { ParseClient } from "./parseClient";

afterEach(() => vi.restoreAllMocks());

describe("a streaming reply", () => {
  it("parses finished blocks once, re-parses the tail at most every 120 ms, and caches no partial tail", async () => {
    const submit = vi.spyOn(ParseClient.prototype, "submit");
    const head = "First finished paragraph.\n\nSecond finished paragraph.\n\n";
    const tail = "The tail grows word by word and is parsed again as it does";
    const words = tail.split(" ");
    const { container, rerender } = render(
      <MarkdownRenderer text={`${head}${words[0]}`} streaming />,
    );
    // Thirty updates about one frame apart: ~500 ms of streaming.
    for (let count = 2; count <= words.length; count++) {
      await act(async () => {
        rerender(<MarkdownRenderer text={`${head}${words.slice(0, count).join(" ")}`} streaming />);
        await new Promise((resolve) => setTimeout(resolve, 16));
      });
    }
    rerender(<MarkdownRenderer text={`${head}${tail}`} />);
    await waitFor(() => expect(container.querySelectorAll("p")[2]?.textContent).toBe(tail));

    const sources = submit.mock.calls.map(([source]) => source);
    expect(sources.filter((source) => source === "First finished paragraph.")).toHaveLength(1);
    expect(sources.filter((source) => source === "Second finished paragraph.")).toHaveLength(1);
    const tails = submit.mock.calls.filter(([, options]) => options.live);
    // ~16 frames at ~16 ms and a 120 ms interval: a handful, not one per update.
    expect(tails.length).toBeGreaterThan(0);
    expect(tails.length).toBeLessThan(words.length / 2);
    for (const [source] of tails) expect(isBlockCached({ source, live: true })).toBe(false);
    expect(isBlockCached({ source: tail, live: false })).toBe(true);
  });
});
