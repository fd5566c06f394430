import { Plus } from "lucide-react";
import { useTranslation } from "react-i18next";
import type { Provider } from "@/shared/bindings/Provider";
import type { ProviderPreset } from "@/shared/bindings/ProviderPreset";
import { Badge, Button, MenuContent, MenuItem, MenuRoot, MenuTrigger, cn } from "@/shared/ui";
import { maskedKey } from "../model/providerForm";

export interface ProviderListProps {
  providers: Provider[];
  presets: ProviderPreset[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onAdd: (preset: ProviderPreset) => void;
}

function KeyStatus({ provider }: { provider: Provider }) {
  const { t } = useTranslation();
  if (provider.auth === "none")
    return <span className="text-[11.5px] text-fg-subtle">{t("providers.key.noneNeeded")}</span>;
  if (!provider.key.isSet) return <Badge tone="danger">{t("providers.key.missing")}</Badge>;
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <span className="font-mono text-[11.5px] text-fg-muted">
        {maskedKey(provider.key.lastFour)}
      </span>
      {provider.key.sessionOnly ? (
        <Badge tone="warning">{t("providers.key.sessionOnly")}</Badge>
      ) : null}
    </span>
  );
}

export function ProviderList({
  providers,
  presets,
  selectedId,
  onSelect,
  onAdd,
}: ProviderListProps) {
  const { t } = useTranslation();
  return (
    // Narrower when settings get little room (the window's minimum size), so the details fit.
    <div className="flex w-[176px] shrink-0 flex-col border-r border-border @3xl:w-[220px]">
      <div className="flex h-11 items-center justify-between gap-2 border-b border-border px-3">
        <h2 className="truncate text-[13px] font-semibold">{t("providers.title")}</h2>
        <MenuRoot>
          <MenuTrigger asChild>
            <Button
              size="sm"
              variant="secondary"
              icon={<Plus aria-hidden className="h-3.5 w-3.5" />}
            >
              {t("providers.add")}
            </Button>
          </MenuTrigger>
          <MenuContent align="end">
            {presets.map((preset) => (
              <MenuItem key={preset.id} onSelect={() => onAdd(preset)}>
                {preset.offlineDemo
                  ? t("providers.presets.offlineDemo")
                  : preset.id === "custom"
                    ? t("providers.presets.custom")
                    : preset.name}
              </MenuItem>
            ))}
          </MenuContent>
        </MenuRoot>
      </div>
      <ul className="flex-1 overflow-y-auto p-2" aria-label={t("providers.title")}>
        {providers.map((provider) => (
          <li key={provider.id}>
            <button
              type="button"
              onClick={() => onSelect(provider.id)}
              aria-current={provider.id === selectedId ? "true" : undefined}
              className={cn(
                "mb-0.5 flex w-full flex-col items-start gap-1 rounded-md px-2.5 py-2 text-left",
                provider.id === selectedId ? "bg-surface-3" : "hover:bg-surface-2",
              )}
              data-testid="provider-row"
            >
              <span className="w-full truncate text-[13px] font-medium">{provider.name}</span>
              <KeyStatus provider={provider} />
            </button>
          </li>
        ))}
        {providers.length === 0 ? (
          <li className="px-2 py-6 text-center text-[12.5px] text-fg-muted">
            {t("providers.none")}
          </li>
        ) : null}
      </ul>
    </div>
  );
}
