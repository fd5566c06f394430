import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { installMockBackend, removeMockBackend } from "@/shared/ipc/testing";
import {
  NEW_CHAT_DRAFT,
  beginSend,
  finishSend,
  flushDrafts,
  loadDrafts,
  useComposerStore,
} from "./composerStore";
import { DRAFT_SAVE_DELAY_MS } from "./draftWriter";

type Recorded = [string, unknown];

/** A backend that records every draft command and answers `draft_list` from `saved`. */
function recordDraftCalls(saved: unknown[] = []): Recorded[] {
  const calls: Recorded[] = [];
  installMockBackend((cmd, args) => {
    if (!cmd.startsWith("draft_")) return null;
    calls.push([cmd, args?.req ?? null]);
    return cmd === "draft_list" ? saved : null;
  });
  return calls;
}

const saves = (calls: Recorded[]) => calls.filter(([cmd]) => cmd === "draft_save");

beforeEach(() => {
  vi.useFakeTimers();
  useComposerStore.setState({ drafts: {}, loaded: false });
});

afterEach(async () => {
  await flushDrafts();
  vi.useRealTimers();
  removeMockBackend();
});

describe("composer drafts on disk", () => {
  it("writes a draft once typing has stopped for the delay, with the newest text", async () => {
    const calls = recordDraftCalls();
    const { setDraft } = useComposerStore.getState();
    setDraft("c1", "H");
    vi.advanceTimersByTime(DRAFT_SAVE_DELAY_MS - 100);
    setDraft("c1", "He");
    vi.advanceTimersByTime(DRAFT_SAVE_DELAY_MS - 100);
    setDraft("c1", "Hello");
    vi.advanceTimersByTime(DRAFT_SAVE_DELAY_MS - 1);
    expect(saves(calls)).toEqual([]);
    vi.advanceTimersByTime(1);
    await flushDrafts();
    expect(saves(calls)).toEqual([["draft_save", { conversationId: "c1", text: "Hello" }]]);
  });

  it("writes the new chat's draft without a conversation id", async () => {
    const calls = recordDraftCalls();
    useComposerStore.getState().setDraft(NEW_CHAT_DRAFT, "a new chat");
    await flushDrafts();
    expect(saves(calls)).toEqual([
      ["draft_save", { conversationId: undefined, text: "a new chat" }],
    ]);
  });

  it("loads every saved draft at launch, under the composer's keys, then marks them loaded", async () => {
    recordDraftCalls([
      { text: "new chat text", updatedAt: 2 },
      { conversationId: "c9", text: "conversation text", updatedAt: 1 },
    ]);
    await loadDrafts();
    const state = useComposerStore.getState();
    expect(state.loaded).toBe(true);
    expect(state.drafts).toEqual({ [NEW_CHAT_DRAFT]: "new chat text", c9: "conversation text" });
  });

  it("is usable when the drafts cannot be read", async () => {
    installMockBackend(() =>
      Promise.reject({ kind: "storage", message: "disk", retryable: false }),
    );
    await loadDrafts();
    expect(useComposerStore.getState().loaded).toBe(true);
  });

  it("puts the text on disk when a send starts, and clears it only once the send succeeded", async () => {
    const calls = recordDraftCalls();
    useComposerStore.getState().setDraft("c1", "send me");
    // Enter before the delay: the text still reaches the disk, not an empty draft.
    await beginSend("c1");
    expect(useComposerStore.getState().drafts.c1).toBeUndefined();
    vi.advanceTimersByTime(DRAFT_SAVE_DELAY_MS * 2);
    await flushDrafts();
    expect(saves(calls)).toEqual([["draft_save", { conversationId: "c1", text: "send me" }]]);
    await finishSend("c1", "c1");
    expect(saves(calls).at(-1)).toEqual(["draft_save", { conversationId: "c1", text: "" }]);
  });

  it("moves the new chat's draft to the conversation it became, with what was typed meanwhile", async () => {
    const calls = recordDraftCalls();
    const { setDraft } = useComposerStore.getState();
    setDraft(NEW_CHAT_DRAFT, "first message");
    await beginSend(NEW_CHAT_DRAFT);
    setDraft(NEW_CHAT_DRAFT, "typed while sending");
    calls.length = 0;
    await finishSend(NEW_CHAT_DRAFT, "c7");
    vi.advanceTimersByTime(DRAFT_SAVE_DELAY_MS * 2);
    await flushDrafts();
    expect(calls).toEqual([
      ["draft_save", { conversationId: undefined, text: "typed while sending" }],
      ["draft_move", { conversationId: "c7" }],
    ]);
    expect(useComposerStore.getState().drafts).toEqual({ c7: "typed while sending" });
  });

  it("flushes a waiting draft at once when asked (leaving the conversation, closing)", async () => {
    const calls = recordDraftCalls();
    useComposerStore.getState().setDraft("c1", "half a thought");
    useComposerStore.getState().setDraft("c2", "another");
    await flushDrafts("c1");
    expect(saves(calls)).toEqual([
      ["draft_save", { conversationId: "c1", text: "half a thought" }],
    ]);
    await flushDrafts();
    expect(saves(calls)).toHaveLength(2);
  });
});
