import type { Components } from "hast-util-to-jsx-runtime";
import { createContext, useContext, type ReactNode } from "react";
import { openExternal } from "../ipc";
import { CodeBlock } from "./CodeBlock";
import { ExternalLink } from "./links/ExternalLink";

/** Whether the block being rendered is the one still streaming. */
export const LiveBlockContext = createContext(false);

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
      const props = child.props as { className?: string; children?: ReactNode };
      return <LiveAwareCode className={props.className}>{props.children}</LiveAwareCode>;
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
