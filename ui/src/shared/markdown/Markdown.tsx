import { lazy, memo, Suspense } from "react";
import { cn } from "../ui/cn";

export interface MarkdownProps {
  text: string;
  /** The text is still arriving: the last block may be incomplete. */
  streaming?: boolean;
  className?: string;
}

// The renderer bounds what it shows of a huge block; so does its stand-in.
const FALLBACK_CHARS = 20_000;
const loadRenderer = () => import("./MarkdownRenderer");
const MarkdownRenderer = lazy(loadRenderer);

/** Starts loading the markdown renderer (its own chunk) before the first message needs it. */
export function preloadMarkdown(): void {
  void loadRenderer();
}

/**
 * Renders these messages' markdown ahead of need, in idle time (oldest first in, newest
 * rendered first): rows of a long conversation then mount without parsing.
 */
export function prewarmMarkdown(texts: readonly string[]): void {
  if (texts.length === 0) return;
  void import("./prewarm").then(({ prewarm }) => prewarm(texts));
}

/**
 * Untrusted model output as markdown. Until the renderer chunk is there (it is preloaded at
 * start), the text takes its place invisibly, so the list keeps its height and no raw markup
 * flashes.
 */
export const Markdown = memo(function Markdown(props: MarkdownProps) {
  return (
    <Suspense
      fallback={
        <div
          aria-busy="true"
          className={cn("md whitespace-pre-wrap text-transparent select-none", props.className)}
        >
          {props.text.slice(0, FALLBACK_CHARS)}
        </div>
      }
    >
      <MarkdownRenderer {...props} />
    </Suspense>
  );
});
