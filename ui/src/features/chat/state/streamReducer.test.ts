import { describe, expect, it } from "vitest";
import type { Message } from "@/shared/bindings/Message";
import {
  INITIAL_STREAM_STATE,
  reduceStream,
  reduceStreamBatch,
  type StreamAction,
} from "./streamReducer";
import { createFrameBuffer } from "./streamStore";

const started: StreamAction = {
  type: "started",
  runId: "r1",
  conversationId: "c1",
  messageId: "m1",
  at: 100,
};
const delta = (text: string, reasoning = "", at = 200): StreamAction => ({
  type: "event",
  event: { event: "delta", data: { messageId: "m1", text, reasoning } },
  at,
});
const finishedMessage: Message = {
  id: "m1",
  conversationId: "c1",
  role: "assistant",
  text: "Hello world",
  status: "complete",
  createdAt: 1,
  updatedAt: 2,
};

describe("reduceStream", () => {
  it("appends deltas to the live text and reasoning", () => {
    const state = reduceStreamBatch(INITIAL_STREAM_STATE, [
      started,
      delta("", "Let me think"),
      delta("Hello", "", 300),
      delta(" world", "", 400),
    ]);
    const live = state.live.m1;
    expect(live?.text).toBe("Hello world");
    expect(live?.reasoning).toBe("Let me think");
    expect(live?.textStartedAt).toBe(300);
    expect(state.runs.c1).toEqual({ runId: "r1", messageId: "m1" });
  });

  it("does not mutate the previous state", () => {
    const before = reduceStream(INITIAL_STREAM_STATE, started);
    const frozen = JSON.stringify(before);
    reduceStream(before, delta("x"));
    expect(JSON.stringify(before)).toBe(frozen);
  });

  it("keeps deltas that arrive before the run is registered", () => {
    const state = reduceStreamBatch(INITIAL_STREAM_STATE, [delta("Hi"), started]);
    expect(state.live.m1?.text).toBe("Hi");
    expect(state.live.m1?.conversationId).toBe("c1");
  });

  it("starts from the existing text when continuing a reply", () => {
    const state = reduceStreamBatch(INITIAL_STREAM_STATE, [
      { ...started, initialText: "Once upon" },
      delta(" a time"),
    ]);
    expect(state.live.m1?.text).toBe("Once upon a time");
  });

  it("drops the live buffer and the run on finished", () => {
    const streaming = reduceStreamBatch(INITIAL_STREAM_STATE, [started, delta("Hello")]);
    const done = reduceStream(streaming, {
      type: "event",
      event: { event: "finished", data: { message: finishedMessage } },
      at: 500,
    });
    expect(done.live).toEqual({});
    expect(done.runs).toEqual({});
  });

  it("records usage", () => {
    const state = reduceStreamBatch(INITIAL_STREAM_STATE, [
      started,
      {
        type: "event",
        event: { event: "usage", data: { messageId: "m1", usage: { completionTokens: 7 } } },
        at: 1,
      },
    ]);
    expect(state.live.m1?.usage?.completionTokens).toBe(7);
  });
});

describe("createFrameBuffer", () => {
  it("applies everything pushed within one frame as one batch", () => {
    const frames: Array<() => void> = [];
    const batches: StreamAction[][] = [];
    const buffer = createFrameBuffer(
      (actions) => batches.push(actions),
      (flush) => frames.push(flush),
    );
    buffer.push(delta("a"));
    buffer.push(delta("b"));
    buffer.push(delta("c"));
    expect(frames).toHaveLength(1);
    expect(batches).toHaveLength(0);
    frames[0]?.();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(3);
    buffer.push(delta("d"));
    expect(frames).toHaveLength(2);
  });
});
