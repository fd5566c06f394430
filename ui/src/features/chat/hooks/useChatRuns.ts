import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { ChatRunStarted } from "@/shared/bindings/ChatRunStarted";
import type { ChatStreamEvent } from "@/shared/bindings/ChatStreamEvent";
import type { ChatSendRequest } from "@/shared/bindings/ChatSendRequest";
import { call, queryKeys, stream, type EventOf, type RequestOf } from "@/shared/ipc";
import { streamBuffer, useStreamStore } from "../state/streamStore";
import { replaceMessageInThread, type ThreadData } from "./useThread";

/** Handles one stream event: buffer it for the next frame; on `finished` store the persisted row. */
export function handleStreamEvent(queryClient: QueryClient, event: ChatStreamEvent): void {
  if (event.event === "finished") {
    const { message } = event.data;
    const key = queryKeys.thread(message.conversationId);
    const current = queryClient.getQueryData<ThreadData>(key);
    const { data, found } = replaceMessageInThread(current, message);
    if (found) queryClient.setQueryData(key, data);
    else void queryClient.invalidateQueries({ queryKey: key });
    void queryClient.invalidateQueries({ queryKey: queryKeys.conversations });
    void queryClient.invalidateQueries({
      queryKey: queryKeys.conversation(message.conversationId),
    });
  }
  streamBuffer.push({ type: "event", event, at: Date.now() });
}

function registerRun(started: ChatRunStarted, initialText?: string): void {
  streamBuffer.push({
    type: "started",
    runId: started.runId,
    conversationId: started.conversationId,
    messageId: started.assistantMessageId,
    at: Date.now(),
    initialText,
  });
  streamBuffer.flushNow();
}

/** Starting, continuing, reattaching and stopping runs. Errors propagate to the caller. */
export function useChatRuns() {
  const queryClient = useQueryClient();
  const onEvent = useCallback(
    (event: ChatStreamEvent) => handleStreamEvent(queryClient, event),
    [queryClient],
  );

  const afterStart = useCallback(
    async (started: ChatRunStarted, finished: boolean, initialText?: string) => {
      // A run that failed at once can finish before its command returns: registering it
      // then would leave a run that never ends (Stop shown, sending refused).
      if (!finished) registerRun(started, initialText);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.thread(started.conversationId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.conversations }),
        queryClient.invalidateQueries({ queryKey: queryKeys.conversation(started.conversationId) }),
      ]);
      return started;
    },
    [queryClient],
  );

  /** Starts a streaming command; its events go to `onEvent`, noting whether it finished. */
  const start = useCallback(
    async <K extends "chat_send" | "chat_regenerate" | "chat_continue">(
      cmd: K,
      req: RequestOf<K>,
      initialText?: string,
    ) => {
      let finished = false;
      const started = await stream(cmd, req, (raw: EventOf<K>) => {
        const event = raw as ChatStreamEvent;
        if (event.event === "finished") finished = true;
        onEvent(event);
      });
      return afterStart(started, finished, initialText);
    },
    [afterStart, onEvent],
  );

  const send = useCallback((req: ChatSendRequest) => start("chat_send", req), [start]);

  const regenerate = useCallback(
    (messageId: string) => start("chat_regenerate", { messageId }),
    [start],
  );

  const continueReply = useCallback(
    (messageId: string, existingText: string) =>
      start("chat_continue", { messageId }, existingText),
    [start],
  );

  const cancel = useCallback(async (runId: string) => {
    await call("chat_cancel", { runId });
  }, []);

  /** After a reload: reattach every run still streaming. */
  const reattachAll = useCallback(async () => {
    const runs = await call("chat_active_runs", null);
    await Promise.all(
      runs.map(async (run) => {
        let finished = false;
        const attached = await stream("chat_attach", { runId: run.runId }, (event) => {
          if (event.event === "finished") finished = true;
          onEvent(event);
        });
        if (attached && !finished) {
          registerRun({
            runId: run.runId,
            conversationId: run.conversationId,
            assistantMessageId: run.messageId,
          });
        }
      }),
    );
  }, [onEvent]);

  return { send, regenerate, continueReply, cancel, reattachAll };
}

export function cancelRunOf(conversationId: string): string | undefined {
  return useStreamStore.getState().runs[conversationId]?.runId;
}
