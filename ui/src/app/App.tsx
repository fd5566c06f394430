import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { FirstRunScreen } from "@/features/onboarding";
import { ErrorNotice } from "@/shared/errors";
import { appInfoQuery, queryKeys, toIpcError } from "@/shared/ipc";
import { Spinner } from "@/shared/ui";
import { Shell } from "./Shell";
import { useAppEvents } from "./useAppEvents";

/** First run (no provider yet) or the app itself. */
export function App() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  useAppEvents();
  // Kept until invalidated: useAppEvents refetches it when the providers change.
  const appInfo = useQuery({ ...appInfoQuery, staleTime: Infinity });

  if (appInfo.isLoading) {
    return (
      <div className="flex h-full items-center justify-center">
        <Spinner label={t("common.loading")} />
      </div>
    );
  }
  if (appInfo.error || !appInfo.data) {
    return (
      <div className="flex h-full items-center justify-center p-6">
        <ErrorNotice
          className="max-w-[480px]"
          error={toIpcError(appInfo.error ?? new Error("No app info"))}
          onRetry={() => void appInfo.refetch()}
        />
      </div>
    );
  }
  if (appInfo.data.firstRun) {
    return (
      <FirstRunScreen
        appInfo={appInfo.data}
        onDone={() => {
          void queryClient.invalidateQueries({ queryKey: queryKeys.appInfo });
          void queryClient.invalidateQueries({ queryKey: queryKeys.providers });
        }}
      />
    );
  }
  return <Shell />;
}
