import { Bot, Pencil, Play, RefreshCw, Trash2, User } from "lucide-react";
import { memo, useState } from "react";
import type { Message } from "@/shared/bindings/Message";
import type { ThreadMessage } from "@/shared/bindings/ThreadMessage";
import { ErrorNotice } from "@/shared/errors";
import { useT } from "@/shared/i18n";
import { Markdown, CopyButton } from "@/shared/markdown";
import { Badge, IconButton, cn } from "@/shared/ui";
import { useLiveMessage } from "../state/streamStore";
import type { LiveMessage } from "../state/streamReducer";
import { BranchArrows } from "./BranchArrows";
import { MessageEditor } from "./MessageEditor";
import { MessageStats } from "./MessageFooter";
import type { MessageActions } from "./messageActions";
import { ReasoningBlock } from "./ReasoningBlock";
import { UserText } from "./UserText";

export interface MessageItemProps {
  item: ThreadMessage;
  actions: MessageActions;
  /** Another reply is streaming in this conversation: disable actions that start runs. */
  busy: boolean;
  highlighted?: boolean;
}

interface Shown {
  text: string;
  reasoning: string;
  streaming: boolean;
  reasoningMs?: number;
}

function shownContent(message: Message, live: LiveMessage | undefined): Shown {
  if (message.status === "streaming" && live) {
    const thinkingEnd = live.textStartedAt ?? Date.now();
    return {
      text: live.text,
      reasoning: live.reasoning,
      streaming: true,
      reasoningMs: live.reasoning ? thinkingEnd - live.startedAt : undefined,
    };
  }
  return {
    text: message.text,
    reasoning: message.reasoning ?? "",
    streaming: message.status === "streaming",
    reasoningMs: message.timings?.reasoningMs,
  };
}

function StatusBadge({
  message,
  busy,
  onContinue,
}: {
  message: Message;
  busy: boolean;
  onContinue: () => void;
}) {
  const { t } = useT();
  if (message.status === "canceled")
    return <Badge tone="neutral">{t("chat.status.canceled")}</Badge>;
  if (message.status === "interrupted") {
    return (
      <span className="inline-flex items-center gap-2">
        <Badge tone="warning">{t("chat.status.interrupted")}</Badge>
        <button
          type="button"
          disabled={busy}
          onClick={onContinue}
          className="inline-flex h-6 items-center gap-1 rounded border border-border-strong px-2 text-[12px] text-fg hover:bg-surface-2 disabled:opacity-50"
        >
          <Play aria-hidden className="h-3 w-3" />
          {t("chat.actions.continue")}
        </button>
      </span>
    );
  }
  if (message.status === "error") return <Badge tone="danger">{t("chat.status.error")}</Badge>;
  return null;
}

