import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Provider } from "@/shared/bindings/Provider";
import type { ProviderPreset } from "@/shared/bindings/ProviderPreset";
import { installMockBackend } from "@/shared/ipc/testing";
import { useNavigation } from "@/shared/navigation";
import { renderWithProviders } from "@/test/render";
import { ProviderDetail } from "./ProviderDetail";

const N1N: ProviderPreset = {
  id: "n1n",
  name: "n1n",
  baseUrl: "https://api.n1n.ai/v1",
  auth: "bearer",
  exactBaseUrl: false,
  needsKey: true,
  keyUrl: "https://n1n.ai",
  offlineDemo: false,
};

function provider(patch: Partial<Provider> = {}): Provider {
  return {
    id: "p1",
    name: "n1n",
    presetId: "n1n",
    baseUrl: "https://api.n1n.ai/v1",
    exactBaseUrl: false,
    auth: "bearer",
    extraHeaders: [],
    defaultModel: "gpt-4o-mini",
    models: [],
    key: { isSet: true, lastFour: "a1b2", sessionOnly: false },
    createdAt: 1,
    updatedAt: 1,
    ...patch,
  };
}

/** A backend that records every command; `answers` overrides one command's answer. */
function backend(answers: Record<string, (req: unknown) => unknown> = {}) {
  const calls: Array<{ cmd: string; req: unknown }> = [];
  installMockBackend((cmd, args) => {
    const req = args?.req;
    calls.push({ cmd, req });
    if (answers[cmd]) return answers[cmd](req);
    if (cmd === "keychain_status") return { available: true, backend: "Secret Service" };
    return null;
  });
  return calls;
}

function render(p: Provider, preset: ProviderPreset | undefined = N1N) {
  return renderWithProviders(<ProviderDetail provider={p} preset={preset} onDeleted={vi.fn()} />);
}

beforeEach(() => {
  useNavigation.setState({ view: { name: "settings", section: "providers", providerId: "p1" } });
  vi.spyOn(Element.prototype, "scrollIntoView").mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("ProviderDetail", () => {
  it("asks before removing the key, and keeps it on Cancel", async () => {
    const calls = backend({
      provider_clear_key: () => provider({ key: { isSet: false, sessionOnly: false } }),
    });
    render(provider());
    fireEvent.click(screen.getByRole("button", { name: "Remove key" }));
    const dialog = await screen.findByRole("dialog");
    expect(dialog).toHaveTextContent("can't be shown again");
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(calls.some((c) => c.cmd === "provider_clear_key")).toBe(false);

    fireEvent.click(screen.getByRole("button", { name: "Remove key" }));
    fireEvent.click(
      within(await screen.findByRole("dialog")).getByRole("button", { name: "Remove key" }),
    );
    await waitFor(() =>
      expect(calls.filter((c) => c.cmd === "provider_clear_key")).toEqual([
        { cmd: "provider_clear_key", req: { id: "p1" } },
      ]),
    );
  });

  it("with no key, Test connection says no key is set and sends nothing", async () => {
    const calls = backend();
    render(provider({ key: { isSet: false, sessionOnly: false } }));
    fireEvent.click(screen.getByRole("button", { name: "Test connection" }));
    const notice = await screen.findByTestId("connection-no-key");
    expect(notice).toHaveTextContent("No API key is set");
    expect(notice).not.toHaveTextContent("rejected");
    fireEvent.click(screen.getByRole("button", { name: "Fetch models" }));
    expect(calls.map((c) => c.cmd)).not.toContain("provider_test");
    expect(calls.map((c) => c.cmd)).not.toContain("provider_fetch_models");
    // "Enter key" brings the user to the key field.
    fireEvent.click(screen.getByRole("button", { name: "Enter key" }));
    expect(document.activeElement).toBe(screen.getByLabelText("API key"));
  });

  it("brings the test result into view", async () => {
    backend({ provider_test: () => ({ ok: true, latencyMs: 28, modelCount: 18 }) });
    render(provider());
    fireEvent.click(screen.getByRole("button", { name: "Test connection" }));
    const ok = await screen.findByTestId("connection-ok");
    expect(ok).toHaveTextContent("Connected · 28 ms · 18 models");
    expect(Element.prototype.scrollIntoView).toHaveBeenCalled();
  });

  const rejected = {
    provider_test: () => ({
      ok: false,
      latencyMs: 90,
      modelCount: 0,
      error: { kind: "auth", message: "Incorrect API key provided.", retryable: false },
    }),
    provider_set_key: () => provider(),
  };

  it("offers no link to provider settings on the provider settings page", async () => {
    backend(rejected);
    render(provider());
    fireEvent.click(screen.getByRole("button", { name: "Test connection" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The gateway rejected your API key");
    expect(within(alert).queryByRole("button", { name: "Open provider settings" })).toBeNull();
  });

  it("clears an old test error once the key is replaced", async () => {
    backend(rejected);
    render(provider());
    fireEvent.click(screen.getByRole("button", { name: "Test connection" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The gateway rejected your API key");
    // The new key happens to end in the same four characters: the error must still go.
    fireEvent.click(screen.getByRole("button", { name: "Replace key" }));
    fireEvent.change(screen.getByLabelText("API key"), { target: { value: "sk-new-key-a1b2" } });
    fireEvent.click(screen.getByRole("button", { name: "Save key" }));
    await screen.findByTestId("masked-key");
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
  });

  it("shows a key that was set after the page opened as set", async () => {
    backend();
    const { rerender } = render(provider({ key: { isSet: false, sessionOnly: false } }));
    expect(screen.getByLabelText("API key")).toBeInTheDocument();
    rerender(<ProviderDetail provider={provider()} preset={N1N} onDeleted={vi.fn()} />);
    expect(await screen.findByTestId("masked-key")).toHaveTextContent("•••• a1b2");
    expect(screen.queryByLabelText("API key")).toBeNull();
  });

  it("offers the preset's key link only while the base URL is the preset's server", () => {
    backend();
    const { unmount } = render(provider());
    expect(screen.getByText("Get a key at https://n1n.ai")).toBeInTheDocument();
    unmount();
    render(provider({ baseUrl: "https://gateway.example.com/v1" }));
    expect(screen.queryByText(/Get a key at/)).toBeNull();
  });
});
