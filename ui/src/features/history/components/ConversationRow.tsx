import { MoreHorizontal, Pencil, Pin, PinOff, Trash2 } from "lucide-react";
import { memo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Conversation } from "@/shared/bindings/Conversation";
import { MenuContent, MenuItem, MenuRoot, MenuSeparator, MenuTrigger, cn } from "@/shared/ui";

export interface ConversationRowProps {
  conversation: Conversation;
  active: boolean;
  streaming: boolean;
  onOpen: (id: string) => void;
  onRename: (id: string, title: string) => void;
  onPin: (id: string, pinned: boolean) => void;
  onDelete: (conversation: Conversation) => void;
}

export const ConversationRow = memo(function ConversationRow({
  conversation,
  active,
  streaming,
  onOpen,
  onRename,
  onPin,
  onDelete,
}: ConversationRowProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(conversation.title);
  const renameChosen = useRef(false);

  const commit = () => {
    setEditing(false);
    const next = title.trim();
    if (next && next !== conversation.title) onRename(conversation.id, next);
    else setTitle(conversation.title);
  };

  if (editing) {
    return (
      <div className="px-1 py-0.5">
        <input
          autoFocus
          aria-label={t("history.renameLabel")}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === "Enter") commit();
            if (event.key === "Escape") {
              setTitle(conversation.title);
              setEditing(false);
            }
          }}
          className="h-7 w-full rounded-md border border-accent bg-bg px-2 text-[13px] focus:outline-none"
        />
      </div>
    );
  }

  return (
    <div
      className={cn(
        "group/row relative flex h-8 items-center rounded-md",
        active ? "bg-surface-3 text-fg" : "text-fg hover:bg-surface-2",
      )}
    >
      <button
        type="button"
        onClick={() => onOpen(conversation.id)}
        onDoubleClick={() => {
          setTitle(conversation.title);
          setEditing(true);
        }}
        aria-current={active ? "page" : undefined}
        className="flex h-full min-w-0 flex-1 items-center gap-2 rounded-md pr-8 pl-2 text-left text-[13px]"
        data-testid="conversation-row"
      >
        {streaming ? (
          <span
            aria-label={t("history.streaming")}
            className="h-1.5 w-1.5 shrink-0 animate-pulse rounded-full bg-accent"
          />
        ) : null}
        <span className="truncate">{conversation.title}</span>
      </button>
      <MenuRoot>
        <MenuTrigger asChild>
          <button
            type="button"
            aria-label={t("history.actions", { title: conversation.title })}
            className="absolute right-1 inline-flex h-6 w-6 items-center justify-center rounded text-fg-muted opacity-0 group-hover/row:opacity-100 hover:bg-surface-3 hover:text-fg focus-visible:opacity-100 data-[state=open]:opacity-100"
          >
            <MoreHorizontal aria-hidden className="h-4 w-4" />
          </button>
        </MenuTrigger>
        <MenuContent
          align="start"
          onCloseAutoFocus={(event) => {
            // The rename input takes the focus, not the menu button.
            if (renameChosen.current) event.preventDefault();
            renameChosen.current = false;
          }}
        >
          <MenuItem
            icon={<Pencil aria-hidden />}
            onSelect={() => {
              renameChosen.current = true;
              setTitle(conversation.title);
              setEditing(true);
            }}
          >
            {t("history.rename")}
          </MenuItem>
          <MenuItem
            icon={conversation.pinned ? <PinOff aria-hidden /> : <Pin aria-hidden />}
            onSelect={() => onPin(conversation.id, !conversation.pinned)}
          >
            {conversation.pinned ? t("history.unpin") : t("history.pin")}
          </MenuItem>
          <MenuSeparator />
          <MenuItem
            icon={<Trash2 aria-hidden />}
            destructive
            onSelect={() => onDelete(conversation)}
          >
            {t("common.delete")}
          </MenuItem>
        </MenuContent>
      </MenuRoot>
    </div>
  );
});
