/**
 * Models often write LaTeX as \( ... \) and \[ ... \]; remark-math understands $ and $$.
 * Rewrites those delimiters outside code (fences and inline code spans are left alone).
 */
export function normalizeMathDelimiters(markdown: string): string {
  if (!markdown.includes("\\(") && !markdown.includes("\\[")) return markdown;
  const parts = markdown.split(/(```[\s\S]*?(?:```|$)|`[^`\n]*`)/g);
  return parts
    .map((part, index) => {
      if (index % 2 === 1) return part;
      return part
        .replace(/\\\[([\s\S]+?)\\\]/g, (_match, body: string) => `\n$$\n${body.trim()}\n$$\n`)
        .replace(/\\\(([\s\S]+?)\\\)/g, (_match, body: string) => `$${body.trim()}$`);
    })
    .join("");
}

/** Whether the text may contain math worth loading KaTeX for. */
export function mayContainMath(markdown: string): boolean {
  return /\$|\\\(|\\\[/.test(markdown);
}
