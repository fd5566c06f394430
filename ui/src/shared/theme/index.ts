export {
  useThemeStore,
  useResolvedTheme,
  setThemePreference,
  toggleTheme,
  startThemeSync,
  resolveTheme,
} from "./store";
export type { ResolvedTheme } from "./store";
export type { ThemePreference, LanguagePreference } from "./preferences";
export { readLanguagePreference, writeLanguagePreference } from "./preferences";
