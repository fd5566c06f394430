import { MARKDOWN_COMPONENTS } from "./components";
import { highlightCode, loadHighlighter } from "./highlighter";
import { mayContainMath } from "./normalizeMath";
import { isBlockCached, renderBlock } from "./pipeline";
import { splitBlocks } from "./splitBlocks";

/**
 * Renders messages into the block cache in slices between frames, so that rows of a long
 * conversation mount from the cache instead of parsing markdown inside a frame. The newest
 * request first: a page of older messages arrives as the user scrolls up towards it, and its
 * newest message is the next row to appear. While the user scrolls, slices are short (a
 * frame's spare time); when they stop, longer. (WebKitGTK has no requestIdleCallback.)
 */

const SLICE_MS = 6;
const SCROLLING_SLICE_MS = 2;
const QUIET_MS = 250;
const queue: string[] = [];
let scheduled = false;
let lastScrollAt = 0;
let listening = false;
let highlighterSettled: Promise<unknown> | null = null;

function noteScroll(): void {
  lastScrollAt = performance.now();
}

function schedule(delay = 0): void {
  if (scheduled) return;
  scheduled = true;
  if (!listening) {
    listening = true;
    // Scroll events do not bubble, but they pass the document in the capture phase.
    document.addEventListener("scroll", noteScroll, { capture: true, passive: true });
    document.addEventListener("wheel", noteScroll, { capture: true, passive: true });
  }
  window.setTimeout(run, delay);
}

const FENCE = /^(`{3,}|~{3,})([\w+#.-]*)[^\n]*\n([\s\S]*?)\n\1[ \t]*$/;

function warmBlock(block: string): void {
  // Math needs its plugins (loaded on first use): those blocks render on demand.
  if (mayContainMath(block)) return;
  if (!isBlockCached(block, false)) renderBlock(block, null, MARKDOWN_COMPONENTS);
  // A block rendered on screen before the highlighter was there still needs its highlight.
  const fence = FENCE.exec(block);
  if (fence?.[2]) highlightCode(fence[2], fence[3] ?? "");
}

function run(): void {
  scheduled = false;
  const start = performance.now();
  const budget = start - lastScrollAt < QUIET_MS ? SCROLLING_SLICE_MS : SLICE_MS;
  while (queue.length > 0 && performance.now() - start < budget) {
    const block = queue.pop();
    if (block) warmBlock(block);
  }
  // A gap between slices lets input and frames through.
  if (queue.length > 0) schedule(16);
}

/** Queues messages (oldest first, as a thread is ordered) to be rendered ahead of need. */
export function prewarm(texts: readonly string[]): void {
  if (texts.length === 0) return;
  // Blocks, not messages, are the unit of work: a slice stays within its budget.
  for (const text of texts) queue.push(...splitBlocks(text));
  // Slices start once the highlighter's chunk is there (or failed to load): a code block
  // warmed without it would be highlighted inside the frame that mounts its row.
  highlighterSettled ??= loadHighlighter().catch(() => undefined);
  void highlighterSettled.then(() => schedule());
}
