import { Trash2 } from "lucide-react";
import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Provider } from "@/shared/bindings/Provider";
import type { ProviderPreset } from "@/shared/bindings/ProviderPreset";
import { toIpcError } from "@/shared/ipc";
import { Button, ConfirmDialog } from "@/shared/ui";
import { useDeleteProvider, useUpdateProvider } from "../hooks/useProviders";
import { connectionFingerprint, keyUrlFor } from "../model/providerConnection";
import { formFromProvider, inputFromForm } from "../model/providerForm";
import { ConnectionSection } from "./ConnectionSection";
import { KeySection } from "./KeySection";
import { ProviderForm } from "./ProviderForm";

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="border-t border-border pt-4">
      <h3 className="mb-3 text-[13px] font-semibold">{title}</h3>
      {children}
    </section>
  );
}

/** A saved provider: its fields, key, connection test, models and delete. */
export function ProviderDetail({
  provider,
  preset,
  onDeleted,
}: {
  provider: Provider;
  preset?: ProviderPreset;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateProvider();
  const remove = useDeleteProvider();
  const [confirmDelete, setConfirmDelete] = useState(false);
  // Bumped when a key is saved: a new key can end in the same four characters as the old.
  const [keyRevision, setKeyRevision] = useState(0);
  const keyInput = useRef<HTMLInputElement>(null);
  const initial = useMemo(() => formFromProvider(provider), [provider]);
  const offlineDemo = preset?.offlineDemo ?? false;

  return (
    <div className="flex flex-col gap-5" data-testid="provider-detail">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="truncate text-[16px] font-semibold">{provider.name}</h2>
          <p className="truncate font-mono text-[12px] text-fg-subtle">
            {offlineDemo ? t("providers.offlineDemoUrl") : provider.baseUrl}
          </p>
        </div>
        <Button
          size="sm"
          variant="ghost"
          className="text-danger hover:text-danger"
          icon={<Trash2 aria-hidden className="h-3.5 w-3.5" />}
          onClick={() => setConfirmDelete(true)}
        >
          {t("providers.delete")}
        </Button>
      </div>
      <ProviderForm
        initial={initial}
        offlineDemo={offlineDemo}
        isNew={false}
        saving={update.isPending}
        error={update.error ? toIpcError(update.error) : null}
        onSubmit={(values) => update.mutate({ id: provider.id, input: inputFromForm(values) })}
      />
      <Section title={t("providers.key.title")}>
        <KeySection
          key={provider.id}
          provider={provider}
          keyUrl={keyUrlFor(provider, preset)}
          inputRef={keyInput}
          onKeyChanged={() => setKeyRevision((revision) => revision + 1)}
        />
      </Section>
      <Section title={t("providers.connection.title")}>
        {/* A new key or endpoint starts with no result: an old error would describe the old one. */}
        <ConnectionSection
          key={`${connectionFingerprint(provider)}:${keyRevision}`}
          provider={provider}
          onAddKey={() => {
            keyInput.current?.scrollIntoView({ block: "center" });
            keyInput.current?.focus();
          }}
          onPickDefault={(model) =>
            update.mutate({
              id: provider.id,
              input: { ...inputFromForm(formFromProvider(provider)), defaultModel: model },
            })
          }
        />
      </Section>
      <ConfirmDialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        title={t("providers.deleteTitle", { name: provider.name })}
        description={t("providers.deleteDescription")}
        confirmLabel={t("common.delete")}
        destructive
        onConfirm={() => remove.mutate(provider.id, { onSuccess: onDeleted })}
      />
    </div>
  );
}
