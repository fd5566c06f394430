import { CheckCircle2, KeyRound } from "lucide-react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { ConnectionTest } from "@/shared/bindings/ConnectionTest";
import type { IpcError } from "@/shared/bindings/IpcError";
import { ErrorNotice } from "@/shared/errors";
import { Button } from "@/shared/ui";

export interface ConnectionResultProps {
  /** A successful test. */
  result: ConnectionTest | null;
  /** Why the last test or fetch failed. */
  failure: IpcError | null;
  /** The provider needs a key and has none, so nothing was sent. */
  noKey: boolean;
  onAddKey: () => void;
}

/**
 * What the last Test connection or Fetch models said. Scrolled into view when it appears:
 * below the fold at the default window size, a click seemed to do nothing.
 */
export function ConnectionResult({ result, failure, noKey, onAddKey }: ConnectionResultProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (result || failure || noKey) ref.current?.scrollIntoView({ block: "nearest" });
  }, [result, failure, noKey]);

  if (!result && !failure && !noKey) return null;
  return (
    <div ref={ref} data-testid="connection-result" className="scroll-my-4">
      {noKey ? (
        <div
          role="alert"
          data-testid="connection-no-key"
          className="flex items-start gap-2 rounded-md border border-warning/30 bg-warning-soft px-3 py-2.5 text-[13px]"
        >
          <KeyRound aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-warning" />
          <div className="min-w-0 flex-1">
            <div className="font-medium text-fg">{t("providers.noKey.title")}</div>
            <div className="mt-0.5 text-fg-muted">{t("providers.noKey.hint")}</div>
            <Button size="sm" variant="secondary" className="mt-2" onClick={onAddKey}>
              {t("providers.noKey.addKey")}
            </Button>
          </div>
        </div>
      ) : failure ? (
        <ErrorNotice error={failure} compact />
      ) : result ? (
        <span
          className="inline-flex items-center gap-1.5 text-[13px] text-success"
          role="status"
          data-testid="connection-ok"
        >
          <CheckCircle2 aria-hidden className="h-4 w-4" />
          {t("providers.connection.connected", {
            latency: result.latencyMs,
            count: result.modelCount,
          })}
        </span>
      ) : null}
    </div>
  );
}
