import { useInfiniteQuery, useQuery, type InfiniteData } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Message } from "@/shared/bindings/Message";
import type { ThreadMessage } from "@/shared/bindings/ThreadMessage";
import type { ThreadPage } from "@/shared/bindings/ThreadPage";
import { call, queryKeys } from "@/shared/ipc";

/** The newest page: enough to fill the window, quick to show. */
export const THREAD_FIRST_PAGE_SIZE = 50;
/**
 * Older pages, asked for while the user scrolls up: large, so a long history takes a few
 * round trips rather than dozens (a page of 200 costs the backend about 10 ms).
 */
export const THREAD_OLDER_PAGE_SIZE = 200;

export type ThreadData = InfiniteData<ThreadPage, string | undefined>;

export function useConversation(conversationId: string | null) {
  return useQuery({
    queryKey: queryKeys.conversation(conversationId ?? ""),
    queryFn: () => call("conversation_get", { id: conversationId ?? "" }),
    enabled: conversationId !== null,
  });
}

/** The active branch, newest page first in the cache; `messages` is oldest first. */
export function useThread(conversationId: string | null) {
  const query = useInfiniteQuery({
    queryKey: queryKeys.thread(conversationId ?? ""),
    queryFn: ({ pageParam }) =>
      call("thread_page", {
        conversationId: conversationId ?? "",
        beforeId: pageParam,
        limit: pageParam === undefined ? THREAD_FIRST_PAGE_SIZE : THREAD_OLDER_PAGE_SIZE,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => (page.hasMore ? page.messages[0]?.message.id : undefined),
    enabled: conversationId !== null,
  });
  const messages = useMemo<ThreadMessage[]>(
    () => (query.data ? [...query.data.pages].reverse().flatMap((page) => page.messages) : []),
    [query.data],
  );
  return { ...query, messages };
}

/** Pure: the thread cache with one message replaced by its persisted version (if present). */
export function replaceMessageInThread(
  data: ThreadData | undefined,
  message: Message,
): { data: ThreadData | undefined; found: boolean } {
  if (!data) return { data, found: false };
  let found = false;
  const pages = data.pages.map((page) => {
    if (!page.messages.some((item) => item.message.id === message.id)) return page;
    found = true;
    return {
      ...page,
      messages: page.messages.map((item) =>
        item.message.id === message.id ? { ...item, message } : item,
      ),
    };
  });
  return { data: found ? { ...data, pages } : data, found };
}
