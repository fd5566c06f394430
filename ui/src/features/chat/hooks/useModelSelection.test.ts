import { describe, expect, it } from "vitest";
import type { Provider } from "@/shared/bindings/Provider";
import { pickDefaultProvider } from "./useModelSelection";

function provider(id: string, presetId: string, defaultModel?: string): Provider {
  return {
    id,
    name: id,
    presetId,
    baseUrl: "",
    exactBaseUrl: false,
    auth: presetId === "offline-demo" ? "none" : "bearer",
    extraHeaders: [],
    defaultModel,
    models: [],
    key: { isSet: false, sessionOnly: false },
    createdAt: 1,
    updatedAt: 1,
  };
}

describe("pickDefaultProvider", () => {
  const demo = provider("demo", "offline-demo", "demo-chat");
  const custom = provider("custom", "custom"); // no default model, no key yet
  const other = provider("other", "n1n", "gpt-4o");

  it("follows the default provider setting", () => {
    expect(pickDefaultProvider([demo, custom, other], "other")?.id).toBe("other");
    expect(pickDefaultProvider([demo, custom, other], "custom")?.id).toBe("custom");
  });

  it("prefers the first gateway over the Offline demo until the setting has loaded", () => {
    expect(pickDefaultProvider([demo, custom], undefined)?.id).toBe("custom");
    expect(pickDefaultProvider([demo, custom], "deleted")?.id).toBe("custom");
    expect(pickDefaultProvider([demo], undefined)?.id).toBe("demo");
    expect(pickDefaultProvider([], undefined)).toBeUndefined();
  });
});
