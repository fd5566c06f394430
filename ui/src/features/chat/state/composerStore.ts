import { create } from "zustand";

/** The key of the draft for a chat that has no conversation yet. */
export const NEW_CHAT_DRAFT = "new";

function withoutDraft(drafts: Record<string, string>, key: string): Record<string, string> {
  return Object.fromEntries(Object.entries(drafts).filter(([draftKey]) => draftKey !== key));
}

interface ComposerState {
  drafts: Record<string, string>;
  setDraft: (key: string, text: string) => void;
  /** Moves the new-chat draft (or any) to the conversation it became. */
  moveDraft: (from: string, to: string) => void;
}

export const useComposerStore = create<ComposerState>()((set) => ({
  drafts: {},
  setDraft: (key, text) =>
    set((state) => {
      if ((state.drafts[key] ?? "") === text) return state;
      const drafts = withoutDraft(state.drafts, key);
      if (text) drafts[key] = text;
      return { drafts };
    }),
  moveDraft: (from, to) =>
    set((state) => {
      const text = state.drafts[from];
      const drafts = withoutDraft(state.drafts, from);
      if (text) drafts[to] = text;
      return { drafts };
    }),
}));

export function draftKey(conversationId: string | null): string {
  return conversationId ?? NEW_CHAT_DRAFT;
}
