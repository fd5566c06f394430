import { describe, expect, it } from "vitest";
import { COMMAND_NAMES } from "../../bindings/commands";
import type { ChatStreamEvent } from "../../bindings/ChatStreamEvent";
import { createHandlers } from "./handlers";
import { makeSnippet } from "./search";
import { seedMockDb } from "./seed";

function setup(options: Partial<Parameters<typeof seedMockDb>[0]> = {}) {
  const db = seedMockDb({
    firstRun: false,
    noKeychain: false,
    hostile: false,
    conversationCount: 30,
    now: Date.now(),
    ...options,
  });
  return { db, handlers: createHandlers(db, () => undefined) };
}

describe("mock backend", () => {
  it("implements every command of the contract", () => {
    const { handlers } = setup();
    expect(Object.keys(handlers).sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it("starts on the first-run screen without providers", () => {
    const { handlers } = setup({ firstRun: true });
    expect(handlers.app_info(null, null)).toMatchObject({ firstRun: true });
  });

  it("pages conversations with a cursor, pinned first", () => {
    const { handlers } = setup();
    const first = handlers.conversation_list({ limit: 10 }, null) as {
      items: Array<{ pinned: boolean }>;
      nextCursor?: string;
    };
    expect(first.items).toHaveLength(10);
    expect(first.items[0]?.pinned).toBe(true);
    expect(first.nextCursor).toBe("10");
  });

  it("has a 2,000-message conversation for benchmarks", async () => {
    const { db, handlers } = setup();
    const big = [...db.conversations.values()].find((c) => c.title === "Big conversation");
    expect(big).toBeDefined();
    const page = await handlers.thread_page({ conversationId: big?.id ?? "", limit: 50 }, null);
    expect(page.messages).toHaveLength(50);
    expect(page.hasMore).toBe(true);
    if (big) expect(db.activeBranch(big)).toHaveLength(2000);
  });

  it("streams a reply through the channel and finishes with the persisted message", async () => {
    const { db, handlers } = setup();
    const provider = [...db.providers.values()].find((p) => p.presetId === "offline-demo");
    const events: ChatStreamEvent[] = [];
    const started = await handlers.chat_send(
      { text: "Say hi", providerId: provider?.id ?? "", model: "demo-fast", params: {} },
      (event) => events.push(event),
    );
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (events.some((event) => event.event === "finished")) {
          clearInterval(timer);
          resolve();
        }
      }, 20);
    });
    expect(events[0]?.event).toBe("opened");
    const finished = events.find((event) => event.event === "finished");
    const text = events.map((event) => (event.event === "delta" ? event.data.text : "")).join("");
    expect(finished?.event === "finished" && finished.data.message.text).toBe(text);
    expect(finished?.event === "finished" && finished.data.message.id).toBe(
      started.assistantMessageId,
    );
  }, 20_000);

  it("marks every match in a search snippet", () => {
    expect(makeSnippet("Rate limit and rate card", "rate")).toBe(
      "\uE000Rate\uE001 limit and \uE000rate\uE001 card",
    );
  });
});
