import { Check, Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { useT } from "../i18n";
import { copyText } from "../ipc";

/** A small "Copy" button that says "Copied" for a moment after copying. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useT();
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
