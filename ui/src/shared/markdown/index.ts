export { Markdown, preloadMarkdown, prewarmMarkdown } from "./Markdown";
export type { MarkdownProps } from "./Markdown";
export { CopyButton } from "./CopyButton";
