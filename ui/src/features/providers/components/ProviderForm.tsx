import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { AuthScheme } from "@/shared/bindings/AuthScheme";
import { ErrorNotice } from "@/shared/errors";
import type { IpcError } from "@/shared/bindings/IpcError";
import { Button, FieldLabel, Input, Switch } from "@/shared/ui";
import { HeadersEditor } from "./HeadersEditor";
import { validateProviderForm, type ProviderFormValues } from "../model/providerForm";

export interface ProviderFormProps {
  initial: ProviderFormValues;
  offlineDemo: boolean;
  isNew: boolean;
  saving: boolean;
  error: IpcError | null;
  onSubmit: (values: ProviderFormValues, key: string) => void;
  onCancel?: () => void;
  /** The submit button's label while it works (e.g. "Fetching models…" after adding). */
  busyLabel?: string;
  /** Extra content under the fields (key, connection) for a saved provider. */
  children?: ReactNode;
}

const AUTH_SCHEMES: AuthScheme[] = ["bearer", "apiKeyHeader", "none"];

export function ProviderForm({
  initial,
  offlineDemo,
  isNew,
  saving,
  error,
  onSubmit,
  onCancel,
  busyLabel,
}: ProviderFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [key, setKey] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const [shownInitial, setShownInitial] = useState(initial);
  if (shownInitial !== initial) {
    setShownInitial(initial);
    setValues(initial);
  }
  const errors = validateProviderForm(values, offlineDemo);
  const shownErrors = submitted ? errors : {};
  const dirty = JSON.stringify(values) !== JSON.stringify(initial) || key.length > 0;
  const set = <K extends keyof ProviderFormValues>(field: K, value: ProviderFormValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));

  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        setSubmitted(true);
        if (Object.keys(errors).length === 0) onSubmit(values, key);
      }}
    >
      <div>
        <FieldLabel htmlFor="provider-name">{t("providers.form.name")}</FieldLabel>
        <Input
          id="provider-name"
          value={values.name}
          aria-invalid={shownErrors.name ? true : undefined}
          onChange={(event) => set("name", event.target.value)}
        />
        {shownErrors.name ? (
          <p className="mt-1 text-[12px] text-danger">{t(shownErrors.name)}</p>
        ) : null}
      </div>
      {offlineDemo ? (
        <p className="rounded-md bg-accent-soft px-3 py-2 text-[12.5px] text-accent-text">
          {t("providers.form.offlineDemo")}
        </p>
      ) : (
        <>
          <div>
            <FieldLabel htmlFor="provider-url" hint={t("providers.form.baseUrlHint")}>
              {t("providers.form.baseUrl")}
            </FieldLabel>
            <Input
              id="provider-url"
              type="url"
              spellCheck={false}
              placeholder="https://api.example.com"
              value={values.baseUrl}
              aria-invalid={shownErrors.baseUrl ? true : undefined}
              onChange={(event) => set("baseUrl", event.target.value)}
              className="font-mono"
            />
            {shownErrors.baseUrl ? (
              <p className="mt-1 text-[12px] text-danger">{t(shownErrors.baseUrl)}</p>
            ) : null}
          </div>
          <label className="flex items-center justify-between gap-3" htmlFor="provider-exact">
            <span>
              <span className="block text-[12.5px] font-medium">
                {t("providers.form.exactBaseUrl")}
              </span>
              <span className="block text-[12px] text-fg-subtle">
                {t("providers.form.exactBaseUrlHint")}
              </span>
            </span>
            <Switch
              id="provider-exact"
              checked={values.exactBaseUrl}
              onCheckedChange={(checked) => set("exactBaseUrl", checked)}
            />
          </label>
          <div>
            <FieldLabel htmlFor="provider-auth">{t("providers.form.auth")}</FieldLabel>
            <select
              id="provider-auth"
              value={values.auth}
              onChange={(event) => set("auth", event.target.value as AuthScheme)}
              className="h-8 w-full rounded-md border border-border-strong bg-bg px-2 text-[13px] text-fg focus:border-accent focus:outline-none"
            >
              {AUTH_SCHEMES.map((scheme) => (
                <option key={scheme} value={scheme}>
                  {t(`providers.form.authSchemes.${scheme}`)}
                </option>
              ))}
            </select>
          </div>
          <HeadersEditor
            headers={values.extraHeaders}
            onChange={(headers) => set("extraHeaders", headers)}
            error={shownErrors.extraHeaders}
          />
          {isNew && values.auth !== "none" ? (
            <div>
              <FieldLabel htmlFor="provider-key">{t("providers.key.label")}</FieldLabel>
              <Input
                id="provider-key"
                type="password"
                autoComplete="off"
                spellCheck={false}
                placeholder={t("providers.key.placeholder")}
                value={key}
                onChange={(event) => setKey(event.target.value)}
                className="font-mono"
              />
            </div>
          ) : null}
        </>
      )}
      <div>
        <FieldLabel htmlFor="provider-default-model">{t("providers.form.defaultModel")}</FieldLabel>
        <Input
          id="provider-default-model"
          spellCheck={false}
          placeholder={t("providers.form.defaultModelPlaceholder")}
          value={values.defaultModel}
          onChange={(event) => set("defaultModel", event.target.value)}
          className="font-mono"
        />
      </div>
      {error ? <ErrorNotice error={error} compact /> : null}
      <div className="flex justify-end gap-2">
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
        ) : null}
        <Button type="submit" variant="primary" disabled={saving || (!isNew && !dirty)}>
          {saving && busyLabel ? busyLabel : isNew ? t("providers.form.add") : t("common.save")}
        </Button>
      </div>
    </form>
  );
}
