import { useState } from "react";
import type { IpcError } from "@/shared/bindings/IpcError";
import type { Provider } from "@/shared/bindings/Provider";
import type { ProviderInput } from "@/shared/bindings/ProviderInput";
import { toIpcError } from "@/shared/ipc";
import { useCreateProvider, useFetchModels, useSetProviderKey } from "./useProviders";

export type AddStage = "idle" | "saving" | "fetching";

export interface AddOutcome {
  provider: Provider;
  /** Why the models could not be fetched; the provider is saved either way. */
  fetchError: IpcError | null;
}

/**
 * Adding a gateway: save it, store its key, then fetch its models (the backend picks the first
 * chat model when it has no default), so that a new chat can start at once.
 */
export function useAddProvider(sessionOnly: boolean) {
  const create = useCreateProvider();
  const setKey = useSetProviderKey();
  const fetchModels = useFetchModels();
  const [stage, setStage] = useState<AddStage>("idle");
  const [saveError, setSaveError] = useState<IpcError | null>(null);

  const fetchFor = async (provider: Provider): Promise<AddOutcome> => {
    setStage("fetching");
    try {
      await fetchModels.mutateAsync(provider.id);
      return { provider, fetchError: null };
    } catch (error) {
      return { provider, fetchError: toIpcError(error) };
    } finally {
      setStage("idle");
    }
  };

  /** `null` when nothing usable was saved (the reason is in `saveError`). */
  const add = async (input: ProviderInput, key: string): Promise<AddOutcome | null> => {
    setSaveError(null);
    setStage("saving");
    try {
      const provider = await create.mutateAsync(input);
      if (key.trim()) {
        await setKey.mutateAsync({ providerId: provider.id, key: key.trim(), sessionOnly });
      }
      // The Offline demo lists its models itself when it is created.
      if (provider.models.length > 0) return { provider, fetchError: null };
      return await fetchFor(provider);
    } catch (error) {
      setSaveError(toIpcError(error));
      return null;
    } finally {
      setStage("idle");
    }
  };

  return { add, retryFetch: fetchFor, stage, saveError };
}
