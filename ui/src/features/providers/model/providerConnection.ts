import type { Provider } from "@/shared/bindings/Provider";
import type { ProviderPreset } from "@/shared/bindings/ProviderPreset";

function hostOf(url: string): string | null {
  try {
    return new URL(url.trim()).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * The preset's "get a key" link, only while the provider still points at the preset's server:
 * after the base URL moved elsewhere, that site's keys would not work there.
 */
export function keyUrlFor(provider: Provider, preset: ProviderPreset | undefined): string | null {
  if (!preset?.keyUrl) return null;
  const host = hostOf(provider.baseUrl);
  return host !== null && host === hostOf(preset.baseUrl) ? preset.keyUrl : null;
}

/** Whether the provider needs a key that is not set: a test would send nothing. */
export function isKeyMissing(provider: Provider): boolean {
  return provider.auth !== "none" && !provider.key.isSet;
}

/**
 * Everything a connection test depends on. When it changes, an earlier test result (or
 * error) no longer describes this provider.
 */
export function connectionFingerprint(provider: Provider): string {
  return JSON.stringify([
    provider.id,
    provider.baseUrl,
    provider.exactBaseUrl,
    provider.auth,
    provider.extraHeaders,
    provider.key,
  ]);
}
