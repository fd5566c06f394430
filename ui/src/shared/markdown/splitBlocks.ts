/**
 * Splits markdown into top-level blocks (paragraphs, lists, fenced code, math, tables) so each
 * block can be parsed and rendered once and memoized: while a reply streams, only the last
 * block changes. Blank lines inside code fences and $$ math never split.
 */
export function splitBlocks(markdown: string): string[] {
  const lines = markdown.split("\n");
  const blocks: string[] = [];
  let current: string[] = [];
  let fence: { marker: string; length: number } | null = null;
  let inMath = false;

  const flush = () => {
    if (current.some((line) => line.trim() !== "")) blocks.push(current.join("\n"));
    current = [];
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? "";
    const trimmed = line.trimStart();

    if (fence) {
      current.push(line);
      const closing = trimmed.match(/^(`{3,}|~{3,})\s*$/);
      if (closing?.[1] && closing[1][0] === fence.marker && closing[1].length >= fence.length) {
        fence = null;
      }
      continue;
    }
    if (inMath) {
      current.push(line);
      if (trimmed.startsWith("$$")) inMath = false;
      continue;
    }

    const opening = trimmed.match(/^(`{3,}|~{3,})/);
    if (opening?.[1] && line.length - trimmed.length < 4) {
      fence = { marker: opening[1][0] ?? "`", length: opening[1].length };
      current.push(line);
      continue;
    }
    if (trimmed.startsWith("$$") && !/^\$\$.*\$\$\s*$/.test(trimmed.slice(0))) {
      inMath = true;
      current.push(line);
      continue;
    }

    if (line.trim() === "") {
      // A blank line ends a block unless the next non-blank line continues it (indented list
      // content, or the next item of the same list).
      const next = nextNonBlank(lines, index + 1);
      const continuesList =
        next !== null && (/^\s{2,}\S/.test(next) || (isListItem(next) && startsWithList(current)));
      if (continuesList) {
        current.push(line);
      } else {
        flush();
      }
      continue;
    }
    current.push(line);
  }
  flush();
  return blocks;
}

function nextNonBlank(lines: string[], from: number): string | null {
  for (let index = from; index < lines.length; index++) {
    const line = lines[index] ?? "";
    if (line.trim() !== "") return line;
  }
  return null;
}

function isListItem(line: string): boolean {
  return /^\s*([-*+]|\d+[.)])\s+/.test(line);
}

function startsWithList(lines: string[]): boolean {
  const first = lines.find((line) => line.trim() !== "");
  return first !== undefined && isListItem(first);
}

/** Whether the text ends inside an unterminated code fence (the block is still being written). */
export function endsInsideFence(markdown: string): boolean {
  let fence: { marker: string; length: number } | null = null;
  for (const line of markdown.split("\n")) {
    const trimmed = line.trimStart();
    if (fence) {
      const closing = trimmed.match(/^(`{3,}|~{3,})\s*$/);
      if (closing?.[1] && closing[1][0] === fence.marker && closing[1].length >= fence.length) {
        fence = null;
      }
    } else {
      const opening = trimmed.match(/^(`{3,}|~{3,})/);
      if (opening?.[1]) fence = { marker: opening[1][0] ?? "`", length: opening[1].length };
    }
  }
  return fence !== null;
}
