import { Check, X } from "lucide-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ChatParams } from "@/shared/bindings/ChatParams";
import { Button, FieldLabel, IconButton, Input, Textarea } from "@/shared/ui";

export interface ParamsPanelProps {
  params: ChatParams;
  onSave: (params: ChatParams) => void;
  onClose: () => void;
}

const SAVED_SHOWN_MS = 2500;

interface ParamsForm {
  systemPrompt: string;
  temperature: string;
  topP: string;
  maxTokens: string;
}

function toForm(params: ChatParams): ParamsForm {
  return {
    systemPrompt: params.systemPrompt ?? "",
    temperature: params.temperature?.toString() ?? "",
    topP: params.topP?.toString() ?? "",
    maxTokens: params.maxTokens?.toString() ?? "",
  };
}

function sameForm(a: ParamsForm, b: ParamsForm): boolean {
  return (Object.keys(a) as Array<keyof ParamsForm>).every((key) => a[key] === b[key]);
}

/** Pure: the form as ChatParams; empty fields mean "gateway default". Null if a field is invalid. */
export function parseParams(form: ParamsForm): {
  params: ChatParams;
  invalid: Array<keyof ParamsForm>;
} {
  const invalid: Array<keyof ParamsForm> = [];
  const number = (
    key: "temperature" | "topP" | "maxTokens",
    min: number,
    max: number,
    integer = false,
  ) => {
    const raw = form[key].trim();
    if (!raw) return undefined;
    const value = Number(raw);
    if (
      !Number.isFinite(value) ||
      value < min ||
      value > max ||
      (integer && !Number.isInteger(value))
    ) {
      invalid.push(key);
      return undefined;
    }
    return value;
  };
  const params: ChatParams = {
    systemPrompt: form.systemPrompt.trim() ? form.systemPrompt : undefined,
    temperature: number("temperature", 0, 2),
    topP: number("topP", 0, 1),
    maxTokens: number("maxTokens", 1, 10_000_000, true),
  };
  return { params, invalid };
}

/** System prompt and sampling parameters of this conversation. */
export function ParamsPanel({ params, onSave, onClose }: ParamsPanelProps) {
  const { t } = useTranslation();
  const [form, setForm] = useState(() => toForm(params));
  const [shownParams, setShownParams] = useState(params);
  // "Saved" shows once the saved parameters come back from the backend (or the new chat's
  // store) after a Save, not when the button is pressed.
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  if (shownParams !== params) {
    // The conversation's saved parameters changed: show them.
    setShownParams(params);
    setForm(toForm(params));
    if (saving) {
      setSaving(false);
      setSaved(true);
    }
  }
  useEffect(() => {
    if (!saved) return;
    const timer = window.setTimeout(() => setSaved(false), SAVED_SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [saved]);
  const { params: parsed, invalid } = parseParams(form);
  const field = (key: keyof ParamsForm) => ({
    id: `param-${key}`,
    value: form[key],
    "aria-invalid": invalid.includes(key) || undefined,
    onChange: (event: { target: { value: string } }) => {
      setForm({ ...form, [key]: event.target.value });
      setSaved(false);
    },
  });

  return (
    <aside
      aria-label={t("params.title")}
      className="flex w-[300px] shrink-0 flex-col border-l border-border bg-surface"
    >
      <div className="flex h-11 items-center justify-between border-b border-border px-3">
        <h2 className="text-[13px] font-semibold">{t("params.title")}</h2>
        <IconButton size="sm" label={t("common.close")} onClick={onClose}>
          <X className="h-3.5 w-3.5" />
        </IconButton>
      </div>
      <form
        className="flex flex-1 flex-col gap-4 overflow-y-auto p-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (invalid.length > 0) return;
          if (sameForm(toForm(parsed), toForm(params))) {
            // Nothing changed: what the form shows is what is saved.
            setSaved(true);
            return;
          }
          setSaved(false);
          setSaving(true);
          onSave(parsed);
        }}
      >
        <div>
          <FieldLabel htmlFor="param-systemPrompt">{t("params.systemPrompt")}</FieldLabel>
          <Textarea
            {...field("systemPrompt")}
            rows={6}
            placeholder={t("params.systemPromptPlaceholder")}
          />
        </div>
        <div>
          <FieldLabel htmlFor="param-temperature" hint="0 – 2">
            {t("params.temperature")}
          </FieldLabel>
          <Input
            {...field("temperature")}
            inputMode="decimal"
            placeholder={t("params.gatewayDefault")}
          />
        </div>
        <div>
          <FieldLabel htmlFor="param-topP" hint="0 – 1">
            {t("params.topP")}
          </FieldLabel>
          <Input {...field("topP")} inputMode="decimal" placeholder={t("params.gatewayDefault")} />
        </div>
        <div>
          <FieldLabel htmlFor="param-maxTokens">{t("params.maxTokens")}</FieldLabel>
          <Input
            {...field("maxTokens")}
            inputMode="numeric"
            placeholder={t("params.gatewayDefault")}
          />
        </div>
        {invalid.length > 0 ? (
          <p className="text-[12px] text-danger">{t("params.invalid")}</p>
        ) : null}
        <p className="text-[12px] text-fg-subtle">{t("params.emptyMeansDefault")}</p>
        <div className="flex items-center justify-end gap-2">
          <span role="status" className="mr-auto text-[12px] text-success">
            {saved ? (
              <span className="inline-flex items-center gap-1">
                <Check aria-hidden className="h-3.5 w-3.5" />
                {t("params.saved")}
              </span>
            ) : null}
          </span>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              setForm(toForm({}));
              setSaved(false);
            }}
          >
            {t("params.reset")}
          </Button>
          <Button size="sm" variant="primary" type="submit" disabled={invalid.length > 0}>
            {t("common.save")}
          </Button>
        </div>
      </form>
    </aside>
  );
}
