import { ChevronRight } from "lucide-react";
import { useId, useState, type ReactNode } from "react";
import { cn } from "./cn";

/** A button that shows or hides its content (used for error details and reasoning). */
export function Disclosure({
  summary,
  children,
  open: controlledOpen,
  onOpenChange,
  defaultOpen = false,
  className,
}: {
  summary: ReactNode;
  children: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  defaultOpen?: boolean;
  className?: string;
}) {
  const [uncontrolledOpen, setUncontrolledOpen] = useState(defaultOpen);
  const open = controlledOpen ?? uncontrolledOpen;
  const contentId = useId();
  const toggle = () => {
    const next = !open;
    setUncontrolledOpen(next);
    onOpenChange?.(next);
  };
  return (
    <div className={className}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={contentId}
        onClick={toggle}
        className="inline-flex items-center gap-1 rounded text-[12.5px] text-fg-muted hover:text-fg"
      >
        <ChevronRight
          aria-hidden
          className={cn("h-3.5 w-3.5 transition-transform", open && "rotate-90")}
        />
        {summary}
      </button>
      {open ? (
        <div id={contentId} className="mt-1.5">
          {children}
        </div>
      ) : null}
    </div>
  );
}
