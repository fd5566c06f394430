import { useEffect, useRef } from "react";
import type { ThreadMessage } from "@/shared/bindings/ThreadMessage";
import { prewarmMarkdown } from "@/shared/markdown";

/**
 * Hands each finished assistant message to the markdown prewarmer once, as pages arrive, so
 * rows scrolled into view later mount from the cache instead of parsing inside a frame.
 */
export function useMarkdownPrewarm(messages: readonly ThreadMessage[]): void {
  const seen = useRef(new Set<string>());
  useEffect(() => {
    const texts: string[] = [];
    for (const { message } of messages) {
      if (message.role !== "assistant" || message.status === "streaming") continue;
      if (!message.text || seen.current.has(message.id)) continue;
      seen.current.add(message.id);
      texts.push(message.text);
    }
    prewarmMarkdown(texts);
  }, [messages]);
}
