import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { Provider } from "@/shared/bindings/Provider";
import { installMockBackend, removeMockBackend } from "@/shared/ipc/testing";
import { renderWithProviders } from "@/test/render";
import { DefaultProviderSetting } from "./DefaultProviderSetting";

const base = {
  baseUrl: "",
  exactBaseUrl: false,
  auth: "bearer" as const,
  extraHeaders: [],
  key: { isSet: true, sessionOnly: false },
  createdAt: 1,
  updatedAt: 1,
};

function backend() {
  const providers: Provider[] = [
    {
      ...base,
      id: "demo",
      name: "Offline demo",
      presetId: "offline-demo",
      defaultModel: "demo-chat",
      models: [{ id: "demo-chat", kind: "chat" }],
    },
    {
      ...base,
      id: "gw",
      name: "My gateway",
      presetId: "custom",
      defaultModel: "gpt-4o",
      models: [
        { id: "gpt-4o", kind: "chat" },
        { id: "dall-e-3", kind: "image" },
        { id: "gpt-4o-mini", kind: "chat" },
      ],
    },
  ];
  let defaultId = "gw";
  const sets: unknown[] = [];
  installMockBackend((cmd, args) => {
    if (cmd === "provider_list") return providers.map((p) => ({ ...p }));
    if (cmd === "default_provider_get") return { providerId: defaultId };
    if (cmd === "default_provider_set") {
      const req = args?.req as { providerId: string; model?: string };
      sets.push(req);
      defaultId = req.providerId;
      const target = providers.find((p) => p.id === req.providerId);
      if (target && req.model) target.defaultModel = req.model;
      return { providerId: defaultId };
    }
    return null;
  });
  return sets;
}

afterEach(removeMockBackend);

describe("DefaultProviderSetting", () => {
  it("shows the backend's default and its model, chat models first", async () => {
    backend();
    renderWithProviders(<DefaultProviderSetting />);
    const provider = await screen.findByRole("combobox", { name: "Provider" });
    await waitFor(() => expect(provider).toHaveValue("gw"));
    const model = screen.getByRole("combobox", { name: "Model" });
    expect(model).toHaveValue("gpt-4o");
    const options = [...model.querySelectorAll("option")].map((o) => o.textContent);
    expect(options).toEqual(["gpt-4o", "gpt-4o-mini", "dall-e-3 · Image"]);
  });

  it("saves the provider and the model the user picks", async () => {
    const sets = backend();
    renderWithProviders(<DefaultProviderSetting />);
    const model = await screen.findByRole("combobox", { name: "Model" });
    await waitFor(() => expect(model).toHaveValue("gpt-4o"));
    fireEvent.change(model, { target: { value: "gpt-4o-mini" } });
    await waitFor(() => expect(sets).toEqual([{ providerId: "gw", model: "gpt-4o-mini" }]));
    await waitFor(() => expect(model).toHaveValue("gpt-4o-mini"));

    const provider = screen.getByRole("combobox", { name: "Provider" });
    fireEvent.change(provider, { target: { value: "demo" } });
    await waitFor(() => expect(sets).toHaveLength(2));
    expect(sets[1]).toEqual({ providerId: "demo" });
    await waitFor(() =>
      expect(screen.getByRole("combobox", { name: "Model" })).toHaveValue("demo-chat"),
    );
  });
});
