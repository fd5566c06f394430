/** The app's keyboard shortcuts, as shown in Settings and tooltips ("Mod" = Ctrl or ⌘). */
export const SHORTCUTS: Array<{ keys: string[]; labelKey: string }> = [
  { keys: ["Mod+N"], labelKey: "shortcuts.newChat" },
  { keys: ["Mod+K"], labelKey: "shortcuts.palette" },
  { keys: ["Mod+Shift+F", "Ctrl+F"], labelKey: "shortcuts.search" },
  { keys: ["Mod+Shift+M"], labelKey: "shortcuts.switchModel" },
  { keys: ["Mod+,"], labelKey: "shortcuts.settings" },
  { keys: ["Enter"], labelKey: "shortcuts.send" },
  { keys: ["Shift+Enter"], labelKey: "shortcuts.newline" },
  { keys: ["Esc"], labelKey: "shortcuts.stop" },
];
