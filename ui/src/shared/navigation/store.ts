import { create } from "zustand";
import { readLastConversation, writeLastConversation } from "./lastConversation";

export type SettingsSection = "providers" | "general";

export type View =
  | { name: "chat"; conversationId: string | null }
  | { name: "settings"; section: SettingsSection; providerId?: string };

/** Where the user is; every feature navigates through these actions. */
export interface NavigationState {
  view: View;
  /** The chat last shown, so closing settings returns to it. */
  lastConversationId: string | null;
  /** A message to scroll to and highlight once its thread is on screen (from search). */
  focusMessageId: string | null;
  /** Bumped to ask the sidebar to focus its search box. */
  searchFocusRequest: number;
  /** The model picker in the chat header is open (the palette and a shortcut open it too). */
  modelPickerOpen: boolean;
  paletteOpen: boolean;
  openConversation: (conversationId: string, focusMessageId?: string | null) => void;
  newChat: () => void;
  openSettings: (section?: SettingsSection, providerId?: string) => void;
  closeSettings: () => void;
  clearFocusMessage: () => void;
  requestSearchFocus: () => void;
  setModelPickerOpen: (open: boolean) => void;
  setPaletteOpen: (open: boolean) => void;
  /** The open conversation no longer exists (deleted, or gone since the last launch). */
  conversationGone: (conversationId: string) => void;
}

// A relaunch opens the conversation the user last had open.
const restored = readLastConversation();

export const useNavigation = create<NavigationState>()((set) => ({
  view: { name: "chat", conversationId: restored },
  lastConversationId: restored,
  focusMessageId: null,
  searchFocusRequest: 0,
  modelPickerOpen: false,
  paletteOpen: false,
  openConversation: (conversationId, focusMessageId = null) =>
    set({
      view: { name: "chat", conversationId },
      lastConversationId: conversationId,
      focusMessageId,
    }),
  newChat: () =>
    set({
      view: { name: "chat", conversationId: null },
      lastConversationId: null,
      focusMessageId: null,
    }),
  openSettings: (section = "providers", providerId) =>
    set({ view: { name: "settings", section, providerId } }),
  closeSettings: () =>
    set((state) => ({ view: { name: "chat", conversationId: state.lastConversationId } })),
  clearFocusMessage: () => set({ focusMessageId: null }),
  requestSearchFocus: () => set((state) => ({ searchFocusRequest: state.searchFocusRequest + 1 })),
  setModelPickerOpen: (modelPickerOpen) => set({ modelPickerOpen }),
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  conversationGone: (conversationId) => {
    if (readLastConversation() === conversationId) writeLastConversation(null);
    set((state) => ({
      view:
        state.view.name === "chat" && state.view.conversationId === conversationId
          ? { name: "chat", conversationId: null }
          : state.view,
      lastConversationId:
        state.lastConversationId === conversationId ? null : state.lastConversationId,
    }));
  },
}));

// Remember the conversation opened last. A new chat keeps it, so quitting from the empty
// screen still reopens the last real conversation.
useNavigation.subscribe((state, previous) => {
  const opened = state.lastConversationId;
  if (opened && opened !== previous.lastConversationId) writeLastConversation(opened);
});

/** The conversation on screen, or null for a new chat / settings. */
export function selectActiveConversationId(state: NavigationState): string | null {
  return state.view.name === "chat" ? state.view.conversationId : null;
}
