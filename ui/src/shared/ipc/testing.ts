/**
 * Test helpers: other folders mock the backend through these, so that only shared/ipc
 * imports @tauri-apps/*.
 */
import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import type { Channel } from "@tauri-apps/api/core";

export type MockHandler = (cmd: string, args: Record<string, unknown> | undefined) => unknown;

export function installMockBackend(handler: MockHandler): void {
  mockWindows("main");
  mockIPC((cmd, args) => handler(cmd, args as Record<string, unknown> | undefined), {
    shouldMockEvents: true,
  });
}

export function removeMockBackend(): void {
  clearMocks();
}

/** Sends one event through a Channel received by a mock handler (as `args.onEvent`). */
export function sendThroughChannel<T>(channel: unknown, event: T): void {
  const typed = channel as Channel<T>;
  typed.onmessage(event);
}

/** Emits an app-wide event to listeners registered with `onAppEvent` (needs shouldMockEvents). */
export async function emitMockEvent(event: string, payload: unknown): Promise<void> {
  const { emit } = await import("@tauri-apps/api/event");
  await emit(event, payload);
}
