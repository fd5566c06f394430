import { Plus, X } from "lucide-react";
import { useTranslation } from "react-i18next";
import type { HeaderPair } from "@/shared/bindings/HeaderPair";
import { Button, IconButton, Input } from "@/shared/ui";

export interface HeadersEditorProps {
  headers: HeaderPair[];
  onChange: (headers: HeaderPair[]) => void;
  error?: string;
}

/** Extra HTTP headers as name/value rows. */
export function HeadersEditor({ headers, onChange, error }: HeadersEditorProps) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<HeaderPair>) =>
    onChange(headers.map((header, i) => (i === index ? { ...header, ...patch } : header)));
  return (
    <div>
      <div className="mb-1 text-[12.5px] font-medium">{t("providers.form.headers")}</div>
      {headers.length === 0 ? (
        <p className="mb-2 text-[12px] text-fg-subtle">{t("providers.form.headersNone")}</p>
      ) : null}
      <div className="flex flex-col gap-1.5">
        {headers.map((header, index) => (
          <div key={index} className="flex items-center gap-1.5">
            <Input
              aria-label={t("providers.form.headerName")}
              placeholder={t("providers.form.headerName")}
              value={header.name}
              onChange={(event) => update(index, { name: event.target.value })}
              className="w-[40%] font-mono text-[12.5px]"
            />
            <Input
              aria-label={t("providers.form.headerValue")}
              placeholder={t("providers.form.headerValue")}
              value={header.value}
              onChange={(event) => update(index, { value: event.target.value })}
              className="flex-1 font-mono text-[12.5px]"
            />
            <IconButton
              size="sm"
              label={t("providers.form.removeHeader")}
              onClick={() => onChange(headers.filter((_, i) => i !== index))}
            >
              <X className="h-3.5 w-3.5" />
            </IconButton>
          </div>
        ))}
      </div>
      {error ? <p className="mt-1 text-[12px] text-danger">{t(error)}</p> : null}
      <Button
        size="sm"
        variant="ghost"
        className="mt-1.5 -ml-1"
        icon={<Plus aria-hidden className="h-3.5 w-3.5" />}
        onClick={() => onChange([...headers, { name: "", value: "" }])}
      >
        {t("providers.form.addHeader")}
      </Button>
    </div>
  );
}
