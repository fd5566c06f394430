import { LoaderCircle } from "lucide-react";
import { cn } from "./cn";

export function Spinner({ className, label }: { className?: string; label?: string }) {
  return (
    <LoaderCircle
      aria-label={label}
      aria-hidden={label ? undefined : true}
      className={cn("h-4 w-4 animate-spin text-fg-subtle", className)}
    />
  );
}
