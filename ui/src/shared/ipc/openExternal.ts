/** The schemes a link in a reply may open; every other link stays inert. */
const OPENABLE = /^(https?:\/\/|mailto:)/i;

/** Whether `url` is a link the system may open (http, https or mailto). */
export function isOpenableUrl(url: string): boolean {
  return OPENABLE.test(url);
}

/**
 * Opens a link in the system browser or mail client, never inside the app window. Only
 * http, https and mailto: the shell's capability allows the same and nothing else. Resolves
 * false when the link was not opened.
 */
export async function openExternal(url: string): Promise<boolean> {
  if (!isOpenableUrl(url)) return false;
  try {
    const { openUrl } = await import("@tauri-apps/plugin-opener");
    await openUrl(url);
    return true;
  } catch {
    return false;
  }
}
