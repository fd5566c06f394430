/** "⌘" on macOS, "Ctrl" elsewhere. */
export function modKey(): string {
  const platform =
    typeof navigator === "undefined" ? "" : navigator.platform || navigator.userAgent;
  return /mac|iphone|ipad/i.test(platform) ? "⌘" : "Ctrl";
}

/** "Mod+Shift+F" → "Ctrl+Shift+F" or "⌘⇧F". */
export function formatShortcut(shortcut: string): string {
  const mod = modKey();
  if (mod === "⌘") {
    return shortcut.replace("Mod+", "⌘").replace("Shift+", "⇧").replace("Alt+", "⌥");
  }
  return shortcut.replace("Mod", "Ctrl");
}
