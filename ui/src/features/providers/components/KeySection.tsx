import { KeyRound, ShieldAlert } from "lucide-react";
import { useState, type Ref } from "react";
import { useTranslation } from "react-i18next";
import type { Provider } from "@/shared/bindings/Provider";
import { ErrorNotice } from "@/shared/errors";
import { toIpcError } from "@/shared/ipc";
import { Badge, Button, ConfirmDialog, Input } from "@/shared/ui";
import { useClearProviderKey, useKeychainStatus, useSetProviderKey } from "../hooks/useProviders";
import { maskedKey } from "../model/providerForm";

export interface KeySectionProps {
  provider: Provider;
  /** Where to get a key; null when the provider no longer points at the preset's server. */
  keyUrl: string | null;
  /** The key field, so other sections can bring the user to it. */
  inputRef?: Ref<HTMLInputElement>;
  /** After a key was saved or removed (earlier test results no longer apply). */
  onKeyChanged?: () => void;
}

/** The API key: whether one is stored (last four only), replace or remove it. Never shown back. */
export function KeySection({ provider, keyUrl, inputRef, onKeyChanged }: KeySectionProps) {
  const { t } = useTranslation();
  const keychain = useKeychainStatus();
  const setKey = useSetProviderKey();
  const clearKey = useClearProviderKey();
  // Only the user's "Replace key": a key that arrives after mount (set by the add form just
  // before this page opened) must show as set, not leave the empty field up.
  const [replacing, setReplacing] = useState(false);
  const [value, setValue] = useState("");
  // The key cannot be shown again once removed: removing asks first.
  const [confirmRemove, setConfirmRemove] = useState(false);
  const noKeychain = keychain.data?.available === false;
  const error = setKey.error ?? clearKey.error;

  const save = () => {
    if (!value.trim()) return;
    clearKey.reset();
    setKey.mutate(
      { providerId: provider.id, key: value.trim(), sessionOnly: noKeychain },
      {
        onSuccess: () => {
          setValue("");
          setReplacing(false);
          onKeyChanged?.();
        },
      },
    );
  };

  if (provider.auth === "none") {
    return <p className="text-[12.5px] text-fg-muted">{t("providers.key.notNeeded")}</p>;
  }

  return (
    <div className="flex flex-col gap-2">
      {provider.key.isSet && !replacing ? (
        <div className="flex flex-wrap items-center gap-2">
          <KeyRound aria-hidden className="h-4 w-4 text-fg-muted" />
          <span className="font-mono text-[13px]" data-testid="masked-key">
            {maskedKey(provider.key.lastFour)}
          </span>
          {provider.key.sessionOnly ? (
            <Badge tone="warning">{t("providers.key.sessionOnly")}</Badge>
          ) : null}
          <div className="ml-auto flex gap-2">
            <Button size="sm" onClick={() => setReplacing(true)}>
              {t("providers.key.replace")}
            </Button>
            <Button
              size="sm"
              variant="ghost"
              className="text-danger hover:text-danger"
              disabled={clearKey.isPending}
              onClick={() => setConfirmRemove(true)}
            >
              {t("providers.key.remove")}
            </Button>
          </div>
        </div>
      ) : (
        <form
          className="flex items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <Input
            ref={inputRef}
            type="password"
            autoComplete="off"
            spellCheck={false}
            aria-label={t("providers.key.label")}
            placeholder={t("providers.key.placeholder")}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            className="flex-1 font-mono"
          />
          <Button
            type="submit"
            size="md"
            variant="primary"
            disabled={!value.trim() || setKey.isPending}
          >
            {t("providers.key.save")}
          </Button>
          {provider.key.isSet ? (
            <Button size="md" variant="ghost" onClick={() => setReplacing(false)}>
              {t("common.cancel")}
            </Button>
          ) : null}
        </form>
      )}
      {noKeychain ? (
        <p className="flex items-start gap-1.5 text-[12px] text-warning">
          <ShieldAlert aria-hidden className="mt-0.5 h-3.5 w-3.5 shrink-0" />
          {t("providers.key.noKeychain")}
        </p>
      ) : (
        <p className="text-[12px] text-fg-subtle">
          {t("providers.key.storedIn", {
            backend: keychain.data?.backend ?? t("providers.key.keychain"),
          })}
          {keyUrl ? (
            <>
              {" · "}
              <span className="text-fg-muted">{t("providers.key.getKey", { url: keyUrl })}</span>
            </>
          ) : null}
        </p>
      )}
      {error ? <ErrorNotice error={toIpcError(error)} compact /> : null}
      <ConfirmDialog
        open={confirmRemove}
        onOpenChange={setConfirmRemove}
        title={t("providers.removeKey.title", { name: provider.name })}
        description={t("providers.removeKey.description")}
        confirmLabel={t("providers.removeKey.confirm")}
        destructive
        onConfirm={() => {
          setKey.reset();
          clearKey.mutate(provider.id, { onSuccess: () => onKeyChanged?.() });
        }}
      />
    </div>
  );
}
