import { Command } from "cmdk";
import { Check, ChevronDown, Cpu } from "lucide-react";
import { Popover } from "radix-ui";
import { useTranslation } from "react-i18next";
import type { Provider } from "@/shared/bindings/Provider";
import { useNavigation } from "@/shared/navigation";
import { formatShortcut, Tooltip } from "@/shared/ui";

export interface ModelPickerProps {
  providers: readonly Provider[];
  providerId: string | null;
  model: string | null;
  onPick: (providerId: string, model: string) => void;
}

function modelsOf(provider: Provider): string[] {
  const models = [...provider.models];
  if (provider.defaultModel && !models.includes(provider.defaultModel))
    models.unshift(provider.defaultModel);
  return models;
}

/** Provider + model, searchable. Opens from the header, the palette or Ctrl/Cmd+Shift+M. */
export function ModelPicker({ providers, providerId, model, onPick }: ModelPickerProps) {
  const { t } = useTranslation();
  const open = useNavigation((state) => state.modelPickerOpen);
  const setOpen = useNavigation((state) => state.setModelPickerOpen);
  const openSettings = useNavigation((state) => state.openSettings);
  const provider = providers.find((p) => p.id === providerId);

  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Tooltip label={t("chat.model.switch")} shortcut={formatShortcut("Mod+Shift+M")}>
        <Popover.Trigger asChild>
          <button
            type="button"
            aria-label={t("chat.model.label")}
            className="inline-flex h-7 max-w-[300px] items-center gap-1.5 rounded-md border border-border px-2 text-[12.5px] text-fg hover:bg-surface-2"
            data-testid="model-picker"
          >
            <Cpu aria-hidden className="h-3.5 w-3.5 shrink-0 text-fg-muted" />
            <span className="truncate">
              {provider ? (
                <>
                  <span className="text-fg-muted">{provider.name}</span>
                  <span className="mx-1 text-fg-subtle">/</span>
                  {model ?? t("chat.model.none")}
                </>
              ) : (
                t("chat.model.noProvider")
              )}
            </span>
            <ChevronDown aria-hidden className="h-3.5 w-3.5 shrink-0 text-fg-subtle" />
          </button>
        </Popover.Trigger>
      </Tooltip>
      <Popover.Portal>
        <Popover.Content
          align="start"
          sideOffset={6}
          className="z-50 w-[340px] overflow-hidden rounded-lg border border-border bg-bg shadow-pop"
        >
          <Command label={t("chat.model.label")} className="flex max-h-[420px] flex-col">
            <Command.Input
              autoFocus
              placeholder={t("chat.model.search")}
              className="h-9 border-b border-border bg-transparent px-3 text-[13px] text-fg placeholder:text-fg-subtle focus:outline-none"
            />
            <Command.List className="overflow-y-auto p-1">
              <Command.Empty className="px-3 py-6 text-center text-[12.5px] text-fg-muted">
                {t("chat.model.empty")}
              </Command.Empty>
              {providers.map((item) => {
                const models = modelsOf(item);
                return (
                  <Command.Group
                    key={item.id}
                    heading={item.name}
                    className="[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-[11px] [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:tracking-wide [&_[cmdk-group-heading]]:text-fg-subtle [&_[cmdk-group-heading]]:uppercase"
                  >
                    {models.length === 0 ? (
                      <Command.Item
                        value={`${item.name} fetch models`}
                        onSelect={() => {
                          setOpen(false);
                          openSettings("providers", item.id);
                        }}
                        className="flex h-7 items-center rounded px-2 text-[12.5px] text-fg-muted data-[selected=true]:bg-surface-2"
                      >
                        {t("chat.model.fetchModels")}
                      </Command.Item>
                    ) : (
                      models.map((id) => {
                        const selected = item.id === providerId && id === model;
                        return (
                          <Command.Item
                            key={id}
                            value={`${item.name} ${id}`}
                            onSelect={() => {
                              onPick(item.id, id);
                              setOpen(false);
                            }}
                            className="flex h-7 items-center gap-2 rounded px-2 text-[13px] text-fg data-[selected=true]:bg-surface-2"
                          >
                            <span className="flex-1 truncate">{id}</span>
                            {item.defaultModel === id ? (
                              <span className="text-[11px] text-fg-subtle">
                                {t("chat.model.default")}
                              </span>
                            ) : null}
                            {selected ? (
                              <Check aria-hidden className="h-3.5 w-3.5 text-accent-text" />
                            ) : null}
                          </Command.Item>
                        );
                      })
                    )}
                  </Command.Group>
                );
              })}
            </Command.List>
          </Command>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
