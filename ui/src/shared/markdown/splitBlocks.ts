/**
 * Splits markdown into top-level blocks (paragraphs, lists, fenced code, math, tables) so each
 * block can be parsed and rendered once and memoized: while a reply streams, only the last
 * block changes. Blank lines inside code fences and $$ math never split.
 */
export function splitBlocks(markdown: string): string[] {
  return splitBlockSpans(markdown).map((span) => span.source);
}

/** A block and where it starts in the message. */
export interface BlockSpan {
  source: string;
  start: number;
}

/**
 * The blocks of `markdown` from offset `from`, which must be the start of a block (or 0).
 * Linear in the length after `from`.
 */
export function splitBlockSpans(markdown: string, from = 0): BlockSpan[] {
  const blocks: BlockSpan[] = [];
  let current: string[] = [];
  let currentStart = from;
  let fence: { marker: string; length: number } | null = null;
  let inMath = false;
  let offset = from;
  const lines = markdown.slice(from).split("\n");

  const flush = () => {
    if (current.some((line) => line.trim() !== "")) {
      blocks.push({ source: current.join("\n"), start: currentStart });
    }
    current = [];
  };
  const push = (line: string, at: number) => {
    if (current.length === 0) currentStart = at;
    current.push(line);
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? "";
    const at = offset;
    offset += line.length + 1;
    const trimmed = line.trimStart();

    if (fence) {
      push(line, at);
      const closing = trimmed.match(/^(`{3,}|~{3,})\s*$/);
      if (closing?.[1] && closing[1][0] === fence.marker && closing[1].length >= fence.length) {
        fence = null;
      }
      continue;
    }
    if (inMath) {
      push(line, at);
      if (trimmed.startsWith("$$")) inMath = false;
      continue;
    }

    const opening = trimmed.match(/^(`{3,}|~{3,})/);
    if (opening?.[1] && line.length - trimmed.length < 4) {
      fence = { marker: opening[1][0] ?? "`", length: opening[1].length };
      push(line, at);
      continue;
    }
    if (trimmed.startsWith("$$") && !/^\$\$.*\$\$\s*$/.test(trimmed)) {
      inMath = true;
      push(line, at);
      continue;
    }

    if (line.trim() === "") {
      // A blank line ends a block unless the next non-blank line continues it (indented list
      // content, or the next item of the same list).
      const next = nextNonBlank(lines, index + 1);
      const continuesList =
        next !== null && (/^\s{2,}\S/.test(next) || (isListItem(next) && startsWithList(current)));
      if (continuesList) {
        push(line, at);
      } else {
        flush();
      }
      continue;
    }
    push(line, at);
  }
  flush();
  return blocks;
}

/**
 * The blocks of `markdown`, reusing `previous` (the blocks of an earlier text it extends, as a
 * streaming reply does): only the last two blocks are split again, since the boundary before
 * the last one was decided by looking at a line that may have grown since.
 */
export function extendBlockSpans(
  previous: { text: string; blocks: BlockSpan[] } | null,
  markdown: string,
): BlockSpan[] {
  if (!previous || previous.blocks.length < 3 || !markdown.startsWith(previous.text)) {
    return splitBlockSpans(markdown);
  }
  const keep = previous.blocks.length - 2;
  const from = previous.blocks[keep]?.start ?? 0;
  return [...previous.blocks.slice(0, keep), ...splitBlockSpans(markdown, from)];
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
