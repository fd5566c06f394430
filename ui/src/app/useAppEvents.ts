import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { onAppEvent, queryKeys } from "@/shared/ipc";

/** Refetches backend-owned data when the backend says it changed. */
export function useAppEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    let active = true;
    let stop: (() => void) | null = null;
    void onAppEvent((event) => {
      if (event.type === "providersChanged") {
        void queryClient.invalidateQueries({ queryKey: queryKeys.providers });
        void queryClient.invalidateQueries({ queryKey: queryKeys.defaultProvider });
        void queryClient.invalidateQueries({ queryKey: queryKeys.appInfo });
        return;
      }
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations });
      for (const id of event.ids) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.conversation(id) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.thread(id) });
      }
    })
      .then((unlisten) => {
        if (active) stop = unlisten;
        else unlisten();
      })
      .catch(() => undefined);
    return () => {
      active = false;
      stop?.();
    };
  }, [queryClient]);
}
