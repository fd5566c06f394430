import { ChevronLeft, ChevronRight } from "lucide-react";
import { useT } from "@/shared/i18n";

export interface BranchArrowsProps {
  messageId: string;
  siblingIds: readonly string[];
  onSwitch: (siblingId: string) => void;
  disabled?: boolean;
}

/** "‹ 2/3 ›" between the answers (or edits) that share a parent. Hidden with one sibling. */
export function BranchArrows({
  messageId,
  siblingIds,
  onSwitch,
  disabled = false,
}: BranchArrowsProps) {
  const { t } = useT();
  if (siblingIds.length <= 1) return null;
  const index = Math.max(0, siblingIds.indexOf(messageId));
  const previous = siblingIds[index - 1];
  const next = siblingIds[index + 1];
  return (
    <div
      className="inline-flex items-center gap-0.5 text-[12px] text-fg-muted tabular-nums"
      role="group"
      aria-label={t("chat.branch.group")}
    >
      <button
        type="button"
        aria-label={t("chat.branch.previous")}
        disabled={disabled || previous === undefined}
        onClick={() => previous !== undefined && onSwitch(previous)}
        className="inline-flex h-6 w-5 items-center justify-center rounded hover:bg-surface-2 hover:text-fg disabled:opacity-35 disabled:hover:bg-transparent"
      >
        <ChevronLeft aria-hidden className="h-3.5 w-3.5" />
      </button>
      <span aria-live="polite">
        {t("chat.branch.position", { current: index + 1, total: siblingIds.length })}
      </span>
      <button
        type="button"
        aria-label={t("chat.branch.next")}
        disabled={disabled || next === undefined}
        onClick={() => next !== undefined && onSwitch(next)}
        className="inline-flex h-6 w-5 items-center justify-center rounded hover:bg-surface-2 hover:text-fg disabled:opacity-35 disabled:hover:bg-transparent"
      >
        <ChevronRight aria-hidden className="h-3.5 w-3.5" />
      </button>
    </div>
  );
}
