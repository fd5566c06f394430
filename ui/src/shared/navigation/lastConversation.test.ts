import { beforeEach, describe, expect, it, vi } from "vitest";

const KEY = "portico.lastConversation";

/** A fresh navigation store, as at launch (it reads the preference when the module loads). */
async function launch() {
  vi.resetModules();
  const { useNavigation } = await import("./store");
  return useNavigation;
}

beforeEach(() => window.localStorage.clear());

describe("the last conversation", () => {
  it("is opened again at the next launch", async () => {
    const first = await launch();
    expect(first.getState().view).toEqual({ name: "chat", conversationId: null });
    first.getState().openConversation("c_42");
    first.getState().newChat();

    const next = await launch();
    expect(next.getState().view).toEqual({ name: "chat", conversationId: "c_42" });
    // Closing Settings comes back to it too.
    next.getState().openSettings("general");
    next.getState().closeSettings();
    expect(next.getState().view).toEqual({ name: "chat", conversationId: "c_42" });
  });

  it("falls back to a new chat once that conversation is gone", async () => {
    window.localStorage.setItem(KEY, "c_deleted");
    const nav = await launch();
    expect(nav.getState().view).toEqual({ name: "chat", conversationId: "c_deleted" });
    nav.getState().conversationGone("c_deleted");
    expect(nav.getState().view).toEqual({ name: "chat", conversationId: null });
    expect(window.localStorage.getItem(KEY)).toBeNull();

    const next = await launch();
    expect(next.getState().view).toEqual({ name: "chat", conversationId: null });
  });

  it("is kept when another conversation is deleted", async () => {
    const nav = await launch();
    nav.getState().openConversation("c_1");
    nav.getState().conversationGone("c_2");
    expect(nav.getState().view).toEqual({ name: "chat", conversationId: "c_1" });
    expect(window.localStorage.getItem(KEY)).toBe("c_1");
  });
});
