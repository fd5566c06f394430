import { FlaskConical, PlugZap, ShieldAlert } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AppInfo } from "@/shared/bindings/AppInfo";
import type { ProviderPreset } from "@/shared/bindings/ProviderPreset";
import {
  ProviderForm,
  formFromPreset,
  inputFromForm,
  useAddProvider,
  useCreateProvider,
  usePresets,
  type AddOutcome,
} from "@/features/providers";
import { ErrorNotice } from "@/shared/errors";
import { toIpcError } from "@/shared/ipc";
import { useNavigation } from "@/shared/navigation";
import { Button, Spinner, cn } from "@/shared/ui";

export interface FirstRunScreenProps {
  appInfo: AppInfo;
  /** A provider now exists: continue into the app. */
  onDone: () => void;
}

/** Welcome: try the Offline demo without a key, or add a gateway. */
export function FirstRunScreen({ appInfo, onDone }: FirstRunScreenProps) {
  const { t } = useTranslation();
  const presets = usePresets();
  const create = useCreateProvider();
  const sessionOnly = !appInfo.keychain.available;
  const adding = useAddProvider(sessionOnly);
  // Saved, but its models could not be fetched: say why, and offer to retry or go on.
  const [unfetched, setUnfetched] = useState<AddOutcome | null>(null);
  const [gatewayPreset, setGatewayPreset] = useState<ProviderPreset | null>(null);
  const demoPreset = presets.data?.find((preset) => preset.offlineDemo);
  const gatewayPresets = useMemo(
    () => presets.data?.filter((preset) => !preset.offlineDemo) ?? [],
    [presets.data],
  );
  const form = useMemo(
    () => (gatewayPreset ? formFromPreset(gatewayPreset) : null),
    [gatewayPreset],
  );
  // The error's "Open provider settings" goes to Settings: leave this screen for it.
  const view = useNavigation((state) => state.view.name);
  useEffect(() => {
    if (unfetched && view === "settings") onDone();
  }, [unfetched, view, onDone]);

  const finish = (outcome: AddOutcome | null) => {
    if (!outcome) return;
    if (outcome.fetchError) setUnfetched(outcome);
    else onDone();
  };

  const tryDemo = () => {
    if (!demoPreset) return;
    create.mutate(
      inputFromForm({ ...formFromPreset(demoPreset), name: t("providers.presets.offlineDemo") }),
      {
        onSuccess: onDone,
      },
    );
  };

  return (
    <main className="flex h-full items-center justify-center overflow-y-auto bg-surface p-6">
      <div className="w-full max-w-[560px]">
        <div className="mb-6 flex items-center gap-2.5">
          <span aria-hidden className="inline-block h-7 w-7 rounded-lg bg-accent" />
          <span className="text-[18px] font-semibold tracking-tight">Portico</span>
        </div>
        <h1 className="text-[22px] font-semibold tracking-tight">{t("onboarding.title")}</h1>
        <p className="mt-1.5 text-[14px] text-fg-muted">{t("onboarding.subtitle")}</p>

        {!appInfo.keychain.available ? (
          <div
            role="status"
            className="mt-4 flex items-start gap-2 rounded-md border border-warning/30 bg-warning-soft px-3 py-2.5 text-[13px]"
          >
            <ShieldAlert aria-hidden className="mt-0.5 h-4 w-4 shrink-0 text-warning" />
            <div>
              <div className="font-medium text-fg">{t("onboarding.noKeychain.title")}</div>
              <div className="text-fg-muted">{t("onboarding.noKeychain.body")}</div>
              {appInfo.keychain.error ? (
                <div className="mt-1 font-mono text-[12px] text-fg-subtle">
                  {appInfo.keychain.error}
                </div>
              ) : null}
            </div>
          </div>
        ) : null}

        {presets.isLoading ? (
          <div className="mt-8 flex justify-center">
            <Spinner label={t("common.loading")} />
          </div>
        ) : unfetched?.fetchError ? (
          <div
            className="mt-6 flex flex-col gap-3 rounded-lg border border-border bg-bg p-5 shadow-sm"
            data-testid="add-fetch-failed"
          >
            <p className="text-[13px] font-medium">{t("models.add.fetchFailed")}</p>
            <ErrorNotice error={unfetched.fetchError} compact />
            <div className="flex justify-end gap-2">
              <Button variant="ghost" onClick={onDone}>
                {t("models.add.continue")}
              </Button>
              <Button
                variant="primary"
                disabled={adding.stage !== "idle"}
                onClick={() => void adding.retryFetch(unfetched.provider).then(finish)}
              >
                {adding.stage === "fetching" ? t("models.add.fetching") : t("models.add.retry")}
              </Button>
            </div>
          </div>
        ) : gatewayPreset && form ? (
          <div className="mt-6 rounded-lg border border-border bg-bg p-5 shadow-sm">
            <div
              className="mb-4 flex flex-wrap gap-1.5"
              role="radiogroup"
              aria-label={t("onboarding.gatewayType")}
            >
              {gatewayPresets.map((preset) => (
                <button
                  key={preset.id}
                  type="button"
                  role="radio"
                  aria-checked={preset.id === gatewayPreset.id}
                  onClick={() => setGatewayPreset(preset)}
                  className={cn(
                    "h-7 rounded-md border px-2.5 text-[12.5px]",
                    preset.id === gatewayPreset.id
                      ? "border-accent bg-accent-soft text-accent-text"
                      : "border-border text-fg-muted hover:bg-surface-2",
                  )}
                >
                  {preset.id === "custom" ? t("providers.presets.custom") : preset.name}
                </button>
              ))}
            </div>
            <ProviderForm
              key={gatewayPreset.id}
              initial={form}
              offlineDemo={false}
              isNew
              saving={adding.stage !== "idle"}
              error={adding.saveError}
              busyLabel={adding.stage === "fetching" ? t("models.add.fetching") : undefined}
              onCancel={() => setGatewayPreset(null)}
              onSubmit={(values, key) => void adding.add(inputFromForm(values), key).then(finish)}
            />
          </div>
        ) : (
          <div className="mt-6 grid gap-3 sm:grid-cols-2">
            <button
              type="button"
              onClick={tryDemo}
              disabled={!demoPreset || create.isPending}
              className="group flex flex-col items-start rounded-lg border border-border bg-bg p-4 text-left shadow-sm transition-colors hover:border-accent disabled:opacity-60"
            >
              <FlaskConical aria-hidden className="h-5 w-5 text-accent-text" />
              <span className="mt-3 text-[14px] font-semibold">{t("onboarding.demo.title")}</span>
              <span className="mt-1 text-[12.5px] text-fg-muted">{t("onboarding.demo.body")}</span>
            </button>
            <button
              type="button"
              onClick={() => setGatewayPreset(gatewayPresets[0] ?? null)}
              disabled={gatewayPresets.length === 0}
              className="group flex flex-col items-start rounded-lg border border-border bg-bg p-4 text-left shadow-sm transition-colors hover:border-accent disabled:opacity-60"
            >
              <PlugZap aria-hidden className="h-5 w-5 text-accent-text" />
              <span className="mt-3 text-[14px] font-semibold">
                {t("onboarding.gateway.title")}
              </span>
              <span className="mt-1 text-[12.5px] text-fg-muted">
                {t("onboarding.gateway.body")}
              </span>
            </button>
          </div>
        )}
        {create.error && !gatewayPreset ? (
          <ErrorNotice className="mt-4" error={toIpcError(create.error)} compact />
        ) : null}
        {!gatewayPreset ? (
          <p className="mt-6 text-[12px] text-fg-subtle">
            <Button
              variant="ghost"
              size="sm"
              className="-ml-2.5"
              onClick={() =>
                setGatewayPreset(
                  gatewayPresets.find((p) => p.id === "custom") ?? gatewayPresets[0] ?? null,
                )
              }
            >
              {t("onboarding.customGateway")}
            </Button>
          </p>
        ) : null}
      </div>
    </main>
  );
}
