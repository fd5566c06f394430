import { create } from "zustand";
import { readThemePreference, writeThemePreference, type ThemePreference } from "./preferences";

export type ResolvedTheme = "light" | "dark";

function systemTheme(): ResolvedTheme {
  if (typeof window === "undefined" || typeof window.matchMedia !== "function") return "light";
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

export function resolveTheme(preference: ThemePreference, system: ResolvedTheme): ResolvedTheme {
  return preference === "system" ? system : preference;
}

interface ThemeState {
  preference: ThemePreference;
  system: ResolvedTheme;
  setPreference: (preference: ThemePreference) => void;
  setSystem: (system: ResolvedTheme) => void;
}

export const useThemeStore = create<ThemeState>()((set) => ({
  preference: readThemePreference(),
  system: systemTheme(),
  setPreference: (preference) => set({ preference }),
  setSystem: (system) => set({ system }),
}));

export function useResolvedTheme(): ResolvedTheme {
  return useThemeStore((state) => resolveTheme(state.preference, state.system));
}

export function setThemePreference(preference: ThemePreference): void {
  writeThemePreference(preference);
  useThemeStore.getState().setPreference(preference);
}

/** Flips between light and dark (leaving "system" for an explicit choice). */
export function toggleTheme(): void {
  const { preference, system } = useThemeStore.getState();
  setThemePreference(resolveTheme(preference, system) === "dark" ? "light" : "dark");
}

/** Keeps <html data-theme> in step with the preference and the system setting. */
export function startThemeSync(): () => void {
  const apply = () => {
    const { preference, system } = useThemeStore.getState();
    const theme = resolveTheme(preference, system);
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  };
  apply();
  const unsubscribe = useThemeStore.subscribe(apply);
  const media =
    typeof window.matchMedia === "function"
      ? window.matchMedia("(prefers-color-scheme: dark)")
      : null;
  const onChange = (event: MediaQueryListEvent) =>
    useThemeStore.getState().setSystem(event.matches ? "dark" : "light");
  media?.addEventListener("change", onChange);
  return () => {
    unsubscribe();
    media?.removeEventListener("change", onChange);
  };
}
