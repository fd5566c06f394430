import { useTranslation } from "react-i18next";
import type { IpcError } from "../bindings/IpcError";
import { statusLine } from "./describeError";

/** Errors saved before the fix read "HTTP 500 (500)": the code only repeated the status. */
function withoutRepeatedStatus(detail: string): string {
  return detail.replace(/^HTTP (\d{3}) \(\1\)/, "HTTP $1");
}

/** Kinds raised in Portico itself, where the backend's sentence may be the only evidence. */
const LOCAL_KINDS: ReadonlySet<IpcError["kind"]> = new Set([
  "internal",
  "invalid",
  "storage",
  "keychain",
]);

/** The backend's own sentence, for a local error with no reason: its only evidence. */
function noteOf(error: IpcError): string | null {
  return !error.reason && LOCAL_KINDS.has(error.kind) && error.message ? error.message : null;
}

export function hasDetails(error: IpcError): boolean {
  return Boolean(
    error.detail || error.gatewayMessage || error.status !== undefined || noteOf(error),
  );
}

/**
 * The evidence behind an error: the gateway's own words quoted as they came (never
 * translated), the status and code, and the raw detail. A local error with no reason (an
 * unclassified or internal one) also keeps the backend's own sentence here.
 */
export function ErrorDetails({ error }: { error: IpcError }) {
  const { t } = useTranslation();
  const raw = error.detail ? withoutRepeatedStatus(error.detail) : statusLine(error);
  const note = noteOf(error);
  return (
    <div className="mt-1 space-y-1.5">
      {error.gatewayMessage ? (
        <figure data-testid="gateway-said">
          <figcaption className="text-[12px] text-fg-muted">{t("errors.gatewaySaid")}</figcaption>
          <blockquote className="mt-0.5 border-l-2 border-border pl-2 text-[12.5px] break-words text-fg">
            “{error.gatewayMessage}”
          </blockquote>
        </figure>
      ) : null}
      {note ? (
        <p className="text-[12px] text-fg-muted">
          {t("errors.note")}: {note}
        </p>
      ) : null}
      {raw ? (
        <pre className="max-h-48 overflow-auto rounded border border-border bg-bg p-2 font-mono text-[12px] break-words whitespace-pre-wrap text-fg-muted">
          {raw}
        </pre>
      ) : null}
    </div>
  );
}
