/**
 * Budgets for untrusted markdown. Model output can be built to make a parser slow (a
 * multi-megabyte line, thousands of nested lists, pathological emphasis): each block is
 * checked here, in linear time on the UI thread, before it is parsed in the worker, and the
 * worker is stopped when a block takes longer than TIME_BUDGET_MS. A block over budget is
 * shown as plain text.
 */

/** Why a block is shown as plain text instead of markdown ("failed": the parser threw). */
export type OverBudget = "size" | "depth" | "time" | "failed";

/** The longest block parsed as markdown, in UTF-16 units (a fenced code block may be longer). */
export const MAX_BLOCK_CHARS = 100_000;
/**
 * A streaming code block is laid out again on every update: at 400 KB that cost WebKitGTK
 * about 300 ms a time (the hostile bench's 1 MB block); 150 KB keeps each under 100 ms.
 */
export const MAX_CODE_BLOCK_CHARS = 150_000;
/** The deepest nesting of lists and quotes parsed as markdown. */
export const MAX_DEPTH = 32;
/**
 * The most nodes one block's tree may have: the UI thread turns each into an element and
 * the page lays each out, so a block of 50,000 tiny emphases is too large even when it
 * parses in time.
 */
export const MAX_NODES = 5000;
/** The same for the block still streaming, rendered again each time it is parsed. */
export const MAX_LIVE_NODES = 2500;
/** The deepest element tree rendered (lists, quotes, emphasis and links inside each other). */
export const MAX_TREE_DEPTH = 2 * MAX_DEPTH + 40;
/** The longest one block may take to parse, highlight and typeset, in the worker. */
export const TIME_BUDGET_MS = 1000;
/** Code longer than this is shown without highlighting. */
export const MAX_HIGHLIGHT_CHARS = 60_000;
/** How much of an over-budget block is shown (copy gives the whole text). */
export const PREVIEW_CHARS = 20_000;

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/** Whether the block is one fenced code block (as splitBlocks makes them). */
export function isFencedBlock(source: string): boolean {
  return FENCE_OPEN.test(source);
}

/**
 * The deepest nesting of block containers (list items and block quotes) any line opens,
 * counted from its prefix: each `>`, each list marker, and every two columns of indentation.
 * An upper bound of what the parser will build; lines inside fenced code are not counted.
 */
export function nestingDepth(source: string): number {
  let deepest = 0;
  let fence: string | null = null;
  let lineStart = 0;
  while (lineStart <= source.length) {
    let lineEnd = source.indexOf("\n", lineStart);
    if (lineEnd === -1) lineEnd = source.length;
    const depth = lineDepth(source, lineStart, lineEnd);
    const fenceMark = fenceAt(source, lineStart, lineEnd);
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = null;
    } else {
      if (fenceMark) fence = fenceMark;
      if (depth > deepest) deepest = depth;
    }
    lineStart = lineEnd + 1;
  }
  return deepest;
}

function fenceAt(source: string, start: number, end: number): string | null {
  let index = start;
  while (index < end && (source[index] === " " || source[index] === "\t")) index++;
  const mark = source[index];
  if (mark !== "`" && mark !== "~") return null;
  let run = index;
  while (run < end && source[run] === mark) run++;
  return run - index >= 3 ? mark.repeat(run - index) : null;
}

function lineDepth(source: string, start: number, end: number): number {
  let depth = 0;
  let columns = 0;
  let index = start;
  while (index < end) {
    const char = source[index];
    if (char === " ") {
      columns += 1;
      index += 1;
    } else if (char === "\t") {
      columns += 4;
      index += 1;
    } else if (char === ">") {
      depth += 1;
      index = afterMarker(source, index + 1);
    } else if ((char === "-" || char === "*" || char === "+") && isSpace(source[index + 1])) {
      depth += 1;
      index = afterMarker(source, index + 1);
    } else if (char !== undefined && char >= "0" && char <= "9") {
      let digits = index;
      while (digits < end && digits - index < 9 && isDigit(source[digits])) digits++;
      const marker = source[digits];
      if ((marker === "." || marker === ")") && isSpace(source[digits + 1])) {
        depth += 1;
        index = afterMarker(source, digits + 1);
      } else {
        break;
      }
    } else {
      break;
    }
  }
  return depth + Math.floor(columns / 2);
}

/** The space that follows a marker belongs to it, not to the indentation. */
function afterMarker(source: string, index: number): number {
  return source[index] === " " ? index + 1 : index;
}

function isSpace(char: string | undefined): boolean {
  return char === " " || char === "\t" || char === undefined || char === "\n";
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= "0" && char <= "9";
}

/** The budget a block breaks before parsing (size or nesting), or null if it may be parsed. */
export function precheck(source: string): OverBudget | null {
  const limit = isFencedBlock(source) ? MAX_CODE_BLOCK_CHARS : MAX_BLOCK_CHARS;
  if (source.length > limit) return "size";
  if (!isFencedBlock(source) && nestingDepth(source) > MAX_DEPTH) return "depth";
  return null;
}
