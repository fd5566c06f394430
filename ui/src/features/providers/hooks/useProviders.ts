import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Provider } from "@/shared/bindings/Provider";
import type { ProviderInput } from "@/shared/bindings/ProviderInput";
import { call, queryKeys } from "@/shared/ipc";

export function useProviders() {
  return useQuery({
    queryKey: queryKeys.providers,
    queryFn: () => call("provider_list", null),
    staleTime: 30_000,
  });
}

export function usePresets() {
  return useQuery({
    queryKey: queryKeys.presets,
    queryFn: () => call("provider_presets", null),
    staleTime: Infinity,
  });
}

/** Replaces one provider in the cached list (after a mutation returns it). */
function useStoreProvider() {
  const queryClient = useQueryClient();
  return (provider: Provider) => {
    queryClient.setQueryData<Provider[]>(queryKeys.providers, (list) =>
      list ? list.map((item) => (item.id === provider.id ? provider : item)) : list,
    );
    void queryClient.invalidateQueries({ queryKey: queryKeys.providers });
  };
}

export function useCreateProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProviderInput) => call("provider_create", input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.providers });
      void queryClient.invalidateQueries({ queryKey: queryKeys.defaultProvider });
      void queryClient.invalidateQueries({ queryKey: queryKeys.appInfo });
    },
  });
}

export function useUpdateProvider() {
  const store = useStoreProvider();
  return useMutation({
    mutationFn: (update: { id: string; input: ProviderInput }) => call("provider_update", update),
    onSuccess: store,
  });
}

export function useDeleteProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call("provider_delete", { id }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.providers });
      void queryClient.invalidateQueries({ queryKey: queryKeys.defaultProvider });
      void queryClient.invalidateQueries({ queryKey: queryKeys.appInfo });
    },
  });
}

export function useSetProviderKey() {
  const store = useStoreProvider();
  return useMutation({
    mutationFn: (req: { providerId: string; key: string; sessionOnly: boolean }) =>
      call("provider_set_key", req),
    onSuccess: store,
  });
}

export function useClearProviderKey() {
  const store = useStoreProvider();
  return useMutation({
    mutationFn: (id: string) => call("provider_clear_key", { id }),
    onSuccess: store,
  });
}

export function useTestProvider() {
  return useMutation({ mutationFn: (id: string) => call("provider_test", { id }) });
}

export function useFetchModels() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call("provider_fetch_models", { id }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.providers });
      void queryClient.invalidateQueries({ queryKey: queryKeys.defaultProvider });
    },
  });
}

/** The provider new chats start with (a backend setting; see `default_provider_get`). */
export function useDefaultProvider() {
  return useQuery({
    queryKey: queryKeys.defaultProvider,
    queryFn: () => call("default_provider_get", null),
    staleTime: 30_000,
  });
}

export function useSetDefaultProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (req: { providerId: string; model?: string }) => call("default_provider_set", req),
    onSuccess: (result) => {
      queryClient.setQueryData(queryKeys.defaultProvider, result);
      void queryClient.invalidateQueries({ queryKey: queryKeys.providers });
    },
  });
}

export function useKeychainStatus() {
  return useQuery({
    queryKey: ["keychain_status"],
    queryFn: () => call("keychain_status", null),
    staleTime: 60_000,
  });
}
