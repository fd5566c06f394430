import type { TFunction } from "i18next";
import { toast } from "sonner";
import { describeError } from "@/shared/errors";
import { toIpcError } from "@/shared/ipc";

/** A toast for a failed background action, in words, with the detail as description. */
export function notifyError(raw: unknown, t: TFunction): void {
  const error = toIpcError(raw);
  const presentation = describeError(error, t);
  toast.error(presentation.title, { description: error.message || presentation.hint });
}
