import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import type { SearchHit } from "@/shared/bindings/SearchHit";
import { installMockBackend } from "@/shared/ipc/testing";
import { useNavigation } from "@/shared/navigation";
import { renderWithProviders } from "@/test/render";
import { CommandPalette, matchesQuery } from "./CommandPalette";

const hits: SearchHit[] = [
  {
    conversationId: "c_rust",
    conversationTitle: "Streaming SSE parser in Rust",
    snippet: "Streaming SSE parser in \uE000Rust\uE001",
    createdAt: 2,
  },
  // A message hit is not a title: the palette lists conversations by title only.
  {
    conversationId: "c_other",
    conversationTitle: "Lifetimes",
    messageId: "m1",
    snippet: "borrowing in \uE000Rust\uE001",
    createdAt: 1,
  },
];

beforeEach(() => {
  useNavigation.getState().newChat();
  useNavigation.getState().setPaletteOpen(true);
});

describe("CommandPalette", () => {
  it("finds conversations by title through the backend search and opens one with Enter", async () => {
    const queries: unknown[] = [];
    installMockBackend((cmd, args) => {
      if (cmd === "search") {
        queries.push(args?.req);
        return hits;
      }
      throw new Error(`unexpected ${cmd}`);
    });
    renderWithProviders(<CommandPalette />);
    const input = screen.getByPlaceholderText("Type a command or a conversation title…");
    fireEvent.change(input, { target: { value: "rust" } });
    const option = await screen.findByRole(
      "option",
      { name: "Streaming SSE parser in Rust" },
      { timeout: 4000 },
    );
    expect(queries[queries.length - 1]).toMatchObject({ query: "rust" });
    expect(screen.queryByRole("option", { name: "Lifetimes" })).not.toBeInTheDocument();
    // No action matches "rust": the conversation is the selected row.
    expect(option).toHaveAttribute("aria-selected", "true");
    fireEvent.keyDown(input, { key: "Enter" });
    await waitFor(() =>
      expect(useNavigation.getState().view).toEqual({ name: "chat", conversationId: "c_rust" }),
    );
    expect(useNavigation.getState().paletteOpen).toBe(false);
  });

  it("keeps its actions, filtered by the words typed, above the conversations", async () => {
    installMockBackend(() => []);
    renderWithProviders(<CommandPalette />);
    expect(screen.getAllByRole("option")).toHaveLength(6);
    fireEvent.change(screen.getByRole("combobox"), { target: { value: "settings general" } });
    await act(async () => Promise.resolve());
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Open settings: General",
    ]);
  });
});

describe("matchesQuery", () => {
  it("needs every word, in any order and case", () => {
    expect(matchesQuery("Toggle light / dark theme", "THEME dark")).toBe(true);
    expect(matchesQuery("Toggle light / dark theme", "theme blue")).toBe(false);
  });
});
