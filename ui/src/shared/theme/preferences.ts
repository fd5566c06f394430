/**
 * UI preferences (theme, language). They hold nothing secret, so localStorage is enough and
 * is read synchronously before the first paint (no flash of the wrong theme).
 */
export type ThemePreference = "system" | "light" | "dark";
export type LanguagePreference = "system" | "en" | "zh-CN";

const THEME_KEY = "portico.theme";
const LANGUAGE_KEY = "portico.language";

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Private mode or storage disabled: the preference lasts for this session only.
  }
}

export function readThemePreference(): ThemePreference {
  const value = read(THEME_KEY);
  return value === "light" || value === "dark" ? value : "system";
}

export function writeThemePreference(value: ThemePreference): void {
  write(THEME_KEY, value);
}

export function readLanguagePreference(): LanguagePreference {
  const value = read(LANGUAGE_KEY);
  return value === "en" || value === "zh-CN" ? value : "system";
}

export function writeLanguagePreference(value: LanguagePreference): void {
  write(LANGUAGE_KEY, value);
}
