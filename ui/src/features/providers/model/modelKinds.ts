import type { ModelInfo } from "@/shared/bindings/ModelInfo";
import type { ModelKind } from "@/shared/bindings/ModelKind";
import type { Provider } from "@/shared/bindings/Provider";

/** The order kinds are listed in: what a chat can use first. */
const KIND_ORDER: readonly ModelKind[] = [
  "chat",
  "image",
  "video",
  "audio",
  "embedding",
  "rerank",
  "moderation",
  "other",
];

/** A provider's models, chat models first, then by kind; the default model always listed. */
export function modelsByKind(provider: Provider): ModelInfo[] {
  const models = [...provider.models];
  const known = models.some((model) => model.id === provider.defaultModel);
  if (provider.defaultModel && !known) models.unshift({ id: provider.defaultModel, kind: "chat" });
  return models
    .map((model, index) => ({ model, index }))
    .sort(
      (a, b) =>
        KIND_ORDER.indexOf(a.model.kind) - KIND_ORDER.indexOf(b.model.kind) || a.index - b.index,
    )
    .map(({ model }) => model);
}

/** The model a new chat with this provider uses: its default, else its first chat model. */
export function startingModel(provider: Provider | undefined): string | null {
  if (!provider) return null;
  return (
    provider.defaultModel ?? provider.models.find((model) => model.kind === "chat")?.id ?? null
  );
}
