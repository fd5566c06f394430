import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Conversation } from "@/shared/bindings/Conversation";
import { call, queryKeys } from "@/shared/ipc";

export const CONVERSATION_PAGE_SIZE = 50;

export function useConversationList() {
  const query = useInfiniteQuery({
    queryKey: queryKeys.conversations,
    queryFn: ({ pageParam }) =>
      call("conversation_list", { cursor: pageParam, limit: CONVERSATION_PAGE_SIZE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor,
  });
  const conversations = useMemo<Conversation[]>(() => {
    const seen = new Set<string>();
    const list: Conversation[] = [];
    for (const page of query.data?.pages ?? []) {
      for (const item of page.items) {
        if (seen.has(item.id)) continue;
        seen.add(item.id);
        list.push(item);
      }
    }
    return list;
  }, [query.data]);
  return { ...query, conversations };
}

export function useConversationMutations() {
  const queryClient = useQueryClient();
  const onChanged = (conversation?: Conversation) => {
    if (conversation)
      queryClient.setQueryData(queryKeys.conversation(conversation.id), conversation);
    void queryClient.invalidateQueries({ queryKey: queryKeys.conversations });
  };
  const rename = useMutation({
    mutationFn: (req: { id: string; title: string }) => call("conversation_rename", req),
    onSuccess: onChanged,
  });
  const pin = useMutation({
    mutationFn: (req: { id: string; pinned: boolean }) => call("conversation_pin", req),
    onSuccess: onChanged,
  });
  const remove = useMutation({
    mutationFn: (id: string) => call("conversation_delete", { id }),
    onSuccess: (_result, id) => {
      queryClient.removeQueries({ queryKey: queryKeys.conversation(id) });
      queryClient.removeQueries({ queryKey: queryKeys.thread(id) });
      onChanged();
    },
  });
  return { rename, pin, remove };
}
