import { ScrollText, SlidersHorizontal } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Provider } from "@/shared/bindings/Provider";
import { IconButton, Tooltip } from "@/shared/ui";
import { ModelPicker } from "./ModelPicker";

export interface ChatHeaderProps {
  title: string | null;
  onRename: ((title: string) => void) | null;
  providers: readonly Provider[];
  providerId: string | null;
  model: string | null;
  onPickModel: (providerId: string, model: string) => void;
  paramsOpen: boolean;
  onToggleParams: () => void;
  /** The conversation's system prompt, if it has one: a chip in the header says so. */
  systemPrompt?: string;
}

function EditableTitle({ title, onRename }: { title: string; onRename: (title: string) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(title);
  const commit = () => {
    setEditing(false);
    const next = value.trim();
    if (next && next !== title) onRename(next);
    else setValue(title);
  };
  if (editing) {
    return (
      <input
        autoFocus
        aria-label={t("chat.title.label")}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") commit();
          if (event.key === "Escape") {
            setValue(title);
            setEditing(false);
          }
        }}
        className="h-7 w-full max-w-[420px] rounded-md border border-accent bg-bg px-2 text-[14px] font-semibold focus:outline-none"
      />
    );
  }
  return (
    <button
      type="button"
      title={t("chat.title.rename")}
      onClick={() => {
        setValue(title);
        setEditing(true);
      }}
      className="h-7 max-w-full truncate rounded-md px-2 text-left text-[14px] font-semibold hover:bg-surface-2"
    >
      {title}
    </button>
  );
}

// The chip's tooltip quotes the start of the prompt.
const PROMPT_PREVIEW_CHARS = 120;

function SystemPromptChip({ prompt, onClick }: { prompt: string; onClick: () => void }) {
  const { t } = useTranslation();
  const preview =
    prompt.length > PROMPT_PREVIEW_CHARS ? `${prompt.slice(0, PROMPT_PREVIEW_CHARS)}…` : prompt;
  return (
    <Tooltip label={preview}>
      <button
        type="button"
        onClick={onClick}
        data-testid="system-prompt-chip"
        className="inline-flex h-7 shrink-0 items-center gap-1.5 rounded-md border border-border px-2 text-[12px] text-fg-muted hover:bg-surface-2 hover:text-fg"
      >
        <ScrollText aria-hidden className="h-3.5 w-3.5" />
        {t("params.systemPromptSet")}
      </button>
    </Tooltip>
  );
}

export function ChatHeader({
  title,
  onRename,
  providers,
  providerId,
  model,
  onPickModel,
  paramsOpen,
  onToggleParams,
  systemPrompt,
}: ChatHeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="flex h-11 shrink-0 items-center gap-2 border-b border-border px-3">
      <div className="min-w-0 flex-1">
        {title && onRename ? (
          <EditableTitle title={title} onRename={onRename} />
        ) : (
          <h1 className="truncate px-2 text-[14px] font-semibold">{title ?? t("chat.newChat")}</h1>
        )}
      </div>
      <ModelPicker
        providers={providers}
        providerId={providerId}
        model={model}
        onPick={onPickModel}
      />
      {systemPrompt ? <SystemPromptChip prompt={systemPrompt} onClick={onToggleParams} /> : null}
      <IconButton
        label={t("params.toggle")}
        active={paramsOpen}
        onClick={onToggleParams}
        aria-pressed={paramsOpen}
      >
        <SlidersHorizontal className="h-4 w-4" />
      </IconButton>
    </header>
  );
}
