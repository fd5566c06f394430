import type { ChatStreamEvent } from "@/shared/bindings/ChatStreamEvent";
import type { Usage } from "@/shared/bindings/Usage";

/** The text of a reply as it streams, before the persisted message replaces it. */
export interface LiveMessage {
  messageId: string;
  conversationId: string;
  runId: string;
  text: string;
  reasoning: string;
  usage?: Usage;
  opened: boolean;
  startedAt: number;
  /** When the first answer text arrived after reasoning (for "Thinking…"/"Thought for"). */
  textStartedAt?: number;
}

export interface RunRef {
  runId: string;
  messageId: string;
}

export interface StreamState {
  /** Live replies by message id. */
  live: Record<string, LiveMessage>;
  /** The run streaming in each conversation. */
  runs: Record<string, RunRef>;
}

export type StreamAction =
  | {
      type: "started";
      runId: string;
      conversationId: string;
      messageId: string;
      at: number;
      /** Text already there (continue appends to it). */
      initialText?: string;
    }
  | { type: "event"; event: ChatStreamEvent; at: number }
  | { type: "forget"; messageId: string };

export const INITIAL_STREAM_STATE: StreamState = { live: {}, runs: {} };

function emptyLive(messageId: string, at: number): LiveMessage {
  return {
    messageId,
    conversationId: "",
    runId: "",
    text: "",
    reasoning: "",
    opened: false,
    startedAt: at,
  };
}

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  return Object.fromEntries(Object.entries(record).filter(([entryKey]) => entryKey !== key));
}

function dropRunOf(runs: Record<string, RunRef>, messageId: string): Record<string, RunRef> {
  const entry = Object.entries(runs).find(([, run]) => run.messageId === messageId);
  return entry ? withoutKey(runs, entry[0]) : runs;
}

/** Pure: the next stream state after one action. Events may arrive before "started". */
export function reduceStream(state: StreamState, action: StreamAction): StreamState {
  switch (action.type) {
    case "started": {
      const current = state.live[action.messageId] ?? emptyLive(action.messageId, action.at);
      const live: LiveMessage = {
        ...current,
        runId: action.runId,
        conversationId: action.conversationId,
        text: (action.initialText ?? "") + current.text,
        startedAt: Math.min(current.startedAt, action.at),
      };
      return {
        live: { ...state.live, [action.messageId]: live },
        runs: {
          ...state.runs,
          [action.conversationId]: { runId: action.runId, messageId: action.messageId },
        },
      };
    }
    case "event": {
      const { event } = action;
      if (event.event === "finished") {
        const id = event.data.message.id;
        return { live: withoutKey(state.live, id), runs: dropRunOf(state.runs, id) };
      }
      const id = event.data.messageId;
      const current = state.live[id] ?? emptyLive(id, action.at);
      let next: LiveMessage = current;
      switch (event.event) {
        case "opened":
          next = { ...current, opened: true };
          break;
        case "delta":
          next = {
            ...current,
            opened: true,
            text: current.text + event.data.text,
            reasoning: current.reasoning + event.data.reasoning,
            textStartedAt:
              current.textStartedAt ?? (event.data.text.length > 0 ? action.at : undefined),
          };
          break;
        case "usage":
          next = { ...current, usage: event.data.usage };
          break;
      }
      return { ...state, live: { ...state.live, [id]: next } };
    }
    case "forget":
      return {
        live: withoutKey(state.live, action.messageId),
        runs: dropRunOf(state.runs, action.messageId),
      };
  }
}

/** Pure: folds a batch of actions (one animation frame's worth). */
export function reduceStreamBatch(
  state: StreamState,
  actions: readonly StreamAction[],
): StreamState {
  return actions.reduce(reduceStream, state);
}
