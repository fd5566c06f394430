import { memo, type ReactNode } from "react";
import { useT } from "../i18n";
import { CopyButton } from "./CopyButton";

export interface CodeBlockProps {
  code: string;
  language: string;
  /** The code as highlighted spans, made by the markdown worker within its time budget. */
  highlighted?: ReactNode;
}

/** A fenced code block: language label, copy button, highlighted text (never via innerHTML). */
export const CodeBlock = memo(function CodeBlock({ code, language, highlighted }: CodeBlockProps) {
  const { t } = useT();
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
      <pre className="hl-code overflow-x-auto px-3 py-2.5 font-mono text-[12.5px] leading-[1.55]">
        <code>{highlighted ?? code}</code>
      </pre>
    </div>
  );
});
