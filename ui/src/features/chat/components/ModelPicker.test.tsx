import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useProviders } from "@/features/providers";
import type { IpcError } from "@/shared/bindings/IpcError";
import type { ModelInfo } from "@/shared/bindings/ModelInfo";
import type { Provider } from "@/shared/bindings/Provider";
import { installMockBackend, removeMockBackend } from "@/shared/ipc/testing";
import { useNavigation } from "@/shared/navigation";
import { renderWithProviders } from "@/test/render";
import { ModelPicker } from "./ModelPicker";

function provider(id: string, name: string, models: ModelInfo[], defaultModel?: string): Provider {
  return {
    id,
    name,
    presetId: "custom",
    baseUrl: "http://127.0.0.1:9",
    exactBaseUrl: false,
    auth: "bearer",
    extraHeaders: [],
    defaultModel,
    models,
    key: { isSet: true, lastFour: "abcd", sessionOnly: false },
    createdAt: 1,
    updatedAt: 1,
  };
}

const FETCHED: ModelInfo[] = [
  { id: "dall-e-3", kind: "image" },
  { id: "gpt-4o", kind: "chat" },
  { id: "text-embedding-3-small", kind: "embedding" },
  { id: "gpt-4o-mini", kind: "chat" },
];

/** The backend: a list of providers; `provider_fetch_models` fills one (or fails). */
function backend(
  providers: Provider[],
  fail: () => IpcError | null = () => null,
  gate: Promise<void> = Promise.resolve(),
) {
  const calls: string[] = [];
  installMockBackend((cmd, args) => {
    calls.push(cmd);
    if (cmd === "provider_list") return providers.map((p) => ({ ...p }));
    if (cmd === "default_provider_get") return { providerId: providers[0]?.id };
    if (cmd === "provider_fetch_models") {
      return gate.then(() => {
        const error = fail();
        if (error) return Promise.reject(error);
        const id = (args?.req as { id: string }).id;
        const target = providers.find((p) => p.id === id);
        if (!target) return Promise.reject(new Error(`no provider ${id}`));
        target.models = FETCHED;
        target.defaultModel ??= "gpt-4o";
        return FETCHED;
      });
    }
    return null;
  });
  return calls;
}

function Picker({ providerId, model }: { providerId: string; model: string | null }) {
  const { data = [] } = useProviders();
  return <ModelPicker providers={data} providerId={providerId} model={model} onPick={vi.fn()} />;
}

async function openPicker() {
  act(() => useNavigation.getState().setModelPickerOpen(true));
  return screen.findByTestId("model-picker-content");
}

beforeEach(() => useNavigation.setState({ modelPickerOpen: false }));
afterEach(removeMockBackend);

describe("ModelPicker", () => {
  it("fetches a provider's models in place when it has none, chat models first", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const calls = backend([provider("p1", "My gateway", [])], undefined, gate);
    renderWithProviders(<Picker providerId="p1" model={null} />);
    await waitFor(() =>
      expect(screen.getByTestId("model-picker")).toHaveTextContent("Choose a model"),
    );
    const content = await openPicker();
    expect(await within(content).findByText("Fetching models…")).toBeInTheDocument();
    release();
    await within(content).findByText("gpt-4o-mini");
    expect(calls.filter((c) => c === "provider_fetch_models")).toHaveLength(1);
    const rows = within(content)
      .getAllByRole("option")
      .map((row) => [row.textContent, row.getAttribute("data-kind")]);
    expect(rows).toEqual([
      ["gpt-4odefault", "chat"],
      ["gpt-4o-mini", "chat"],
      ["dall-e-3Image", "image"],
      ["text-embedding-3-smallEmbedding", "embedding"],
    ]);
  });

  it("says why fetching failed, and fetches again on request", async () => {
    let failures = 1;
    const down: IpcError = {
      kind: "gatewayDown",
      message: "The gateway did not answer.",
      retryable: true,
    };
    const calls = backend([provider("p1", "My gateway", [])], () => (failures-- > 0 ? down : null));
    renderWithProviders(<Picker providerId="p1" model={null} />);
    const content = await openPicker();
    const error = await within(content).findByTestId("picker-fetch-error");
    expect(error).toHaveTextContent("The gateway is having problems");
    fireEvent.click(within(content).getByText("Try fetching models again"));
    await within(content).findByText("gpt-4o-mini");
    expect(within(content).queryByTestId("picker-fetch-error")).toBeNull();
    expect(calls.filter((c) => c === "provider_fetch_models")).toHaveLength(2);
  });

  it("opens on the current model, with a full-width search field", async () => {
    const many: ModelInfo[] = Array.from({ length: 40 }, (_, i) => ({
      id: `model-${String(i).padStart(2, "0")}`,
      kind: "chat",
    }));
    backend([provider("p1", "Gateway", many, "model-00")]);
    renderWithProviders(<Picker providerId="p1" model="model-33" />);
    await screen.findByText(/model-33/);
    const content = await openPicker();
    await waitFor(() =>
      expect(within(content).getByRole("option", { selected: true })).toHaveTextContent("model-33"),
    );
    const search = within(content).getByTestId("model-search");
    expect(search).toHaveAttribute("placeholder", "Search models…");
    expect(search.className).toMatch(/\bw-full\b/);
  });
});
