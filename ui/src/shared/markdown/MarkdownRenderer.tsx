import { memo, useMemo, useRef } from "react";
import { cn } from "../ui/cn";
import { PREVIEW_CHARS } from "./budgets";
import { LiveBlockContext } from "./components";
import type { MarkdownProps } from "./Markdown";
import { PlainBlock } from "./PlainBlock";
import { collectDefinitions, withDefinitions, type Definition } from "./references";
import { extendBlockSpans, type BlockSpan } from "./splitBlocks";
import { useBlock } from "./useBlock";
import "./markdown.css";

interface BlockProps {
  /** The block as written (what "copy" gives). */
  source: string;
  definitions: readonly Definition[];
  live: boolean;
}

/** One block: from the cache at once, else parsed in the worker (the text holds its place). */
const MarkdownBlock = memo(function MarkdownBlock({ source, definitions, live }: BlockProps) {
  const parsed = useMemo(() => withDefinitions(source, definitions), [source, definitions]);
  const entry = useBlock(parsed, live);
  let content;
  if (entry === null) {
    // Until the worker answers: the text, bounded, invisible unless it is arriving now.
    content = (
      <div className={cn("whitespace-pre-wrap", !live && "text-transparent select-none")}>
        {source.slice(0, PREVIEW_CHARS)}
      </div>
    );
  } else if ("over" in entry) {
    content = <PlainBlock source={source} reason={entry.over} />;
  } else {
    content = entry.element;
  }
  return (
    <LiveBlockContext.Provider value={live}>
      <div className="md-block" aria-busy={entry === null || undefined}>
        {content}
      </div>
    </LiveBlockContext.Provider>
  );
});

/** The message's blocks; while it streams, only the end of the text is split again. */
function useBlocks(text: string): BlockSpan[] {
  const previous = useRef<{ text: string; blocks: BlockSpan[] } | null>(null);
  return useMemo(() => {
    const blocks = extendBlockSpans(previous.current, text);
    previous.current = { text, blocks };
    return blocks;
  }, [text]);
}

/** The reference definitions in the message: the same array while they do not change. */
function useDefinitions(blocks: BlockSpan[]): readonly Definition[] {
  const previous = useRef<{ key: string; definitions: Definition[] }>({ key: "", definitions: [] });
  return useMemo(() => {
    const definitions = collectDefinitions(blocks.map((block) => block.source));
    const key = definitions.map((definition) => definition.line).join("\n");
    if (key !== previous.current.key) previous.current = { key, definitions };
    return previous.current.definitions;
  }, [blocks]);
}

/**
 * Renders untrusted model output as markdown. Raw HTML is shown as text (never parsed), links
 * open in the system browser, remote images are not loaded. Parsing happens in a worker under
 * budgets (budgets.ts): whatever the reply holds, this thread keeps answering input.
 */
const MarkdownRenderer = memo(function MarkdownRenderer({
  text,
  streaming = false,
  className,
}: MarkdownProps) {
  const blocks = useBlocks(text);
  const definitions = useDefinitions(blocks);
  return (
    <div className={cn("md", streaming && "md-live", className)}>
      {blocks.map((block, index) => (
        <MarkdownBlock
          key={index}
          source={block.source}
          definitions={definitions}
          live={streaming && index === blocks.length - 1}
        />
      ))}
    </div>
  );
});

export default MarkdownRenderer;
