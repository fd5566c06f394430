/**
 * A canned reply with links of every kind, for looking at links: web and mail links that
 * open, a file name spoofed with a right-to-left override, and schemes that stay inert.
 */
export const LINKS_REPLY = [
  "Links in this reply:",
  "",
  "- The guide: [example.com/docs](https://example.com/docs?lang=en#start)",
  "- Download [invoice/\u202Egpj.exe](https://example.com/files/\u202Egpj.exe) then read [the notes](https://example.com/notes) after it.",
  "- Write to [team@example.com](mailto:team@example.com)",
  "- Not opened: [run this](javascript:alert(1)) and [the chat room](irc://irc.example.net/portico)",
].join("\n");

export function isLinksPrompt(lower: string): boolean {
  return /\blinks?\b/.test(lower);
}
