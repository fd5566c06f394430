import { useVirtualizer } from "@tanstack/react-virtual";
import { ArrowDown } from "lucide-react";
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { ThreadMessage } from "@/shared/bindings/ThreadMessage";
import { useT } from "@/shared/i18n";
import { Button, Spinner } from "@/shared/ui";
import { MessageItem } from "./MessageItem";
import type { MessageActions } from "./messageActions";
import { estimateRowHeight } from "./rowEstimate";
import { useMarkdownPrewarm } from "./useMarkdownPrewarm";
import { ROW_RESIZE_EVENT, type RowResize, useStickToBottom } from "./useStickToBottom";

export interface MessageListProps {
  conversationId: string;
  messages: readonly ThreadMessage[];
  hasOlder: boolean;
  loadingOlder: boolean;
  loadOlder: () => void;
  actions: MessageActions;
  busy: boolean;
  /** Scroll to and flash this message once it is loaded. */
  focusMessageId: string | null;
  onFocusHandled: () => void;
}

// Ask for the older page well before the top is reached: about a screen and a half ahead.
const LOAD_OLDER_THRESHOLD_PX = 1500;

// The pills over the list have no blurred shadow: without GPU compositing the list is
// repainted under them on every scroll frame, and the pop shadow's blur cost 2-3 ms of each
// 16.7 ms frame (measured).
const PILL_SHADOW = "shadow-[0_2px_0_rgb(0_0_0/0.06)]";

