import { Brain } from "lucide-react";
import { useState } from "react";
import { formatDuration } from "@/shared/format/time";
import { useT } from "@/shared/i18n";
import { Disclosure } from "@/shared/ui";

export interface ReasoningBlockProps {
  reasoning: string;
  /** Still thinking: open, with a live label. */
  thinking: boolean;
  durationMs?: number;
}

/** The model's reasoning: open while it streams, collapsed once the answer is there. */
export function ReasoningBlock({ reasoning, thinking, durationMs }: ReasoningBlockProps) {
  const { t } = useT();
  const [userOpen, setUserOpen] = useState<boolean | null>(null);
  const open = userOpen ?? thinking;
  const summary = thinking
    ? t("chat.reasoning.thinking")
    : durationMs !== undefined
      ? t("chat.reasoning.thoughtFor", { duration: formatDuration(durationMs) })
      : t("chat.reasoning.thoughts");
  return (
    <Disclosure
      open={open}
      onOpenChange={setUserOpen}
      summary={
        <span className="inline-flex items-center gap-1.5">
          <Brain aria-hidden className="h-3.5 w-3.5" />
          <span className={thinking ? "animate-pulse" : undefined}>{summary}</span>
        </span>
      }
      className="mb-2"
    >
      <div className="border-l-2 border-border-strong pl-3 text-[13px] leading-relaxed whitespace-pre-wrap text-fg-muted">
        {reasoning}
      </div>
    </Disclosure>
  );
}
