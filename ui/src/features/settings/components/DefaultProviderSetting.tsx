import { RefreshCw } from "lucide-react";
import { useTranslation } from "react-i18next";
import {
  modelsByKind,
  useDefaultProvider,
  useFetchModels,
  useProviders,
  useSetDefaultProvider,
} from "@/features/providers";
import { ErrorNotice } from "@/shared/errors";
import { toIpcError } from "@/shared/ipc";
import { Button, cn } from "@/shared/ui";

const SELECT =
  "h-8 w-full min-w-0 rounded-md border border-border-strong bg-bg px-2 text-[13px] text-fg focus:border-accent focus:outline-none";

/** Settings → General → Default provider: the provider and model new chats start with. */
export function DefaultProviderSetting() {
  const { t } = useTranslation();
  const { data: providers = [] } = useProviders();
  const { data: current } = useDefaultProvider();
  const setDefault = useSetDefaultProvider();
  const fetchModels = useFetchModels();
  const provider = providers.find((p) => p.id === current?.providerId);
  const models = provider ? modelsByKind(provider) : [];
  const error = setDefault.error ?? fetchModels.error;

  return (
    <div className="py-3" data-testid="default-provider">
      <div className="text-[13px] font-medium">{t("models.defaultProvider.title")}</div>
      <div className="text-[12px] text-fg-subtle">{t("models.defaultProvider.hint")}</div>
      {providers.length === 0 ? (
        <p className="mt-2 text-[12.5px] text-fg-muted">{t("models.defaultProvider.none")}</p>
      ) : (
        <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2">
          <label className="flex min-w-0 flex-col gap-1 text-[12px] text-fg-muted">
            {t("models.defaultProvider.provider")}
            <select
              className={SELECT}
              value={provider?.id ?? ""}
              disabled={setDefault.isPending}
              onChange={(event) => {
                const next = providers.find((p) => p.id === event.target.value);
                if (next) setDefault.mutate({ providerId: next.id });
              }}
            >
              {providers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex min-w-0 flex-col gap-1 text-[12px] text-fg-muted">
            {t("models.defaultProvider.model")}
            {provider && models.length > 0 ? (
              <select
                className={cn(SELECT, "font-mono")}
                value={provider.defaultModel ?? ""}
                disabled={setDefault.isPending}
                onChange={(event) =>
                  setDefault.mutate({ providerId: provider.id, model: event.target.value })
                }
              >
                {provider.defaultModel ? null : <option value="" disabled />}
                {models.map((model) => (
                  <option key={model.id} value={model.id}>
                    {model.kind === "chat"
                      ? model.id
                      : `${model.id} · ${t(`models.kinds.${model.kind}`)}`}
                  </option>
                ))}
              </select>
            ) : (
              <span className="flex h-8 items-center gap-2">
                <span className="text-[12.5px] text-fg-muted">
                  {t("models.defaultProvider.noModels")}
                </span>
                {provider ? (
                  <Button
                    size="sm"
                    icon={
                      <RefreshCw
                        aria-hidden
                        className={cn("h-3.5 w-3.5", fetchModels.isPending && "animate-spin")}
                      />
                    }
                    disabled={fetchModels.isPending}
                    onClick={() => fetchModels.mutate(provider.id)}
                  >
                    {fetchModels.isPending
                      ? t("models.add.fetching")
                      : t("models.defaultProvider.fetch")}
                  </Button>
                ) : null}
              </span>
            )}
          </label>
        </div>
      )}
      {error ? (
        <ErrorNotice className="mt-2" error={toIpcError(error)} providerId={provider?.id} compact />
      ) : null}
    </div>
  );
}
