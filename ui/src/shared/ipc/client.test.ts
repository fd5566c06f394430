import { describe, expect, it } from "vitest";
import type { ChatStreamEvent } from "../bindings/ChatStreamEvent";
import type { IpcError } from "../bindings/IpcError";
import { call, stream } from "./client";
import { IpcFailure, normalizeIpcError, toIpcError } from "./errors";
import { installMockBackend, sendThroughChannel } from "./testing";

describe("call", () => {
  it("passes the request as `req`, and no arguments for requests that are null", async () => {
    const seen: Array<{ cmd: string; args: unknown }> = [];
    installMockBackend((cmd, args) => {
      seen.push({ cmd, args });
      return cmd === "app_info"
        ? {
            version: "1",
            dataDir: "/d",
            keychain: { available: true, backend: "x" },
            firstRun: false,
          }
        : null;
    });
    const info = await call("app_info", null);
    await call("conversation_delete", { id: "c1" });
    expect(info.version).toBe("1");
    expect(seen[0]).toEqual({ cmd: "app_info", args: {} });
    expect(seen[1]).toEqual({ cmd: "conversation_delete", args: { req: { id: "c1" } } });
  });

  it("rejects with the backend's IpcError unchanged", async () => {
    const error: IpcError = {
      kind: "rateLimited",
      message: "Slow down.",
      retryable: true,
      retryAfterMs: 3000,
      detail: "HTTP 429",
    };
    installMockBackend(() => Promise.reject(error));
    const failure = await call("provider_list", null).catch((raw: unknown) => raw);
    expect(failure).toBeInstanceOf(IpcFailure);
    expect(toIpcError(failure)).toEqual(error);
  });

  it("wraps a rejection that is not an IpcError as kind internal", async () => {
    installMockBackend(() => Promise.reject("command provider_list not found"));
    const failure = toIpcError(await call("provider_list", null).catch((raw: unknown) => raw));
    expect(failure.kind).toBe("internal");
    expect(failure.message).toBe("command provider_list not found");
    expect(failure.retryable).toBe(false);
  });
});

describe("normalizeIpcError", () => {
  it("keeps every field of a well-formed error", () => {
    const error: IpcError = {
      kind: "auth",
      message: "Wrong key.",
      retryable: false,
      detail: "401",
    };
    expect(normalizeIpcError(error)).toEqual(error);
  });

  it("turns JS errors, unknown kinds and odd values into internal errors", () => {
    expect(normalizeIpcError(new Error("boom"))).toMatchObject({
      kind: "internal",
      message: "boom",
    });
    expect(normalizeIpcError({ kind: "weird", message: "x" }).kind).toBe("internal");
    expect(normalizeIpcError(undefined).kind).toBe("internal");
    expect(normalizeIpcError({ code: 5 }).message).toBe('{"code":5}');
  });
});

describe("stream", () => {
  it("invokes with { req, onEvent } and delivers the Channel's events in order", async () => {
    let channel: unknown;
    let request: unknown;
    installMockBackend((cmd, args) => {
      request = args?.req;
      channel = args?.onEvent;
      return { runId: "r1", conversationId: "c1", assistantMessageId: "m2", userMessageId: "m1" };
    });
    const events: ChatStreamEvent[] = [];
    const started = await stream("chat_regenerate", { messageId: "m0" }, (event) =>
      events.push(event),
    );
    expect(started.runId).toBe("r1");
    expect(request).toEqual({ messageId: "m0" });
    sendThroughChannel<ChatStreamEvent>(channel, { event: "opened", data: { messageId: "m2" } });
    sendThroughChannel<ChatStreamEvent>(channel, {
      event: "delta",
      data: { messageId: "m2", text: "Hel", reasoning: "" },
    });
    sendThroughChannel<ChatStreamEvent>(channel, {
      event: "delta",
      data: { messageId: "m2", text: "lo", reasoning: "" },
    });
    expect(events.map((event) => event.event)).toEqual(["opened", "delta", "delta"]);
  });

  it("normalizes a failed start", async () => {
    installMockBackend(() =>
      Promise.reject({ kind: "auth", message: "No key.", retryable: false }),
    );
    const failure = await stream("chat_continue", { messageId: "m" }, () => undefined).catch(
      (raw: unknown) => raw,
    );
    expect(toIpcError(failure).kind).toBe("auth");
  });
});
