import { useQueryClient } from "@tanstack/react-query";
import { PenSquare, Search, Settings, X } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SearchHit } from "@/shared/bindings/SearchHit";
import { call, queryKeys } from "@/shared/ipc";
import { selectActiveConversationId, useNavigation } from "@/shared/navigation";
import { Button, formatShortcut, Kbd } from "@/shared/ui";
import { ConversationList } from "./ConversationList";
import { SearchResults } from "./SearchResults";

export interface SidebarProps {
  /** Conversations with a reply streaming (a dot in the list). */
  streamingIds: ReadonlySet<string>;
  onError: (error: unknown) => void;
}

/** New chat, global search and the conversation list. */
export function Sidebar({ streamingIds, onError }: SidebarProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const activeId = useNavigation(selectActiveConversationId);
  const newChat = useNavigation((state) => state.newChat);
  const openConversation = useNavigation((state) => state.openConversation);
  const openSettings = useNavigation((state) => state.openSettings);
  const settingsOpen = useNavigation((state) => state.view.name === "settings");
  const searchFocusRequest = useNavigation((state) => state.searchFocusRequest);
  const [query, setQuery] = useState("");
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (searchFocusRequest > 0) {
      searchRef.current?.focus();
      searchRef.current?.select();
    }
  }, [searchFocusRequest]);

  const openHit = useCallback(
    async (hit: SearchHit) => {
      try {
        if (hit.messageId) {
          // Put the message on the active branch before showing it.
          const conversation = await call("message_switch_branch", { messageId: hit.messageId });
          queryClient.setQueryData(queryKeys.conversation(conversation.id), conversation);
          await queryClient.invalidateQueries({ queryKey: queryKeys.thread(conversation.id) });
        }
        openConversation(hit.conversationId, hit.messageId ?? null);
      } catch (error) {
        onError(error);
      }
    },
    [openConversation, queryClient, onError],
  );

  // Leaves the deleted conversation if it is open, and forgets it for the next launch.
  const onDeleted = useNavigation((state) => state.conversationGone);

  const searching = query.trim().length > 0;

  return (
    <aside
      aria-label={t("sidebar.label")}
      className="flex h-full w-[260px] shrink-0 flex-col border-r border-border bg-surface"
    >
      <div className="flex items-center gap-2 px-3 pt-3 pb-2">
        <div className="flex min-w-0 flex-1 items-center gap-2 px-1">
          <span aria-hidden className="inline-block h-[18px] w-[18px] rounded-[5px] bg-accent" />
          <span className="text-[13.5px] font-semibold tracking-tight">Portico</span>
        </div>
      </div>
      <div className="px-3 pb-2">
        <Button
          variant="secondary"
          className="w-full justify-start bg-bg"
          icon={<PenSquare aria-hidden className="h-3.5 w-3.5" />}
          onClick={newChat}
        >
          <span className="flex-1 text-left">{t("sidebar.newChat")}</span>
          <Kbd>{formatShortcut("Mod+N")}</Kbd>
        </Button>
      </div>
      <div className="px-3 pb-2">
        <div className="relative">
          <Search
            aria-hidden
            className="pointer-events-none absolute top-1/2 left-2.5 h-3.5 w-3.5 -translate-y-1/2 text-fg-subtle"
          />
          <input
            ref={searchRef}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Escape") setQuery("");
            }}
            placeholder={t("search.placeholder")}
            aria-label={t("search.label")}
            className="h-8 w-full rounded-md border border-border bg-bg pr-14 pl-8 text-[13px] text-fg placeholder:text-fg-subtle focus:border-accent focus:ring-2 focus:ring-accent/20 focus:outline-none focus-visible:outline-none [&::-webkit-search-cancel-button]:hidden"
          />
          {searching ? (
            <button
              type="button"
              aria-label={t("search.clear")}
              onClick={() => setQuery("")}
              className="absolute top-1/2 right-2 -translate-y-1/2 rounded p-0.5 text-fg-muted hover:bg-surface-2"
            >
              <X aria-hidden className="h-3.5 w-3.5" />
            </button>
          ) : (
            <span className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2">
              <Kbd>{formatShortcut("Mod+Shift+F")}</Kbd>
            </span>
          )}
        </div>
      </div>
      {searching ? (
        <SearchResults query={query} onOpen={(hit) => void openHit(hit)} />
      ) : (
        <ConversationList
          activeId={activeId}
          streamingIds={streamingIds}
          onOpen={openConversation}
          onDeleted={onDeleted}
          onError={onError}
        />
      )}
      <div className="border-t border-border p-2">
        <Button
          variant="ghost"
          className={
            settingsOpen ? "w-full justify-start bg-surface-2 text-fg" : "w-full justify-start"
          }
          icon={<Settings aria-hidden className="h-4 w-4" />}
          onClick={() => openSettings("providers")}
        >
          <span className="flex-1 text-left">{t("sidebar.settings")}</span>
        </Button>
      </div>
    </aside>
  );
}
