import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { Conversation } from "@/shared/bindings/Conversation";
import { call, queryKeys } from "@/shared/ipc";

/** Switching branches and deleting messages: both change the active branch, so refetch it. */
export function useMessageMutations() {
  const queryClient = useQueryClient();
  const refresh = useCallback(
    async (conversation: Conversation) => {
      queryClient.setQueryData(queryKeys.conversation(conversation.id), conversation);
      await queryClient.invalidateQueries({ queryKey: queryKeys.thread(conversation.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations });
    },
    [queryClient],
  );
  const switchBranch = useCallback(
    async (messageId: string) => {
      const conversation = await call("message_switch_branch", { messageId });
      await refresh(conversation);
      return conversation;
    },
    [refresh],
  );
  const deleteMessage = useCallback(
    async (id: string) => refresh(await call("message_delete", { id })),
    [refresh],
  );
  const rename = useCallback(
    async (id: string, title: string) => {
      const conversation = await call("conversation_rename", { id, title });
      queryClient.setQueryData(queryKeys.conversation(id), conversation);
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations });
    },
    [queryClient],
  );
  return { switchBranch, deleteMessage, rename };
}
