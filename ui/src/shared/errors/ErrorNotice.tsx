import { AlertTriangle, Clock, KeyRound } from "lucide-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { IpcError } from "../bindings/IpcError";
import { useNavigation } from "../navigation";
import { Button, Disclosure, cn } from "../ui";
import { describeError } from "./describeError";

function useCountdown(retryAfterMs: number | undefined): number | undefined {
  const [remaining, setRemaining] = useState(retryAfterMs);
  useEffect(() => {
    if (retryAfterMs === undefined) return;
    const deadline = Date.now() + retryAfterMs;
    const timer = window.setInterval(() => {
      const left = Math.max(0, deadline - Date.now());
      setRemaining(left);
      if (left === 0) window.clearInterval(timer);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [retryAfterMs]);
  return remaining;
}

export interface ErrorNoticeProps {
  error: IpcError;
  /** The provider the error came from, so "Open provider settings" lands on it. */
  providerId?: string;
  onRetry?: () => void;
  compact?: boolean;
  className?: string;
}

/** An error in words, what to do about it, and the raw detail one click away. */
export function ErrorNotice({
  error,
  providerId,
  onRetry,
  compact = false,
  className,
}: ErrorNoticeProps) {
  const { t } = useTranslation();
  const openSettings = useNavigation((state) => state.openSettings);
  // On the provider settings page, "Open provider settings" would lead where the user is.
  const onProviderPage = useNavigation(
    (state) => state.view.name === "settings" && state.view.section === "providers",
  );
  const remaining = useCountdown(error.kind === "rateLimited" ? error.retryAfterMs : undefined);
  const shown = error.kind === "rateLimited" ? { ...error, retryAfterMs: remaining } : error;
  const presentation = describeError(shown, t);
  const waiting = error.kind === "rateLimited" && remaining !== undefined && remaining > 0;
  const Icon =
    presentation.action === "openProviderSettings"
      ? KeyRound
      : error.kind === "rateLimited"
        ? Clock
        : AlertTriangle;

  return (
    <div
      role="alert"
      data-error-kind={error.kind}
      className={cn(
        "rounded-md border border-danger/30 bg-danger-soft px-3 py-2.5 text-[13px]",
        className,
      )}
    >
      <div className="flex items-start gap-2">
        <Icon aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-danger" />
        <div className="min-w-0 flex-1">
          <div className="font-medium text-fg">{presentation.title}</div>
          {!compact ? <div className="mt-0.5 text-fg-muted">{presentation.hint}</div> : null}
          {error.message && error.message !== presentation.title ? (
            <div className="mt-0.5 text-fg-muted">{error.message}</div>
          ) : null}
          <div className="mt-2 flex flex-wrap items-center gap-2">
            {presentation.action === "openProviderSettings" && !onProviderPage ? (
              <Button
                size="sm"
                variant="secondary"
                onClick={() => openSettings("providers", providerId)}
              >
                {t("errors.openProviderSettings")}
              </Button>
            ) : null}
            {onRetry && (presentation.action === "retry" || error.retryable) ? (
              <Button size="sm" variant="secondary" onClick={onRetry} disabled={waiting}>
                {t("errors.retry")}
              </Button>
            ) : null}
            {error.detail ? (
              <Disclosure summary={t("errors.details")}>
                <pre className="max-h-48 overflow-auto rounded border border-border bg-bg p-2 font-mono text-[12px] whitespace-pre-wrap text-fg-muted">
                  {error.detail}
                </pre>
              </Disclosure>
            ) : null}
          </div>
        </div>
      </div>
    </div>
  );
}
