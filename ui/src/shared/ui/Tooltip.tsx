import { cloneElement, type ReactElement } from "react";

export type TooltipSide = "top" | "bottom" | "left" | "right";

export interface TooltipProps {
  label: string;
  shortcut?: string;
  side?: TooltipSide;
  /** One element that passes data attributes on to the DOM (a button, or an asChild trigger). */
  children: ReactElement;
}

/**
 * A small label shown on hover and keyboard focus, with an optional keyboard shortcut.
 *
 * It only marks its child (`data-tooltip…`); the one TooltipLayer of the app shows the label.
 * Rows of a long list carry several buttons with tooltips, and a component tree per tooltip
 * (a Radix root, popper and state each) was work on every row mount while scrolling; data
 * attributes cost nothing.
 */
export function Tooltip({ label, shortcut, side = "bottom", children }: TooltipProps) {
  return cloneElement(children as ReactElement<Record<string, unknown>>, {
    "data-tooltip": label,
    "data-tooltip-shortcut": shortcut,
    "data-tooltip-side": side,
  });
}
