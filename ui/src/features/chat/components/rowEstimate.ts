import type { Message } from "@/shared/bindings/Message";
import type { ThreadMessage } from "@/shared/bindings/ThreadMessage";

// Rough pixel sizes of the message layout (MessageItem + markdown.css) at the list's width:
// rows are measured once rendered, but a close first guess keeps the scrollbar and the view
// steady while older pages are inserted above.
const CHROME_PX = 64; // padding, header, footer
const CHARS_PER_LINE = 96;
const TEXT_LINE_PX = 23;
const CODE_LINE_PX = 19.5;
const FENCE_PX = 30; // a code block's title bar and padding, per fence line
const GAP_PX = 10; // a blank line between blocks

// A user message taller than this collapses to COLLAPSED_TEXT_PX (about a screen of text, a
// bit less than the list's view in a default window) with a toggle below it.
export const COLLAPSED_TEXT_PX = 520;
const COLLAPSE_OVER_PX = COLLAPSED_TEXT_PX * 1.25;
const TOGGLE_PX = 32;

// The list asks for every unmeasured row's estimate each time it recomputes its layout (on
// every new measurement): compute each message's once. Keyed by the message object, which is
// replaced whenever its text changes.
const shapes = new WeakMap<Message, { height: number; collapses: boolean }>();

function shapeOf(message: Message): { height: number; collapses: boolean } {
  let shape = shapes.get(message);
  if (!shape) {
    const full = estimateText(message.text);
    const collapses = message.role === "user" && full - CHROME_PX > COLLAPSE_OVER_PX;
    shape = { height: collapses ? CHROME_PX + COLLAPSED_TEXT_PX + TOGGLE_PX : full, collapses };
    shapes.set(message, shape);
  }
  return shape;
}

/** A first guess at a message row's height in px, from its text alone (collapsed if it collapses). */
export function estimateRowHeight(item: ThreadMessage | undefined): number {
  return item ? shapeOf(item.message).height : 120;
}

/**
 * Whether a user message shows collapsed, with "Show all": decided from the text (cached with
 * the row estimate), so a row mounting while the list scrolls measures nothing.
 */
export function collapsesUserText(message: Message): boolean {
  return shapeOf(message).collapses;
}

function estimateText(text: string): number {
  let height = CHROME_PX;
  let inCode = false;
  for (const line of text.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) {
      inCode = !inCode;
      height += FENCE_PX;
    } else if (inCode) {
      height += CODE_LINE_PX;
    } else if (line.trim() === "") {
      height += GAP_PX;
    } else {
      height += Math.ceil(line.length / CHARS_PER_LINE) * TEXT_LINE_PX;
    }
  }
  return Math.round(height);
}
