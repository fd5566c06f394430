export { Markdown, preloadMarkdown } from "./Markdown";
export type { MarkdownProps } from "./Markdown";
export { CodeBlock, CopyButton } from "./CodeBlock";
export { splitBlocks, endsInsideFence } from "./splitBlocks";
