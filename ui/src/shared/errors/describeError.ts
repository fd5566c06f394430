import type { TFunction } from "i18next";
import type { ErrorReason } from "../bindings/ErrorReason";
import type { IpcError } from "../bindings/IpcError";

/** What the notice offers: "startOver" opens a new chat holding the last message. */
export type ErrorAction = "openProviderSettings" | "retry" | "startOver" | "none";

export interface ErrorPresentation {
  /** A short headline in words a user can act on. */
  title: string;
  /** What happened and what to do about it. */
  body: string;
  action: ErrorAction;
}

/** Reasons whose headline says more than their kind's. */
const TITLED: ReadonlySet<ErrorReason> = new Set<ErrorReason>([
  "keyProbablyRejected",
  "contextTooLong",
  "noKey",
  "keychainRefused",
  "errorPage",
  "noLongerExists",
]);

/** Reasons the user fixes in the provider's settings. */
const IN_PROVIDER_SETTINGS: ReadonlySet<ErrorReason> = new Set<ErrorReason>([
  "keyProbablyRejected",
  "noKey",
  "invalidBaseUrl",
  "badHeader",
  "keyNotSendable",
  "wrongMethod",
]);

const KIND_ACTION: Record<IpcError["kind"], ErrorAction> = {
  auth: "openProviderSettings",
  outOfCredit: "openProviderSettings",
  forbidden: "openProviderSettings",
  rateLimited: "retry",
  badRequest: "none",
  notFound: "openProviderSettings",
  gatewayDown: "retry",
  timeout: "retry",
  network: "retry",
  canceled: "none",
  invalidResponse: "retry",
  keychain: "none",
  storage: "none",
  invalid: "none",
  internal: "none",
};

function actionOf(error: IpcError): ErrorAction {
  if (error.reason === "contextTooLong") return "startOver";
  if (error.reason && IN_PROVIDER_SETTINGS.has(error.reason)) return "openProviderSettings";
  return KIND_ACTION[error.kind];
}

function titleOf(error: IpcError, t: TFunction): string {
  if (error.reason && TITLED.has(error.reason)) return t(`errors.reasonTitles.${error.reason}`);
  if (error.kind === "rateLimited") {
    return error.retryAfterMs === undefined
      ? t("errors.rateLimited.titleNoWait")
      : t("errors.rateLimited.title", {
          seconds: Math.max(1, Math.ceil(error.retryAfterMs / 1000)),
        });
  }
  return t(`errors.${error.kind}.title`);
}

function bodyOf(error: IpcError, t: TFunction): string {
  return error.reason ? t(`errors.reasons.${error.reason}`) : t(`errors.${error.kind}.hint`);
}

/**
 * The headline, the body and the action for an error, worded in the current language from its
 * kind and structured fields. The backend's English `message` is never the wording: errors
 * saved on messages are shown again after a relaunch, possibly in the other language.
 */
export function describeError(error: IpcError, t: TFunction): ErrorPresentation {
  return { title: titleOf(error, t), body: bodyOf(error, t), action: actionOf(error) };
}

/** `HTTP 500 (server_error)`, without repeating a code that only restates the status. */
export function statusLine(error: IpcError): string | null {
  if (error.status === undefined) return null;
  const code = error.gatewayCode?.trim();
  return code && code !== String(error.status)
    ? `HTTP ${error.status} (${code})`
    : `HTTP ${error.status}`;
}
