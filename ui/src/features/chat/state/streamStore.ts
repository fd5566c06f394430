import { create } from "zustand";
import {
  INITIAL_STREAM_STATE,
  reduceStreamBatch,
  type LiveMessage,
  type RunRef,
  type StreamAction,
  type StreamState,
} from "./streamReducer";

export const useStreamStore = create<StreamState>()(() => INITIAL_STREAM_STATE);

type FrameScheduler = (flush: () => void) => void;

const defaultScheduler: FrameScheduler = (flush) => {
  if (typeof requestAnimationFrame === "function") requestAnimationFrame(flush);
  else setTimeout(flush, 16);
};

/**
 * Buffers stream actions and applies them once per animation frame, so a burst of deltas
 * costs one store update (and one render of the streaming message) per frame.
 */
export function createFrameBuffer(
  apply: (actions: StreamAction[]) => void,
  schedule: FrameScheduler = defaultScheduler,
) {
  let pending: StreamAction[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const batch = pending;
    pending = [];
    if (batch.length > 0) apply(batch);
  };
  return {
    push(action: StreamAction) {
      pending.push(action);
      if (!scheduled) {
        scheduled = true;
        schedule(flush);
      }
    },
    /** Applies whatever is pending now (before replacing a live buffer with the persisted row). */
    flushNow: flush,
  };
}

export const streamBuffer = createFrameBuffer((actions) =>
  useStreamStore.setState((state) => reduceStreamBatch(state, actions)),
);

export function useLiveMessage(messageId: string): LiveMessage | undefined {
  return useStreamStore((state) => state.live[messageId]);
}

export function useConversationRun(conversationId: string | null): RunRef | undefined {
  return useStreamStore((state) => (conversationId ? state.runs[conversationId] : undefined));
}
