import { Command } from "cmdk";
import { Check, RefreshCw, Settings2 } from "lucide-react";
import { useTranslation } from "react-i18next";
import { modelsByKind } from "@/features/providers";
import type { IpcError } from "@/shared/bindings/IpcError";
import type { Provider } from "@/shared/bindings/Provider";
import { describeError, ErrorNotice } from "@/shared/errors";
import { cn, Spinner } from "@/shared/ui";

/** The cmdk value of a model row: unique per provider and model, and what search matches. */
export function itemValue(provider: Provider, model: string): string {
  return `${provider.name} ${model}`;
}

const ITEM =
  "flex h-7 items-center gap-2 rounded px-2 text-[13px] text-fg data-[selected=true]:bg-surface-2";

export interface ModelPickerGroupProps {
  provider: Provider;
  currentProviderId: string | null;
  currentModel: string | null;
  fetching: boolean;
  fetchError: IpcError | null;
  onFetch: () => void;
  onOpenSettings: () => void;
  onPick: (model: string) => void;
}

/** One provider's models: chat models first, other kinds marked; or fetch them in place. */
export function ModelPickerGroup({
  provider,
  currentProviderId,
  currentModel,
  fetching,
  fetchError,
  onFetch,
  onOpenSettings,
  onPick,
}: ModelPickerGroupProps) {
  const { t } = useTranslation();
  const models = modelsByKind(provider);
  // The notice links to the provider's settings itself for key and credit errors.
  const noticeLinksSettings =
    fetchError !== null && describeError(fetchError, t).action === "openProviderSettings";
  return (
    <Command.Group
      heading={provider.name}
      className="[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-[11px] [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:tracking-wide [&_[cmdk-group-heading]]:text-fg-subtle [&_[cmdk-group-heading]]:uppercase"
    >
      {models.map((model) => {
        const selected = provider.id === currentProviderId && model.id === currentModel;
        const chat = model.kind === "chat";
        return (
          <Command.Item
            key={model.id}
            value={itemValue(provider, model.id)}
            keywords={chat ? undefined : [t(`models.kinds.${model.kind}`)]}
            onSelect={() => onPick(model.id)}
            data-kind={model.kind}
            className={ITEM}
          >
            <span className={cn("flex-1 truncate", !chat && "text-fg-muted")}>{model.id}</span>
            {!chat ? (
              <span
                className="shrink-0 rounded border border-border px-1 text-[10.5px] leading-4 text-fg-subtle"
                data-testid="model-kind"
              >
                {t(`models.kinds.${model.kind}`)}
              </span>
            ) : null}
            {provider.defaultModel === model.id ? (
              <span className="shrink-0 text-[11px] text-fg-subtle">{t("chat.model.default")}</span>
            ) : null}
            {selected ? (
              <Check aria-hidden className="h-3.5 w-3.5 shrink-0 text-accent-text" />
            ) : null}
          </Command.Item>
        );
      })}
      {models.length === 0 && fetching ? (
        <Command.Item
          value={`${provider.name} ${t("models.picker.fetching")}`}
          disabled
          className={cn(ITEM, "text-fg-muted")}
        >
          <Spinner className="h-3.5 w-3.5" />
          <span className="flex-1 truncate" role="status">
            {t("models.picker.fetching")}
          </span>
        </Command.Item>
      ) : null}
      {models.length === 0 && !fetching ? (
        <Command.Item
          value={`${provider.name} ${t("models.picker.fetch")}`}
          onSelect={onFetch}
          className={cn(ITEM, "text-fg-muted")}
          data-testid="picker-fetch-models"
        >
          <RefreshCw aria-hidden className="h-3.5 w-3.5 shrink-0" />
          <span className="flex-1 truncate">
            {fetchError ? t("models.picker.retry") : t("models.picker.fetch")}
          </span>
        </Command.Item>
      ) : null}
      {fetchError && models.length === 0 ? (
        <div className="px-1 pb-1" data-testid="picker-fetch-error">
          <ErrorNotice error={fetchError} providerId={provider.id} compact />
        </div>
      ) : null}
      {models.length === 0 && fetchError && !noticeLinksSettings ? (
        <Command.Item
          value={`${provider.name} ${t("models.picker.openSettings")}`}
          onSelect={onOpenSettings}
          className={cn(ITEM, "text-fg-muted")}
        >
          <Settings2 aria-hidden className="h-3.5 w-3.5 shrink-0" />
          <span className="flex-1 truncate">{t("models.picker.openSettings")}</span>
        </Command.Item>
      ) : null}
    </Command.Group>
  );
}
