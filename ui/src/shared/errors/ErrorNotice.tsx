import { AlertTriangle, Clock, KeyRound, MessageSquarePlus } from "lucide-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { IpcError } from "../bindings/IpcError";
import { useNavigation } from "../navigation";
import { Button, Disclosure, cn } from "../ui";
import { describeError } from "./describeError";
import { ErrorDetails, hasDetails } from "./ErrorDetails";

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
  /** Offered when the conversation is too long for the model: a new chat with less history. */
  onStartOver?: () => void;
  compact?: boolean;
  className?: string;
}

/**
 * An error worded in the current language from its kind and fields (and worded again when the
 * language changes), what to do about it, and the evidence one click away.
 */
export function ErrorNotice({
  error,
  providerId,
  onRetry,
  onStartOver,
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
  const [detailsOpen, setDetailsOpen] = useState(false);
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
          <div className="mt-0.5 text-fg-muted">{presentation.body}</div>
          <div className={cn("flex flex-wrap items-center gap-2", compact ? "mt-1.5" : "mt-2")}>
            {presentation.action === "startOver" && onStartOver ? (
              <Button size="sm" variant="secondary" onClick={onStartOver}>
                <MessageSquarePlus aria-hidden className="h-3.5 w-3.5" />
                {t("errors.startOver")}
              </Button>
            ) : null}
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
            {hasDetails(error) ? (
              <Disclosure
                summary={t("errors.details")}
                onOpenChange={setDetailsOpen}
                // Open, the evidence takes a line of its own under the buttons.
                className={cn("max-w-full min-w-0", detailsOpen && "basis-full")}
              >
                <ErrorDetails error={error} />
              </Disclosure>
            ) : null}
          </div>
        </div>
      </div>
    </div>
  );
}
