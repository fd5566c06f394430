import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Conversation } from "@/shared/bindings/Conversation";
import { ErrorNotice } from "@/shared/errors";
import { toIpcError } from "@/shared/ipc";
import { ConfirmDialog, Spinner } from "@/shared/ui";
import { useConversationList, useConversationMutations } from "../hooks/useConversationList";
import { groupConversations } from "../model/groupByDate";
import { ConversationRow } from "./ConversationRow";

export interface ConversationListProps {
  activeId: string | null;
  streamingIds: ReadonlySet<string>;
  onOpen: (id: string) => void;
  onDeleted: (id: string) => void;
  onError: (error: unknown) => void;
}

const ROW_HEIGHT = 32;
const HEADER_HEIGHT = 30;

/** Every conversation, grouped by date, virtualized and paged in as the user scrolls. */
export function ConversationList({
  activeId,
  streamingIds,
  onOpen,
  onDeleted,
  onError,
}: ConversationListProps) {
  const { t } = useTranslation();
  const list = useConversationList();
  const { rename, pin, remove } = useConversationMutations();
  const [pendingDelete, setPendingDelete] = useState<Conversation | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [now, setNow] = useState(() => Date.now());

  // Regroup when the day changes (Today becomes Yesterday at midnight).
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);

  const rows = useMemo(
    () => groupConversations(list.conversations, now),
    [list.conversations, now],
  );
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]?.kind === "header" ? HEADER_HEIGHT : ROW_HEIGHT),
    overscan: 12,
    getItemKey: (index) => {
      const row = rows[index];
      if (!row) return index;
      return row.kind === "header" ? `header-${row.group}` : row.conversation.id;
    },
  });

  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - 15) void fetchNextPage();
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const onRename = useCallback(
    (id: string, title: string) => rename.mutate({ id, title }, { onError }),
    [rename, onError],
  );
  const onPin = useCallback(
    (id: string, pinned: boolean) => pin.mutate({ id, pinned }, { onError }),
    [pin, onError],
  );

  if (list.isLoading) {
    return (
      <div className="flex flex-1 justify-center pt-6">
        <Spinner label={t("common.loading")} />
      </div>
    );
  }
  if (list.error) {
    return (
      <div className="p-3">
        <ErrorNotice error={toIpcError(list.error)} compact onRetry={() => void list.refetch()} />
      </div>
    );
  }
  if (rows.length === 0) {
    return (
      <p className="px-4 py-6 text-center text-[12.5px] text-fg-muted">{t("history.empty")}</p>
    );
  }

  return (
    <>
      <nav
        ref={scrollRef}
        aria-label={t("history.label")}
        className="min-h-0 flex-1 overflow-y-auto px-2 pb-2"
        data-testid="conversation-list"
      >
        <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div
                key={item.key}
                className="absolute top-0 left-0 w-full"
                data-group={row.group}
                style={{ height: item.size, transform: `translateY(${item.start}px)` }}
              >
                {row.kind === "header" ? (
                  <h3 className="flex h-full items-end px-2 pb-1.5 text-[11.5px] font-medium text-fg-subtle">
                    {t(`history.groups.${row.group}`)}
                  </h3>
                ) : (
                  <ConversationRow
                    conversation={row.conversation}
                    active={row.conversation.id === activeId}
                    streaming={streamingIds.has(row.conversation.id)}
                    onOpen={onOpen}
                    onRename={onRename}
                    onPin={onPin}
                    onDelete={setPendingDelete}
                  />
                )}
              </div>
            );
          })}
        </div>
        {isFetchingNextPage ? (
          <div className="flex justify-center py-2">
            <Spinner className="h-3.5 w-3.5" label={t("common.loading")} />
          </div>
        ) : null}
      </nav>
      <ConfirmDialog
        open={pendingDelete !== null}
        onOpenChange={(open) => !open && setPendingDelete(null)}
        title={t("history.deleteTitle")}
        description={t("history.deleteDescription", { title: pendingDelete?.title ?? "" })}
        confirmLabel={t("common.delete")}
        destructive
        onConfirm={() => {
          const target = pendingDelete;
          if (!target) return;
          remove.mutate(target.id, { onError, onSuccess: () => onDeleted(target.id) });
        }}
      />
    </>
  );
}
