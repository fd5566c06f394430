import { ArrowUp, Square, X } from "lucide-react";
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { IpcError } from "@/shared/bindings/IpcError";
import { ErrorNotice } from "@/shared/errors";
import { toIpcError } from "@/shared/ipc";
import { IconButton, formatShortcut } from "@/shared/ui";
import { beginSend, finishSend, flushDrafts, useComposerStore } from "../state/composerStore";

export interface ComposerProps {
  /** Which draft this composer edits (a conversation id, or the new-chat key). */
  draftKey: string;
  /**
   * Sends the text; rejects if the backend refused (the draft is then restored). Resolves
   * with the conversation the message went to, when a new chat became one.
   */
  onSend: (text: string) => Promise<string | undefined>;
  onStop: () => void;
  streaming: boolean;
  disabled?: boolean;
  disabledReason?: string;
  providerId?: string;
  placeholder?: string;
}

const MAX_HEIGHT_PX = 280;

/** The message box: Enter sends, Shift+Enter adds a line, never sends mid-IME composition. */
export function Composer({
  draftKey,
  onSend,
  onStop,
  streaming,
  disabled = false,
  disabledReason,
  providerId,
  placeholder,
}: ComposerProps) {
  const { t } = useTranslation();
  const draft = useComposerStore((state) => state.drafts[draftKey] ?? "");
  const setDraft = useComposerStore((state) => state.setDraft);
  // Until the drafts saved on disk are read, typing could be overwritten by them.
  const loaded = useComposerStore((state) => state.loaded);
  const [error, setError] = useState<IpcError | null>(null);
  const [sending, setSending] = useState(false);
  const textareaRef = useRef<HTMLTextAreaElement>(null);

  // Leaving this chat (another conversation, or the new chat's first send) saves its draft.
  useEffect(() => () => void flushDrafts(draftKey), [draftKey]);

  useLayoutEffect(() => {
    const element = textareaRef.current;
    if (!element) return;
    element.style.height = "auto";
    element.style.height = `${Math.min(element.scrollHeight, MAX_HEIGHT_PX)}px`;
  }, [draft]);

  const canSend = draft.trim().length > 0 && !streaming && !sending && !disabled;

  const send = async () => {
    if (!canSend) return;
    const text = draft;
    setError(null);
    setSending(true);
    void beginSend(draftKey);
    try {
      const conversationId = await onSend(text);
      void finishSend(draftKey, conversationId ?? draftKey);
    } catch (raw) {
      // Keep what the user wrote: put it back unless they already typed something new.
      const current = useComposerStore.getState().drafts[draftKey] ?? "";
      setDraft(draftKey, current ? `${text}\n${current}` : text);
      setError(toIpcError(raw));
    } finally {
      setSending(false);
      textareaRef.current?.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing || event.key === "Process" || event.keyCode === 229) return;
    if (event.key === "Enter" && !event.shiftKey && !event.altKey) {
      event.preventDefault();
      void send();
    } else if (event.key === "Escape" && streaming) {
      event.preventDefault();
      onStop();
    }
  };

  return (
    <div className="mx-auto w-full max-w-[820px] px-4 pb-4 md:px-6">
      {error ? (
        <div className="relative mb-2">
          <ErrorNotice error={error} providerId={providerId} compact />
          <button
            type="button"
            aria-label={t("common.dismiss")}
            onClick={() => setError(null)}
            className="absolute top-2 right-2 rounded p-0.5 text-fg-muted hover:bg-surface-3"
          >
            <X aria-hidden className="h-3.5 w-3.5" />
          </button>
        </div>
      ) : null}
      <div className="flex items-end gap-2 rounded-xl border border-border-strong bg-bg px-3 py-2 shadow-[0_1px_2px_rgb(0_0_0/0.04)] focus-within:border-accent focus-within:ring-2 focus-within:ring-accent/20">
        <textarea
          ref={textareaRef}
          value={draft}
          rows={1}
          aria-label={t("composer.label")}
          placeholder={
            disabled && disabledReason ? disabledReason : (placeholder ?? t("composer.placeholder"))
          }
          disabled={disabled}
          readOnly={!loaded}
          onChange={(event) => setDraft(draftKey, event.target.value)}
          onKeyDown={onKeyDown}
          className="max-h-[280px] min-h-[24px] flex-1 resize-none bg-transparent py-1 text-[14px] leading-relaxed text-fg placeholder:text-fg-subtle focus:outline-none focus-visible:outline-none disabled:cursor-not-allowed"
        />
        {streaming ? (
          <IconButton
            label={t("composer.stop")}
            shortcut="Esc"
            tooltipSide="top"
            onClick={onStop}
            className="h-8 w-8 rounded-lg bg-fg text-bg hover:bg-fg hover:text-bg hover:opacity-85"
          >
            <Square aria-hidden className="h-3 w-3 fill-current" />
          </IconButton>
        ) : (
          <IconButton
            label={t("composer.send")}
            shortcut={formatShortcut("Enter")}
            tooltipSide="top"
            disabled={!canSend}
            onClick={() => void send()}
            className="h-8 w-8 rounded-lg bg-accent text-accent-fg hover:bg-accent-hover hover:text-accent-fg disabled:bg-surface-3 disabled:text-fg-subtle disabled:opacity-100"
          >
            <ArrowUp aria-hidden className="h-4 w-4" />
          </IconButton>
        )}
      </div>
      <p className="mt-1.5 text-center text-[11.5px] text-fg-subtle">{t("composer.hint")}</p>
    </div>
  );
}
