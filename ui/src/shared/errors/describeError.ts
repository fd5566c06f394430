import type { TFunction } from "i18next";
import type { IpcError } from "../bindings/IpcError";

export type ErrorAction = "openProviderSettings" | "retry" | "none";

export interface ErrorPresentation {
  /** A short headline in words a user can act on. */
  title: string;
  /** What to do about it. */
  hint: string;
  action: ErrorAction;
}

/** The headline and the advice for an error, by its kind. */
export function describeError(error: IpcError, t: TFunction): ErrorPresentation {
  switch (error.kind) {
    case "auth":
      return {
        title: t("errors.auth.title"),
        hint: t("errors.auth.hint"),
        action: "openProviderSettings",
      };
    case "outOfCredit":
      return {
        title: t("errors.outOfCredit.title"),
        hint: t("errors.outOfCredit.hint"),
        action: "openProviderSettings",
      };
    case "forbidden":
      return {
        title: t("errors.forbidden.title"),
        hint: t("errors.forbidden.hint"),
        action: "openProviderSettings",
      };
    case "rateLimited": {
      const seconds =
        error.retryAfterMs !== undefined ? Math.max(1, Math.ceil(error.retryAfterMs / 1000)) : null;
      return {
        title:
          seconds === null
            ? t("errors.rateLimited.titleNoWait")
            : t("errors.rateLimited.title", { seconds }),
        hint: t("errors.rateLimited.hint"),
        action: "retry",
      };
    }
    case "badRequest":
      return {
        title: t("errors.badRequest.title"),
        hint: t("errors.badRequest.hint"),
        action: "none",
      };
    case "notFound":
      return {
        title: t("errors.notFound.title"),
        hint: t("errors.notFound.hint"),
        action: "openProviderSettings",
      };
    case "gatewayDown":
      return {
        title: t("errors.gatewayDown.title"),
        hint: t("errors.gatewayDown.hint"),
        action: "retry",
      };
    case "timeout":
      return { title: t("errors.timeout.title"), hint: t("errors.timeout.hint"), action: "retry" };
    case "network":
      return { title: t("errors.network.title"), hint: t("errors.network.hint"), action: "retry" };
    case "canceled":
      return { title: t("errors.canceled.title"), hint: t("errors.canceled.hint"), action: "none" };
    case "invalidResponse":
      return {
        title: t("errors.invalidResponse.title"),
        hint: t("errors.invalidResponse.hint"),
        action: "retry",
      };
    case "keychain":
      return { title: t("errors.keychain.title"), hint: t("errors.keychain.hint"), action: "none" };
    case "storage":
      return { title: t("errors.storage.title"), hint: t("errors.storage.hint"), action: "none" };
    case "invalid":
      return { title: t("errors.invalid.title"), hint: t("errors.invalid.hint"), action: "none" };
    case "internal":
      return { title: t("errors.internal.title"), hint: t("errors.internal.hint"), action: "none" };
  }
}
