import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProviderPreset } from "@/shared/bindings/ProviderPreset";
import { useNavigation } from "@/shared/navigation";
import { Spinner } from "@/shared/ui";
import type { IpcError } from "@/shared/bindings/IpcError";
import { ErrorNotice } from "@/shared/errors";
import { useAddProvider } from "../hooks/useAddProvider";
import { useKeychainStatus, usePresets, useProviders } from "../hooks/useProviders";
import { formFromPreset, inputFromForm } from "../model/providerForm";
import { ProviderDetail } from "./ProviderDetail";
import { ProviderForm } from "./ProviderForm";
import { ProviderList } from "./ProviderList";

/** Settings → Providers: the list, a saved provider's details, or the form for a new one. */
export function ProvidersSettings() {
  const { t } = useTranslation();
  const providers = useProviders();
  const presets = usePresets();
  const keychain = useKeychainStatus();
  const sessionOnly = keychain.data?.available === false;
  const addFlow = useAddProvider(sessionOnly);
  // A provider just added whose models could not be fetched, and why.
  const [unfetched, setUnfetched] = useState<{ id: string; error: IpcError } | null>(null);
  const requestedId = useNavigation((state) =>
    state.view.name === "settings" ? state.view.providerId : undefined,
  );
  const openSettings = useNavigation((state) => state.openSettings);
  const [adding, setAdding] = useState<ProviderPreset | null>(null);
  const list = useMemo(() => providers.data ?? [], [providers.data]);
  const selected = list.find((p) => p.id === requestedId) ?? list[0];
  const newForm = useMemo(() => (adding ? formFromPreset(adding) : null), [adding]);

  if (providers.isLoading || presets.isLoading) {
    return (
      <div className="flex flex-1 items-center justify-center">
        <Spinner label={t("common.loading")} />
      </div>
    );
  }

  return (
    <div className="flex min-h-0 min-w-0 flex-1">
      <ProviderList
        providers={list}
        presets={presets.data ?? []}
        selectedId={adding ? null : (selected?.id ?? null)}
        onSelect={(id) => {
          setAdding(null);
          openSettings("providers", id);
        }}
        onAdd={setAdding}
      />
      {/* Keyed by what it shows: a pane whose content changes starts at its top. (Keeping the
          element kept its scrollTop; WebKitGTK even kept it when the new content fit, which
          left the top of the add form out of reach.) */}
      <div
        key={adding ? `add:${adding.id}` : `provider:${selected?.id ?? ""}`}
        className="min-w-0 flex-1 overflow-y-auto"
      >
        <div className="mx-auto max-w-[640px] px-4 py-5 @2xl:px-6">
          {adding && newForm ? (
            <div className="flex flex-col gap-4">
              <h2 className="text-[16px] font-semibold">
                {t("providers.newTitle", {
                  preset: adding.offlineDemo ? t("providers.presets.offlineDemo") : adding.name,
                })}
              </h2>
              <ProviderForm
                initial={newForm}
                offlineDemo={adding.offlineDemo}
                isNew
                saving={addFlow.stage !== "idle"}
                error={addFlow.saveError}
                busyLabel={addFlow.stage === "fetching" ? t("models.add.fetching") : undefined}
                onCancel={() => setAdding(null)}
                onSubmit={async (values, key) => {
                  const outcome = await addFlow.add(inputFromForm(values), key);
                  if (!outcome) return;
                  const { provider, fetchError } = outcome;
                  setUnfetched(fetchError ? { id: provider.id, error: fetchError } : null);
                  setAdding(null);
                  openSettings("providers", provider.id);
                }}
              />
            </div>
          ) : selected ? (
            <>
              {unfetched?.id === selected.id && selected.models.length === 0 ? (
                <div className="mb-4 flex flex-col gap-2" data-testid="add-fetch-failed">
                  <p className="text-[13px] font-medium">{t("models.add.fetchFailed")}</p>
                  <ErrorNotice error={unfetched.error} providerId={selected.id} compact />
                </div>
              ) : null}
              <ProviderDetail
                key={selected.id}
                provider={selected}
                preset={presets.data?.find((p) => p.id === selected.presetId)}
                onDeleted={() => openSettings("providers")}
              />
            </>
          ) : (
            <p className="py-10 text-center text-[13px] text-fg-muted">{t("providers.none")}</p>
          )}
        </div>
      </div>
    </div>
  );
}
