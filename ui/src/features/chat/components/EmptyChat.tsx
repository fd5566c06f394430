import { MessageSquareText } from "lucide-react";
import { useTranslation } from "react-i18next";

export interface EmptyChatProps {
  onPick: (prompt: string) => void;
  modelLabel: string | null;
  /** The chat's provider when it has no model yet (the header's picker chooses one). */
  providerName: string | null;
}

const EXAMPLE_KEYS = ["explain", "code", "table", "translate"] as const;

/** A new chat: a few example prompts to start from. */
export function EmptyChat({ onPick, modelLabel, providerName }: EmptyChatProps) {
  const { t } = useTranslation();
  return (
    <div className="flex min-h-0 flex-1 flex-col items-center justify-center overflow-y-auto px-6 py-10">
      <div className="mb-3 inline-flex h-10 w-10 items-center justify-center rounded-xl bg-accent-soft text-accent-text">
        <MessageSquareText aria-hidden className="h-5 w-5" />
      </div>
      <h2 className="text-[17px] font-semibold">{t("chat.empty.title")}</h2>
      <p className="mt-1 text-[13px] text-fg-muted">
        {modelLabel
          ? t("chat.empty.subtitle", { model: modelLabel })
          : providerName
            ? t("models.empty.chooseModel", { provider: providerName })
            : t("chat.empty.noModel")}
      </p>
      <div className="mt-6 grid w-full max-w-[560px] grid-cols-1 gap-2 sm:grid-cols-2">
        {EXAMPLE_KEYS.map((key) => (
          <button
            key={key}
            type="button"
            onClick={() => onPick(t(`chat.empty.examples.${key}.prompt`))}
            className="rounded-lg border border-border bg-bg px-3 py-2.5 text-left transition-colors hover:border-border-strong hover:bg-surface"
          >
            <div className="text-[13px] font-medium text-fg">
              {t(`chat.empty.examples.${key}.title`)}
            </div>
            <div className="mt-0.5 line-clamp-2 text-[12.5px] text-fg-muted">
              {t(`chat.empty.examples.${key}.prompt`)}
            </div>
          </button>
        ))}
      </div>
    </div>
  );
}
