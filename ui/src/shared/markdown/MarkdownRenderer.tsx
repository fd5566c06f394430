import { memo, useMemo, useState } from "react";
import { cn } from "../ui/cn";
import { PREVIEW_CHARS } from "./budgets";
import { LiveBlockContext } from "./components";
import type { MarkdownProps } from "./Markdown";
import { PlainBlock } from "./PlainBlock";
import { MessageBlocks } from "./messageBlocks";
import { withDefinitions, type Definition } from "./references";
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
  const [memory] = useState(() => new MessageBlocks());
  const blocks = useMemo(() => memory.blocks(text), [memory, text]);
  const definitions = useMemo(() => memory.definitions(blocks), [memory, blocks]);
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
