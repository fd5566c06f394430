import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { IpcFailure } from "@/shared/ipc";
import { installMockBackend, removeMockBackend } from "@/shared/ipc/testing";
import { renderWithProviders } from "@/test/render";
import { flushDrafts, useComposerStore } from "../state/composerStore";
import { Composer } from "./Composer";

let saved: { conversationId?: string; text: string }[] = [];

beforeEach(() => {
  saved = [];
  installMockBackend((cmd, args) => {
    if (cmd === "draft_save") saved.push(args?.req as { conversationId?: string; text: string });
    return null;
  });
  useComposerStore.setState({ drafts: {}, loaded: true });
});

afterEach(async () => {
  await flushDrafts();
  removeMockBackend();
});

function renderComposer(draftKey: string, onSend: (text: string) => Promise<string | undefined>) {
  const view = renderWithProviders(
    <Composer
      key={draftKey}
      draftKey={draftKey}
      onSend={onSend}
      onStop={vi.fn()}
      streaming={false}
    />,
  );
  return { ...view, textbox: screen.getByRole("textbox", { name: "Message" }) };
}

describe("Composer drafts on disk", () => {
  it("clears the saved draft once the send succeeded", async () => {
    const { textbox } = renderComposer("c1", () => Promise.resolve("c1"));
    fireEvent.change(textbox, { target: { value: "Ship it" } });
    await act(async () => {
      fireEvent.keyDown(textbox, { key: "Enter" });
    });
    await waitFor(() => expect(saved.at(-1)).toEqual({ conversationId: "c1", text: "" }));
    // The text was on disk while sending: a crash then loses nothing.
    expect(saved).toEqual([
      { conversationId: "c1", text: "Ship it" },
      { conversationId: "c1", text: "" },
    ]);
  });

  it("keeps the saved draft when the send fails", async () => {
    const failure = new IpcFailure({ kind: "network", message: "offline", retryable: true });
    const { textbox } = renderComposer("c1", () => Promise.reject(failure));
    fireEvent.change(textbox, { target: { value: "Do not lose me" } });
    await act(async () => {
      fireEvent.keyDown(textbox, { key: "Enter" });
    });
    await waitFor(() => expect(useComposerStore.getState().drafts.c1).toBe("Do not lose me"));
    await flushDrafts();
    expect(saved.length).toBeGreaterThan(0);
    expect(saved.every((draft) => draft.text === "Do not lose me")).toBe(true);
  });

  it("saves the draft at once when the composer moves to another conversation", async () => {
    const { textbox, rerender } = renderComposer("c1", () => Promise.resolve("c1"));
    fireEvent.change(textbox, { target: { value: "half written" } });
    rerender(
      <Composer key="c2" draftKey="c2" onSend={vi.fn()} onStop={vi.fn()} streaming={false} />,
    );
    // No waiting for the typing delay: switching flushes.
    await waitFor(() => expect(saved).toEqual([{ conversationId: "c1", text: "half written" }]));
  });

  it("does not take typing before the saved drafts are read", () => {
    useComposerStore.setState({ loaded: false });
    const { textbox } = renderComposer("c1", () => Promise.resolve("c1"));
    expect(textbox).toHaveAttribute("readonly");
    act(() => useComposerStore.setState({ loaded: true }));
    expect(textbox).not.toHaveAttribute("readonly");
  });
});
