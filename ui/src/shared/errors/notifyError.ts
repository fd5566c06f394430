import type { TFunction } from "i18next";
import { toast } from "sonner";
import { toIpcError } from "../ipc";
import { describeError } from "./describeError";

/** A toast for a failed background action, worded in the current language like any notice. */
export function notifyError(raw: unknown, t: TFunction): void {
  const { title, body } = describeError(toIpcError(raw), t);
  toast.error(title, { description: body });
}
