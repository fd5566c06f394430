import { create } from "zustand";
import type { ChatParams } from "@/shared/bindings/ChatParams";

/** The provider, model and parameters chosen for a chat not created yet. */
interface NewChatState {
  providerId: string | null;
  model: string | null;
  params: ChatParams;
  setModel: (providerId: string, model: string) => void;
  setParams: (params: ChatParams) => void;
  reset: () => void;
}

export const useNewChatStore = create<NewChatState>()((set) => ({
  providerId: null,
  model: null,
  params: {},
  setModel: (providerId, model) => set({ providerId, model }),
  setParams: (params) => set({ params }),
  reset: () => set({ params: {} }),
}));
