import { memo } from "react";
import { formatCount } from "../format/numbers";
import { useT } from "../i18n";
import { PREVIEW_CHARS, type OverBudget } from "./budgets";
import { CopyButton } from "./CopyButton";

const NOTE_KEYS: Record<OverBudget, string> = {
  size: "markdown.budget.size",
  depth: "markdown.budget.depth",
  time: "markdown.budget.time",
  failed: "markdown.budget.failed",
};

/**
 * A block shown as plain text because it broke a budget: a note saying why, a copy button
 * for the whole text, and at most PREVIEW_CHARS of it on screen, scrolling within its box.
 */
export const PlainBlock = memo(function PlainBlock({
  source,
  reason,
}: {
  source: string;
  reason: OverBudget;
}) {
  const { t, language } = useT();
  const truncated = source.length > PREVIEW_CHARS;
  return (
    <div
      className="plain-block my-2 overflow-hidden rounded-md border border-border bg-surface-2"
      data-over-budget={reason}
    >
      <div className="flex min-h-8 items-center justify-between gap-2 border-b border-border py-1 pr-1 pl-3">
        <span className="text-[12px] text-fg-muted">
          {t(NOTE_KEYS[reason])}
          {truncated
            ? ` ${t("markdown.budget.preview", {
                shown: formatCount(PREVIEW_CHARS, language),
                total: formatCount(source.length, language),
              })}`
            : null}
        </span>
        <CopyButton text={source} label={t("markdown.budget.copy")} />
      </div>
      <div className="max-h-96 overflow-auto px-3 py-2 text-[13px] leading-relaxed whitespace-pre-wrap [overflow-wrap:anywhere]">
        {truncated ? source.slice(0, PREVIEW_CHARS) : source}
      </div>
    </div>
  );
});
