import { useMemo } from "react";
import { parseSnippet } from "../model/snippet";

/** A search snippet with its matches in <mark>; the text is rendered as text, never as HTML. */
export function HighlightedSnippet({
  snippet,
  className,
}: {
  snippet: string;
  className?: string;
}) {
  // Snippets are raw message text: drop markdown emphasis and code marks for reading.
  const parts = useMemo(() => parseSnippet(snippet.replace(/\*\*|__|`+/g, "")), [snippet]);
  return (
    <span className={className}>
      {parts.map((part, index) =>
        part.match ? (
          <mark key={index} className="search-mark">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </span>
  );
}
