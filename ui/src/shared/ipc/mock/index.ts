/**
 * The mock backend: every command of the IPC contract, in memory, with realistic data.
 * Loaded only with `?mock=1` (or VITE_MOCK) as a separate chunk; never on the production path.
 */
import { emit } from "@tauri-apps/api/event";
import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import type { AppEvent } from "../../bindings/AppEvent";
import { COMMAND_NAMES } from "../../bindings/commands";
import type { ChatStreamEvent } from "../../bindings/ChatStreamEvent";
import { APP_EVENT_NAME } from "../client";
import { createHandlers } from "./handlers";
import { seedMockDb, type SeedOptions } from "./seed";
import type { StreamSink } from "./runs";

interface ChannelLike {
  onmessage: (event: ChatStreamEvent) => void;
}

function isChannel(value: unknown): value is ChannelLike {
  return typeof value === "object" && value !== null && "onmessage" in value;
}

export function mockOptionsFromUrl(search: string): Partial<SeedOptions> {
  const params = new URLSearchParams(search);
  return {
    firstRun: params.has("firstrun"),
    noKeychain: params.has("nokeychain"),
    hostile: params.has("hostile"),
    conversationCount: params.has("few") ? 12 : 200,
  };
}

export function installMockBackend(options: Partial<SeedOptions> = {}): void {
  const db = seedMockDb({
    firstRun: false,
    noKeychain: false,
    hostile: false,
    conversationCount: 200,
    now: Date.now(),
    ...options,
  });
  const emitAppEvent = (event: AppEvent) => {
    // Like the backend's batched notifier: after the current call returns.
    window.setTimeout(() => void emit(APP_EVENT_NAME, event), 0);
  };
  const handlers = createHandlers(db, emitAppEvent);
  const known = new Set<string>(COMMAND_NAMES);

  mockWindows("main");
  mockIPC(
    (cmd, args) => {
      if (cmd.startsWith("plugin:opener|")) {
        const url = (args as { url?: string } | undefined)?.url;
        console.info("[mock] open in system browser:", url);
        return null;
      }
      if (!known.has(cmd)) {
        const error = { kind: "notFound", message: `Unknown command ${cmd}.`, retryable: false };
        return Promise.reject(error);
      }
      const payload = (args ?? {}) as { req?: unknown; onEvent?: unknown };
      const sink: StreamSink | null = isChannel(payload.onEvent)
        ? (event) => (payload.onEvent as ChannelLike).onmessage(event)
        : null;
      const handler = handlers[cmd as keyof typeof handlers] as (
        req: unknown,
        sink: StreamSink | null,
      ) => unknown;
      try {
        return Promise.resolve(handler(payload.req ?? null, sink));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    { shouldMockEvents: true },
  );
}
