import { Command } from "cmdk";
import {
  Cpu,
  MessageSquare,
  MessageSquarePlus,
  Moon,
  Search,
  Settings,
  SlidersHorizontal,
} from "lucide-react";
import { Dialog as DialogPrimitive } from "radix-ui";
import { useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useSearch } from "@/features/history";
import { useNavigation } from "@/shared/navigation";
import { toggleTheme } from "@/shared/theme";
import { formatShortcut, Kbd } from "@/shared/ui";

const GROUP_CLASS =
  "[&_[cmdk-group-heading]]:px-2.5 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-[11.5px] [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-fg-subtle";

// Conversations the palette lists for a query: titles only, as many as fit without scrolling.
const MAX_CONVERSATIONS = 8;

/** Pure: whether every word of the query is in the label (case-insensitive). */
export function matchesQuery(label: string, query: string): boolean {
  const text = label.toLocaleLowerCase();
  return query
    .toLocaleLowerCase()
    .split(/\s+/)
    .every((word) => text.includes(word));
}

function PaletteItem({
  icon,
  label,
  value = label,
  shortcut,
  onSelect,
}: {
  icon: ReactNode;
  label: string;
  value?: string;
  shortcut?: string;
  onSelect: () => void;
}) {
  return (
    <Command.Item
      onSelect={onSelect}
      value={value}
      className="flex h-9 items-center gap-2.5 rounded-md px-2.5 text-[13px] text-fg data-[selected=true]:bg-surface-2 [&_svg]:h-4 [&_svg]:w-4 [&_svg]:text-fg-muted"
    >
      {icon}
      <span className="min-w-0 flex-1 truncate">{label}</span>
      {shortcut ? <Kbd>{formatShortcut(shortcut)}</Kbd> : null}
    </Command.Item>
  );
}

/** Conversations whose title matches, through the same backend search as the sidebar. */
function useConversationMatches(query: string) {
  const search = useSearch(query);
  const conversations = useMemo(() => {
    const seen = new Set<string>();
    const found: Array<{ id: string; title: string }> = [];
    for (const hit of search.data ?? []) {
      if (hit.messageId || seen.has(hit.conversationId)) continue;
      seen.add(hit.conversationId);
      found.push({ id: hit.conversationId, title: hit.conversationTitle });
    }
    return found.slice(0, MAX_CONVERSATIONS);
  }, [search.data]);
  return { conversations, searching: search.isFetching && conversations.length === 0 };
}

/** Ctrl/Cmd+K: every action, and conversations by title, in one list driven by the keyboard. */
export function CommandPalette() {
  const { t } = useTranslation();
  const open = useNavigation((state) => state.paletteOpen);
  const setPaletteOpen = useNavigation((state) => state.setPaletteOpen);
  return (
    <Command.Dialog
      open={open}
      onOpenChange={setPaletteOpen}
      label={t("palette.label")}
      // The list is filtered here (actions) and by the backend (conversations), not by cmdk.
      shouldFilter={false}
      overlayClassName="fixed inset-0 z-40 bg-black/30"
      contentClassName="fixed top-[18%] left-1/2 z-50 w-[min(560px,calc(100vw-32px))] -translate-x-1/2 overflow-hidden rounded-xl border border-border bg-bg shadow-pop"
    >
      <DialogPrimitive.Title className="sr-only">{t("palette.label")}</DialogPrimitive.Title>
      <DialogPrimitive.Description className="sr-only">
        {t("palette.placeholder")}
      </DialogPrimitive.Description>
      {/* Mounted while open only: each opening starts with an empty query. */}
      <PaletteContent />
    </Command.Dialog>
  );
}

function PaletteContent() {
  const { t } = useTranslation();
  const nav = useNavigation();
  const [query, setQuery] = useState("");
  const trimmed = query.trim();
  const { conversations, searching } = useConversationMatches(trimmed);
  const run = (action: () => void) => {
    nav.setPaletteOpen(false);
    // Let the dialog close (and return focus) before the action moves it.
    window.setTimeout(action, 0);
  };
  const actions: Array<{
    icon: ReactNode;
    label: string;
    shortcut?: string;
    action: () => void;
  }> = [
    {
      icon: <MessageSquarePlus aria-hidden />,
      label: t("palette.newChat"),
      shortcut: "Mod+N",
      action: nav.newChat,
    },
    {
      icon: <Search aria-hidden />,
      label: t("palette.search"),
      shortcut: "Mod+Shift+F",
      action: () => {
        if (useNavigation.getState().view.name === "settings") nav.closeSettings();
        nav.requestSearchFocus();
      },
    },
    {
      icon: <Cpu aria-hidden />,
      label: t("palette.switchModel"),
      shortcut: "Mod+Shift+M",
      action: () => {
        if (useNavigation.getState().view.name === "settings") nav.closeSettings();
        nav.setModelPickerOpen(true);
      },
    },
    {
      icon: <Settings aria-hidden />,
      label: t("palette.providers"),
      shortcut: "Mod+,",
      action: () => nav.openSettings("providers"),
    },
    {
      icon: <SlidersHorizontal aria-hidden />,
      label: t("palette.general"),
      action: () => nav.openSettings("general"),
    },
    { icon: <Moon aria-hidden />, label: t("palette.toggleTheme"), action: toggleTheme },
  ];
  const shownActions = trimmed
    ? actions.filter((item) => matchesQuery(item.label, trimmed))
    : actions;

  return (
    <>
      <Command.Input
        value={query}
        onValueChange={setQuery}
        placeholder={t("palette.placeholder")}
        className="h-11 w-full border-b border-border bg-transparent px-4 text-[14px] text-fg placeholder:text-fg-subtle focus:outline-none"
      />
      <Command.List className="max-h-[340px] overflow-y-auto p-1.5">
        {searching ? (
          <Command.Loading className="px-2.5 py-2 text-[12.5px] text-fg-muted">
            {t("palette.searching")}
          </Command.Loading>
        ) : (
          <Command.Empty className="py-6 text-center text-[13px] text-fg-muted">
            {t("palette.empty")}
          </Command.Empty>
        )}
        {shownActions.length > 0 ? (
          <Command.Group heading={t("palette.actions")} className={GROUP_CLASS}>
            {shownActions.map((item) => (
              <PaletteItem
                key={item.label}
                icon={item.icon}
                label={item.label}
                shortcut={item.shortcut}
                onSelect={() => run(item.action)}
              />
            ))}
          </Command.Group>
        ) : null}
        {conversations.length > 0 ? (
          <Command.Group heading={t("palette.conversations")} className={GROUP_CLASS}>
            {conversations.map((conversation) => (
              <PaletteItem
                key={conversation.id}
                icon={<MessageSquare aria-hidden />}
                label={conversation.title}
                value={`conversation:${conversation.id}`}
                onSelect={() => run(() => nav.openConversation(conversation.id))}
              />
            ))}
          </Command.Group>
        ) : null}
      </Command.List>
    </>
  );
}
