import { memo, useMemo } from "react";
import { cn } from "../ui/cn";
import { LiveBlockContext, MARKDOWN_COMPONENTS } from "./components";
import type { MarkdownProps } from "./Markdown";
import { mayContainMath, normalizeMathDelimiters } from "./normalizeMath";
import { renderBlock } from "./pipeline";
import { splitBlocks } from "./splitBlocks";
import { useMathPlugins } from "./useMathPlugins";
import "./markdown.css";

interface BlockProps {
  source: string;
  live: boolean;
}

/** One block, parsed once per distinct source (cached across mounts, memo within one). */
const MarkdownBlock = memo(function MarkdownBlock({ source, live }: BlockProps) {
  const needsMath = mayContainMath(source);
  const math = useMathPlugins(needsMath);
  const content = useMemo(
    () =>
      renderBlock(needsMath ? normalizeMathDelimiters(source) : source, math, MARKDOWN_COMPONENTS),
    [needsMath, source, math],
  );
  return (
    <LiveBlockContext.Provider value={live}>
      <div className="md-block">{content}</div>
    </LiveBlockContext.Provider>
  );
});

/**
 * Renders untrusted model output as markdown. Raw HTML is shown as text (never parsed), links
 * open in the system browser, remote images are not loaded.
 */
const MarkdownRenderer = memo(function MarkdownRenderer({
  text,
  streaming = false,
  className,
}: MarkdownProps) {
  const blocks = useMemo(() => splitBlocks(text), [text]);
  return (
    <div className={cn("md", streaming && "md-live", className)}>
      {blocks.map((block, index) => (
        <MarkdownBlock key={index} source={block} live={streaming && index === blocks.length - 1} />
      ))}
    </div>
  );
});

export default MarkdownRenderer;
