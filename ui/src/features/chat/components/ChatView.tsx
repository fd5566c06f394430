import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { IpcError } from "@/shared/bindings/IpcError";
import type { Message } from "@/shared/bindings/Message";
import { IpcFailure, toIpcError } from "@/shared/ipc";
import { useNavigation } from "@/shared/navigation";
import { ConfirmDialog, Spinner } from "@/shared/ui";
import { useChatRuns } from "../hooks/useChatRuns";
import { useMessageMutations } from "../hooks/useMessageMutations";
import { useModelSelection } from "../hooks/useModelSelection";
import { useConversation, useThread } from "../hooks/useThread";
import { notifyError } from "@/shared/errors";
import { NEW_CHAT_DRAFT, draftKey, useComposerStore } from "../state/composerStore";
import { useNewChatStore } from "../state/newChatStore";
import { useConversationRun } from "../state/streamStore";
import { ChatHeader } from "./ChatHeader";
import { Composer } from "./Composer";
import { EmptyChat } from "./EmptyChat";
import type { MessageActions } from "./messageActions";
import { MessageList } from "./MessageList";
import { ParamsPanel } from "./ParamsPanel";

function noModelError(message: string): IpcFailure {
  const error: IpcError = { kind: "invalid", reason: "noModel", message, retryable: false };
  return new IpcFailure(error);
}

