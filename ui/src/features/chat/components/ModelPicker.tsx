import { Command } from "cmdk";
import { ChevronDown, Cpu, Search } from "lucide-react";
import { Popover } from "radix-ui";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFetchModels } from "@/features/providers";
import type { Provider } from "@/shared/bindings/Provider";
import { toIpcError } from "@/shared/ipc";
import { useNavigation } from "@/shared/navigation";
import { formatShortcut, Tooltip } from "@/shared/ui";
import { itemValue, ModelPickerGroup } from "./ModelPickerGroup";

export interface ModelPickerProps {
  providers: readonly Provider[];
  providerId: string | null;
  model: string | null;
  onPick: (providerId: string, model: string) => void;
}

/** Scrolls the list so that the selected row (the current model) is in view, centred. */
function scrollToSelected(list: HTMLElement | null) {
  const row = list?.querySelector<HTMLElement>('[cmdk-item][data-selected="true"]');
  if (!list || !row) return;
  const top = row.offsetTop - list.clientHeight / 2 + row.offsetHeight / 2;
  list.scrollTop = Math.max(0, top);
}

/**
 * Provider + model, searchable. Opens from the header, the palette or Ctrl/Cmd+Shift+M, on the
 * current model. A provider without models fetches them here (the current one on opening).
 */
export function ModelPicker({ providers, providerId, model, onPick }: ModelPickerProps) {
  const { t } = useTranslation();
  const open = useNavigation((state) => state.modelPickerOpen);
  const setOpen = useNavigation((state) => state.setModelPickerOpen);
  const openSettings = useNavigation((state) => state.openSettings);
  const provider = providers.find((p) => p.id === providerId);
  const fetchModels = useFetchModels();
  const current = provider && model ? itemValue(provider, model) : "";
  const [selected, setSelected] = useState(current);
  // Each opening (from the header, the palette or the shortcut) starts on the current model.
  const [wasOpen, setWasOpen] = useState(open);
  if (wasOpen !== open) {
    setWasOpen(open);
    if (open) setSelected(current);
  }
  const listRef = useRef<HTMLDivElement | null>(null);

  const { mutate: fetchFor, isPending: fetching, variables: fetchedId } = fetchModels;
  const fetchingId = fetching ? (fetchedId ?? null) : null;

  // Opening on a provider that has no models yet: fetch them right away.
  const needsFetch = open && provider !== undefined && provider.models.length === 0;
  const lastAutoFetch = useRef<string | null>(null);
  useEffect(() => {
    if (!open) lastAutoFetch.current = null;
    if (!needsFetch || !provider || lastAutoFetch.current === provider.id) return;
    lastAutoFetch.current = provider.id;
    if (!fetching) fetchFor(provider.id);
  }, [needsFetch, open, provider, fetchFor, fetching]);

  useEffect(() => {
    if (!open) return;
    const frame = requestAnimationFrame(() => scrollToSelected(listRef.current));
    return () => cancelAnimationFrame(frame);
  }, [open]);

  const fetchError = fetchModels.error && !fetching ? toIpcError(fetchModels.error) : null;
  const erroredId = fetchedId ?? null;

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
                  {model ?? <span className="text-accent-text">{t("models.picker.choose")}</span>}
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
          align="end"
          sideOffset={6}
          collisionPadding={8}
          className="z-50 w-[min(380px,calc(100vw-16px))] overflow-hidden rounded-lg border border-border bg-bg shadow-pop"
          data-testid="model-picker-content"
        >
          <Command
            label={t("chat.model.label")}
            value={selected}
            onValueChange={setSelected}
            className="flex max-h-[min(420px,calc(100vh-80px))] flex-col"
          >
            <div className="flex h-10 shrink-0 items-center gap-2 border-b border-border px-3">
              <Search aria-hidden className="h-3.5 w-3.5 shrink-0 text-fg-subtle" />
              <Command.Input
                autoFocus
                placeholder={t("chat.model.search")}
                className="h-full w-full min-w-0 flex-1 bg-transparent text-[13px] text-fg placeholder:text-fg-subtle focus:outline-none"
                data-testid="model-search"
              />
            </div>
            <Command.List ref={listRef} className="min-h-0 overflow-y-auto p-1">
              <Command.Empty className="px-3 py-6 text-center text-[12.5px] text-fg-muted">
                {t("chat.model.empty")}
              </Command.Empty>
              {providers.map((item) => (
                <ModelPickerGroup
                  key={item.id}
                  provider={item}
                  currentProviderId={providerId}
                  currentModel={model}
                  fetching={fetchingId === item.id}
                  fetchError={erroredId === item.id ? fetchError : null}
                  onFetch={() => fetchFor(item.id)}
                  onOpenSettings={() => {
                    setOpen(false);
                    openSettings("providers", item.id);
                  }}
                  onPick={(id) => {
                    onPick(item.id, id);
                    setOpen(false);
                  }}
                />
              ))}
            </Command.List>
          </Command>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
