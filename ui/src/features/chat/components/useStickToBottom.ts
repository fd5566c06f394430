import { useCallback, useEffect, useRef, useState, type RefObject } from "react";

const NEAR_BOTTOM_PX = 48;

/**
 * Sent (bubbling) by a row about to change its own height at the user's request (Show all /
 * Show less): the list lets go of the bottom, so the row keeps its place instead of the view
 * jumping to the end.
 */
export const ROW_RESIZE_EVENT = "portico:row-resize";
export interface RowResize {
  growing: boolean;
}
const INTENT_WINDOW_MS = 250;

/**
 * Keeps a scroll container pinned to the bottom while its content grows (streaming), unless
 * the user scrolled up. Only the user's own scrolling (wheel, touch, keys, scrollbar drag)
 * unpins it: layout changes (rows measured, code highlighted, math loaded) never do.
 */
export function useStickToBottom(
  scrollRef: RefObject<HTMLElement | null>,
  contentRef: RefObject<HTMLElement | null>,
) {
  const stuck = useRef(true);
  const lastIntent = useRef(0);
  const holdUntil = useRef(0);
  const [atBottom, setAtBottomState] = useState(true);
  // Scroll events come every frame: only a change re-renders the list.
  const shownAtBottom = useRef(true);
  const setAtBottom = useCallback((value: boolean) => {
    if (shownAtBottom.current === value) return;
    shownAtBottom.current = value;
    setAtBottomState(value);
  }, []);

  const markIntent = useCallback(() => {
    lastIntent.current = Date.now();
  }, []);

  const onScroll = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return;
    const distance = element.scrollHeight - element.scrollTop - element.clientHeight;
    if (Date.now() < holdUntil.current) {
      // A row is being resized on request: the list's own adjustments pass through the end.
      setAtBottom(distance <= NEAR_BOTTOM_PX);
      return;
    }
    if (distance <= NEAR_BOTTOM_PX) {
      stuck.current = true;
    } else if (Date.now() - lastIntent.current < INTENT_WINDOW_MS) {
      stuck.current = false;
    } else if (stuck.current) {
      // Content moved under us (a row was measured): stay pinned.
      element.scrollTop = element.scrollHeight;
      return;
    }
    setAtBottom(stuck.current);
  }, [scrollRef, setAtBottom]);

  const scrollToBottom = useCallback(
    (behavior: ScrollBehavior = "auto") => {
      const element = scrollRef.current;
      stuck.current = true;
      setAtBottom(true);
      if (!element) return;
      element.scrollTo({ top: element.scrollHeight, behavior });
    },
    [scrollRef, setAtBottom],
  );

  useEffect(() => {
    const element = scrollRef.current;
    const content = contentRef.current;
    if (!element) return;
    const onPointerMove = (event: PointerEvent) => {
      if (event.buttons) markIntent();
    };
    const onKey = (event: KeyboardEvent) => {
      // Enter and Space also press buttons in the list (Show all / less) that move the view.
      const keys = ["ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End", " ", "Enter"];
      if (keys.includes(event.key)) markIntent();
    };
    element.addEventListener("wheel", markIntent, { passive: true });
    element.addEventListener("touchmove", markIntent, { passive: true });
    element.addEventListener("pointerdown", markIntent);
    element.addEventListener("pointermove", onPointerMove);
    element.addEventListener("keydown", onKey);
    const onRowResize = () => {
      stuck.current = false;
      holdUntil.current = Date.now() + INTENT_WINDOW_MS;
    };
    element.addEventListener(ROW_RESIZE_EVENT, onRowResize);
    const observer =
      content && typeof ResizeObserver !== "undefined"
        ? new ResizeObserver(() => {
            if (stuck.current) {
              element.scrollTop = element.scrollHeight;
            } else if (
              element.scrollHeight - element.scrollTop - element.clientHeight <=
              NEAR_BOTTOM_PX
            ) {
              // The content shrank up to the view (a reply deleted): nothing is below any more,
              // and the browser's clamping of scrollTop sends no scroll event at the top.
              stuck.current = true;
              setAtBottom(true);
            }
          })
        : null;
    if (content) observer?.observe(content);
    return () => {
      element.removeEventListener("wheel", markIntent);
      element.removeEventListener("touchmove", markIntent);
      element.removeEventListener("pointerdown", markIntent);
      element.removeEventListener("pointermove", onPointerMove);
      element.removeEventListener("keydown", onKey);
      element.removeEventListener(ROW_RESIZE_EVENT, onRowResize);
      observer?.disconnect();
    };
  }, [contentRef, scrollRef, markIntent, setAtBottom]);

  const unstick = useCallback(() => {
    stuck.current = false;
    setAtBottom(false);
  }, [setAtBottom]);

  return { atBottom, onScroll, scrollToBottom, unstick };
}