/** The active branch, virtualized with measured row heights; pinned to the bottom while streaming. */
export function MessageList({
  conversationId,
  messages,
  hasOlder,
  loadingOlder,
  loadOlder,
  actions,
  busy,
  focusMessageId,
  onFocusHandled,
}: MessageListProps) {
  const { t } = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const [flashId, setFlashId] = useState<string | null>(null);
  const {
    atBottom,
    onScroll: trackScroll,
    scrollToBottom,
    unstick,
  } = useStickToBottom(scrollRef, contentRef);

  // Stable until a page arrives: new functions would make the virtualizer recompute every
  // row's offset on each render.
  const estimateSize = useCallback(
    (index: number) => estimateRowHeight(messages[index]),
    [messages],
  );
  const getItemKey = useCallback(
    (index: number) => messages[index]?.message.id ?? index,
    [messages],
  );
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    overscan: 4,
    getItemKey,
    // Rows measured after mounting move the rows below them; the virtualizer writes those
    // positions (and the list's height) straight to the DOM instead of re-rendering the list,
    // and mounts rows scrolled into view outside the scroll event.
    directDomUpdates: true,
    useFlushSync: false,
    // Older pages are inserted above: the virtualizer keeps the row at the top of the view
    // where it was, in the very render that inserts them. (Restoring scrollTop afterwards
    // rendered the rows of the old offset first, new ones that were never seen, and then
    // remounted the right ones: a frame of 50 ms.)
    anchorTo: "end",
  });
  const setContent = useCallback(
    (node: HTMLDivElement | null) => {
      contentRef.current = node;
      virtualizer.containerRef(node);
    },
    [virtualizer],
  );

  useMarkdownPrewarm(messages);

  // A new conversation starts at the bottom.
  useLayoutEffect(() => {
    scrollToBottom();
  }, [conversationId, scrollToBottom]);

  // The end of the thread was removed (a reply deleted, or its branch switched): show the new
  // end, with the last message's header in view even when it is taller than the view.
  const lastId = messages[messages.length - 1]?.message.id;
  const previousLastId = useRef(lastId);
  useLayoutEffect(() => {
    const previous = previousLastId.current;
    previousLastId.current = lastId;
    if (!previous || previous === lastId) return;
    if (messages.some((item) => item.message.id === previous)) return;
    scrollToBottom();
    // Once the bottom is applied: a last message taller than the view shows from its top.
    const last = messages.length - 1;
    requestAnimationFrame(() => {
      const element = scrollRef.current;
      const start = virtualizer.measurementsCache[last]?.start;
      if (!element || start === undefined || start >= element.scrollTop) return;
      unstick();
      virtualizer.scrollToIndex(last, { align: "start" });
    });
  }, [lastId, messages, scrollToBottom, unstick, virtualizer]);

  // A row resized at the user's request (Show all / Show less). The virtualizer keeps the end
  // of the list in place when the view is there, which would throw the view to the end of an
  // opened message: once the row is measured (after the next frame's callbacks), put it back
  // where it was when it grows, and its start in view when it shrinks from far down.
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const onRowResize = (event: Event) => {
      const row = (event.target as Element).closest<HTMLElement>("[data-index]");
      const index = Number(row?.dataset.index);
      const before = virtualizer.measurementsCache[index];
      if (!before) return;
      const offset = before.start - element.scrollTop;
      const { growing } = (event as CustomEvent<RowResize>).detail;
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const start = virtualizer.measurementsCache[index]?.start;
          if (start === undefined) return;
          if (growing) virtualizer.scrollToOffset(start - offset);
          else if (start < element.scrollTop) virtualizer.scrollToIndex(index, { align: "start" });
        }),
      );
    };
    element.addEventListener(ROW_RESIZE_EVENT, onRowResize);
    return () => element.removeEventListener(ROW_RESIZE_EVENT, onRowResize);
  }, [virtualizer]);

  // Load older messages when the top comes near.
  const onScroll = () => {
    trackScroll();
    const element = scrollRef.current;
    if (element && element.scrollTop < LOAD_OLDER_THRESHOLD_PX && hasOlder && !loadingOlder)
      loadOlder();
  };

  // Jump to a message from search: load older pages until it is there, then centre and flash it.
  useEffect(() => {
    if (!focusMessageId) return;
    const index = messages.findIndex((item) => item.message.id === focusMessageId);
    if (index < 0) {
      if (hasOlder && !loadingOlder) loadOlder();
      else if (!hasOlder) onFocusHandled();
      return;
    }
    unstick();
    virtualizer.scrollToIndex(index, { align: "center" });
    // Sizes settle after measuring: aim again on the next frame.
    const frame = requestAnimationFrame(() =>
      virtualizer.scrollToIndex(index, { align: "center" }),
    );
    setFlashId(focusMessageId);
    onFocusHandled();
    return () => cancelAnimationFrame(frame);
  }, [
    focusMessageId,
    messages,
    hasOlder,
    loadingOlder,
    loadOlder,
    onFocusHandled,
    virtualizer,
    unstick,
  ]);

  useEffect(() => {
    if (!flashId) return;
    const timer = window.setTimeout(() => setFlashId(null), 2600);
    return () => window.clearTimeout(timer);
  }, [flashId]);

  // Rows scrolled into view mount in a background render that React splits into short slices
  // between frames; mounting one in the scroll's own render cost a frame its deadline. The
  // overscan mounts them well before they show. When the messages themselves change (a page
  // arrives, a reply is added), the rows follow at once: stale indexes would point elsewhere.
  const items = virtualizer.getVirtualItems();
  const current = useMemo(() => ({ items, messages }), [items, messages]);
  const deferred = useDeferredValue(current);
  const rows = deferred.messages === messages ? deferred.items : items;
  return (
    <div className="relative min-h-0 flex-1">
      <div
        ref={scrollRef}
        onScroll={onScroll}
        className="h-full overflow-y-auto [overflow-anchor:none]"
        tabIndex={-1}
        data-testid="message-scroller"
        aria-label={t("chat.messages")}
        role="log"
      >
        <div ref={setContent} className="relative w-full">
          {rows.map((row) => {
            const item = messages[row.index];
            if (!item) return null;
            return (
              <div
                key={row.key}
                data-index={row.index}
                ref={virtualizer.measureElement}
                className="absolute top-0 left-0 w-full"
              >
                <div className="mx-auto max-w-[820px] px-4 md:px-6">
                  <MessageItem
                    item={item}
                    actions={actions}
                    busy={busy}
                    highlighted={flashId === item.message.id}
                  />
                </div>
              </div>
            );
          })}
        </div>
        <div className="h-4" />
      </div>
      {loadingOlder ? (
        <div className="pointer-events-none absolute inset-x-0 top-2 flex justify-center">
          <span className={`rounded-full border border-border-strong bg-bg p-1 ${PILL_SHADOW}`}>
            <Spinner label={t("common.loading")} />
          </span>
        </div>
      ) : null}
      {!atBottom ? (
        <div className="pointer-events-none absolute inset-x-0 bottom-3 flex justify-center">
          <Button
            size="sm"
            variant="secondary"
            className={`pointer-events-auto rounded-full ${PILL_SHADOW}`}
            icon={<ArrowDown aria-hidden className="h-3.5 w-3.5" />}
            onClick={() => scrollToBottom("smooth")}
          >
            {t("chat.jumpToLatest")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
