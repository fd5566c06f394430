import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import type { ChatParams } from "@/shared/bindings/ChatParams";
import type { Conversation } from "@/shared/bindings/Conversation";
import type { Provider } from "@/shared/bindings/Provider";
import { startingModel, useDefaultProvider, useProviders } from "@/features/providers";
import { call, queryKeys } from "@/shared/ipc";
import { useNewChatStore } from "../state/newChatStore";

/**
 * The provider a new chat starts with: the default from settings (`default_provider_get`);
 * until that has loaded, or if it names no listed provider, the first gateway, else the first.
 */
export function pickDefaultProvider(
  providers: readonly Provider[],
  defaultProviderId: string | null | undefined,
): Provider | undefined {
  return (
    providers.find((p) => p.id === defaultProviderId) ??
    providers.find((p) => p.presetId !== "offline-demo") ??
    providers[0]
  );
}

export interface ModelSelection {
  provider: Provider | undefined;
  providerId: string | null;
  model: string | null;
  params: ChatParams;
  providers: Provider[];
  setModel: (providerId: string, model: string) => void;
  setParams: (params: ChatParams) => void;
}

/** Which provider, model and parameters a conversation (or the new chat) uses. */
export function useModelSelection(conversation: Conversation | undefined | null): ModelSelection {
  const { data: providers = [] } = useProviders();
  const { data: defaultProvider } = useDefaultProvider();
  const queryClient = useQueryClient();
  const newChat = useNewChatStore();

  const update = useMutation({
    mutationFn: (settings: { providerId?: string; model?: string; params: ChatParams }) =>
      call("conversation_update_settings", { id: conversation?.id ?? "", ...settings }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.conversation(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations });
    },
  });

  const fallback = pickDefaultProvider(providers, defaultProvider?.providerId);
  const providerId = conversation
    ? (conversation.providerId ?? fallback?.id ?? null)
    : ((providers.some((p) => p.id === newChat.providerId) ? newChat.providerId : null) ??
      fallback?.id ??
      null);
  const provider = providers.find((p) => p.id === providerId);
  const model = conversation
    ? (conversation.model ?? provider?.defaultModel ?? null)
    : ((newChat.providerId === providerId ? newChat.model : null) ?? startingModel(provider));
  const params = useMemo(
    () => (conversation ? conversation.params : newChat.params),
    [conversation, newChat.params],
  );

  const { mutate } = update;
  const setModel = useCallback(
    (nextProviderId: string, nextModel: string) => {
      if (conversation)
        mutate({ providerId: nextProviderId, model: nextModel, params: conversation.params });
      else newChat.setModel(nextProviderId, nextModel);
    },
    [conversation, mutate, newChat],
  );
  const setParams = useCallback(
    (next: ChatParams) => {
      if (conversation) {
        mutate({ providerId: conversation.providerId, model: conversation.model, params: next });
      } else newChat.setParams(next);
    },
    [conversation, mutate, newChat],
  );

  return { provider, providerId, model, params, providers, setModel, setParams };
}
