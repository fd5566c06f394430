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

// The list asks for every unmeasured row's estimate each time it recomputes its layout (on
// every new measurement): compute each message's once. Keyed by the message object, which is
// replaced whenever its text changes.
const estimates = new WeakMap<object, number>();

/** A first guess at a message row's height in px, from its text alone. */
export function estimateRowHeight(item: ThreadMessage | undefined): number {
  if (!item) return 120;
  const known = estimates.get(item.message);
  if (known !== undefined) return known;
  const height = estimateText(item.message.text);
  estimates.set(item.message, height);
  return height;
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