/** One message of the thread. Re-renders only when its row changes or, while streaming, its live text. */
export const MessageItem = memo(function MessageItem({
  item,
  actions,
  busy,
  highlighted = false,
}: MessageItemProps) {
  const { t } = useT();
  const { message, siblingIds } = item;
  const live = useLiveMessage(message.id);
  const [editing, setEditing] = useState(false);
  const shown = shownContent(message, live);
  const isUser = message.role === "user";
  const thinking = shown.streaming && shown.text.length === 0 && shown.reasoning.length > 0;
  // The hover actions mount once the pointer or keyboard focus first enters the row: rows
  // mount by the dozen while a long conversation scrolls, and these were a quarter of a row.
  // The row itself is a tab stop, so the keyboard reaches them too.
  const [engaged, setEngaged] = useState(false);
  const engage = () => setEngaged(true);
  const actionBar =
    shown.streaming || editing || !engaged ? null : (
      <div className="flex items-center gap-0.5 opacity-0 transition-opacity group-hover/message:opacity-100 group-focus-within/message:opacity-100">
        {message.text ? <CopyButton text={message.text} label={t("chat.actions.copy")} /> : null}
        {isUser ? (
          <IconButton
            size="sm"
            label={t("chat.actions.edit")}
            disabled={busy}
            onClick={() => setEditing(true)}
          >
            <Pencil className="h-3.5 w-3.5" />
          </IconButton>
        ) : (
          <IconButton
            size="sm"
            label={t("chat.actions.regenerate")}
            disabled={busy}
            onClick={() => actions.regenerate(message)}
          >
            <RefreshCw className="h-3.5 w-3.5" />
          </IconButton>
        )}
        <IconButton
          size="sm"
          label={t("chat.actions.delete")}
          disabled={busy}
          onClick={() => actions.requestDelete(message)}
        >
          <Trash2 className="h-3.5 w-3.5" />
        </IconButton>
      </div>
    );

  return (
    <article
      aria-label={isUser ? t("chat.role.user") : t("chat.role.assistant")}
      data-message-id={message.id}
      data-role={message.role}
      data-status={message.status}
      tabIndex={0}
      onPointerEnter={engage}
      onFocus={engage}
      className={cn("group/message rounded-lg px-3 py-2.5", highlighted && "message-flash")}
    >
      <header className="mb-1.5 flex items-center gap-2 text-[12.5px]">
        <span
          aria-hidden
          className={cn(
            "inline-flex h-5 w-5 items-center justify-center rounded-md",
            isUser ? "bg-surface-3 text-fg-muted" : "bg-accent-soft text-accent-text",
          )}
        >
          {isUser ? <User className="h-3 w-3" /> : <Bot className="h-3 w-3" />}
        </span>
        <span className="font-medium text-fg">
          {isUser ? t("chat.role.user") : t("chat.role.assistant")}
        </span>
        {shown.streaming ? (
          <span className="text-fg-subtle" aria-live="polite">
            {live?.opened === false ? t("chat.status.connecting") : t("chat.status.streaming")}
          </span>
        ) : null}
        {isUser ? (
          <div className="ml-auto flex items-center gap-2">
            {actionBar}
            <BranchArrows
              messageId={message.id}
              siblingIds={siblingIds}
              onSwitch={actions.switchBranch}
              disabled={busy}
            />
          </div>
        ) : null}
      </header>

      <div className="pl-7">
        {editing ? (
          <MessageEditor
            initialText={message.text}
            onCancel={() => setEditing(false)}
            onSave={async (text) => {
              await actions.editAndSend(message, text);
              setEditing(false);
            }}
          />
        ) : (
          <>
            {shown.reasoning ? (
              <ReasoningBlock
                reasoning={shown.reasoning}
                thinking={thinking}
                durationMs={shown.reasoningMs}
              />
            ) : null}
            {isUser ? (
              <UserText message={message} />
            ) : shown.text ? (
              <Markdown text={shown.text} streaming={shown.streaming} />
            ) : shown.streaming && !thinking ? (
              <div className="h-5 w-2 animate-pulse rounded-sm bg-accent/60" aria-hidden />
            ) : null}
            {message.status === "error" && message.error ? (
              <ErrorNotice
                error={message.error}
                providerId={message.providerId}
                compact
                className="mt-2"
                onRetry={busy ? undefined : () => actions.regenerate(message)}
                onStartOver={() => actions.startOver(message)}
              />
            ) : null}
          </>
        )}

        {!editing && !isUser ? (
          <footer className="mt-1 flex min-h-6 flex-wrap items-center gap-x-3 gap-y-1">
            <BranchArrows
              messageId={message.id}
              siblingIds={siblingIds}
              onSwitch={actions.switchBranch}
              disabled={busy}
            />
            <StatusBadge
              message={message}
              busy={busy}
              onContinue={() => actions.continueReply(message)}
            />
            {!shown.streaming ? <MessageStats message={message} /> : null}
            {actionBar}
          </footer>
        ) : null}
      </div>
    </article>
  );
});
