import { call, toIpcError } from "@/shared/ipc";
import type { IpcError } from "@/shared/bindings/IpcError";

/** The key of the draft for a chat that has no conversation yet. */
export const NEW_CHAT_DRAFT = "new";

/** How long after the last keystroke a draft goes to disk. */
export const DRAFT_SAVE_DELAY_MS = 400;

const conversationIdOf = (key: string) => (key === NEW_CHAT_DRAFT ? undefined : key);

/**
 * Writes drafts to disk: one timer per draft, restarted by each keystroke, and one queue for
 * every write so they reach the backend in the order they were made.
 */
function createDraftWriter(delayMs: number) {
  let textOf: (key: string) => string = () => "";
  let onFailure: (error: IpcError) => void = () => undefined;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let queue: Promise<void> = Promise.resolve();

  const enqueue = (op: () => Promise<unknown>): Promise<void> => {
    queue = queue.then(op).then(
      () => undefined,
      (raw: unknown) => {
        const error = toIpcError(raw);
        // The conversation was deleted meanwhile: its draft went with it.
        if (error.kind !== "notFound") onFailure(error);
      },
    );
    return queue;
  };
  const cancel = (key: string) => {
    const timer = timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    return timers.delete(key);
  };
  // The text is taken when the write is queued: queued writes then follow the order of the
  // changes, and a send that empties the composer cannot turn an earlier write into a delete.
  const save = (key: string, text = textOf(key)) => {
    const req = { conversationId: conversationIdOf(key), text };
    return enqueue(() => call("draft_save", req));
  };

  return {
    connect(read: (key: string) => string, failure: (error: IpcError) => void) {
      textOf = read;
      onFailure = failure;
    },
    /** Saves `key` once no keystroke came for the delay. */
    schedule(key: string) {
      cancel(key);
      timers.set(
        key,
        setTimeout(() => {
          timers.delete(key);
          void save(key);
        }, delayMs),
      );
    },
    /** Saves at once what is waiting (for `key`, or for every draft). */
    flush(key?: string): Promise<void> {
      const keys = key === undefined ? [...timers.keys()] : [key];
      for (const pending of keys) if (cancel(pending)) void save(pending);
      return queue;
    },
    /** Saves `key` now, whether or not it was waiting. */
    writeNow(key: string): Promise<void> {
      cancel(key);
      return save(key);
    },
    /** The new chat became conversation `to`: its row moves, holding `typed`. */
    move(from: string, to: string, typed: string): Promise<void> {
      cancel(from);
      const conversationId = conversationIdOf(to);
      if (from !== NEW_CHAT_DRAFT || conversationId === undefined) return save(to);
      void save(from, typed);
      return enqueue(() => call("draft_move", { conversationId }));
    },
    /** Every draft on disk, by key. */
    async load(): Promise<Record<string, string>> {
      const drafts = await call("draft_list", null);
      return Object.fromEntries(
        drafts.map((draft) => [draft.conversationId ?? NEW_CHAT_DRAFT, draft.text]),
      );
    },
  };
}

export const draftWriter = createDraftWriter(DRAFT_SAVE_DELAY_MS);
