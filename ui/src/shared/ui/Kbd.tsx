import type { ReactNode } from "react";
import { cn } from "./cn";

export function Kbd({ children, inverted = false }: { children: ReactNode; inverted?: boolean }) {
  return (
    <kbd
      className={cn(
        "inline-flex h-[18px] min-w-[18px] items-center justify-center rounded px-1 font-sans text-[11px] leading-none",
        inverted ? "bg-bg/20 text-bg" : "border border-border bg-surface-2 text-fg-muted",
      )}
    >
      {children}
    </kbd>
  );
}
