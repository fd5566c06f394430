import { ArrowLeft, KeyRound, SlidersHorizontal } from "lucide-react";
import { useTranslation } from "react-i18next";
import { ProvidersSettings } from "@/features/providers";
import { useNavigation, type SettingsSection } from "@/shared/navigation";
import { Button, cn } from "@/shared/ui";
import { GeneralSettings } from "./GeneralSettings";

const SECTIONS: Array<{ id: SettingsSection; icon: typeof KeyRound; labelKey: string }> = [
  { id: "providers", icon: KeyRound, labelKey: "settings.providers" },
  { id: "general", icon: SlidersHorizontal, labelKey: "settings.general" },
];

/** Settings: Providers and General. Loaded lazily (not needed to start chatting). */
export default function SettingsView() {
  const { t } = useTranslation();
  const view = useNavigation((state) => state.view);
  const openSettings = useNavigation((state) => state.openSettings);
  const closeSettings = useNavigation((state) => state.closeSettings);
  const section = view.name === "settings" ? view.section : "providers";

  return (
    <div className="flex h-full min-w-0 flex-1 flex-col">
      <header className="flex h-11 shrink-0 items-center gap-2 border-b border-border px-3">
        <Button
          size="sm"
          variant="ghost"
          icon={<ArrowLeft aria-hidden className="h-3.5 w-3.5" />}
          onClick={closeSettings}
        >
          {t("settings.back")}
        </Button>
        <h1 className="text-[14px] font-semibold">{t("settings.title")}</h1>
      </header>
      <div className="flex min-h-0 flex-1">
        <nav
          aria-label={t("settings.title")}
          className="w-[160px] shrink-0 border-r border-border p-2"
        >
          {SECTIONS.map(({ id, icon: Icon, labelKey }) => (
            <button
              key={id}
              type="button"
              aria-current={section === id ? "page" : undefined}
              data-testid={`settings-nav-${id}`}
              onClick={() => openSettings(id)}
              className={cn(
                "mb-0.5 flex h-8 w-full items-center gap-2 rounded-md px-2 text-[13px]",
                section === id
                  ? "bg-surface-3 font-medium text-fg"
                  : "text-fg-muted hover:bg-surface-2 hover:text-fg",
              )}
            >
              <Icon aria-hidden className="h-4 w-4" />
              {t(labelKey)}
            </button>
          ))}
        </nav>
        {section === "providers" ? <ProvidersSettings /> : <GeneralSettings />}
      </div>
    </div>
  );
}
