import { ChevronDown, ChevronUp } from "lucide-react";
import { useId, useRef, useState } from "react";
import type { Message } from "@/shared/bindings/Message";
import { useT } from "@/shared/i18n";
import { COLLAPSED_TEXT_PX, collapsesUserText } from "./rowEstimate";
import { ROW_RESIZE_EVENT, type RowResize } from "./useStickToBottom";

// Messages the user expanded, so a row scrolled away and back (remounted by the virtualized
// list) stays as it was left.
const expandedIds = new Set<string>();

/** A user message as typed; one longer than about a screen collapses, with Show all / Show less. */
export function UserText({ message }: { message: Message }) {
  const { t } = useT();
  const bodyId = useId();
  const textRef = useRef<HTMLDivElement>(null);
  const collapses = collapsesUserText(message);
  const [expanded, setExpanded] = useState(() => expandedIds.has(message.id));
  const collapsed = collapses && !expanded;

  const toggle = () => {
    const next = !expanded;
    if (next) expandedIds.add(message.id);
    else expandedIds.delete(message.id);
    // The list keeps the message in place (see MessageList).
    textRef.current?.dispatchEvent(
      new CustomEvent<RowResize>(ROW_RESIZE_EVENT, { bubbles: true, detail: { growing: next } }),
    );
    setExpanded(next);
  };

  return (
    <>
      <div
        id={bodyId}
        ref={textRef}
        data-collapsed={collapsed || undefined}
        style={collapsed ? { maxHeight: COLLAPSED_TEXT_PX } : undefined}
        className={
          collapsed
            ? "overflow-hidden text-[14px] leading-relaxed whitespace-pre-wrap [mask-image:linear-gradient(to_bottom,black_75%,transparent)]"
            : "text-[14px] leading-relaxed whitespace-pre-wrap"
        }
      >
        {message.text}
      </div>
      {collapses ? (
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={bodyId}
          onClick={toggle}
          className="mt-1 inline-flex h-6 items-center gap-1 rounded px-1.5 text-[12.5px] font-medium text-accent-text hover:bg-surface-2"
        >
          {expanded ? (
            <ChevronUp aria-hidden className="h-3.5 w-3.5" />
          ) : (
            <ChevronDown aria-hidden className="h-3.5 w-3.5" />
          )}
          {expanded ? t("chat.longMessage.showLess") : t("chat.longMessage.showAll")}
        </button>
      ) : null}
    </>
  );
}
