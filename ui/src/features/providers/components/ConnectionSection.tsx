import { RefreshCw, Search, Zap } from "lucide-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Provider } from "@/shared/bindings/Provider";
import { toIpcError } from "@/shared/ipc";
import { Button, Input, cn } from "@/shared/ui";
import { useFetchModels, useTestProvider } from "../hooks/useProviders";
import { isKeyMissing } from "../model/providerConnection";
import { ConnectionResult } from "./ConnectionResult";
import { modelsByKind } from "../model/modelKinds";

export interface ConnectionSectionProps {
  provider: Provider;
  onPickDefault: (model: string) => void;
  /** Brings the user to the key field (shown when a test finds no key to send). */
  onAddKey: () => void;
}

/** Test connection, fetch models and pick the default model. */
export function ConnectionSection({ provider, onPickDefault, onAddKey }: ConnectionSectionProps) {
  const { t } = useTranslation();
  const test = useTestProvider();
  const fetchModels = useFetchModels();
  const [filter, setFilter] = useState("");
  // With no key there is nothing to test: say so instead of asking the gateway.
  const [noKeyShown, setNoKeyShown] = useState(false);
  const keyMissing = isKeyMissing(provider);
  const models = useMemo(() => {
    // Chat models first; other kinds are marked.
    const all = modelsByKind({ ...provider, models: fetchModels.data ?? provider.models });
    const needle = filter.trim().toLowerCase();
    return needle ? all.filter((model) => model.id.toLowerCase().includes(needle)) : all;
  }, [fetchModels.data, provider, filter]);
  // The result shown is that of the last button pressed.
  const [last, setLast] = useState<"test" | "fetch">("test");
  const result = last === "test" ? test.data : undefined;
  const thrown = last === "test" ? test.error : fetchModels.error;
  // Memoized: a new object each render would scroll the result into view again each render.
  const failure = useMemo(
    () => (result && !result.ok ? (result.error ?? null) : thrown ? toIpcError(thrown) : null),
    [result, thrown],
  );

  const run = (which: "test" | "fetch") => {
    setLast(which);
    setNoKeyShown(keyMissing);
    if (keyMissing) return;
    if (which === "test") test.mutate(provider.id);
    else fetchModels.mutate(provider.id);
  };

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          icon={<Zap aria-hidden className="h-3.5 w-3.5" />}
          disabled={test.isPending}
          onClick={() => run("test")}
        >
          {test.isPending ? t("providers.connection.testing") : t("providers.connection.test")}
        </Button>
        <Button
          icon={
            <RefreshCw
              aria-hidden
              className={cn("h-3.5 w-3.5", fetchModels.isPending && "animate-spin")}
            />
          }
          disabled={fetchModels.isPending}
          onClick={() => run("fetch")}
        >
          {t("providers.connection.fetchModels")}
        </Button>
      </div>
      <ConnectionResult
        result={result?.ok ? result : null}
        failure={failure}
        noKey={noKeyShown && keyMissing}
        onAddKey={onAddKey}
      />

      {provider.models.length > 0 || fetchModels.data ? (
        <div className="rounded-md border border-border">
          <div className="relative border-b border-border">
            <Search
              aria-hidden
              className="pointer-events-none absolute top-1/2 left-2.5 h-3.5 w-3.5 -translate-y-1/2 text-fg-subtle"
            />
            <Input
              aria-label={t("providers.connection.filterModels")}
              placeholder={t("providers.connection.filterModels")}
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
              className="rounded-none border-0 pl-8 focus:ring-0"
            />
          </div>
          <ul
            className="max-h-[220px] overflow-y-auto p-1"
            role="radiogroup"
            aria-label={t("providers.connection.defaultModel")}
          >
            {models.map(({ id, kind }) => {
              const selected = provider.defaultModel === id;
              return (
                <li key={id}>
                  <button
                    type="button"
                    role="radio"
                    aria-checked={selected}
                    onClick={() => onPickDefault(id)}
                    className={cn(
                      "flex h-7 w-full items-center gap-2 rounded px-2 text-left font-mono text-[12.5px] hover:bg-surface-2",
                      selected && "bg-accent-soft text-accent-text",
                    )}
                  >
                    <span className="flex-1 truncate">{id}</span>
                    {kind !== "chat" ? (
                      <span className="font-sans text-[11px] text-fg-subtle">
                        {t(`models.kinds.${kind}`)}
                      </span>
                    ) : null}
                    {selected ? (
                      <span className="font-sans text-[11px]">
                        {t("providers.connection.default")}
                      </span>
                    ) : null}
                  </button>
                </li>
              );
            })}
            {models.length === 0 ? (
              <li className="px-2 py-3 text-center text-[12px] text-fg-muted">
                {t("chat.model.empty")}
              </li>
            ) : null}
          </ul>
        </div>
      ) : (
        <p className="text-[12.5px] text-fg-muted">{t("providers.connection.noModels")}</p>
      )}
    </div>
  );
}
