import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import { Check, Copy } from "lucide-react";
import { memo, useEffect, useMemo, useState } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import { useTranslation } from "react-i18next";
import { copyText } from "../ipc";
import { cn } from "../ui/cn";
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

export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 1500);
    return () => window.clearTimeout(timer);
  }, [copied]);
  return (
    <button
      type="button"
      aria-label={label}
      onClick={() => void copyText(text).then(setCopied)}
      className="inline-flex h-6 items-center gap-1 rounded px-1.5 text-[12px] text-fg-muted hover:bg-surface-3 hover:text-fg"
    >
      {copied ? (
        <Check aria-hidden className="h-3.5 w-3.5" />
      ) : (
        <Copy aria-hidden className="h-3.5 w-3.5" />
      )}
      <span>{copied ? t("markdown.copied") : t("markdown.copy")}</span>
    </button>
  );
}

/** A fenced code block: language label, copy button, lazily highlighted (never via innerHTML). */
export const CodeBlock = memo(function CodeBlock({ code, language, live = false }: CodeBlockProps) {
  const { t } = useTranslation();
  const wantsHighlight = !live && language !== "" && code.length < 60_000;
  const ready = useHighlighterLoaded(wantsHighlight);
  const highlighted = useMemo(() => {
    if (!wantsHighlight || !ready) return null;
    const tree = highlightCode(language, code);
    return tree ? toJsxRuntime(tree, { Fragment, jsx, jsxs }) : null;
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
