import { createContext, memo, useContext, useMemo, type ReactNode } from "react";
import ReactMarkdown, { type Components, type Options } from "react-markdown";
import remarkGfm from "remark-gfm";
import { openExternal } from "../ipc";
import { cn } from "../ui/cn";
import { CodeBlock } from "./CodeBlock";
import { mayContainMath, normalizeMathDelimiters } from "./normalizeMath";
import { splitBlocks } from "./splitBlocks";
import { useMathPlugins } from "./useMathPlugins";
import "./markdown.css";
import type { MarkdownProps } from "./Markdown";

/** Whether the block being rendered is the one still streaming. */
const LiveBlockContext = createContext(false);

function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  return "";
}

function LiveAwareCode({ className, children }: { className?: string; children?: ReactNode }) {
  const live = useContext(LiveBlockContext);
  const language = /language-([\w+#.-]+)/.exec(className ?? "")?.[1] ?? "";
  const code = textOf(children).replace(/\n$/, "");
  return <CodeBlock code={code} language={language} live={live} />;
}

const COMPONENTS: Components = {
  // A fenced block is <pre><code class="language-x">: render our CodeBlock instead of <pre>.
  pre: ({ children }) => {
    const child = Array.isArray(children) ? children[0] : children;
    if (child && typeof child === "object" && "props" in child) {
      const props = child.props as { className?: string; children?: ReactNode };
      return <LiveAwareCode className={props.className}>{props.children}</LiveAwareCode>;
    }
    return <pre>{children}</pre>;
  },
  a: ({ href, children }) => (
    <a
      href={href}
      title={href}
      rel="noreferrer noopener"
      onClick={(event) => {
        event.preventDefault();
        if (href) void openExternal(href);
      }}
    >
      {children}
    </a>
  ),
  // Remote images would be fetched from untrusted output: show them as links instead.
  img: ({ src, alt }) =>
    typeof src === "string" && src ? (
      <a
        href={src}
        rel="noreferrer noopener"
        onClick={(event) => {
          event.preventDefault();
          void openExternal(src);
        }}
      >
        {alt || src}
      </a>
    ) : null,
};

const REMARK_BASE: NonNullable<Options["remarkPlugins"]> = [remarkGfm];

interface BlockProps {
  source: string;
  live: boolean;
}

/** One block, parsed once per distinct source (memo) — finished blocks never re-parse. */
const MarkdownBlock = memo(function MarkdownBlock({ source, live }: BlockProps) {
  const needsMath = mayContainMath(source);
  const math = useMathPlugins(needsMath);
  const text = useMemo(
    () => (needsMath ? normalizeMathDelimiters(source) : source),
    [needsMath, source],
  );
  const remarkPlugins = useMemo(
    () => (math ? [...REMARK_BASE, ...math.remark] : REMARK_BASE),
    [math],
  );
  return (
    <LiveBlockContext.Provider value={live}>
      <div className="md-block">
        <ReactMarkdown
          remarkPlugins={remarkPlugins}
          rehypePlugins={math?.rehype}
          components={COMPONENTS}
          skipHtml={false}
        >
          {text}
        </ReactMarkdown>
      </div>
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
