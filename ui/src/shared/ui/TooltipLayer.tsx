import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { cn } from "./cn";
import { Kbd } from "./Kbd";
import type { TooltipSide } from "./Tooltip";

interface Shown {
  target: HTMLElement;
  label: string;
  /** A URL shown under the label, isolated from its bidi context (links in replies). */
  url?: string;
  shortcut?: string;
  side: TooltipSide;
}

const GAP_PX = 6;
const MARGIN_PX = 4;

function tooltipTarget(node: EventTarget | null): HTMLElement | null {
  return node instanceof Element ? node.closest<HTMLElement>("[data-tooltip]") : null;
}

function read(target: HTMLElement): Shown {
  const side = target.dataset.tooltipSide;
  return {
    target,
    label: target.dataset.tooltip ?? "",
    url: target.dataset.tooltipUrl || undefined,
    shortcut: target.dataset.tooltipShortcut || undefined,
    side: side === "top" || side === "left" || side === "right" ? side : "bottom",
  };
}

/** Where the tooltip goes: on its side of the target, flipped or nudged to stay on screen. */
function place(target: DOMRect, size: { width: number; height: number }, side: TooltipSide) {
  const { innerWidth: vw, innerHeight: vh } = window;
  let top: number;
  let left: number;
  if (side === "top" || side === "bottom") {
    const below = target.bottom + GAP_PX;
    const above = target.top - GAP_PX - size.height;
    const fitsBelow = below + size.height <= vh - MARGIN_PX;
    top =
      side === "bottom"
        ? fitsBelow || above < MARGIN_PX
          ? below
          : above
        : above >= MARGIN_PX
          ? above
          : below;
    left = target.left + target.width / 2 - size.width / 2;
  } else {
    const after = target.right + GAP_PX;
    const before = target.left - GAP_PX - size.width;
    left =
      side === "right"
        ? after + size.width <= vw - MARGIN_PX
          ? after
          : before
        : before >= MARGIN_PX
          ? before
          : after;
    top = target.top + target.height / 2 - size.height / 2;
  }
  return {
    top: Math.max(MARGIN_PX, Math.min(top, vh - size.height - MARGIN_PX)),
    left: Math.max(MARGIN_PX, Math.min(left, vw - size.width - MARGIN_PX)),
  };
}

/**
 * The app's one tooltip: follows the pointer and keyboard focus over elements marked by
 * <Tooltip>. Shows after `delayDuration` of hover (at once when moving from one tooltip to the
 * next within `skipDelayDuration`), at once on keyboard focus; hides on leave, click, Escape,
 * blur and scroll.
 */
function TooltipLayer({ delay, skipDelay }: { delay: number; skipDelay: number }) {
  const id = useId();
  const [shown, setShown] = useState<Shown | null>(null);
  const contentRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let timer = 0;
    let pending: HTMLElement | null = null;
    let current: HTMLElement | null = null;
    let lastHiddenAt = -Infinity;
    // Focus shows a tooltip only when it came from the keyboard (as :focus-visible would).
    let keyboard = false;

    const show = (target: HTMLElement) => {
      pending = null;
      current = target;
      setShown(read(target));
    };
    const hide = () => {
      // Scroll and pointer events call this constantly: nothing to do when nothing is up.
      if (!current && !pending) return;
      window.clearTimeout(timer);
      pending = null;
      if (current) lastHiddenAt = performance.now();
      current = null;
      setShown(null);
    };
    const onOver = (event: PointerEvent) => {
      const target = tooltipTarget(event.target);
      if (target === current || (target && target === pending)) return;
      const moving = current !== null;
      hide();
      if (!target) return;
      const wait = moving || performance.now() - lastHiddenAt < skipDelay ? 0 : delay;
      pending = target;
      timer = window.setTimeout(() => show(target), wait);
    };
    const onFocusIn = (event: FocusEvent) => {
      const target = tooltipTarget(event.target);
      if (target && target !== current && keyboard) show(target);
    };
    const onFocusOut = (event: FocusEvent) => {
      if (current && tooltipTarget(event.target) === current) hide();
    };
    const onKey = (event: KeyboardEvent) => {
      keyboard = true;
      if (event.key === "Escape" && current) hide();
    };
    const onPointerDown = () => {
      keyboard = false;
      hide();
    };
    const onLeaveWindow = (event: PointerEvent) => {
      if (!event.relatedTarget) hide();
    };
    const options = { capture: true, passive: true } as const;
    const listeners: [string, (event: never) => void][] = [
      ["pointerover", onOver],
      ["pointerout", onLeaveWindow],
      ["pointerdown", onPointerDown],
      ["focusin", onFocusIn],
      ["focusout", onFocusOut],
      ["keydown", onKey],
      ["scroll", hide],
    ];
    for (const [type, listener] of listeners)
      document.addEventListener(type, listener as EventListener, options);
    return () => {
      window.clearTimeout(timer);
      for (const [type, listener] of listeners)
        document.removeEventListener(type, listener as EventListener, options);
    };
  }, [delay, skipDelay]);

  // Describe the target by the tooltip while it shows, as an accessible tooltip does.
  useEffect(() => {
    const target = shown?.target;
    if (!target || target.hasAttribute("aria-describedby")) return;
    target.setAttribute("aria-describedby", id);
    return () => target.removeAttribute("aria-describedby");
  }, [shown, id]);

  // Measured and placed before paint, straight on the node: no second render.
  useLayoutEffect(() => {
    const content = contentRef.current;
    if (!shown || !content) return;
    const size = { width: content.offsetWidth, height: content.offsetHeight };
    const { top, left } = place(shown.target.getBoundingClientRect(), size, shown.side);
    content.style.top = `${top}px`;
    content.style.left = `${left}px`;
    content.style.visibility = shown.target.isConnected ? "visible" : "hidden";
  }, [shown]);

  if (!shown) return null;
  return createPortal(
    <div
      ref={contentRef}
      id={id}
      role="tooltip"
      style={{ position: "fixed", top: 0, left: 0, visibility: "hidden" }}
      className={cn(
        "pointer-events-none z-50 flex gap-2 rounded-md bg-fg px-2 py-1 text-[12px] text-bg shadow-pop",
        shown.url ? "max-w-[min(560px,calc(100vw-8px))] flex-col gap-0.5" : "items-center",
      )}
    >
      {shown.label ? <span>{shown.label}</span> : null}
      {shown.url ? (
        // A URL reads left to right whatever surrounds it, and wraps anywhere.
        <bdi dir="ltr" data-tooltip-url className="font-mono break-all">
          {shown.url}
        </bdi>
      ) : null}
      {shown.shortcut ? <Kbd inverted>{shown.shortcut}</Kbd> : null}
    </div>,
    document.body,
  );
}

/** Mounts the tooltip layer once, beside the app. */
export function TooltipProvider({
  children,
  delayDuration = 500,
  skipDelayDuration = 200,
}: {
  children: ReactNode;
  delayDuration?: number;
  skipDelayDuration?: number;
}) {
  return (
    <>
      {children}
      <TooltipLayer delay={delayDuration} skipDelay={skipDelayDuration} />
    </>
  );
}
