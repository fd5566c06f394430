import { Suspense, useCallback, useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ChatView, cancelRunOf, useChatRuns, useStreamStore } from "@/features/chat";
import { Sidebar } from "@/features/history";
import { SettingsView } from "@/features/settings";
import { notifyError } from "@/shared/errors";
import { selectActiveConversationId, useNavigation } from "@/shared/navigation";
import { Spinner } from "@/shared/ui";
import { CommandPalette } from "./CommandPalette";
import { useGlobalShortcuts } from "./useGlobalShortcuts";

/** The main window: sidebar, and the chat or settings beside it. */
export function Shell() {
  const { t } = useTranslation();
  const view = useNavigation((state) => state.view);
  const activeConversationId = useNavigation(selectActiveConversationId);
  const runs = useChatRuns();
  const runsByConversation = useStreamStore((state) => state.runs);
  const streamingIds = useMemo(
    () => new Set(Object.keys(runsByConversation)),
    [runsByConversation],
  );

  const onError = useCallback((raw: unknown) => notifyError(raw, t), [t]);

  // After a window reload, pick up replies still streaming in the backend.
  const { reattachAll, cancel } = runs;
  useEffect(() => {
    void reattachAll().catch(() => undefined);
  }, [reattachAll]);

  const stopStreaming = useCallback(() => {
    if (!activeConversationId) return false;
    const runId = cancelRunOf(activeConversationId);
    if (!runId) return false;
    void cancel(runId).catch(onError);
    return true;
  }, [activeConversationId, cancel, onError]);
  useGlobalShortcuts({ stopStreaming });
  useEffect(() => {
    performance.mark("portico:shell");
  }, []);

  return (
    <div className="flex h-full">
      <Sidebar streamingIds={streamingIds} onError={onError} />
      <main className="flex min-w-0 flex-1">
        {view.name === "settings" ? (
          <Suspense
            fallback={
              <div className="flex flex-1 items-center justify-center">
                <Spinner label={t("common.loading")} />
              </div>
            }
          >
            <SettingsView />
          </Suspense>
        ) : (
          <ChatView key={view.conversationId ?? "new"} conversationId={view.conversationId} />
        )}
      </main>
      <CommandPalette />
    </div>
  );
}
