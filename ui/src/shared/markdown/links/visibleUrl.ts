/**
 * Characters that change how text around them is drawn without being seen: controls,
 * format characters (bidi overrides and isolates, zero-width joiners, BOM) and line or
 * paragraph separators.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** `U+202E` as `[U+202E]`. */
function marker(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return `[U+${code.toString(16).toUpperCase().padStart(4, "0")}]`;
}

/**
 * A URL as a person should read it before opening it: percent-escapes decoded where that
 * is valid, and every invisible character shown as its code point, so that a right-to-left
 * override cannot make `gpj.exe` read as `exe.jpg`.
 */
export function visibleUrl(url: string): string {
  let decoded = url;
  try {
    decoded = decodeURI(url);
  } catch {
    // A malformed escape: show the URL as it is.
  }
  return decoded.replace(INVISIBLE, marker);
}
