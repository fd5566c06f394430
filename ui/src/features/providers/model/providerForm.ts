import type { AuthScheme } from "@/shared/bindings/AuthScheme";
import type { HeaderPair } from "@/shared/bindings/HeaderPair";
import type { Provider } from "@/shared/bindings/Provider";
import type { ProviderInput } from "@/shared/bindings/ProviderInput";
import type { ProviderPreset } from "@/shared/bindings/ProviderPreset";

export interface ProviderFormValues {
  name: string;
  presetId: string;
  baseUrl: string;
  exactBaseUrl: boolean;
  auth: AuthScheme;
  extraHeaders: HeaderPair[];
  defaultModel: string;
}

export type ProviderFormErrors = Partial<Record<"name" | "baseUrl" | "extraHeaders", string>>;

export function formFromProvider(provider: Provider): ProviderFormValues {
  return {
    name: provider.name,
    presetId: provider.presetId,
    baseUrl: provider.baseUrl,
    exactBaseUrl: provider.exactBaseUrl,
    auth: provider.auth,
    extraHeaders: provider.extraHeaders,
    defaultModel: provider.defaultModel ?? "",
  };
}

export function formFromPreset(preset: ProviderPreset): ProviderFormValues {
  return {
    name: preset.name,
    presetId: preset.id,
    baseUrl: preset.baseUrl,
    exactBaseUrl: preset.exactBaseUrl,
    auth: preset.auth,
    extraHeaders: [],
    defaultModel: preset.defaultModel ?? "",
  };
}

/** Whether a string is an absolute http(s) URL with a host. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Pure: error keys (i18n) per field; empty when the form can be saved. */
export function validateProviderForm(
  values: ProviderFormValues,
  offlineDemo: boolean,
): ProviderFormErrors {
  const errors: ProviderFormErrors = {};
  if (!values.name.trim()) errors.name = "providers.form.errors.nameRequired";
  if (!offlineDemo) {
    if (!values.baseUrl.trim()) errors.baseUrl = "providers.form.errors.baseUrlRequired";
    else if (!isHttpUrl(values.baseUrl)) errors.baseUrl = "providers.form.errors.baseUrlInvalid";
  }
  const badHeader = values.extraHeaders.some(
    (header) =>
      (header.name.trim() || header.value.trim()) && !HEADER_NAME.test(header.name.trim()),
  );
  if (badHeader) errors.extraHeaders = "providers.form.errors.headerName";
  return errors;
}

export function inputFromForm(values: ProviderFormValues): ProviderInput {
  return {
    name: values.name.trim(),
    presetId: values.presetId,
    baseUrl: values.baseUrl.trim(),
    exactBaseUrl: values.exactBaseUrl,
    auth: values.auth,
    extraHeaders: values.extraHeaders
      .map((header) => ({ name: header.name.trim(), value: header.value }))
      .filter((header) => header.name.length > 0),
    defaultModel: values.defaultModel.trim() || undefined,
  };
}

/** "•••• abcd" for a stored key. */
export function maskedKey(lastFour: string | undefined): string {
  return lastFour ? `•••• ${lastFour}` : "••••";
}
