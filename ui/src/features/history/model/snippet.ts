export const HIGHLIGHT_START = "\uE000";
export const HIGHLIGHT_END = "\uE001";

export interface SnippetPart {
  text: string;
  match: boolean;
}

/** Pure: a search snippet split into plain and matched parts (markers U+E000 … U+E001). */
export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let buffer = "";
  const push = () => {
    if (buffer) parts.push({ text: buffer, match });
    buffer = "";
  };
  for (const char of snippet) {
    if (char === HIGHLIGHT_START) {
      push();
      match = true;
    } else if (char === HIGHLIGHT_END) {
      push();
      match = false;
    } else {
      buffer += char;
    }
  }
  push();
  return parts;
}
