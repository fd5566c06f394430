import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
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
  // The first-run screen stays until it says it is done: adding a gateway saves it (no longer
  // a first run) before its models are fetched, and a failure is explained on that screen.
  const [onboarding, setOnboarding] = useState(false);
  // Done, until the app info has caught up (it still says first run for a moment).
  const [leaving, setLeaving] = useState(false);
  const firstRun = appInfo.data?.firstRun ?? false;
  if (firstRun && !onboarding && !leaving) setOnboarding(true);
  if (!firstRun && leaving) setLeaving(false);

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
  if (onboarding || (firstRun && !leaving)) {
    return (
      <FirstRunScreen
        appInfo={appInfo.data}
        onDone={() => {
          setOnboarding(false);
          setLeaving(true);
          void queryClient.invalidateQueries({ queryKey: queryKeys.appInfo });
          void queryClient.invalidateQueries({ queryKey: queryKeys.providers });
        }}
      />
    );
  }
  return <Shell />;
}
