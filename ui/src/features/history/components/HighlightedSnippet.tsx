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
  const parts = useMemo(() => parseSnippet(snippet), [snippet]);
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
