import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AppInfo } from "@/shared/bindings/AppInfo";
import type { IpcError } from "@/shared/bindings/IpcError";
import type { Provider } from "@/shared/bindings/Provider";
import type { ProviderInput } from "@/shared/bindings/ProviderInput";
import { installMockBackend, removeMockBackend } from "@/shared/ipc/testing";
import { renderWithProviders } from "@/test/render";
import { FirstRunScreen } from "./FirstRunScreen";

const appInfo: AppInfo = {
  version: "0",
  dataDir: "/tmp",
  keychain: { available: true, backend: "Secret Service" },
  firstRun: true,
};

const down: IpcError = {
  kind: "network",
  message: "Portico could not reach the gateway.",
  retryable: true,
};

/** A backend whose models list fails `failures` times, then answers. */
function backend(failures: number) {
  const calls: string[] = [];
  let created: Provider | null = null;
  installMockBackend((cmd, args) => {
    calls.push(cmd);
    if (cmd === "provider_presets")
      return [
        {
          id: "custom",
          name: "Custom",
          baseUrl: "",
          auth: "bearer",
          exactBaseUrl: false,
          needsKey: true,
          offlineDemo: false,
        },
      ];
    if (cmd === "provider_create") {
      const input = args?.req as ProviderInput;
      created = {
        ...input,
        id: "p1",
        models: [],
        key: { isSet: false, sessionOnly: false },
        createdAt: 1,
        updatedAt: 1,
      };
      return created;
    }
    if (cmd === "provider_set_key") return { ...created, key: { isSet: true, sessionOnly: false } };
    if (cmd === "provider_fetch_models") {
      if (failures-- > 0) return Promise.reject(down);
      return [{ id: "demo-chat", kind: "chat" }];
    }
    return null;
  });
  return calls;
}

async function addCustomGateway() {
  fireEvent.click(await screen.findByRole("button", { name: /Add your gateway/ }));
  fireEvent.change(screen.getByLabelText("Base URL"), { target: { value: "http://127.0.0.1:9" } });
  fireEvent.change(screen.getByLabelText("API key"), { target: { value: "sk-test-12345678" } });
  fireEvent.click(screen.getByRole("button", { name: "Add provider" }));
}

afterEach(removeMockBackend);

describe("FirstRunScreen: adding a gateway", () => {
  it("fetches its models and then enters the app", async () => {
    const calls = backend(0);
    const onDone = vi.fn();
    renderWithProviders(<FirstRunScreen appInfo={appInfo} onDone={onDone} />);
    await addCustomGateway();
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(calls.filter((c) => c.startsWith("provider_") && c !== "provider_presets")).toEqual([
      "provider_create",
      "provider_set_key",
      "provider_fetch_models",
    ]);
  });

  it("says why the models could not be fetched, and retries or goes on", async () => {
    const calls = backend(1);
    const onDone = vi.fn();
    renderWithProviders(<FirstRunScreen appInfo={appInfo} onDone={onDone} />);
    await addCustomGateway();
    const failed = await screen.findByTestId("add-fetch-failed");
    expect(failed).toHaveTextContent("The provider is saved, but its models couldn't be fetched.");
    expect(onDone).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(calls.filter((c) => c === "provider_create")).toHaveLength(1);
    expect(calls.filter((c) => c === "provider_fetch_models")).toHaveLength(2);
  });
});
