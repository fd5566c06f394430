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

  // One nav for both layouts (a container query, so it follows the space settings actually
  // get beside the sidebar): a column on the left when wide, tabs in the header when narrow.
  return (
    <div className="@container h-full min-w-0 flex-1">
      <div className="grid h-full grid-cols-[auto_minmax(0,1fr)] grid-rows-[auto_minmax(0,1fr)] @3xl:grid-cols-[160px_minmax(0,1fr)]">
        <header className="col-start-1 row-start-1 flex h-11 min-w-0 items-center gap-2 border-b border-border px-3 @3xl:col-span-2">
          <Button
            size="sm"
            variant="ghost"
            icon={<ArrowLeft aria-hidden className="h-3.5 w-3.5" />}
            onClick={closeSettings}
          >
            {t("settings.back")}
          </Button>
          <h1 className="truncate text-[14px] font-semibold">{t("settings.title")}</h1>
        </header>
        <nav
          aria-label={t("settings.title")}
          data-testid="settings-nav"
          className="col-start-2 row-start-1 flex h-11 min-w-0 items-center justify-end gap-1 border-b border-border px-3 @3xl:col-start-1 @3xl:row-start-2 @3xl:h-auto @3xl:flex-col @3xl:items-stretch @3xl:justify-start @3xl:gap-0.5 @3xl:border-r @3xl:border-b-0 @3xl:p-2"
        >
          {SECTIONS.map(({ id, icon: Icon, labelKey }) => (
            <button
              key={id}
              type="button"
              aria-current={section === id ? "page" : undefined}
              data-testid={`settings-nav-${id}`}
              onClick={() => openSettings(id)}
              className={cn(
                "flex h-7 shrink-0 items-center gap-2 rounded-md px-2 text-[13px] whitespace-nowrap @3xl:h-8 @3xl:w-full",
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
        <div className="col-span-2 row-start-2 flex min-h-0 min-w-0 @3xl:col-span-1 @3xl:col-start-2">
          {section === "providers" ? <ProvidersSettings /> : <GeneralSettings />}
        </div>
      </div>
    </div>
  );
}