/** A conversation (or a new chat): header, messages, composer and the parameters panel. */
export function ChatView({ conversationId }: { conversationId: string | null }) {
  const { t } = useTranslation();
  const {
    data: conversation,
    isLoading: loadingConversation,
    error: conversationError,
  } = useConversation(conversationId);
  const thread = useThread(conversationId);
  const selection = useModelSelection(conversationId ? conversation : null);
  const runs = useChatRuns();
  const mutations = useMessageMutations();
  const run = useConversationRun(conversationId);
  const openConversation = useNavigation((state) => state.openConversation);
  const focusMessageId = useNavigation((state) => state.focusMessageId);
  const clearFocusMessage = useNavigation((state) => state.clearFocusMessage);
  const setDraft = useComposerStore((state) => state.setDraft);
  const resetNewChat = useNewChatStore((state) => state.reset);
  const setNewChatModel = useNewChatStore((state) => state.setModel);
  const newChat = useNavigation((state) => state.newChat);
  const [paramsOpen, setParamsOpen] = useState(false);
  const [pendingDelete, setPendingDelete] = useState<Message | null>(null);
  const busy = run !== undefined;
  // Read by "start over" when clicked, so the row callbacks stay stable while pages arrive.
  const threadRef = useRef(thread.messages);
  useEffect(() => {
    threadRef.current = thread.messages;
  }, [thread.messages]);
  const conversationGone = useNavigation((state) => state.conversationGone);

  // The conversation restored at launch (or open in the window) was deleted: a new chat.
  useEffect(() => {
    if (conversationId && conversationError && toIpcError(conversationError).kind === "notFound")
      conversationGone(conversationId);
  }, [conversationId, conversationError, conversationGone]);

  const { providerId, model, params } = selection;
  const sendText = useCallback(
    async (text: string, editOf?: string) => {
      if (!providerId || !model) throw noModelError(t("composer.noModel"));
      const started = await runs.send({
        conversationId: conversationId ?? undefined,
        editOf,
        text,
        providerId,
        model,
        params,
      });
      if (!conversationId) {
        resetNewChat();
        openConversation(started.conversationId);
      }
      return started.conversationId;
    },
    [conversationId, providerId, model, params, runs, openConversation, resetNewChat, t],
  );

  const actions = useMemo<MessageActions>(
    () => ({
      regenerate: (message) =>
        void runs.regenerate(message.id).catch((error) => notifyError(error, t)),
      continueReply: (message) =>
        void runs.continueReply(message.id, message.text).catch((error) => notifyError(error, t)),
      editAndSend: async (message, text) => {
        try {
          // A new branch beside the edited message (at the root too, for the first one).
          await sendText(text, message.id);
        } catch (error) {
          notifyError(error, t);
          throw error;
        }
      },
      requestDelete: setPendingDelete,
      switchBranch: (siblingId) =>
        void mutations.switchBranch(siblingId).catch((error) => notifyError(error, t)),
      startOver: (message) => {
        // Nothing is sent: the question waits in the new chat's composer, before any
        // draft already there, with the same provider and model.
        const asked = threadRef.current.find((item) => item.message.id === message.parentId);
        const kept = useComposerStore.getState().drafts[NEW_CHAT_DRAFT] ?? "";
        const question = asked?.message.text ?? "";
        setDraft(NEW_CHAT_DRAFT, [question, kept].filter(Boolean).join("\n\n"));
        if (message.providerId && message.model) {
          setNewChatModel(message.providerId, message.model);
        }
        newChat();
      },
    }),
    [runs, mutations, sendText, t, setDraft, setNewChatModel, newChat],
  );

  const stop = useCallback(() => {
    if (run) void runs.cancel(run.runId).catch((error) => notifyError(error, t));
  }, [run, runs, t]);

  const modelLabel = selection.provider && model ? `${selection.provider.name} / ${model}` : null;
  const showEmpty = conversationId === null || (!thread.isLoading && thread.messages.length === 0);
  const noProvider = selection.providers.length === 0;

  return (
    <div className="flex h-full min-w-0 flex-1">
      <div className="flex min-w-0 flex-1 flex-col">
        <ChatHeader
          title={conversationId ? (conversation?.title ?? null) : null}
          onRename={
            conversationId
              ? (title) =>
                  void mutations
                    .rename(conversationId, title)
                    .catch((error) => notifyError(error, t))
              : null
          }
          providers={selection.providers}
          providerId={providerId}
          model={model}
          onPickModel={selection.setModel}
          paramsOpen={paramsOpen}
          onToggleParams={() => setParamsOpen((open) => !open)}
          systemPrompt={params.systemPrompt?.trim() ? params.systemPrompt : undefined}
        />
        {conversationId && (loadingConversation || thread.isLoading) ? (
          <div className="flex flex-1 items-center justify-center">
            <Spinner label={t("common.loading")} />
          </div>
        ) : showEmpty ? (
          <EmptyChat
            modelLabel={modelLabel}
            providerName={selection.provider?.name ?? null}
            onPick={(prompt) => setDraft(draftKey(conversationId), prompt)}
          />
        ) : conversationId ? (
          <MessageList
            conversationId={conversationId}
            messages={thread.messages}
            hasOlder={thread.hasNextPage}
            loadingOlder={thread.isFetchingNextPage}
            loadOlder={() => void thread.fetchNextPage()}
            actions={actions}
            busy={busy}
            focusMessageId={focusMessageId}
            onFocusHandled={clearFocusMessage}
          />
        ) : null}
        <Composer
          key={draftKey(conversationId)}
          draftKey={draftKey(conversationId)}
          onSend={(text) => sendText(text)}
          onStop={stop}
          streaming={busy}
          disabled={noProvider}
          disabledReason={t("composer.addProviderFirst")}
          providerId={providerId ?? undefined}
        />
      </div>
      {paramsOpen ? (
        <ParamsPanel
          params={params}
          onSave={selection.setParams}
          onClose={() => setParamsOpen(false)}
        />
      ) : null}
      <ConfirmDialog
        open={pendingDelete !== null}
        onOpenChange={(open) => !open && setPendingDelete(null)}
        title={t("chat.delete.title")}
        description={t("chat.delete.description")}
        confirmLabel={t("common.delete")}
        destructive
        onConfirm={() => {
          if (pendingDelete) {
            void mutations.deleteMessage(pendingDelete.id).catch((error) => notifyError(error, t));
          }
        }}
      />
    </div>
  );
}
