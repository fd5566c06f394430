import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { setLanguagePreference } from "@/shared/i18n";
import { appInfoQuery } from "@/shared/ipc";
import {
  readLanguagePreference,
  setThemePreference,
  useThemeStore,
  type LanguagePreference,
  type ThemePreference,
} from "@/shared/theme";
import { cn, formatShortcut, Kbd } from "@/shared/ui";
import { DefaultProviderSetting } from "./DefaultProviderSetting";
import { SHORTCUTS } from "./shortcuts";

function Segmented<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: Array<{ value: T; label: string }>;
  onChange: (value: T) => void;
}) {
  return (
    <div
      role="radiogroup"
      aria-label={label}
      className="inline-flex shrink-0 rounded-md border border-border bg-surface p-0.5"
    >
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          role="radio"
          aria-checked={value === option.value}
          onClick={() => onChange(option.value)}
          className={cn(
            "h-7 rounded px-3 text-[12.5px] whitespace-nowrap",
            value === option.value
              ? "bg-bg font-medium text-fg shadow-sm"
              : "text-fg-muted hover:text-fg",
          )}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}

function Row({
  title,
  hint,
  children,
}: {
  title: string;
  hint?: string;
  children: React.ReactNode;
}) {
  return (
    // Wraps the control under its title when the pane is narrow (the window's minimum size).
    <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-3">
      <div className="min-w-[12rem] flex-1">
        <div className="text-[13px] font-medium">{title}</div>
        {hint ? <div className="text-[12px] text-fg-subtle">{hint}</div> : null}
      </div>
      {children}
    </div>
  );
}

/** Settings → General: default provider, language, theme, shortcuts and About. */
export function GeneralSettings() {
  const { t } = useTranslation();
  const theme = useThemeStore((state) => state.preference);
  const [language, setLanguage] = useState<LanguagePreference>(readLanguagePreference);
  const appInfo = useQuery(appInfoQuery);

  return (
    <div className="min-w-0 flex-1 overflow-y-auto">
      <div className="mx-auto max-w-[640px] px-4 py-5 @2xl:px-6">
        <h2 className="mb-2 text-[16px] font-semibold">{t("settings.general")}</h2>
        <section className="divide-y divide-border border-b border-border">
          <DefaultProviderSetting />
          <Row title={t("settings.language.title")} hint={t("settings.language.hint")}>
            <Segmented<LanguagePreference>
              label={t("settings.language.title")}
              value={language}
              onChange={(value) => {
                setLanguage(value);
                setLanguagePreference(value);
              }}
              options={[
                { value: "system", label: t("settings.system") },
                { value: "en", label: "English" },
                { value: "zh-CN", label: "简体中文" },
              ]}
            />
          </Row>
          <Row title={t("settings.theme.title")} hint={t("settings.theme.hint")}>
            <Segmented<ThemePreference>
              label={t("settings.theme.title")}
              value={theme}
              onChange={setThemePreference}
              options={[
                { value: "system", label: t("settings.system") },
                { value: "light", label: t("settings.theme.light") },
                { value: "dark", label: t("settings.theme.dark") },
              ]}
            />
          </Row>
        </section>

        <h3 className="mt-6 mb-2 text-[13px] font-semibold">{t("settings.shortcuts")}</h3>
        <ul
          className="divide-y divide-border rounded-md border border-border"
          aria-label={t("settings.shortcuts")}
        >
          {SHORTCUTS.map((shortcut) => (
            <li
              key={shortcut.labelKey}
              className="flex min-h-9 items-center justify-between gap-3 px-3 py-1.5 text-[13px]"
            >
              <span>{t(shortcut.labelKey)}</span>
              <span className="flex shrink-0 gap-1.5">
                {shortcut.keys.map((keys) => (
                  <Kbd key={keys}>{formatShortcut(keys)}</Kbd>
                ))}
              </span>
            </li>
          ))}
        </ul>

        <h3 className="mt-6 mb-2 text-[13px] font-semibold">{t("settings.about.title")}</h3>
        <dl
          className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 rounded-md border border-border p-3 text-[13px]"
          data-testid="about"
        >
          <dt className="text-fg-muted">{t("settings.about.version")}</dt>
          <dd className="font-mono">{appInfo.data?.version ?? "…"}</dd>
          <dt className="text-fg-muted">{t("settings.about.dataDir")}</dt>
          <dd className="font-mono break-all">{appInfo.data?.dataDir ?? "…"}</dd>
          <dt className="text-fg-muted">{t("settings.about.keychain")}</dt>
          <dd>
            {appInfo.data
              ? appInfo.data.keychain.available
                ? appInfo.data.keychain.backend
                : t("settings.about.keychainUnavailable")
              : "…"}
          </dd>
        </dl>
      </div>
    </div>
  );
}
