import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import {
  readLanguagePreference,
  writeLanguagePreference,
  type LanguagePreference,
} from "../theme/preferences";
import en from "./en.json";
import zhCN from "./zh-CN.json";

export type Language = "en" | "zh-CN";

export const resources = {
  en: { translation: en },
  "zh-CN": { translation: zhCN },
} as const;

/** The language the system asks for, among those we have. */
export function systemLanguage(): Language {
  const candidates = typeof navigator === "undefined" ? [] : (navigator.languages ?? []);
  const first = candidates[0] ?? (typeof navigator === "undefined" ? "en" : navigator.language);
  return first.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}

export function resolveLanguage(preference: LanguagePreference): Language {
  return preference === "system" ? systemLanguage() : preference;
}

function applyDocumentLanguage(language: string): void {
  if (typeof document !== "undefined") document.documentElement.lang = language;
}

let initialized = false;

export function initI18n(override?: Language): typeof i18next {
  if (initialized) return i18next;
  initialized = true;
  const language = override ?? resolveLanguage(readLanguagePreference());
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: "en",
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  applyDocumentLanguage(language);
  i18next.on("languageChanged", applyDocumentLanguage);
  return i18next;
}

export function setLanguagePreference(preference: LanguagePreference): void {
  writeLanguagePreference(preference);
  void i18next.changeLanguage(resolveLanguage(preference));
}

export { i18next };
export { TranslationProvider, useT, type Translate, type Translation } from "./sharedTranslation";
