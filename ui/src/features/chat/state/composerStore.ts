import i18next from "i18next";
import { toast } from "sonner";
import { create } from "zustand";
import type { IpcError } from "@/shared/bindings/IpcError";
import { toIpcError } from "@/shared/ipc";
import { NEW_CHAT_DRAFT, draftWriter } from "./draftWriter";

export { NEW_CHAT_DRAFT };

/** One warning per burst of failed writes, not one per keystroke. */
const FAILURE_NOTICE_GAP_MS = 30_000;

function withoutDraft(drafts: Record<string, string>, key: string): Record<string, string> {
  return Object.fromEntries(Object.entries(drafts).filter(([draftKey]) => draftKey !== key));
}

function withDraft(drafts: Record<string, string>, key: string, text: string) {
  const next = withoutDraft(drafts, key);
  if (text) next[key] = text;
  return next;
}

interface ComposerState {
  drafts: Record<string, string>;
  /** Whether the drafts saved on disk have been read (the composer waits for them). */
  loaded: boolean;
  /** Sets the text in memory and saves it on disk shortly after typing stops. */
  setDraft: (key: string, text: string) => void;
}

export const useComposerStore = create<ComposerState>()((set) => ({
  drafts: {},
  loaded: false,
  setDraft: (key, text) => {
    set((state) =>
      (state.drafts[key] ?? "") === text ? state : { drafts: withDraft(state.drafts, key, text) },
    );
    draftWriter.schedule(key);
  },
}));

const textOf = (key: string) => useComposerStore.getState().drafts[key] ?? "";

let lastFailureNotice = -Infinity;
function reportFailure(error: IpcError) {
  if (performance.now() - lastFailureNotice < FAILURE_NOTICE_GAP_MS) return;
  lastFailureNotice = performance.now();
  toast.error(i18next.t("drafts.saveFailed"), { description: error.message });
}

draftWriter.connect(textOf, reportFailure);

/**
 * Reads the drafts saved on disk, once at launch. Text already in memory wins; a failed read
 * is reported and leaves the composer usable.
 */
export async function loadDrafts(): Promise<void> {
  try {
    const saved = await draftWriter.load();
    useComposerStore.setState((state) => ({ drafts: { ...saved, ...state.drafts } }));
  } catch (raw) {
    toast.error(i18next.t("drafts.loadFailed"), { description: toIpcError(raw).message });
  } finally {
    useComposerStore.setState({ loaded: true });
  }
}

/** Writes every draft still waiting for its delay (switching conversation, closing). */
export function flushDrafts(key?: string): Promise<void> {
  return draftWriter.flush(key);
}

/**
 * A send begins: the text goes on disk now (a crash while sending keeps it), and the
 * composer empties without touching the disk until the send has succeeded.
 */
export function beginSend(key: string): Promise<void> {
  const flushed = draftWriter.flush(key);
  useComposerStore.setState((state) => ({ drafts: withDraft(state.drafts, key, "") }));
  return flushed;
}

/**
 * The send succeeded, and the draft's chat is now `target` (the conversation a new chat
 * became, or the same key). What was typed meanwhile stays as the draft, under `target`;
 * the sent text leaves the disk.
 */
export function finishSend(key: string, target: string): Promise<void> {
  if (target === key) return draftWriter.writeNow(key);
  const typed = textOf(key);
  useComposerStore.setState((state) => ({
    drafts: withDraft(
      withoutDraft(state.drafts, key),
      target,
      typed || (state.drafts[target] ?? ""),
    ),
  }));
  return draftWriter.move(key, target, typed);
}

export function draftKey(conversationId: string | null): string {
  return conversationId ?? NEW_CHAT_DRAFT;
}
