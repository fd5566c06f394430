import type { Components } from "hast-util-to-jsx-runtime";
import { createContext, isValidElement, useContext, type ReactNode } from "react";
import { openExternal } from "../ipc";
import { CodeBlock } from "./CodeBlock";
import { ExternalLink } from "./links/ExternalLink";

/** Whether the block being rendered is the one still streaming. */
export const LiveBlockContext = createContext(false);

/** The text of rendered nodes (highlighted code is spans inside spans). */
function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return "";
}

interface CodeProps {
  className?: string;
  children?: ReactNode;
  /** Set by the worker when it highlighted the code. */
  "data-highlighted"?: boolean | string;
}

function LiveAwareCode({ className, children, "data-highlighted": highlighted }: CodeProps) {
  const live = useContext(LiveBlockContext);
  const language = /language-([\w+#.-]+)/.exec(className ?? "")?.[1] ?? "";
  const code = textOf(children).replace(/\n$/, "");
  return (
    <CodeBlock
      code={code}
      language={language}
      highlighted={highlighted && !live ? children : undefined}
    />
  );
}

/**
 * How markdown elements render. Module-level and stable: rendered blocks are cached with
 * these components baked in, and whatever depends on the moment (is this block streaming?)
 * is read from context at render time.
 */
export const MARKDOWN_COMPONENTS: Components = {
  // A fenced block is <pre><code class="language-x">: render our CodeBlock instead of <pre>.
  pre: ({ children }) => {
    const child = Array.isArray(children) ? children[0] : children;
    if (child && typeof child === "object" && "props" in child) {
      return <LiveAwareCode {...(child.props as CodeProps)} />;
    }
    return <pre>{children}</pre>;
  },
  a: ({ href, children }) => <ExternalLink href={href}>{children}</ExternalLink>,
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
