import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { SearchHit } from "@/shared/bindings/SearchHit";
import { installMockBackend } from "@/shared/ipc/testing";
import { renderWithProviders } from "@/test/render";
import { SearchResults } from "./SearchResults";

const AT = new Date(2026, 2, 10, 14, 5).getTime();

// The same reply, regenerated word for word: one hit per branch.
const hits: SearchHit[] = [
  {
    conversationId: "c1",
    conversationTitle: "Colours",
    messageId: "m2",
    snippet: "\uE000Ultramarine\uE001 blue",
    createdAt: AT + 60_000,
    forks: [{ index: 2, count: 2 }],
  },
  {
    conversationId: "c1",
    conversationTitle: "Colours",
    messageId: "m1",
    snippet: "\uE000Ultramarine\uE001 blue",
    createdAt: AT,
    forks: [{ index: 1, count: 2 }],
  },
  {
    conversationId: "c2",
    conversationTitle: "Paint",
    messageId: "m9",
    snippet: "\uE000Ultramarine\uE001 is a pigment",
    createdAt: AT - 86_400_000,
  },
];

describe("SearchResults", () => {
  it("tells apart the same text found in two branches", async () => {
    installMockBackend((cmd) => (cmd === "search" ? hits : null));
    renderWithProviders(<SearchResults query="ultramarine" onOpen={vi.fn()} />);
    const rows = await screen.findAllByTestId("search-hit");
    expect(rows).toHaveLength(3);
    const [second, first, other] = rows.map((row) => row.textContent ?? "");
    expect(second).not.toEqual(first);
    expect(within(rows[0] as HTMLElement).getByTestId("search-hit-branch")).toHaveTextContent(
      /^Branch 2\/2 · 0?2:06 PM$/,
    );
    expect(within(rows[1] as HTMLElement).getByTestId("search-hit-branch")).toHaveTextContent(
      /^Branch 1\/2 · 0?2:05 PM$/,
    );
    // A conversation that never forked: nothing extra to read.
    expect(other).not.toMatch(/Branch/);
  });
});
