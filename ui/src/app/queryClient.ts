import { QueryClient } from "@tanstack/react-query";
import { IpcFailure } from "@/shared/ipc";

/** Backend data is local (IPC), so retries only help for errors the backend calls retryable. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          failureCount < 2 && error instanceof IpcFailure && error.error.retryable,
      },
      mutations: { retry: false },
    },
  });
}
