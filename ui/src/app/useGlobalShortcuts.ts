import { useEffect } from "react";
import { useNavigation } from "@/shared/navigation";

export interface ShortcutHandlers {
  /** Escape: stop the reply streaming in the open conversation (if any). Returns true if it did. */
  stopStreaming: () => boolean;
}

function isTypingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** App-wide keys: Mod+N, Mod+K, Mod+Shift+F / Ctrl+F, Mod+Shift+M, Mod+, and Escape (stop, or leave Settings). */
export function useGlobalShortcuts({ stopStreaming }: ShortcutHandlers): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing) return;
      const nav = useNavigation.getState();
      const mod = event.metaKey || event.ctrlKey;
      const key = event.key.toLowerCase();
      if (mod && !event.shiftKey && key === "n") {
        event.preventDefault();
        nav.newChat();
      } else if (mod && !event.shiftKey && key === "k") {
        event.preventDefault();
        nav.setPaletteOpen(!nav.paletteOpen);
      } else if (
        (mod && event.shiftKey && key === "f") ||
        (event.ctrlKey && !event.shiftKey && key === "f")
      ) {
        event.preventDefault();
        if (nav.view.name === "settings") nav.closeSettings();
        nav.requestSearchFocus();
      } else if (mod && event.shiftKey && key === "m") {
        event.preventDefault();
        if (nav.view.name === "settings") nav.closeSettings();
        nav.setModelPickerOpen(true);
      } else if (mod && key === ",") {
        event.preventDefault();
        nav.openSettings("providers");
      } else if (key === "escape" && !event.defaultPrevented && !isTypingIn(event.target)) {
        // When nothing else wants it (dialogs and menus close first, the composer and form
        // fields keep it): stop the streaming reply, or leave Settings.
        if (stopStreaming()) {
          event.preventDefault();
        } else if (nav.view.name === "settings") {
          event.preventDefault();
          nav.closeSettings();
        }
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [stopStreaming]);
}
