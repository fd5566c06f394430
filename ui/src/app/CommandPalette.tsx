import { Command } from "cmdk";
import { Cpu, MessageSquarePlus, Moon, Search, Settings, SlidersHorizontal } from "lucide-react";
import { Dialog as DialogPrimitive } from "radix-ui";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useNavigation } from "@/shared/navigation";
import { toggleTheme } from "@/shared/theme";
import { formatShortcut, Kbd } from "@/shared/ui";

function PaletteItem({
  icon,
  label,
  shortcut,
  onSelect,
}: {
  icon: ReactNode;
  label: string;
  shortcut?: string;
  onSelect: () => void;
}) {
  return (
    <Command.Item
      onSelect={onSelect}
      value={label}
      className="flex h-9 items-center gap-2.5 rounded-md px-2.5 text-[13px] text-fg data-[selected=true]:bg-surface-2 [&_svg]:h-4 [&_svg]:w-4 [&_svg]:text-fg-muted"
    >
      {icon}
      <span className="flex-1">{label}</span>
      {shortcut ? <Kbd>{formatShortcut(shortcut)}</Kbd> : null}
    </Command.Item>
  );
}

/** Ctrl/Cmd+K: every action in one searchable list. */
export function CommandPalette() {
  const { t } = useTranslation();
  const open = useNavigation((state) => state.paletteOpen);
  const nav = useNavigation();
  const run = (action: () => void) => {
    nav.setPaletteOpen(false);
    // Let the dialog close (and return focus) before the action moves it.
    window.setTimeout(action, 0);
  };
  return (
    <Command.Dialog
      open={open}
      onOpenChange={nav.setPaletteOpen}
      label={t("palette.label")}
      overlayClassName="fixed inset-0 z-40 bg-black/30"
      contentClassName="fixed top-[18%] left-1/2 z-50 w-[min(560px,calc(100vw-32px))] -translate-x-1/2 overflow-hidden rounded-xl border border-border bg-bg shadow-pop"
    >
      <DialogPrimitive.Title className="sr-only">{t("palette.label")}</DialogPrimitive.Title>
      <DialogPrimitive.Description className="sr-only">
        {t("palette.placeholder")}
      </DialogPrimitive.Description>
      <Command.Input
        placeholder={t("palette.placeholder")}
        className="h-11 w-full border-b border-border bg-transparent px-4 text-[14px] text-fg placeholder:text-fg-subtle focus:outline-none"
      />
      <Command.List className="max-h-[340px] overflow-y-auto p-1.5">
        <Command.Empty className="py-6 text-center text-[13px] text-fg-muted">
          {t("palette.empty")}
        </Command.Empty>
        <PaletteItem
          icon={<MessageSquarePlus aria-hidden />}
          label={t("palette.newChat")}
          shortcut="Mod+N"
          onSelect={() => run(nav.newChat)}
        />
        <PaletteItem
          icon={<Search aria-hidden />}
          label={t("palette.search")}
          shortcut="Mod+Shift+F"
          onSelect={() =>
            run(() => {
              if (useNavigation.getState().view.name === "settings") nav.closeSettings();
              nav.requestSearchFocus();
            })
          }
        />
        <PaletteItem
          icon={<Cpu aria-hidden />}
          label={t("palette.switchModel")}
          shortcut="Mod+Shift+M"
          onSelect={() =>
            run(() => {
              if (useNavigation.getState().view.name === "settings") nav.closeSettings();
              nav.setModelPickerOpen(true);
            })
          }
        />
        <PaletteItem
          icon={<Settings aria-hidden />}
          label={t("palette.providers")}
          shortcut="Mod+,"
          onSelect={() => run(() => nav.openSettings("providers"))}
        />
        <PaletteItem
          icon={<SlidersHorizontal aria-hidden />}
          label={t("palette.general")}
          onSelect={() => run(() => nav.openSettings("general"))}
        />
        <PaletteItem
          icon={<Moon aria-hidden />}
          label={t("palette.toggleTheme")}
          onSelect={() => run(toggleTheme)}
        />
      </Command.List>
    </Command.Dialog>
  );
}
