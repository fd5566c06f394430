import { DropdownMenu } from "radix-ui";
import type { ReactNode } from "react";
import { cn } from "./cn";

export const MenuRoot = DropdownMenu.Root;
export const MenuTrigger = DropdownMenu.Trigger;

export function MenuContent({
  children,
  align = "end",
  className,
  onCloseAutoFocus,
}: {
  children: ReactNode;
  align?: "start" | "center" | "end";
  className?: string;
  onCloseAutoFocus?: (event: Event) => void;
}) {
  return (
    <DropdownMenu.Portal>
      <DropdownMenu.Content
        align={align}
        sideOffset={4}
        onCloseAutoFocus={onCloseAutoFocus}
        className={cn(
          "z-50 min-w-[168px] rounded-md border border-border bg-bg p-1 text-[13px] shadow-pop",
          className,
        )}
      >
        {children}
      </DropdownMenu.Content>
    </DropdownMenu.Portal>
  );
}

export function MenuItem({
  icon,
  children,
  onSelect,
  destructive = false,
}: {
  icon?: ReactNode;
  children: ReactNode;
  onSelect: () => void;
  destructive?: boolean;
}) {
  return (
    <DropdownMenu.Item
      onSelect={onSelect}
      className={cn(
        "flex h-7 cursor-default items-center gap-2 rounded px-2 outline-none select-none data-[highlighted]:bg-surface-2 [&_svg]:h-3.5 [&_svg]:w-3.5",
        destructive ? "text-danger" : "text-fg",
      )}
    >
      {icon}
      {children}
    </DropdownMenu.Item>
  );
}

export function MenuSeparator() {
  return <DropdownMenu.Separator className="my-1 h-px bg-border" />;
}
