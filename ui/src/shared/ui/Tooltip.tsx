import { Tooltip as TooltipPrimitive } from "radix-ui";
import type { ReactNode } from "react";
import { Kbd } from "./Kbd";

export const TooltipProvider = TooltipPrimitive.Provider;

export interface TooltipProps {
  label: ReactNode;
  shortcut?: string;
  side?: "top" | "bottom" | "left" | "right";
  children: ReactNode;
}

/** A small label shown on hover and focus, with an optional keyboard shortcut. */
export function Tooltip({ label, shortcut, side = "bottom", children }: TooltipProps) {
  return (
    <TooltipPrimitive.Root>
      <TooltipPrimitive.Trigger asChild>{children}</TooltipPrimitive.Trigger>
      <TooltipPrimitive.Portal>
        <TooltipPrimitive.Content
          side={side}
          sideOffset={6}
          className="z-50 flex items-center gap-2 rounded-md bg-fg px-2 py-1 text-[12px] text-bg shadow-pop"
        >
          {label}
          {shortcut ? <Kbd inverted>{shortcut}</Kbd> : null}
        </TooltipPrimitive.Content>
      </TooltipPrimitive.Portal>
    </TooltipPrimitive.Root>
  );
}
