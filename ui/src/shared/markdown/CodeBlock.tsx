import { memo, useEffect, useMemo, useState } from "react";
import { useT } from "../i18n";
import { cn } from "../ui/cn";
import { CopyButton } from "./CopyButton";
import { highlightCode, highlighterReady, loadHighlighter } from "./highlighter";

export interface CodeBlockProps {
  code: string;
  language: string;
  /** Still being streamed: render plain text, highlight once it is complete. */
  live?: boolean;
}

function useHighlighterLoaded(wanted: boolean): boolean {
  const [ready, setReady] = useState(highlighterReady);
  useEffect(() => {
    if (!wanted || ready) return;
    let active = true;
    void loadHighlighter().then(() => {
      if (active) setReady(true);
    });
    return () => {
      active = false;
    };
  }, [wanted, ready]);
  return ready;
}

/** A fenced code block: language label, copy button, lazily highlighted (never via innerHTML). */
export const CodeBlock = memo(function CodeBlock({ code, language, live = false }: CodeBlockProps) {
  const { t } = useT();
  const wantsHighlight = !live && language !== "" && code.length < 60_000;
  const ready = useHighlighterLoaded(wantsHighlight);
  const highlighted = useMemo(() => {
    if (!wantsHighlight || !ready) return null;
    return highlightCode(language, code);
  }, [wantsHighlight, ready, language, code]);

  return (
    <div
      className="code-block my-2 overflow-hidden rounded-md border border-border bg-code-bg"
      data-language={language || undefined}
    >
      <div className="flex h-8 items-center justify-between border-b border-border pr-1 pl-3">
        <span className="font-mono text-[11.5px] text-fg-subtle">
          {language || t("markdown.plainText")}
        </span>
        <CopyButton text={code} label={t("markdown.copyCode")} />
      </div>
      <pre
        className={cn("hl-code overflow-x-auto px-3 py-2.5 font-mono text-[12.5px] leading-[1.55]")}
      >
        <code>{highlighted ?? code}</code>
      </pre>
    </div>
  );
});
