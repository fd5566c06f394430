import { renderHook } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { useNavigation } from "@/shared/navigation";
import { useGlobalShortcuts } from "./useGlobalShortcuts";

function pressEscape(target: EventTarget = document.body): KeyboardEvent {
  const event = new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}

beforeEach(() => {
  useNavigation.getState().openConversation("c1");
  useNavigation.getState().openSettings("providers");
});

describe("Escape", () => {
  it("leaves Settings for the conversation that was open", () => {
    renderHook(() => useGlobalShortcuts({ stopStreaming: () => false }));
    const event = pressEscape();
    expect(event.defaultPrevented).toBe(true);
    expect(useNavigation.getState().view).toEqual({ name: "chat", conversationId: "c1" });
  });

  it("stays in Settings while a field has it, or when a dialog took it", () => {
    renderHook(() => useGlobalShortcuts({ stopStreaming: () => false }));
    const input = document.createElement("input");
    document.body.append(input);
    pressEscape(input);
    expect(useNavigation.getState().view.name).toBe("settings");
    input.remove();

    const dialog = document.createElement("div");
    document.body.append(dialog);
    dialog.addEventListener("keydown", (event) => event.preventDefault());
    pressEscape(dialog);
    expect(useNavigation.getState().view.name).toBe("settings");
    dialog.remove();
  });
});
