import type { Message } from "@/shared/bindings/Message";
import { formatCount } from "@/shared/format/numbers";
import { formatDuration } from "@/shared/format/time";
import { useT } from "@/shared/i18n";

/** Model · tokens · time to first token · tokens/s, as far as the gateway reported them. */
export function MessageStats({ message }: { message: Message }) {
  const { t, language: locale } = useT();
  const parts: string[] = [];
  if (message.model) parts.push(message.model);
  const usage = message.usage;
  if (usage?.completionTokens !== undefined || usage?.promptTokens !== undefined) {
    parts.push(
      t("chat.stats.tokens", {
        prompt: formatCount(usage.promptTokens ?? 0, locale),
        completion: formatCount(usage.completionTokens ?? 0, locale),
      }),
    );
  }
  const timings = message.timings;
  if (timings?.firstTokenMs !== undefined) {
    parts.push(t("chat.stats.firstToken", { duration: formatDuration(timings.firstTokenMs) }));
  }
  if (timings?.tokensPerSecond !== undefined) {
    parts.push(t("chat.stats.speed", { value: timings.tokensPerSecond.toFixed(1) }));
  }
  if (parts.length === 0) return null;
  return (
    <span className="truncate text-[12px] text-fg-subtle tabular-nums" data-testid="message-stats">
      {parts.join(" · ")}
    </span>
  );
}
