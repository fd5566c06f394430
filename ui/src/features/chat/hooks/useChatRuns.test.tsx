import { QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ChatStreamEvent } from "@/shared/bindings/ChatStreamEvent";
import type { Message } from "@/shared/bindings/Message";
import { installMockBackend, removeMockBackend, sendThroughChannel } from "@/shared/ipc/testing";
import { createTestQueryClient } from "@/test/render";
import { INITIAL_STREAM_STATE } from "../state/streamReducer";
import { streamBuffer, useStreamStore } from "../state/streamStore";
import { useChatRuns } from "./useChatRuns";

const started = { runId: "run-1", conversationId: "c1", assistantMessageId: "m2" };

function failedReply(): Message {
  return {
    id: "m2",
    conversationId: "c1",
    role: "assistant",
    text: "",
    status: "error",
    error: { kind: "badRequest", message: "bad", retryable: false },
    createdAt: 1,
    updatedAt: 1,
  };
}

/** A backend whose run ends (`finished`) before or after `chat_send` returns. */
function backend(finishFirst: boolean) {
  installMockBackend((cmd, args) => {
    if (cmd !== "chat_send") return null;
    const finished: ChatStreamEvent = { event: "finished", data: { message: failedReply() } };
    if (finishFirst) sendThroughChannel(args?.onEvent, finished);
    return started;
  });
}

function wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={createTestQueryClient()}>{children}</QueryClientProvider>;
}

const request = { conversationId: "c1", text: "hi", params: {} };

describe("useChatRuns", () => {
  beforeEach(() => useStreamStore.setState(INITIAL_STREAM_STATE));
  afterEach(() => removeMockBackend());

  it("does not register a run that finished before its command returned", async () => {
    backend(true);
    const { result } = renderHook(() => useChatRuns(), { wrapper });
    await act(() => result.current.send(request as never));
    streamBuffer.flushNow();
    expect(useStreamStore.getState().runs).toEqual({});
    expect(useStreamStore.getState().live).toEqual({});
  });

  it("registers a run that is still going when its command returns", async () => {
    backend(false);
    const { result } = renderHook(() => useChatRuns(), { wrapper });
    await act(() => result.current.send(request as never));
    streamBuffer.flushNow();
    expect(useStreamStore.getState().runs).toEqual({ c1: { runId: "run-1", messageId: "m2" } });
  });
});
